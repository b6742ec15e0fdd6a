using GovTextExtract.Audit;
using System.Globalization;
using GovTextExtract.Documents;
using GovTextExtract.Lexicons;
using GovTextExtract.Links;
using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Roles;
using GovTextExtract.Status;
using GovTextExtract.Text;

namespace GovTextExtract.Circulars;

/// <summary>Makes completion records from a document's roles and links. A result (an actual) with a stated rate, a
/// target, a difference or a claim that its task was done gives a record; a result measured by two rates that name
/// their own targets (完成市上全年任务(42.5亿元)的59.94%；完成县上全年任务(46.5亿元)的54.78%) gives one record for
/// each; a target that no result reports on gives a record with a null actual. A difference gives a derived target,
/// marked <see cref="TargetValue.Derived"/>. Status follows the corpus rules: a share, growth rate or average of part
/// of the year is pending; a partial-period count is pending until it reaches the year's target.</summary>
internal sealed class RecordAssembler(LexiconSet lex)
{
    private readonly IndicatorNamer _namer = new(lex);

    /// <summary>The pattern rule (models/rules/roles.json) that says a result's sentence claims its task done.</summary>
    private const string ClaimRule = "actual.claims_done";

    /// <summary>Lowest role confidence at which a target nobody reports on still gives a record. The rules alone give
    /// such targets 0.5, below it: they cannot tell an unreported target from a plan figure that is no task.</summary>
    private const float UnreportedTargetConfidence = 0.75f;

    private static readonly string[] FallWords = ["下降", "降低", "减少", "压减", "回落"];
    private static readonly string[] BelowWords = ["低于", "低出", "少于", "落后", "少", "降低", "减少"];

    public IReadOnlyList<CompletionRecord> Assemble(GovDocument doc, IReadOnlyList<MentionRole> roles, IReadOnlyList<float> confidence,
        IReadOnlyList<(LinkCandidate Link, float Probability)> links, RoleVotes votes)
    {
        var rates = new Dictionary<int, List<(int Rate, float P)>>();
        var targets = new Dictionary<int, (int Target, float P)>();
        var differences = new Dictionary<int, (int Difference, float P)>();
        foreach (var (c, p) in links)
        {
            switch (c.Kind)
            {
                case LinkKind.Rate:
                    if (!rates.TryGetValue(c.To, out var list)) rates[c.To] = list = [];
                    list.Add((c.From, p));
                    break;
                case LinkKind.Target:
                    targets[c.To] = (c.From, p);
                    break;
                case LinkKind.Difference:
                    differences[c.To] = (c.From, p);
                    break;
            }
        }
        var usedTargets = new HashSet<int>();
        var records = new List<(int Order, CompletionRecord Record)>();
        foreach (var m in doc.Mentions)
        {
            if (roles[m.Index] != MentionRole.Actual) continue;
            var own = rates.TryGetValue(m.Index, out var r) ? r.OrderByDescending(x => x.P).ThenBy(x => x.Rate).ToList() : [];
            var named = own.Where(x => EmbeddedTarget(doc, roles, x.Rate) >= 0).ToList();
            var claim = votes.For(m.Index).Any(v => v.Rule == ClaimRule);
            var difference = differences.TryGetValue(m.Index, out var d) ? d.Difference : -1;
            if (named.Count >= 2)
            {
                foreach (var (rate, p) in named.OrderBy(x => x.Rate))
                {
                    var t = EmbeddedTarget(doc, roles, rate);
                    usedTargets.Add(t);
                    records.Add((m.Span.Start, Build(doc, roles, m, t, rate, -1, claim, Math.Min(confidence[m.Index], p))));
                }
                continue;
            }
            var chosenRate = own.Count > 0 ? own[0].Rate : -1;
            var target = chosenRate >= 0 && EmbeddedTarget(doc, roles, chosenRate) is var e and >= 0 ? e
                : targets.TryGetValue(m.Index, out var linked) ? linked.Target : -1;
            if (chosenRate < 0 && target < 0 && difference < 0 && !claim) continue;
            if (target >= 0) usedTargets.Add(target);
            var conf = confidence[m.Index];
            if (own.Count > 0) conf = Math.Min(conf, own[0].P);
            if (target >= 0 && targets.TryGetValue(m.Index, out var tl)) conf = Math.Min(conf, tl.P);
            records.Add((m.Span.Start, Build(doc, roles, m, target, chosenRate, difference, claim, conf)));
        }
        foreach (var t in doc.Mentions)
        {
            if (roles[t.Index] != MentionRole.Target || usedTargets.Contains(t.Index) || confidence[t.Index] < UnreportedTargetConfidence) continue;
            if (IsEmbedded(doc, roles, t.Index)) continue;
            records.Add((t.Span.Start, BuildTargetOnly(doc, t, confidence[t.Index])));
        }
        return Distinct(records.OrderBy(x => x.Order).Select(x => x.Record));
    }

