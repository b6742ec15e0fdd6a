using GovTextExtract.Text;
using System.Globalization;
using GovTextExtract.Lexicons;
using GovTextExtract.Loading;
using GovTextExtract.Quantities;
using GovTextExtract.Status;
using GovTextExtract.Records;

namespace GovTextExtract.CrossYear;

/// <summary>A year-N target read from the main-target statement.</summary>
/// <param name="Mention">The figure and its indicator.</param>
/// <param name="Indicator">The indicator name of the record.</param>
/// <param name="Bound">The target's bound.</param>
/// <param name="Direction">Which way the indicator improves, for this figure.</param>
internal sealed record TargetItem(Mention Mention, string Indicator, BoundKind Bound, Direction Direction);

/// <summary>A figure of the review part that may report a target's actual.</summary>
/// <param name="Mention">The figure and its indicator.</param>
/// <param name="YearEnd">True when the clause says it is a year-end figure (年末).</param>
/// <param name="Average">True when the clause says it is a yearly average (平均).</param>
/// <param name="PeriodEnd">True when the figure is a level the plan-period review says was reached: the level
/// at the period's end, used only when the year's review gives none.</param>
internal sealed record ActualCandidate(Mention Mention, bool YearEnd, bool Average, bool PeriodEnd = false);

/// <summary>Pairs the main targets of a year-N work report with the results the year-N+1 report gives.</summary>
/// <remarks>Thread-safe: holds only read-only data.</remarks>
internal sealed partial class CrossYearPairer
{
    private readonly LexiconSet _lexicons;
    private readonly QuantityRecognizer _recognizer;
    private readonly ExtractionOptions _options;
    private readonly CrossYearLexicon _lex;
    private readonly MentionReader _reader;
    private readonly ReportLayout _layout;

    public CrossYearPairer(LexiconSet lexicons, QuantityRecognizer recognizer, ExtractionOptions options,
        CrossYearLexicon? lexicon = null)
    {
        _lexicons = lexicons;
        _recognizer = recognizer;
        _options = options;
        _lex = lexicon ?? CrossYearLexicon.Default;
        _reader = new MentionReader(_lex);
        _layout = new ReportLayout(_lex);
    }

    internal CrossYearLexicon Lexicon => _lex;

    internal ReportText Prepare(LoadedDocument document) => new(document, _recognizer);

    /// <summary>Pairs two loaded reports: year N's, whose targets are read, and year N+1's, whose results are.</summary>
    /// <exception cref="ReportPairException">The two are not year N and year N+1 of one place (<see cref="Mismatch"/>).</exception>
    public CrossYearResult Pair(LoadedDocument targetReport, LoadedDocument actualReport) => Pair(targetReport, actualReport, force: false);

    /// <summary>Pairs two loaded reports; with <paramref name="force"/>, reports that are not year N and year N+1 of
    /// one place are paired all the same, and every record carries a <see cref="Audit.AuditCodes.PairMismatch"/> flag
    /// that says why.</summary>
    /// <exception cref="ReportPairException">Without <paramref name="force"/>: the two are not year N and year N+1
    /// of one place.</exception>
    public CrossYearResult Pair(LoadedDocument targetReport, LoadedDocument actualReport, bool force)
    {
        ArgumentNullException.ThrowIfNull(targetReport);
        ArgumentNullException.ThrowIfNull(actualReport);
        var (target, actual) = (Prepare(targetReport), Prepare(actualReport));
        var mismatch = Mismatch(target, actual);
        if (mismatch is null) return Pair(target, actual);
        if (!force) throw new ReportPairException(targetReport.Name, actualReport.Name, mismatch);
        var result = Pair(target, actual);
        var flag = new AuditFlag(Audit.AuditCodes.PairMismatch, Audit.AuditSeverity.Warning,
            $"paired although {mismatch}: the results may not be this target's") { MessageZh = "两份报告并非同一地方相邻两年的报告，结果可能不属于该目标" };
        return result with { Records = result.Records.Select(r => r with { Flags = [.. r.Flags, flag] }).ToArray() };
    }

