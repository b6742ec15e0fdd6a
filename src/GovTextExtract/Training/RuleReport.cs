using GovTextExtract.Links;
using GovTextExtract.Roles;

namespace GovTextExtract.Training;

/// <summary>One rule's figures over a corpus, as Snorkel's labelling-function summary gives them.</summary>
/// <param name="Rule">The rule's name.</param>
/// <param name="Kind"><c>role</c> for a role vote, <c>link</c> for a link vote.</param>
/// <param name="Votes">Mentions (or candidate links) it voted for.</param>
/// <param name="Coverage">Its votes over all prose mentions (or all candidate links).</param>
/// <param name="Overlaps">Share of its votes where another rule voted too.</param>
/// <param name="Conflicts">Share of its votes where another rule voted a different role (links: where another
/// candidate of the same rate, difference or actual had a vote too).</param>
/// <param name="Correct">Votes that agree with the gold.</param>
public sealed record RuleFigures(string Rule, string Kind, int Votes, double Coverage, double Overlaps, double Conflicts, int Correct)
{
    /// <summary>Empirical accuracy: correct votes over votes (null when it never voted).</summary>
    public double? Accuracy => Votes == 0 ? null : (double)Correct / Votes;
}

/// <summary>Measures every role and link rule against the gold: coverage, overlaps, conflicts and empirical accuracy
/// (the Snorkel section of STYLE.md). Role rules are judged on the prose mentions of circular gold documents against
/// the roles the gold alignment gives; link rules on the candidate links between gold roles.</summary>
public static class RuleReport
{
    /// <summary>Role votes the gold disagrees with, for one rule: the document, the sentence with the figure marked
    /// 【…】, the role voted and the gold role.</summary>
    public static IEnumerable<string> Errors(IReadOnlyList<TrainingDocument> documents, string rule)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(rule);
        foreach (var d in documents)
            foreach (var m in d.Document.Mentions)
            {
                if (m.InTable) continue;
                var gold = d.Alignment.Roles[m.Index];
                foreach (var v in d.Votes.For(m.Index))
                {
                    if (v.Rule != rule || v.Role == gold) continue;
                    var s = d.Document.SentenceOf(m);
                    var text = d.Document.Text;
                    var from = Math.Max(s.Start, m.Span.Start - 40);
                    var to = Math.Min(s.End, m.Span.End + 20);
                    yield return $"{d.Gold.Document}: {text[from..m.Span.Start]}【{text[m.Span.Start..m.Span.End]}】{text[m.Span.End..to]}  voted {v.Role}, gold {gold}";
                }
            }
    }

    /// <summary>The figures of every rule that voted at least once, role rules first, in the order of their names.</summary>
    public static IReadOnlyList<RuleFigures> Measure(IReadOnlyList<TrainingDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var role = new Dictionary<string, (int Votes, int Overlap, int Conflict, int Correct)>(StringComparer.Ordinal);
        var mentions = 0;
        foreach (var d in documents)
        {
            foreach (var m in d.Document.Mentions)
            {
                if (m.InTable) continue;
                mentions++;
                var votes = d.Votes.For(m.Index);
                var gold = d.Alignment.Roles[m.Index];
                foreach (var v in votes)
                {
                    var f = role.GetValueOrDefault(v.Rule);
                    var others = votes.Where(o => o.Rule != v.Rule).ToArray();
                    role[v.Rule] = (f.Votes + 1, f.Overlap + (others.Length > 0 ? 1 : 0),
                        f.Conflict + (others.Any(o => o.Role != v.Role) ? 1 : 0), f.Correct + (v.Role == gold ? 1 : 0));
                }
            }
        }
        var link = new Dictionary<string, (int Votes, int Overlap, int Conflict, int Correct)>(StringComparer.Ordinal);
        var candidates = 0;
        foreach (var d in documents)
        {
            var roles = d.Alignment.Roles.Select((r, i) => d.Document.Mentions[i].InTable ? MentionRole.Other : r).ToArray();
            var truth = CircularTrainer.TrueLinks(d.Alignment);
            var all = LinkCandidates.For(d.Document, roles).Select(c => (Candidate: c, Fired: LinkRules.Votes(d.Document, roles, d.Votes, c))).ToArray();
            candidates += all.Length;
            foreach (var (c, fired) in all)
            {
                // A rate or a difference measures one actual, and an actual takes one target: another voted candidate of
                // the same figure is a conflict.
                var rivals = all.Where(o => o.Candidate != c && o.Fired.Count > 0 && o.Candidate.Kind == c.Kind
                                            && (c.Kind == LinkKind.Target ? o.Candidate.To == c.To : o.Candidate.From == c.From)).Any();
                foreach (var rule in fired)
                {
                    var f = link.GetValueOrDefault(rule);
                    link[rule] = (f.Votes + 1, f.Overlap + (fired.Count > 1 ? 1 : 0), f.Conflict + (rivals ? 1 : 0), f.Correct + (truth.Contains(c) ? 1 : 0));
                }
            }
        }
        static RuleFigures Row(string name, string kind, (int Votes, int Overlap, int Conflict, int Correct) f, int total) =>
            new(name, kind, f.Votes, total == 0 ? 0 : (double)f.Votes / total, f.Votes == 0 ? 0 : (double)f.Overlap / f.Votes,
                f.Votes == 0 ? 0 : (double)f.Conflict / f.Votes, f.Correct);
        return role.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Row(p.Key, "role", p.Value, mentions))
            .Concat(link.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Row(p.Key, "link", p.Value, candidates)))
            .ToArray();
    }
}