    /// <summary>A document may report one result twice (a headline, then the body): records of the same actual,
    /// target and rate figures are one record, the first.</summary>
    internal static IReadOnlyList<CompletionRecord> Distinct(IEnumerable<CompletionRecord> records)
    {
        var seen = new HashSet<(decimal?, string?, decimal?, decimal?)>();
        var result = new List<CompletionRecord>();
        foreach (var r in records)
        {
            var key = (r.Actual?.Value, r.Actual?.Unit ?? r.Target?.Unit, r.Target?.Value, r.ReportedRate);
            if (r.Actual is null || seen.Add(key)) result.Add(r);
        }
        return result;
    }

    /// <summary>The target named inside a rate's phrase, right before it (…任务7家的114.29%, 完成15亿元销售目标的54%), or
    /// -1: the figure just before the rate, a target, with only words (no punctuation but brackets) between.</summary>
    private static int EmbeddedTarget(GovDocument doc, IReadOnlyList<MentionRole> roles, int rate)
    {
        if (rate <= 0 || roles[rate - 1] != MentionRole.Target) return -1;
        var t = doc.Mentions[rate - 1];
        var r = doc.Mentions[rate];
        if (t.Sentence != r.Sentence || t.Clause != r.Clause) return -1;
        var gap = doc.Text.AsSpan(t.Span.End, r.Span.Start - t.Span.End).Trim();
        if (gap.Length > MaxEmbeddedGap) return -1;
        foreach (var c in gap)
            if (!(char.IsLetter(c) || c is ')' or '）')) return -1;
        return t.Index;
    }

    /// <summary>Most characters between a target named in a rate's phrase and the rate.</summary>
    private const int MaxEmbeddedGap = 8;

    private static bool IsEmbedded(GovDocument doc, IReadOnlyList<MentionRole> roles, int target) =>
        target + 1 < doc.Mentions.Count && roles[target + 1] == MentionRole.Rate && EmbeddedTarget(doc, roles, target + 1) == target;

    /// <summary>A comparison with the time schedule later in the result's sentence, before any other result.</summary>
    private static Mention? ScheduleOf(GovDocument doc, Mention actual, IReadOnlyList<MentionRole> roles)
    {
        foreach (var m in doc.MentionsInSentence(actual.Sentence))
        {
            if (m.Index <= actual.Index) continue;
            if (roles[m.Index] == MentionRole.Actual) return null;
            if (roles[m.Index] == MentionRole.Schedule) return m;
        }
        return null;
    }

    private static SourceSpan ScheduleClause(GovDocument doc, Mention schedule)
    {
        var clause = doc.ClauseOf(schedule);
        var end = Math.Min(clause.End, schedule.Span.End);
        var text = doc.Text.AsSpan(clause.Start, end - clause.Start);
        var skip = text.Length - text.TrimStart().TrimStart("，,").Length;
        return SourceSpan.FromBounds(clause.Start + skip, end);
    }

