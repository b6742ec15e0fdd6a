using GovTextExtract.Documents;
using GovTextExtract.Roles;

namespace GovTextExtract.Links;

/// <summary>The candidate links of a document given its mentions' roles: every rate and difference against every
/// actual of its sentence; every actual against the targets of compatible unit in its paragraph and in the paragraphs
/// just before it under the same heading (at most <see cref="MaxTargetsPerActual"/>, nearest first).</summary>
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
                foreach (var a in doc.MentionsInSentence(m.Sentence))
                    if (roles[a.Index] == MentionRole.Actual && (kind == LinkKind.Rate || a.Index < m.Index))
                        candidates.Add(new LinkCandidate(kind, m.Index, a.Index));
            }
            else if (role == MentionRole.Actual)
            {
                var heading = doc.Blocks[m.Block].Heading;
                var targets = Enumerable.Range(Math.Max(0, m.Block - BlocksBack), m.Block - Math.Max(0, m.Block - BlocksBack) + 1)
                    .SelectMany(doc.MentionsInBlock)
                    .Where(t => roles[t.Index] == MentionRole.Target && t.Index != m.Index && LinkRules.Compatible(t, m)
                                && (t.Block == m.Block || (t.Block < m.Block && t.Block >= m.Block - BlocksBack && doc.Blocks[t.Block].Heading == heading)))
                    .OrderBy(t => (t.Block == m.Block ? 0 : 1, Math.Abs(t.Span.Start - m.Span.Start)))
                    .Take(MaxTargetsPerActual);
                foreach (var t in targets) candidates.Add(new LinkCandidate(LinkKind.Target, t.Index, m.Index));
            }
        }
        return candidates;
    }
}
