namespace GovTextExtract.Normalization;

/// <summary>Produces the reading text every later stage sees, keeping a map back to the original offsets.</summary>
/// <remarks>
/// In order:
/// <list type="number">
/// <item>Full-width ASCII (U+FF01..U+FF5E: ８％（），；：) becomes ASCII, so the recogniser sees one form of every digit
/// and mark; 。 and 、 have no half-width twin and stay. The ideographic and no-break spaces become a space, dashes
/// become '-', the micro sign µ becomes μ (<see cref="Fold"/>). A carriage return before a line feed is dropped.</item>
/// <item>Zero-width and bidirectional control characters (U+200B..U+200F, U+202A..U+202E, U+2060..U+2064,
/// U+2066..U+2069, U+FEFF) are dropped: <c>5\u200C.3万</c> reads 5.3万.</item>
/// <item>Pinyin that a script converter inserted in brackets after a character is dropped: 實現(xiàn) → 實現
/// (<c>Normalization/PinyinNoise.cs</c>).</item>
/// <item>Traditional characters become simplified by OpenCC's character table, one for one; characters that are also
/// simplified (於, 乾) only in a predominantly traditional text (<c>Normalization/ChineseScript.cs</c>).</item>
/// <item>A figure split by layout is joined: <c>182.96 亿元</c>, <c>97⏎%</c>, <c>10.1 7亿元</c>, <c>201 7年</c>
/// (<c>Normalization/LayoutRepair.cs</c>).</item>
/// </list>
/// Characters are only replaced one for one or dropped, never added or reordered, so the offset map is monotone and
/// a span of the reading text maps to the original characters it came from, dropped ones inside it included. There
/// are no options: every step is safe on simplified, clean text (it leaves it as it is, bar the folding).
/// </remarks>
public static class TextNormalizer
{
    /// <summary>Normalises <paramref name="original"/>.</summary>
    public static NormalizedText Normalize(string original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var text = FoldAndDropInvisible(original);
        text = PinyinNoise.Remove(text);
        text = text.WithText(ChineseScript.ToSimplified(text.Text, ChineseScript.IsPredominantlyTraditional(text.Text)));
        text = LayoutRepair.Join(text);
        return new NormalizedText(original, text.Text, text.Map);
    }

    /// <summary>The half-width form of one character.</summary>
    public static char Fold(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
        '\u3000' or '\u00A0' or '\u2002' or '\u2003' or '\u2009' => ' ',
        '\r' => '\n',
        '\u2014' or '\u2013' or '\u2212' or '\uFF0D' or '\u2015' or '\u2012' or '\u2010' or '\u2011' => '-',
        '\uFF5E' or '\u301C' => '~',
        '\u3014' => '〔',
        '\u00B5' => '\u03BC', // the micro sign reads as the Greek mu of μg/m3
        _ => c,
    };

    /// <summary>Zero-width and bidirectional control characters: invisible, they only split what the reader sees as one
    /// figure or word.</summary>
    internal static bool IsInvisible(char c) =>
        c is >= '\u200B' and <= '\u200F' or >= '\u202A' and <= '\u202E' or >= '\u2060' and <= '\u2064'
            or >= '\u2066' and <= '\u2069' or '\uFEFF';

    /// <summary>Folds every character, drops CR before LF and invisible characters.</summary>
    private static MappedText FoldAndDropInvisible(string original)
    {
        var chars = new char[original.Length];
        var map = new int[original.Length + 1];
        var n = 0;
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if ((c == '\r' && i + 1 < original.Length && original[i + 1] == '\n') || IsInvisible(c))
                continue;
            chars[n] = Fold(c);
            map[n++] = i;
        }
        map[n] = original.Length;
        return new MappedText(new string(chars, 0, n), map[..(n + 1)]);
    }
}