    private CompletionRecord Build(GovDocument doc, IReadOnlyList<MentionRole> roles, Mention actual, int targetIndex, int rateIndex, int differenceIndex, bool claim, float confidence)
    {
        var indicator = IndicatorOf(doc, actual, targetIndex);
        var direction = DirectionOf(indicator);
        var period = ReportPeriod.Of(doc, actual);
        var actualValue = ActualOf(doc, actual, indicator, period);
        TargetValue? target = targetIndex >= 0 ? TargetOf(doc, doc.Mentions[targetIndex], indicator) : null;
        // A reduction target (降低20%, 减少1000万人) asks for a fall: the result's fall is its size, and more is better.
        if (targetIndex >= 0 && IsFall(doc, doc.Mentions[targetIndex]))
        {
            direction = Direction.HigherIsBetter;
            if (actualValue.Value is < 0m) actualValue = actualValue with { Value = -actualValue.Value };
        }
        if (target is not null && targetIndex >= 0) actualValue = InUnitOf(actualValue, actual.Quantity, target, doc.Mentions[targetIndex].Quantity);
        decimal? rate = rateIndex >= 0 ? doc.Mentions[rateIndex].Quantity.Value : null;
        string? note = null;
        if (differenceIndex >= 0 && target is null && DerivedTarget(doc, actual, doc.Mentions[differenceIndex], actualValue) is { } derived)
        {
            target = derived.Target;
            note = derived.Note;
        }
        var status = ProgressStatus.Of(target, actualValue, rate, claim, ClaimsExceeded(doc, actual), Shareish(actualValue, indicator), direction);
        var flags = new List<AuditFlag>();
        if (target?.Derived == true)
            flags.Add(new AuditFlag(AuditCodes.DerivedTarget, AuditSeverity.Info, "the target is not stated; it is derived from the stated difference to it")
            { MessageZh = "文件未列目标值，目标由所述差值推算", Evidence = [doc.ToOriginal(doc.Mentions[differenceIndex].Span)] });
        if (ScheduleOf(doc, actual, roles) is { } schedule)
            flags.Add(new AuditFlag(AuditCodes.ScheduleComparison, AuditSeverity.Info,
                $"the document compares this result with the time schedule ({Original(doc, ScheduleClause(doc, schedule))}): progress against the share of the year gone by, not against the target")
            { MessageZh = "与序时进度比较，不是与目标比较", Evidence = [doc.ToOriginal(schedule.Span)] });
        return new CompletionRecord
        {
            Indicator = indicator,
            Target = target,
            Actual = actualValue,
            ReportedRate = rate,
            ComputedRate = target?.Derived == true ? null : StatusEvaluator.ComputedRate(target, actualValue),
            Status = status,
            Note = note,
            Flags = flags,
            Confidence = Math.Round(confidence, 3),
            Evidence = new RecordEvidence
            {
                Actual = actual.Quantity.CoreSpan,
                Target = targetIndex >= 0 ? doc.Mentions[targetIndex].Span : differenceIndex >= 0 && target is not null ? doc.Mentions[differenceIndex].Span : null,
                Rate = rateIndex >= 0 ? doc.Mentions[rateIndex].Span : null,
            },
        };
    }

    /// <summary>The indicator a record reports on: where the target is stated in a sentence of its own (an item's
    /// task, a plan before its results), or right before the result (a table row flattened without separators), the
    /// words that name the target; otherwise those that name the result.</summary>
    private string IndicatorOf(GovDocument doc, Mention actual, int targetIndex)
    {
        var name = BaseName(doc, actual, targetIndex);
        // "一、新建改建农村公路。年度目标80公里,实际完成86.5公里": a name that is scaffolding alone (年度目标) is the item's title.
        if (lex.IndicatorStripPrefixes.Contains(name) && _namer.Title(doc, actual) is { } itemTitle)
            return itemTitle;
        // "（一）产业项目。…1-9月完成投资175.2亿元": a name of a word or two (投资, 开工) is the item's: its title leads.
        if (name.Length <= ShortName && _namer.Title(doc, actual) is { } title && !name.StartsWith(title, StringComparison.Ordinal))
            return title + name;
        return name;
    }

    /// <summary>Longest name that takes its item's title before it.</summary>
    private const int ShortName = 2;