    /// <summary>Why two reports cannot be year N's and year N+1's of one place, or null when nothing says so: the
    /// same document twice; places their titles name that differ; years not N then N+1. A place or year a report does
    /// not state is not held against it.</summary>
    internal static string? Mismatch(ReportText target, ReportText actual)
    {
        if (string.Equals(target.Text, actual.Text, StringComparison.Ordinal)) return "the two reports are one document";
        var (t, a) = (target.Identity, actual.Identity);
        if (t.Place is not null && a.Place is not null && !t.PlaceForms().Intersect(a.PlaceForms(), StringComparer.Ordinal).Any())
            return $"the reports are of two places ({t.Place}, {a.Place})";
        if (t.Year is { } ty && a.Year is { } ay && ay != ty + 1)
            return ay == ty - 1 ? $"the reports are in the wrong order (year {ty}, then {ay}: give year N's report first)"
                : ay == ty ? $"both reports are of {ty}"
                : $"the reports are not of consecutive years ({ty}, {ay})";
        return null;
    }

    internal CrossYearResult Pair(ReportText target, ReportText actual, Pairing.Scoring.CandidateLog? log = null)
    {
        var year = target.Identity.Year ?? actual.Identity.Year - 1;
        var place = target.Identity.Place ?? actual.Identity.Place;
        var targets = ReadTargets(target);
        var extra = targets.Where(x => x.Mention.Subject.Raw)
            .Select(x => (x.Mention.Subject.Phrase, x.Mention.Subject.Group)).Distinct().ToArray();
        var candidates = ReadActualCandidates(actual, year, extra);
        var claim = FindCompletionClaim(actual);
        var assigned = AssignActuals(targets, candidates, actual, log);
        var records = targets.Select((x, i) => BuildRecord(x, assigned[i], candidates, target, actual, year, claim)).ToArray();
        return new CrossYearResult
        {
            TargetDocument = target.Document.Name,
            ActualDocument = actual.Document.Name,
            Place = place,
            Year = year,
            Records = records,
        };
    }

    /// <summary>The quantitative targets of a report's main-target statement.</summary>
    internal IReadOnlyList<TargetItem> ReadTargets(ReportText report)
    {
        var statement = _layout.FindStatement(report);
        if (statement is null) return [];
        return ReadTargets(report, statement.Start, statement.End);
    }

    /// <summary>The quantitative targets of a stretch of statement text.</summary>
    internal IReadOnlyList<TargetItem> ReadTargets(ReportText report, int start, int end)
    {
        var t = report.Text;
        var result = new List<TargetItem>();
        foreach (var m in _reader.Read(report, start, end, allowRaw: true))
        {
            if (m.Measure is not (Measure.Level or Measure.Growth or Measure.Points)) continue;
            // A target without a unit is a magnitude (万, 亿) of what its name counts ("减少1000万以上").
            if (m.Unit is null && (m.Figure is not { } uf || !Words.ContainsAny(uf.Text, ["万", "亿"]))) continue;
            // Targets are written in digits; a Chinese numeral with a classifier counts work items (十个方面).
            if (m.Subject.Raw && m.Figure is { } f && ChineseNumeral.IsNumeralChar(t[f.CoreSpan.Start])) continue;
            var context = t[m.ContextStart..m.Span.Start];
            if (MentionReader.ContainsAny(_lex.WithoutMarkerExceptions(context), _lex.StatementFiveYearMarkers) || SpansYears(report, m)) continue;
            if (IsRelative(m.VerbZone)) continue;
            // "增长7%以上，力争8%": the aspiration is no second target.
            if (m.Aspiration && result.Any(r => r.Mention.Subject.Group.Name == m.Subject.Group.Name
                    && r.Mention.Measure == m.Measure))
                continue;
            var name = IndicatorName(m);
            var direction = DirectionOf(m, name);
            var bound = m.Bound ?? (direction == Direction.LowerIsBetter && m.Measure == Measure.Level
                ? BoundKind.AtMost : BoundKind.AtLeast);
            if (m.Low is not null && m.High is not null && m.Value is null) bound = BoundKind.Range;
            if (result.Any(r => r.Indicator == name && r.Mention.Value == m.Value && r.Mention.Unit == m.Unit
                    && r.Mention.Subject.Qualifier == m.Subject.Qualifier))
                continue;
            result.Add(new TargetItem(m, name, bound, direction));
        }
        return result;
    }

