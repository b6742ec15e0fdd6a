using GovTextExtract.Text;
using GovTextExtract.Loading;
using GovTextExtract.Pairing.Features;
using GovTextExtract.Pairing.Scoring;
using GovTextExtract.Records;
using GovTextExtract.Segmentation;

namespace GovTextExtract.CrossYear;

/// <summary>The actual a target was given: the review figure (or none), the factor to the target's unit, and with the
/// ML scorer the probability behind the choice.</summary>
/// <param name="Chosen">The review figure, or null.</param>
/// <param name="Factor">Multiplies the figure into the target's unit.</param>
/// <param name="Probability">The classifier's probability that the pair is right (for a target left without an
/// actual, that none of its candidates was); null when the rules chose.</param>
internal readonly record struct Assignment(ActualCandidate? Chosen, decimal Factor, double? Probability);

internal sealed partial class CrossYearPairer
{
    /// <summary>Gives each target its actual. Every eligible review figure is a candidate with a rule score (from
    /// its tier); the rules take, per target, the lowest tier first in the text. With the ML scorer the candidates
    /// are scored by the classifier and assigned one to one, the likeliest first, none below the threshold.</summary>
    private Assignment[] AssignActuals(IReadOnlyList<TargetItem> targets, IReadOnlyList<ActualCandidate> candidates,
        ReportText actualReport, CandidateLog? log)
    {
        var rules = targets.Select(x => new Assignment(ChooseActual(x, candidates, out var f), f, null)).ToArray();
        var model = _options.ActiveModel;
        if (model is null && log is null) return rules;

        var segmenter = ChineseSegmenter.Shared;
        var scored = new List<(int Target, ActualCandidate Actual, double Probability, double RuleScore, int Order)>();
        var factors = new List<decimal>();
        var text = actualReport.Text;
        for (var ti = 0; ti < targets.Count; ti++)
        {
            var target = targets[ti];
            var tm = target.Mention;
            var eligible = Scoreable(target, candidates);
            foreach (var (c, factor, tier) in eligible)
            {
                var am = c.Mention;
                var ruleScore = tier is { } k ? Math.Clamp(0.9 - 0.1 * k, 0.05, 1) : 0;
                var pc = new PairCandidate
                {
                    Source = CandidateSource.CrossYear,
                    TargetIndicator = target.Indicator,
                    ActualContext = text[am.ContextStart..am.Span.Start],
                    TargetValue = tm.Value,
                    TargetUnit = tm.Unit,
                    HasTarget = true,
                    ActualValue = am.Value,
                    ActualFactor = factor,
                    ActualUnit = am.Unit,
                    OrderDelta = Math.Min(1.0, Math.Abs((double)ti / Math.Max(1, targets.Count)
                        - (double)IndexOf(candidates, c) / Math.Max(1, candidates.Count))),
                    Competitors = eligible.Length,
                    Estimate = am.Estimate,
                    PartialPeriod = am.Period is not null,
                    Approximate = am.Approximate || am.Bound is BoundKind.AtLeast or BoundKind.AtMost or BoundKind.About,
                    YearEnd = c.YearEnd,
                    OutsidePeriod = c.PeriodEnd,
                    Inherited = am.Inherited,
                    RuleScore = ruleScore,
                    RuleChoice = ReferenceEquals(rules[ti].Chosen, c),
                };
                var features = PairFeatures.Compute(pc, segmenter);
                log?.Add(pc, features);
                if (model is not null)
                {
                    scored.Add((ti, c, model.Probability(features), ruleScore, am.Span.Start));
                    factors.Add(factor);
                }
            }
        }
        if (model is null) return rules;

        var chosen = PairAssignment.Greedy(targets.Count, scored, _options.MlThreshold);
        var result = new Assignment[targets.Count];
        for (var ti = 0; ti < targets.Count; ti++)
        {
            if (chosen[ti] >= 0)
            {
                var pick = scored[chosen[ti]];
                result[ti] = new Assignment(pick.Actual, factors[chosen[ti]], pick.Probability);
                continue;
            }
            var mine = scored.Where(x => x.Target == ti).Select(x => x.Probability).ToArray();
            result[ti] = new Assignment(null, 1m, mine.Length > 0 ? 1 - mine.Max() : null);
        }
        return result;
    }

    /// <summary>The candidates the classifier scores for a target: the rules' eligible figures with their tier, and
    /// every other review figure of the same measure whose unit compares, with no tier (the rules would never take
    /// it). The latter are the hard negatives training needs, and let the classifier overrule an indicator match
    /// the alias lexicon misses.</summary>
    private (ActualCandidate Candidate, decimal Factor, int? Tier)[] Scoreable(TargetItem target, IReadOnlyList<ActualCandidate> candidates)
    {
        var eligible = Eligible(target, candidates).ToArray();
        var result = eligible.Select(e => (e.Candidate, e.Factor, (int?)e.Tier)).ToList();
        var tm = target.Mention;
        foreach (var c in candidates)
        {
            var m = c.Mention;
            if (m.Measure != tm.Measure || m.Value is null || eligible.Any(e => ReferenceEquals(e.Candidate, c))) continue;
            if (UnitFactor(m.Unit, tm.Unit) is not { } f) continue;
            result.Add((c, f, null));
        }
        return result.ToArray();
    }

    /// <summary>The records of a report's main targets alone, each without an actual (status unknown): what the
    /// reader of target statements finds, for reports whose results no later report in hand gives.</summary>
    internal IReadOnlyList<CompletionRecord> TargetRecords(LoadedDocument report) => TargetRecords(Prepare(report));

    /// <summary>True when a document opens as a work report (政府工作报告, and no circular word such as 通报) —
    /// a cheap test of its opening, before any reading.</summary>
    internal bool OpensAsWorkReport(string text)
    {
        var opening = text.AsSpan(0, Math.Min(text.Length, _lex.WorkReportWindow));
        return Words.ContainsAny(opening, _lex.WorkReportTitleWords) && !Words.ContainsAny(opening, _lex.CircularWords);
    }

    /// <summary>The main targets of a document that opens as a work report and states them; null for any other
    /// document (a circular, or a report without a main-target statement).</summary>
    internal IReadOnlyList<CompletionRecord>? WorkReportTargets(LoadedDocument document)
    {
        if (!OpensAsWorkReport(document.Text)) return null;
        var prepared = Prepare(document);
        if (_layout.FindStatement(prepared) is null) return null;
        return TargetRecords(prepared);
    }

    internal IReadOnlyList<CompletionRecord> TargetRecords(ReportText prepared)
    {
        var targets = ReadTargets(prepared);
        return targets.Select(x => BuildRecord(x, new Assignment(null, 1m, null), [], prepared, prepared,
                prepared.Identity.Year, null) with { Flags = [], Note = null })
            .ToArray();
    }

    private static int IndexOf(IReadOnlyList<ActualCandidate> candidates, ActualCandidate c)
    {
        for (var i = 0; i < candidates.Count; i++)
            if (ReferenceEquals(candidates[i], c)) return i;
        return -1;
    }
}
