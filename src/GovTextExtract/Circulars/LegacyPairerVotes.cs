using GovTextExtract.Documents;
using GovTextExtract.Links;
using GovTextExtract.Pairing;
using GovTextExtract.Roles;
using GovTextExtract.Text;

namespace GovTextExtract.Circulars;

/// <summary>The earlier circular pairer read as votes: each figure it takes as a record's target, actual or stated
/// rate gets a <c>legacy.target</c>, <c>legacy.actual</c> or <c>legacy.rate</c> vote, and each record's target and
/// rate are proposed as links to its actual (<c>link.legacy</c>). Its many rules, tuned on the corpus circular and
/// constructed circulars, so serve as features that the classifier learns how far to trust.</summary>
public sealed class LegacyPairerVotes(CircularPairer pairer) : IVoteSource
{
    /// <summary>The role vote for a figure the pairer takes as a target.</summary>
    public const string Target = "legacy.target";
    /// <summary>The role vote for a figure the pairer takes as an actual.</summary>
    public const string Actual = "legacy.actual";
    /// <summary>The role vote for a figure the pairer takes as a stated rate.</summary>
    public const string Rate = "legacy.rate";
    /// <summary>The link the pairer's record makes.</summary>
    public const string Link = "link.legacy";
    /// <summary>The role vote for a target the pairer pairs with an actual (its links are its most accurate reading,
    /// so these votes lead: see <see cref="IVoteSource.LeadingRules"/>).</summary>
    public const string PairedTarget = "legacy.paired_target";
    /// <summary>The role vote for an actual the pairer pairs with a target or a rate.</summary>
    public const string PairedActual = "legacy.paired_actual";

    /// <inheritdoc />
    public IReadOnlyList<string> RoleRuleNames { get; } = [PairedTarget, PairedActual, Target, Actual, Rate];

    /// <inheritdoc />
    public IReadOnlyList<string> LeadingRules { get; } = [PairedTarget, PairedActual];

    /// <inheritdoc />
    public IReadOnlyList<string> LinkRuleNames { get; } = [Link];

    /// <inheritdoc />
    public SourceVotes Vote(GovDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var roles = new Dictionary<int, IReadOnlyList<RoleVote>>();
        var links = new List<(LinkCandidate, string)>();
        void Add(int mention, string rule, MentionRole role)
        {
            var list = roles.TryGetValue(mention, out var l) ? (List<RoleVote>)l : [];
            if (!list.Any(v => v.Rule == rule)) list.Add(new RoleVote(rule, role));
            roles[mention] = list;
        }
        foreach (var r in pairer.Pair(doc.Text))
        {
            var target = MentionAt(doc, r.Evidence.Target);
            var actual = MentionAt(doc, r.Evidence.Actual);
            var rate = MentionAt(doc, r.Evidence.Rate);
            // A target derived from a difference is the difference's figure: no target vote.
            if (target >= 0 && r.Target is { Derived: false }) Add(target, Target, MentionRole.Target);
            if (actual >= 0) Add(actual, Actual, MentionRole.Actual);
            if (rate >= 0) Add(rate, Rate, MentionRole.Rate);
            if (actual >= 0 && target >= 0 && target != actual && r.Target is { Derived: false })
            {
                links.Add((new LinkCandidate(LinkKind.Target, target, actual), Link));
                Add(target, PairedTarget, MentionRole.Target);
                Add(actual, PairedActual, MentionRole.Actual);
            }
            if (actual >= 0 && rate >= 0 && rate != actual)
            {
                links.Add((new LinkCandidate(LinkKind.Rate, rate, actual), Link));
                Add(actual, PairedActual, MentionRole.Actual);
            }
        }
        return new SourceVotes(roles, links);
    }

    /// <summary>The first mention whose span overlaps the evidence span, or -1. Mentions are in text order and do not
    /// overlap one another, so a binary search finds the first that ends after the span starts.</summary>
    private static int MentionAt(GovDocument doc, SourceSpan? span)
    {
        if (span is not { } s) return -1;
        var mentions = doc.Mentions;
        int lo = 0, hi = mentions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (mentions[mid].Span.End <= s.Start) lo = mid + 1;
            else hi = mid;
        }
        for (var i = lo; i < mentions.Count && mentions[i].Span.Start < s.End + 1; i++)
            if (mentions[i].Span.Overlaps(s)) return mentions[i].Index;
        return -1;
    }
}