    /// <summary>The figures of the review part of the year-N+1 report that speak of year N.</summary>
    internal IReadOnlyList<ActualCandidate> ReadActualCandidates(ReportText report, int? year,
        IReadOnlyList<(string Alias, IndicatorGroup Group)> extraAliases)
    {
        var t = report.Text;
        var own = _layout.FindStatement(report);
        var end = own?.SentenceStart ?? t.Length;
        var periods = _layout.Periods(report, year);
        var result = new List<ActualCandidate>();
        foreach (var read in _reader.Read(report, 0, end, allowRaw: false, extraAliases))
        {
            var m = read;
            var si = report.SentenceIndexAt(m.Span.Start);
            var context = t[m.ContextStart..m.Span.Start];
            var periodEnd = false;
            if (periods[si] == Period.FiveYear && m.Measure == Measure.Level && m.Subject.Group.Kind == IndicatorKind.Rate
                && MentionReader.EndsWithAny(m.VerbZone.Trim(), _lex.ReachVerbs))
                periodEnd = true;
            else if (periods[si] != Period.Year) continue;
            if (MentionReader.ContainsAny(_lex.WithoutMarkerExceptions(context), _lex.FigureRejectMarkers) || SpansYears(report, m)) continue;
            if (year is { } y && report.YearsIn(m.ContextStart, m.Span.Start).Any(v => v != y)) continue;
            var sentence = report.Sentences[report.SentenceIndexAt(m.ContextStart)];
            if (MentionReader.ContainsAny(t[sentence.Start..m.Span.Start], _lex.FutureMarkers)) continue;
            // "预计全市地区生产总值增长5.2%左右，一般公共预算收入增长3.1%…": the expectation covers the sentence's list.
            if (!m.Estimate && MentionReader.ContainsAny(t[sentence.Start..m.Span.Start], _lexicons.EstimateWords))
                m = m with { Estimate = true };
            result.Add(new ActualCandidate(m,
                MentionReader.ContainsAny(context, _lex.YearEndMarkers),
                MentionReader.ContainsAny(context, _lex.AverageMarkers),
                periodEnd));
        }
        return result;
    }

    /// <summary>True when a duration in years stands before the figure in its statement ("5年增长18.7%").</summary>
    private static bool SpansYears(ReportText report, Mention m) =>
        report.FiguresIn(m.ContextStart, m.Span.Start).Any(q => q.Unit == "年" && q.Value is > 1);

    private string? FindCompletionClaim(ReportText report)
    {
        var own = _layout.FindStatement(report);
        var end = own?.SentenceStart ?? report.Text.Length;
        foreach (var c in _lex.CompletionClaims)
        {
            var i = report.Text.IndexOf(c, 0, end, StringComparison.Ordinal);
            if (i >= 0) return c;
        }
        return null;
    }

    private bool IsRelative(string zone)
    {
        foreach (var c in _lex.Comparators)
        {
            var i = zone.IndexOf(c, StringComparison.Ordinal);
            if (i < 0) continue;
            var rest = zone[(i + c.Length)..].Trim();
            if (rest.Length > 0) return true;
        }
        return false;
    }

    private static string IndicatorName(Mention m)
    {
        var s = m.Subject;
        var baseName = s.Raw ? s.Phrase : s.Group.Name;
        if (s.Qualifier is { } q) baseName = q + baseName;
        return m.Measure switch
        {
            Measure.Growth when !baseName.EndsWith("增长", StringComparison.Ordinal) => baseName + "增长",
            Measure.Level when s.Group.Kind == IndicatorKind.Reduction => baseName + "降低",
            Measure.Points => baseName + "变化",
            _ => baseName,
        };
    }

    private Direction DirectionOf(Mention m, string name)
    {
        // The value of a reduction target is the fall itself: a larger fall is better.
        if (m.Subject.Group.Kind == IndicatorKind.Reduction) return Direction.HigherIsBetter;
        return _lexicons.DirectionOf(name);
    }

