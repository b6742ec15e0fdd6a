namespace GovTextExtract.Normalization;

/// <summary>Drops the pinyin that some traditional↔simplified converters insert in brackets after a character:
/// 實現(xiàn)城鄉(xiāng)就業(yè) → 實現城鄉就業. Runs on folded text, where full-width brackets are already ASCII.</summary>
/// <remarks>
/// A bracket is pinyin noise when it follows a CJK ideograph and holds 1–7 lower-case Latin letters that spell one
/// pinyin syllable (an optional initial and a final: xiàn, lüè, lve; not km, kg or t). A syllable with a tone mark or ü
/// is dropped wherever it stands. One without (de, men: the neutral tone) is dropped only in a text where marked ones
/// were found, and only with two letters or more, so a unit such as (ha) or a list mark (a) in ordinary text stays.
/// Upper case is never pinyin: (CPI), (GDP) and (PM2.5) stay, and so do (万元), (%) and (2013-2017年).
/// </remarks>
internal static class PinyinNoise
{
    private const int MaxLetters = 7;

    // Finals of Mandarin pinyin, with v for ü (lv, nve); n, ng and m alone (interjections) are left out.
    private static readonly HashSet<string> Finals =
    [
        "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er",
        "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong",
        "ua", "uo", "uai", "ui", "uan", "un", "uang", "ueng", "ue", "ve", "van", "vn",
    ];

    /// <summary>The text without its bracketed pinyin.</summary>
    public static MappedText Remove(MappedText input)
    {
        var t = input.Text;
        List<(int Start, int Length, bool Marked)>? found = null;
        for (var i = 1; i < t.Length; i++)
        {
            if (t[i] != '(' || !IsIdeograph(t[i - 1])) continue;
            if (Syllable(t, i) is { } s) (found ??= []).Add((i, s.Length, s.Marked));
        }
        if (found is null || !found.Exists(f => f.Marked)) return input;
        var drop = new bool[t.Length];
        foreach (var (start, length, marked) in found)
        {
            if (!marked && length - 2 < 2) continue;
            Array.Fill(drop, true, start, length);
        }
        return input.Drop(drop);
    }

    /// <summary>The bracket opening at <paramref name="open"/> when it holds one pinyin syllable: its length with
    /// the brackets, and whether it carries a tone mark or ü.</summary>
    private static (int Length, bool Marked)? Syllable(string t, int open)
    {
        Span<char> plain = stackalloc char[MaxLetters];
        var marked = false;
        var n = 0;
        for (var k = open + 1; k < t.Length; k++)
        {
            var c = t[k];
            if (c == ')')
                return n > 0 && IsSyllable(plain[..n]) ? (k - open + 1, marked) : null;
            if (n > 0 && c is '\u0300' or '\u0301' or '\u0304' or '\u0308' or '\u030C')
            {
                marked = true; // a tone mark or diaeresis written as a combining character (xia\u0300n)
                continue;
            }
            if (n == MaxLetters || Plain(c) is not { } p) return null;
            plain[n++] = p.Letter;
            marked |= p.Marked;
        }
        return null;
    }

    /// <summary>The letter without its tone mark (ü as v), and whether it had a mark.</summary>
    private static (char Letter, bool Marked)? Plain(char c) => c switch
    {
        >= 'a' and <= 'z' => (c, false),
        'ā' or 'á' or 'ǎ' or 'à' => ('a', true),
        'ē' or 'é' or 'ě' or 'è' or 'ê' => ('e', true),
        'ī' or 'í' or 'ǐ' or 'ì' => ('i', true),
        'ō' or 'ó' or 'ǒ' or 'ò' => ('o', true),
        'ū' or 'ú' or 'ǔ' or 'ù' => ('u', true),
        'ü' or 'ǖ' or 'ǘ' or 'ǚ' or 'ǜ' => ('v', true),
        'ɑ' => ('a', false), // the single-storey a and g of pinyin fonts
        'ɡ' => ('g', false),
        _ => null,
    };

    private static bool IsSyllable(ReadOnlySpan<char> s)
    {
        var initial = s.Length >= 2 && s[1] == 'h' && s[0] is 'z' or 'c' or 's' ? 2
            : s[0] is 'a' or 'o' or 'e' or 'i' or 'u' or 'v' ? 0 : 1;
        if (initial == 1 && !"bpmfdtnlgkhjqxrzcsyw".Contains(s[0], StringComparison.Ordinal)) return false;
        return Finals.GetAlternateLookup<ReadOnlySpan<char>>().Contains(s[initial..]);
    }

    /// <summary>A CJK unified or compatibility ideograph of the basic plane.</summary>
    internal static bool IsIdeograph(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
