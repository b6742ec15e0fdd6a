using GovTextExtract.Documents;
using GovTextExtract.Roles;

namespace GovTextExtract.Links;

/// <summary>The candidate links of a document given its mentions' roles: every rate and difference against every
/// actual of its sentence (or, for a rate with no figure before it in its sentence, of the sentence before in its
/// paragraph); every actual against the targets of compatible unit in its paragraph, in the
/// <see cref="BlocksBack"/> paragraphs before it and in the one after it (at most <see cref="MaxTargetsPerActual"/>,
/// nearest first).</summary>
public static class LinkCandidates
{
    /// <summary>Paragraphs before an actual's own in which its target may stand.</summary>
    public const int BlocksBack = 3;

    /// <summary>The most target candidates an actual gets.</summary>
    public const int MaxTargetsPerActual = 8;

    /// <summary>The candidates of <paramref name="doc"/>.</summary>
    public static IReadOnlyList<LinkCandidate> For(GovDocument doc, IReadOnlyList<MentionRole> roles)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(roles);
        var candidates = new List<LinkCandidate>();
        foreach (var m in doc.Mentions)
        {
            var role = roles[m.Index];
            if (role is MentionRole.Rate or MentionRole.Difference)
            {
                var kind = role == MentionRole.Rate ? LinkKind.Rate : LinkKind.Difference;
                var any = false;
                foreach (var a in doc.MentionsInSentence(m.Sentence))
                    if (roles[a.Index] == MentionRole.Actual && (kind == LinkKind.Rate || a.Index < m.Index))
                    {
                        candidates.Add(new LinkCandidate(kind, m.Index, a.Index));
                        any |= a.Index < m.Index;
                    }
                // "…资金25.47亿元,完成市上全年任务(42.5亿元)的59.94%;完成县上全年任务(46.5亿元)的54.78%": a rate that
                // opens its sentence may measure a result of the sentence before.
                if (!any && m.Sentence > 0 && doc.Sentences[m.Sentence - 1].Block == m.Block)
                    foreach (var a in doc.MentionsInSentence(m.Sentence - 1))
                        if (roles[a.Index] == MentionRole.Actual) candidates.Add(new LinkCandidate(kind, m.Index, a.Index));
            }
            else if (role == MentionRole.Actual)
            {
                var first = Math.Max(0, m.Block - BlocksBack);
                var last = Math.Min(doc.Blocks.Count - 1, m.Block + 1);
                var targets = Enumerable.Range(first, last - first + 1)
                    .SelectMany(doc.MentionsInBlock)
                    .Where(t => roles[t.Index] == MentionRole.Target && t.Index != m.Index && LinkRules.Compatible(t, m))
                    .OrderBy(t => (t.Block == m.Block ? 0 : 1, Math.Abs(t.Span.Start - m.Span.Start)))
                    .Take(MaxTargetsPerActual);
                foreach (var t in targets) candidates.Add(new LinkCandidate(LinkKind.Target, t.Index, m.Index));
            }
        }
        return candidates;
    }
}
