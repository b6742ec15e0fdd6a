using GovTextExtract.Documents;
using GovTextExtract.Roles;

namespace GovTextExtract.Links;

/// <summary>The features the link classifier reads for a candidate: its kind, the link rules that vote for it, how
/// far apart its two figures stand (clause, sentence, paragraph, figures between), their units and magnitudes, whether
/// a stated rate in the result's sentence agrees with result ÷ target, and how much of their words they share.</summary>
public static class LinkFeatures
{
    private static readonly int VotesAt = 3;
    private static readonly int StructureAt = VotesAt + LinkRules.Names.Count;

    /// <summary>The length of a feature vector.</summary>
    public static int Count { get; } = StructureAt + 30;

    /// <summary>The features of a candidate.</summary>
    /// <param name="doc">The document.</param>
    /// <param name="roles">The role of every mention.</param>
    /// <param name="c">The candidate.</param>
    /// <param name="fired">The link rules that vote for it.</param>
    /// <param name="withVotes">False to leave the rule-vote slots empty (the ablation).</param>
    public static float[] Compute(GovDocument doc, IReadOnlyList<MentionRole> roles, LinkCandidate c, IReadOnlyList<string> fired, bool withVotes = true)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(fired);
        var f = new float[Count];
        f[(int)c.Kind] = 1;
        if (withVotes)
            foreach (var name in fired)
            {
                var slot = IndexOf(name);
                if (slot >= 0) f[VotesAt + slot] = 1;
            }
        var from = doc.Mentions[c.From];
        var to = doc.Mentions[c.To];
        var s = StructureAt;
        f[s + 0] = from.Sentence == to.Sentence && from.Clause == to.Clause ? 1 : 0;
        f[s + 1] = from.Sentence == to.Sentence ? 1 : 0;
        f[s + 2] = from.Block == to.Block ? 1 : 0;
        var sentencesApart = Math.Abs(from.Sentence - to.Sentence);
        f[s + 3 + Math.Min(sentencesApart, 3)] = 1;
        var apart = Math.Abs(from.Index - to.Index);
        f[s + 7 + Math.Min(apart, 4) - 1] = apart == 0 ? 0 : 1;
        f[s + 11] = from.Index < to.Index ? 1 : 0;
        int lo = Math.Min(from.Index, to.Index), hi = Math.Max(from.Index, to.Index);
        var between = Enumerable.Range(lo + 1, Math.Max(0, hi - lo - 1)).Select(i => roles[i]).ToArray();
        f[s + 12] = Math.Min(between.Count(r => r == MentionRole.Actual), 3);
        f[s + 13] = Math.Min(between.Count(r => r == MentionRole.Target), 3);
        f[s + 14] = Math.Min(between.Count(r => r == MentionRole.Rate), 3);
        f[s + 15] = from.Quantity.Unit == to.Quantity.Unit ? 1 : 0;
        f[s + 16] = LinkRules.Compatible(from, to) ? 1 : 0;
        f[s + 17] = UnitClasses.Of(from.Quantity) == UnitClass.Percent ? 1 : 0;
        f[s + 18] = UnitClasses.Of(to.Quantity) == UnitClass.Percent ? 1 : 0;
        if (from.Quantity.Value is { } fv && to.Quantity.Value is { } tv && fv != 0 && tv != 0 && c.Kind == LinkKind.Target)
        {
            var ratio = Math.Log10((double)Math.Abs(tv) / (double)Math.Abs(fv));
            f[s + 19] = ratio is > -0.5 and < 0.5 ? 1 : 0;
            f[s + 20] = ratio is > -1.5 and < 1.5 ? 1 : 0;
            f[s + 21] = RateAgrees(doc, roles, to, fv, tv) ? 1 : 0;
        }
        f[s + 22] = (float)LinkRules.Similarity(doc, from, to);
        var (fRank, fLength) = LinkRules.ListPlace(doc, roles, from, roles[from.Index]);
        var (tRank, tLength) = LinkRules.ListPlace(doc, roles, to, MentionRole.Actual);
        f[s + 23] = fLength > 1 ? 1 : 0;
        f[s + 24] = tLength > 1 ? 1 : 0;
        f[s + 25] = fLength > 1 && fLength == tLength && fRank == tRank ? 1 : 0;
        f[s + 26] = from.InTable ? 1 : 0;
        f[s + 27] = doc.Blocks[to.Block].Role == BlockRole.Item ? 1 : 0;
        f[s + 28] = Math.Min(Math.Abs(from.Span.Start - to.Span.Start) / 50f, 4f);
        f[s + 29] = fired.Count > 0 ? 1 : 0;
        return f;
    }

    private static int IndexOf(string name)
    {
        for (var i = 0; i < LinkRules.Names.Count; i++)
            if (LinkRules.Names[i] == name) return i;
        return -1;
    }

    /// <summary>True when a stated rate in the result's sentence equals result ÷ target × 100 (within one point).</summary>
    private static bool RateAgrees(GovDocument doc, IReadOnlyList<MentionRole> roles, Mention actual, decimal target, decimal value)
    {
        var expected = value / target * 100m;
        foreach (var m in doc.MentionsInSentence(actual.Sentence))
        {
            if (roles[m.Index] != MentionRole.Rate || m.Quantity.Value is not { } r) continue;
            if (Math.Abs(r - expected) <= 1m) return true;
        }
        return false;
    }
}