    private string BaseName(GovDocument doc, Mention actual, int targetIndex)
    {
        if (targetIndex >= 0 && doc.Mentions[targetIndex] is var t && t.Sentence != actual.Sentence)
        {
            var named = _namer.Name(doc, t);
            if (named.Length > ShortName && named != "(unnamed)") return named;
        }
        // A result written right after its target (当年组织活动数量>=28次40次: nothing between them) takes the name of
        // the target's words.
        if (targetIndex >= 0 && Adjacent(doc, doc.Mentions[targetIndex], actual) && _namer.OwnName(doc, doc.Mentions[targetIndex]) is { } own)
            return own;
        // "PM2.5年均浓度控制在35微克/立方米以内,全年为32微克/立方米": a result with no words of its own takes those of
        // its target earlier in the sentence.
        if (targetIndex >= 0 && doc.Mentions[targetIndex] is var before && before.Sentence == actual.Sentence && before.Index < actual.Index
            && _namer.OwnName(doc, actual) is null && _namer.OwnName(doc, before) is { } targetWords)
            return targetWords;
        var name = _namer.Name(doc, actual);
        // "计划新改建农村公路120公里,实际完成135.6公里": a result named by a verb alone takes its target's name.
        if (IndicatorNamer.IsDoneVerb(name) && targetIndex >= 0 && _namer.Name(doc, doc.Mentions[targetIndex]) is var byTarget
            && byTarget.Length >= 2 && !IndicatorNamer.IsDoneVerb(byTarget))
            return byTarget;
        return name;
    }

    /// <summary>True when a target stands right before a result, with nothing but spaces or separators between.</summary>
    private static bool Adjacent(GovDocument doc, Mention target, Mention actual)
    {
        if (target.Sentence != actual.Sentence || target.Index >= actual.Index) return false;
        foreach (var c in doc.Text.AsSpan(target.Span.End, actual.Span.Start - target.Span.End))
            if (char.IsLetterOrDigit(c)) return false;
        return true;
    }

    /// <summary>The indicator's better direction; an indicator that names a reduction (能耗下降, 降低成本, 贫困人口减少)
    /// counts an amount of fall, and more of it is better, whatever the thing reduced.</summary>
    private Direction DirectionOf(string indicator) =>
        FallWords.Any(w => indicator.Contains(w, StringComparison.Ordinal)) ? Direction.HigherIsBetter : lex.DirectionOf(indicator);

    private CompletionRecord BuildTargetOnly(GovDocument doc, Mention t, float confidence)
    {
        var indicator = _namer.Name(doc, t);
        return new CompletionRecord
        {
            Indicator = indicator,
            Target = TargetOf(doc, t, indicator),
            Status = CompletionStatus.Unknown,
            Confidence = Math.Round(confidence, 3),
            Evidence = new RecordEvidence { Target = t.Span },
        };
    }

    private static string Original(GovDocument doc, SourceSpan span)
    {
        var o = doc.ToOriginal(span);
        return doc.Reading.Original.Substring(o.Start, o.Length);
    }

    private ActualValue ActualOf(GovDocument doc, Mention m, string indicator, string? period)
    {
        var q = m.Quantity;
        var value = q.Value;
        // A fall written right before the figure (进出口总额下降8%) is a negative change of a quantity that should grow;
        // of one that should fall (能耗下降3%) it is the size of the reduction. A reduction named before its object
        // (降低成本18亿元) is an amount, not a fall.
        if (value is { } v && v > 0 && (q.Decrease || FallBefore(doc, m)) && lex.DirectionOf(WithoutFallWords(indicator)) != Direction.LowerIsBetter)
            value = -v;
        return new ActualValue
        {
            Text = Original(doc, q.Span),
            Value = value,
            Unit = q.Unit,
            Estimate = q.Estimate,
            Approximate = q.Approximate,
            Period = period,
        };
    }

    /// <summary>A result written without a unit, paired with a target that has one, is in the target's unit, at the
    /// target's scale (签约项目金额177.7÷54亿元: 177.7亿元). A result that carries its own scale (2.18万亿) keeps it.</summary>
    private static ActualValue InUnitOf(ActualValue actual, Quantity actualWritten, TargetValue target, Quantity targetWritten)
    {
        if (actual.Unit is not null || target.Unit is null || actualWritten.Value is not { } a || target.Value is not { } t || t == 0) return actual;
        if (WrittenNumber(actualWritten) != Math.Abs(a) || WrittenNumber(targetWritten) is not { } n || n == 0) return actual;
        var scale = Math.Abs(t / n);
        return actual with { Value = actual.Value * scale, Unit = target.Unit };
    }

