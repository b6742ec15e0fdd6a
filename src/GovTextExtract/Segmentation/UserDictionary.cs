using System.Globalization;

namespace GovTextExtract.Segmentation;

/// <summary>The domain user dictionary (<c>models/segmenter/userdict.txt</c>): generic government vocabulary that
/// jieba's general dictionary splits badly.</summary>
/// <remarks>Format per line, as jieba's: <c>word [frequency] [pos]</c>; <c>#</c> starts a comment.</remarks>
public static class UserDictionary
{
    /// <summary>Default frequency for a word listed without one.</summary>
    public const int DefaultFrequency = 2000;

    /// <summary>Reads the embedded user dictionary.</summary>
    public static IReadOnlyList<(string Word, int Frequency)> Load()
    {
        using var stream = typeof(UserDictionary).Assembly.GetManifestResourceStream("GovTextExtract.Segmenter.userdict.txt")
            ?? throw new SegmenterDataException("the user dictionary userdict.txt is not embedded in the library");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses user-dictionary text.</summary>
    public static IReadOnlyList<(string Word, int Frequency)> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<(string, int)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var freq = parts.Length > 1 && int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var f)
                ? f : DefaultFrequency;
            list.Add((parts[0], freq));
        }
        return list;
    }
}
