namespace GovTextExtract.Documents;

/// <summary>The words around a mention that rules and features compare.</summary>
public static class MentionText
{
    /// <summary>The text of a mention's clause before it.</summary>
    public static string Lead(GovDocument doc, Mention m)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(m);
        var clause = doc.ClauseOf(m);
        return doc.Text.Substring(clause.Start, Math.Max(0, Math.Max(clause.Start, m.Quantity.CoreSpan.Start) - clause.Start));
    }

    /// <summary>Dice coefficient of the character bigrams (without digits) of two mentions' leads, 0..1: how far the
    /// words before them name the same thing (全年接待旅游人数7600万人次 … 全市接待旅游人数7630万人次).</summary>
    public static double Similarity(GovDocument doc, Mention a, Mention b)
    {
        var ga = Grams(Lead(doc, a));
        var gb = Grams(Lead(doc, b));
        if (ga.Count == 0 || gb.Count == 0) return 0;
        var shared = ga.Count(gb.Contains);
        return 2.0 * shared / (ga.Count + gb.Count);
    }

    /// <summary>Dice coefficient of the character bigrams (without digits) of the two mentions' sentences before them:
    /// for figures whose clause holds only part of their name (…重点建设项目252项,年度计划投资496.37亿元).</summary>
    public static double SentenceSimilarity(GovDocument doc, Mention a, Mention b)
    {
        ArgumentNullException.ThrowIfNull(doc);
        string Before(Mention m)
        {
            var s = doc.SentenceOf(m);
            return doc.Text.Substring(s.Start, Math.Max(0, Math.Max(s.Start, m.Quantity.CoreSpan.Start) - s.Start));
        }
        var ga = Grams(Before(a));
        var gb = Grams(Before(b));
        if (ga.Count == 0 || gb.Count == 0) return 0;
        var shared = ga.Count(gb.Contains);
        return 2.0 * shared / (ga.Count + gb.Count);
    }

    private static HashSet<string> Grams(string s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < s.Length; i++)
            if (char.IsLetter(s[i]) && char.IsLetter(s[i + 1])) set.Add(s.Substring(i, 2));
        return set;
    }
}
