using System.Text;

namespace GovTextExtract.Normalization;

/// <summary>Folds full-width characters to half-width and tidies spaces, keeping a map back to the original offsets.</summary>
/// <remarks>Full-width ASCII (U+FF01..U+FF5E: ８％（），；：) becomes ASCII, so the recogniser sees one form of every
/// digit and mark; 。 and 、 have no half-width twin and stay. The ideographic and no-break spaces become a space, dashes
/// become '-', the micro sign µ becomes μ. A carriage return before a line feed is dropped; the offset map keeps every
/// other character 1:1.</remarks>
public static class TextNormalizer
{
    /// <summary>Normalises <paramref name="original"/>.</summary>
    public static NormalizedText Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var sb = new StringBuilder(original.Length);
        var map = new List<int>(original.Length + 1);
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (c == '\r' && i + 1 < original.Length && original[i + 1] == '\n')
                continue;
            var n = Fold(c);
            sb.Append(n);
            map.Add(i);
        }
        map.Add(original.Length);
        return new NormalizedText(original, sb.ToString(), map.ToArray());
    }

    /// <summary>The half-width form of one character.</summary>
    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' => ' ',
        '\r' => '\n',
        '\u2014' or '\u2013' or '\u2212' or '\uFF0D' => '-',
        '\uFF5E' or '\u301C' => '~',
        '\u3014' => '〔',
        '\u00B5' => '\u03BC', // the micro sign reads as the Greek mu of μg/m3
        _ => c,
    };
}
