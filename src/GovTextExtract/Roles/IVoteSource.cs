using GovTextExtract.Documents;
using GovTextExtract.Links;

namespace GovTextExtract.Roles;

/// <summary>What a vote source says of a document: role votes for mentions and links it proposes.</summary>
/// <param name="Roles">Role votes, by mention index.</param>
/// <param name="Links">Links it proposes, each with the name of the rule that proposes it.</param>
public sealed record SourceVotes(IReadOnlyDictionary<int, IReadOnlyList<RoleVote>> Roles, IReadOnlyList<(LinkCandidate Link, string Rule)> Links);

/// <summary>A source of named votes beyond the pattern rules: a whole reader whose output is read as votes (the
/// earlier circular pairer), so that its knowledge serves as features without deciding alone.</summary>
public interface IVoteSource
{
    /// <summary>The names of the role rules it may vote with, for the feature layout.</summary>
    IReadOnlyList<string> RoleRuleNames { get; }

    /// <summary>The role rules whose votes take precedence over the pattern rules in the rules-alone reading (the others
    /// come after them).</summary>
    IReadOnlyList<string> LeadingRules { get; }

    /// <summary>The names of the link rules it may propose with.</summary>
    IReadOnlyList<string> LinkRuleNames { get; }

    /// <summary>Its votes on a document.</summary>
    SourceVotes Vote(GovDocument doc);
}