    private CompletionRecord BuildRecord(TargetItem target, Assignment assigned, IReadOnlyList<ActualCandidate> candidates,
        ReportText targetReport, ReportText actualReport, int? year, string? claim)
    {
        var tm = target.Mention;
        var targetValue = new TargetValue
        {
            Text = targetReport.OriginalText(tm.Span),
            Value = tm.Value,
            Low = tm.Low,
            High = tm.High,
            Unit = tm.Unit,
            Bound = target.Bound,
        };
        var flags = new List<AuditFlag>();
        var (chosen, factor, probability) = assigned;
        decimal? reportedRate = null;
        ActualValue? actualValue = null;
        CompletionStatus status;
        decimal? computedRate = null;
        double confidence;
        string? note = null;
        Text.SourceSpan? actualSpan = null;
        if (chosen is not null)
        {
            var am = chosen.Mention;
            actualSpan = actualReport.ToOriginal(am.Span);
            actualValue = new ActualValue
            {
                Text = actualReport.OriginalText(am.Span),
                Value = am.Value,
                Unit = am.Unit,
                Estimate = am.Estimate,
                Approximate = am.Approximate || am.Bound is BoundKind.AtLeast or BoundKind.AtMost or BoundKind.About,
                Period = am.Period ?? (chosen.YearEnd ? "年末" : null),
            };
            var compared = am.Value * factor;
            status = am.Estimate || am.Period is not null
                ? CompletionStatus.Pending
                : StatusEvaluator.Compare(targetValue, compared, target.Direction, _options.MetTolerancePercent);
            if (compared is { } a && tm.Value is { } tv && tv != 0)
                computedRate = Math.Round(a / tv * 100m, 2, MidpointRounding.AwayFromZero);
            confidence = 0.9;
            if (am.Inherited) confidence -= 0.1;
            if (am.Respectively) confidence -= 0.05;
            if (am.Approximate) confidence -= 0.1;
            if (factor != 1m)
            {
                confidence -= 0.1;
                var times = factor.ToString(CultureInfo.InvariantCulture);
                flags.Add(new AuditFlag("unit_converted", "info", $"actual in {am.Unit}, target in {tm.Unit}: converted ×{times} for comparison"));
                note = $"actual stated in {am.Unit}; converted to {tm.Unit} (×{times}) for comparison";
            }
            if (am.Estimate)
            {
                confidence -= 0.2;
                flags.Add(new AuditFlag("estimate", "warning", "the actual is an expectation (预计)"));
            }
            if (am.Period is not null)
            {
                confidence -= 0.2;
                flags.Add(new AuditFlag("partial_period", "warning", $"the actual covers only {am.Period}"));
            }
            if (chosen.PeriodEnd)
            {
                confidence -= 0.35;
                flags.Add(new AuditFlag("plan_period_level", "warning",
                    "the figure is the level the plan-period review says was reached, not a figure of the year's review"));
                note = "level at the end of the plan period (the year's review gives no figure)";
            }
            if (chosen.YearEnd && tm.Subject.Group.AverageBasis)
            {
                confidence -= 0.4;
                flags.Add(new AuditFlag("year_end_figure", "warning",
                    "the target is a yearly average; the review gives a year-end figure"));
                note = "the review gives a year-end figure; the target is a yearly average";
            }
        }
        else
        {
            var rate = ChooseRate(target, candidates);
            if (rate is not null)
            {
                reportedRate = rate.Mention.Value;
                status = StatusEvaluator.FromRate(reportedRate!.Value, _options.MetTolerancePercent);
                confidence = 0.6;
                flags.Add(new AuditFlag("reported_rate_only", "info", "only a completion rate is reported"));
                actualSpan = null;
            }
            else
            {
                status = CompletionStatus.Unknown;
                confidence = 0.6;
                flags.Add(new AuditFlag("not_reported", "info",
                    $"no figure for {(year is { } y ? y.ToString(CultureInfo.InvariantCulture) : "the target year")} in the review part of {actualReport.Document.Name}"));
                note = claim is null
                    ? "the next report gives no comparable figure"
                    : $"the next report gives no comparable figure; its general claim \"{claim}\" fills in no figure";
            }
        }
        if (tm.Subject.Raw) confidence -= 0.2;
        return new CompletionRecord
        {
            Indicator = target.Indicator,
            Target = targetValue,
            Actual = actualValue,
            ReportedRate = reportedRate,
            ComputedRate = computedRate,
            Status = status,
            Note = note,
            Flags = flags,
            // With the ML scorer, the classifier's calibrated probability (see AssignActuals).
            Confidence = probability is { } p ? Math.Round(p, 3) : Math.Clamp(Math.Round(confidence, 2), 0.05, 1.0),
            Evidence = new RecordEvidence { Target = targetReport.ToOriginal(tm.Span), Actual = actualSpan },
        };
    }

