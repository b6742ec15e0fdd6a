using GovTextExtract.Documents;

namespace GovTextExtract.Roles;

/// <summary>One rule's vote for a mention.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Role">The role it votes.</param>
public readonly record struct RoleVote(string Rule, MentionRole Role);

/// <summary>Every role vote of a document: the pattern rules of <see cref="RoleRuleSet"/> first, then the relational
/// rules of <see cref="RelationalRoleRules"/>, which read the pattern votes of neighbouring mentions.</summary>
public sealed class RoleVotes
{
    private readonly IReadOnlyList<RoleVote>[] _byMention;

    private RoleVotes(IReadOnlyList<RoleVote>[] byMention, IReadOnlyList<(Links.LinkCandidate Link, string Rule)> suggested)
    {
        _byMention = byMention;
        SuggestedLinks = suggested;
    }

    /// <summary>The links the vote sources propose, each with its rule's name.</summary>
    public IReadOnlyList<(Links.LinkCandidate Link, string Rule)> SuggestedLinks { get; }

    private Dictionary<Links.LinkCandidate, List<string>>? _suggestedBy;

    /// <summary>The rules that propose <paramref name="link"/>, in the order they were proposed, without repeats
    /// (a look-up, not a scan of every proposal).</summary>
    public IReadOnlyList<string> SuggestedRules(Links.LinkCandidate link)
    {
        var index = _suggestedBy;
        if (index is null)
        {
            index = [];
            foreach (var (l, rule) in SuggestedLinks)
            {
                if (!index.TryGetValue(l, out var rules)) index[l] = rules = [];
                if (!rules.Contains(rule)) rules.Add(rule);
            }
            _suggestedBy = index; // a race builds the same index twice; either is right
        }
        return index.TryGetValue(link, out var found) ? found : [];
    }

    /// <summary>The votes for the mention with index <paramref name="mention"/>.</summary>
    public IReadOnlyList<RoleVote> For(int mention) => _byMention[mention];

    /// <summary>Number of mentions.</summary>
    public int Count => _byMention.Length;

    /// <summary>Collects the votes of every rule for every mention of <paramref name="doc"/>.</summary>
    /// <param name="doc">The document.</param>
    /// <param name="rules">The pattern rules.</param>
    /// <param name="sources">Further vote sources (the earlier pairer); their leading votes come before the pattern
    /// rules', the others after.</param>
    public static RoleVotes Collect(GovDocument doc, RoleRuleSet rules, IReadOnlyList<IVoteSource>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(rules);
        var suggested = new List<(Links.LinkCandidate, string)>();
        var pattern = new List<RoleVote>[doc.Mentions.Count];
        var leadingPattern = new HashSet<string>(rules.Rules.Where(r => r.Leads).Select(r => r.Name), StringComparer.Ordinal);
        foreach (var m in doc.Mentions)
        {
            var votes = new List<RoleVote>();
            foreach (var rule in rules.Rules)
                if (rule.Fires(doc, m)) votes.Add(new RoleVote(rule.Name, rule.Role));
            pattern[m.Index] = votes;
        }
        var sourceLeading = new HashSet<string>(StringComparer.Ordinal);
        var sourceRules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources ?? [])
        {
            var said = source.Vote(doc);
            foreach (var (mention, votes) in said.Roles) pattern[mention].AddRange(votes);
            suggested.AddRange(said.Links);
            sourceLeading.UnionWith(source.LeadingRules);
            sourceRules.UnionWith(source.RoleRuleNames);
        }
        var all = new IReadOnlyList<RoleVote>[pattern.Length];
        var parallel = ParallelPassages.Find(doc);
        foreach (var (stated, reported) in parallel)
            suggested.Add((new Links.LinkCandidate(Links.LinkKind.Target, stated, reported), Links.LinkRules.TargetParallel));
        var relational = RelationalRoleRules.Votes(doc, pattern, sourceRules, parallel);
        for (var i = 0; i < pattern.Length; i++)
        {
            // Precedence: leading pattern rules, subject counts (a count that is another figure's subject is never a
            // result, whatever pairs it), targets the figures verify and the percentages a difference in points measures, the sources' leading votes, item tasks, the other
            // pattern rules, the figures rates and differences measure, the sources' other votes, the other relational
            // rules.
            var p = pattern[i];
            var r = relational[i];
            all[i] =
            [
                .. p.Where(v => leadingPattern.Contains(v.Rule)),
                .. r.Where(v => v.Rule is RelationalRoleRules.SubjectCount or RelationalRoleRules.RateAgrees or RelationalRoleRules.BeforeDifference),
                .. p.Where(v => sourceLeading.Contains(v.Rule)),
                .. r.Where(v => _leading.Contains(v.Rule) && v.Rule is not (RelationalRoleRules.SubjectCount or RelationalRoleRules.RateAgrees or RelationalRoleRules.BeforeDifference)),
                .. p.Where(v => !leadingPattern.Contains(v.Rule) && !sourceRules.Contains(v.Rule)),
                .. r.Where(v => _measured.Contains(v.Rule)),
                .. p.Where(v => sourceRules.Contains(v.Rule) && !sourceLeading.Contains(v.Rule)),
                .. r.Where(v => !_leading.Contains(v.Rule) && !_measured.Contains(v.Rule)),
            ];
        }
        return new RoleVotes(all, suggested);
    }

    /// <summary>The role the rules alone give: that of the first vote (the pattern rules in file order, then the
    /// relational rules in the order of <see cref="RelationalRoleRules.Names"/>), else <see cref="MentionRole.Other"/>.</summary>
    public MentionRole RulesRole(int mention)
    {
        var votes = _byMention[mention];
        if (votes.Count == 0) return MentionRole.Other;
        var first = votes[0];
        if (!_relational.Contains(first.Rule) || _leading.Contains(first.Rule)) return first.Role;
        // Only relational votes: take them in the order of their names.
        foreach (var name in RelationalRoleRules.Names)
            foreach (var v in votes)
                if (v.Rule == name) return v.Role;
        return first.Role;
    }

    private static readonly HashSet<string> _relational = new(RelationalRoleRules.Names, StringComparer.Ordinal);
    private static readonly HashSet<string> _leading = new(RelationalRoleRules.Leading, StringComparer.Ordinal);

    /// <summary>Relational rules that name the figure a rate, difference or comparison measures: they precede the
    /// sources' unpaired votes (the gold finds them right 0.89–1.0 of the time, the earlier pairer's lone targets 0.57).</summary>
    private static readonly HashSet<string> _measured = new(
        [RelationalRoleRules.RatedActual, RelationalRoleRules.ListedForRates, RelationalRoleRules.ComparedWithTarget],
        StringComparer.Ordinal);

}
