namespace GovTextExtract.Pairing;

/// <summary>How much two indicator phrases share: character bigrams (digits and punctuation left out), so that
/// 新增城镇就业 and 城镇新增就业 agree although their words stand in another order.</summary>
public static class IndicatorSimilarity
{
    /// <summary>Share of <paramref name="indicator"/>'s bigrams found in <paramref name="context"/> (0..1).</summary>
    public static double Containment(string indicator, string context)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(context);
        var a = Bigrams(indicator);
        if (a.Count == 0) return 0;
        var b = Bigrams(context);
        var shared = a.Count(b.Contains);
        return (double)shared / a.Count;
    }

    /// <summary>Dice coefficient over the character multisets of two phrases (0..1): penalises what either has extra.</summary>
    public static double CharDice(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var ca = a.Where(char.IsLetterOrDigit).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var cb = b.Where(char.IsLetterOrDigit).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var na = ca.Values.Sum();
        var nb = cb.Values.Sum();
        if (na + nb == 0) return 0;
        var shared = ca.Sum(kv => Math.Min(kv.Value, cb.GetValueOrDefault(kv.Key)));
        return 2.0 * shared / (na + nb);
    }

    /// <summary>The set of CJK/letter bigrams of a phrase.</summary>
    public static HashSet<string> Bigrams(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var chars = s.Where(IsWordChar).ToArray();
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < chars.Length; i++) set.Add(new string(chars, i, 2));
        if (chars.Length == 1) set.Add(chars[0].ToString());
        return set;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);
}