    /// <summary>The review figure that reports a target: same indicator and scope, same measure, a unit that
    /// compares; full-year, stated figures before expectations and partial periods; the first in the text.</summary>
    internal ActualCandidate? ChooseActual(TargetItem target, IReadOnlyList<ActualCandidate> candidates, out decimal factor)
    {
        factor = 1m;
        ActualCandidate? best = null;
        var bestTier = int.MaxValue;
        decimal bestFactor = 1m;
        foreach (var (c, f, tier) in Eligible(target, candidates))
        {
            if (tier < bestTier)
            {
                best = c;
                bestTier = tier;
                bestFactor = f;
            }
        }
        factor = bestFactor;
        return best;
    }

    /// <summary>The review figures that may report a target (same indicator and scope, same measure, a unit that
    /// compares), each with the factor to the target's unit and its tier: 0 for a stated full-year figure, more for
    /// expectations, partial periods, approximate figures, year-end levels of an average and plan-period levels.</summary>
    /// <summary>The factor from an actual's unit to its target's: 1 for the same unit, a conversion (万元 to 亿元 …),
    /// or 1 for a target written without a unit ("贫困人口减少1000万以上") against any actual that is not a
    /// percentage; null when they do not compare.</summary>
    internal decimal? UnitFactor(string? actualUnit, string? targetUnit)
    {
        if (actualUnit == targetUnit) return 1m;
        if (targetUnit is null) return actualUnit is "%" or "个百分点" or "‰" ? null : 1m;
        if (actualUnit is not null && _lex.ConversionFactor(actualUnit, targetUnit) is { } cf) return cf;
        return null;
    }

    internal IEnumerable<(ActualCandidate Candidate, decimal Factor, int Tier)> Eligible(TargetItem target, IReadOnlyList<ActualCandidate> candidates)
    {
        var tm = target.Mention;
        foreach (var c in candidates)
        {
            var m = c.Mention;
            if (!SameIndicator(tm.Subject, m.Subject) || m.Measure != tm.Measure) continue;
            if (m.Value is null) continue;
            if (UnitFactor(m.Unit, tm.Unit) is not { } f) continue;
            var tier = 0;
            if (m.Estimate || m.Period is not null) tier += 2;
            // An exact figure before one bounded or approximate (突破620亿斤, 近3000亿元).
            if (m.Approximate || m.Bound is BoundKind.AtLeast or BoundKind.AtMost or BoundKind.About) tier += 1;
            if (tm.Subject.Group.AverageBasis && c.YearEnd) tier += 3;
            if (c.PeriodEnd) tier += 6;
            yield return (c, f, tier);
        }
    }

    private ActualCandidate? ChooseRate(TargetItem target, IReadOnlyList<ActualCandidate> candidates) =>
        candidates.FirstOrDefault(c => c.Mention.Measure == Measure.CompletionRate && c.Mention.Value is not null
            && SameIndicator(target.Mention.Subject, c.Mention.Subject));

    private static bool SameIndicator(Subject target, Subject actual)
    {
        if (target.Raw || actual.Raw)
            return target.Raw && actual.Raw && target.Phrase == actual.Phrase && target.Qualifier == actual.Qualifier;
        return target.Group.Name == actual.Group.Name && target.Qualifier == actual.Qualifier;
    }
}
