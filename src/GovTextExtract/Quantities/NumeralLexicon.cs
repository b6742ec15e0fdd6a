using System.Text.Json;
using GovTextExtract.Lexicons;

namespace GovTextExtract.Quantities;

/// <summary>The words around Chinese numerals that decide whether a numeral is a value (models/lexicons/numerals.json):
/// fixed expressions (统一, 三农, 十四五), name followers (十九大), words that open with 成, extra decrease verbs, words
/// of no change (持平) and doubling phrases (翻一番).</summary>
internal sealed class NumeralLexicon
{
    private static readonly Lazy<NumeralLexicon> DefaultLexicon = new(() => Parse(LexiconSet.ReadEmbedded("numerals.json")));

    /// <summary>The lexicon embedded in the library.</summary>
    public static NumeralLexicon Default => DefaultLexicon.Value;

    /// <summary>Fixed expressions whose numerals count nothing.</summary>
    public IReadOnlyList<string> FixedExpressions { get; private init; } = [];

    /// <summary>Words after a bare numeral that make it a name.</summary>
    public IReadOnlyList<string> NameFollowers { get; private init; } = [];

    /// <summary>Words opening with 成 (or following 一成) that make 成 no share.</summary>
    public IReadOnlyList<string> ShareNotBefore { get; private init; } = [];

    /// <summary>Decrease verbs beyond those of bounds.json.</summary>
    public IReadOnlyList<string> DecreaseWords { get; private init; } = [];

    /// <summary>Words of no change, longest first, each with whether it is approximate.</summary>
    public IReadOnlyList<(string Text, bool Approximate)> FlatWords { get; private init; } = [];

    /// <summary>Doubling phrases, longest first, with their factor.</summary>
    public IReadOnlyList<(string Text, decimal Factor)> Doubling { get; private init; } = [];

    /// <summary>For each character, the fixed expressions holding it and where: a fast test of whether a numeral at
    /// a position is inside one of them.</summary>
    private Dictionary<char, (string Phrase, int Offset)[]> _byChar = [];

    /// <summary>Parses the JSON of a numerals lexicon.</summary>
    public static NumeralLexicon Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        static string[] Words(JsonElement e, string list, string field) =>
            e.GetProperty(list).GetProperty(field).EnumerateArray().Select(x => x.GetString()!).ToArray();
        var fixedExpressions = Words(root, "fixed_expressions", "phrases");
        var lex = new NumeralLexicon
        {
            FixedExpressions = fixedExpressions,
            NameFollowers = Words(root, "name_followers", "words").OrderByDescending(w => w.Length).ToArray(),
            ShareNotBefore = Words(root, "share_not_before", "words").OrderByDescending(w => w.Length).ToArray(),
            DecreaseWords = Words(root, "decrease_words", "words").OrderByDescending(w => w.Length).ToArray(),
            FlatWords = root.GetProperty("flat_words").GetProperty("words").EnumerateArray()
                .Select(w => (w.GetProperty("text").GetString()!, w.GetProperty("approximate").GetBoolean()))
                .OrderByDescending(w => w.Item1.Length).ToArray(),
            Doubling = root.GetProperty("doubling").GetProperty("phrases").EnumerateArray()
                .Select(w => (w.GetProperty("text").GetString()!, w.GetProperty("factor").GetDecimal()))
                .OrderByDescending(w => w.Item1.Length).ToArray(),
        };
        lex._byChar = fixedExpressions
            .SelectMany(p => p.Select((c, k) => (c, p, k)))
            .GroupBy(x => x.c)
            .ToDictionary(g => g.Key, g => g.Select(x => (x.p, x.k)).ToArray());
        return lex;
    }

    /// <summary>True when the character at <paramref name="at"/> is part of a fixed expression of the text.</summary>
    public bool InFixedExpression(string text, int at)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (at < 0 || at >= text.Length || !_byChar.TryGetValue(text[at], out var entries)) return false;
        foreach (var (phrase, offset) in entries)
        {
            var s = at - offset;
            if (s >= 0 && s + phrase.Length <= text.Length && string.CompareOrdinal(text, s, phrase, 0, phrase.Length) == 0)
                return true;
        }
        return false;
    }
}
