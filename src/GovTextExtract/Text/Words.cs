namespace GovTextExtract.Text;

/// <summary>Ordinal tests of a text against a list of words (cue words, lexicon entries).</summary>
internal static class Words
{
    /// <summary>True when the text holds any of the words.</summary>
    public static bool ContainsAny(ReadOnlySpan<char> text, IEnumerable<string> words)
    {
        foreach (var w in words)
            if (text.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>True when the text starts with any of the words.</summary>
    public static bool StartsWithAny(ReadOnlySpan<char> text, IEnumerable<string> words)
    {
        foreach (var w in words)
            if (text.StartsWith(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>True when the text ends with any of the words.</summary>
    public static bool EndsWithAny(ReadOnlySpan<char> text, IEnumerable<string> words)
    {
        foreach (var w in words)
            if (text.EndsWith(w, StringComparison.Ordinal)) return true;
        return false;
    }
}