    /// <summary>The first number as written in a figure's text (54 of 54亿元), or null.</summary>
    private static decimal? WrittenNumber(Quantity q)
    {
        var m = Digits.Match(q.Text);
        return m.Success && decimal.TryParse(m.Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static readonly System.Text.RegularExpressions.Regex Digits = new(@"[0-9]+(\.[0-9]+)?",
        System.Text.RegularExpressions.RegexOptions.NonBacktracking | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static TargetValue TargetOf(GovDocument doc, Mention m, string indicator)
    {
        var q = m.Quantity;
        return new TargetValue
        {
            Text = Original(doc, q.Span),
            Value = q.Value is { } v ? Math.Abs(v) == v || !FallWords.Any(indicator.Contains) ? v : -v : null,
            Low = q.Low,
            High = q.High,
            Unit = q.Unit,
            Bound = q.Bound ?? (q.Low is not null ? BoundKind.Range : BoundKind.AtLeast),
        };
    }

    private static string WithoutFallWords(string indicator)
    {
        foreach (var w in FallWords) indicator = indicator.Replace(w, "", StringComparison.Ordinal);
        return indicator;
    }

    private static bool IsFall(GovDocument doc, Mention m) => m.Quantity.Decrease || FallBefore(doc, m);

    private static bool FallBefore(GovDocument doc, Mention m)
    {
        var clause = doc.ClauseOf(m);
        var before = doc.Text.AsSpan(clause.Start, m.Span.Start - clause.Start).TrimEnd();
        foreach (var w in FallWords)
            if (before.EndsWith(w, StringComparison.Ordinal) || before.EndsWith(w + "了", StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>The target a difference implies: the actual less the difference (in points for a percentage).</summary>
    private static (TargetValue Target, string Note)? DerivedTarget(GovDocument doc, Mention actual, Mention difference, ActualValue a)
    {
        if (a.Value is not { } value || difference.Quantity.Value is not { } d) return null;
        var clause = doc.ClauseOf(difference);
        // The words before the number itself: the recogniser may take 低于目标 into the figure's span.
        var words = doc.Text.Substring(clause.Start, Math.Max(0, difference.Quantity.CoreSpan.Start - clause.Start));
        var below = BelowWords.Any(w => words.Contains(w, StringComparison.Ordinal));
        var signed = below ? -Math.Abs(d) : Math.Abs(d);
        var unitOk = difference.Quantity.Unit == "个百分点" ? a.Unit == "%" : difference.Quantity.Unit == a.Unit || difference.Quantity.Unit is null;
        if (!unitOk) return null;
        var target = value - signed;
        var text = Original(doc, difference.Quantity.Span);
        return (new TargetValue { Text = text, Value = target, Unit = a.Unit, Bound = BoundKind.AtLeast, Derived = true },
            "difference to target: " + (signed >= 0 ? "+" : "") + signed.ToString(CultureInfo.InvariantCulture) + (difference.Quantity.Unit ?? "")
            + "; target derived from it");
    }

    private static bool ClaimsExceeded(GovDocument doc, Mention m)
    {
        var sentence = doc.SentenceOf(m);
        var after = doc.Text.AsSpan(m.Span.End, sentence.End - m.Span.End);
        return after.Contains("超额完成", StringComparison.Ordinal) || after.Contains("提前完成", StringComparison.Ordinal);
    }

    /// <summary>A share, rate, growth or average: never "reaches" a year's target part-way through the year.</summary>
    private static bool Shareish(ActualValue a, string indicator) =>
        a.Unit is "%" or "个百分点" || indicator.EndsWith('率') || indicator.Contains("增长", StringComparison.Ordinal)
        || indicator.Contains("增速", StringComparison.Ordinal) || indicator.Contains("占比", StringComparison.Ordinal)
        || indicator.Contains("平均", StringComparison.Ordinal);
}
