using System.Text.RegularExpressions;
using GovTextExtract.Loading;
using GovTextExtract.Normalization;
using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Status;

namespace GovTextExtract.Tables;

internal sealed partial class TableReader
{
    private static readonly Regex ItemNumber = new(
        @"^\s*(?:\d{1,3}\s*[.、．]|[(（]\s*\d{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）])\s*",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly string[] LeadingCues = ["完成", "实现", "确保", "力争", "全年", "年度", "争取", "目标"];
    private static readonly string[] IndicatorSuffixes = ["", "增长", "增速", "增幅", "涨幅", "增长率", "率"];

    /// <summary>What one record of a row is read from: the cell naming the row, the name to give (null: the cell's
    /// own, and a target the cell states may be the target), the row's unit, the target, actual and rate columns with
    /// their units, the bound a 指标性质 column gives, whether the group's headers speak of a fall, and the partial
    /// period the header or caption names.</summary>
    private sealed record RowPlan(DocumentTableCell NameCell, string? Name, bool TargetInName, string? RowUnit, int? Target,
        string? TargetUnit, int? Actual, string? ActualUnit, int? Rate, BoundKind? Bound, bool Reduction, string? Period);

    /// <summary>The record of one row (or one group of a row). A bare number takes the row's unit (a 单位 column, or
    /// the indicator's bracket), else its column's, else the table's; a bare actual beside a target in a unit takes
    /// that unit (新增4000张养老床位 | 4385).</summary>
    private CompletionRecord? RowRecord(DocumentTableCell?[] row, RowPlan plan)
    {
        DocumentTableCell? At(int? c) => c is { } i && i < row.Length ? row[i] : null;
        var (indicator, indicatorUnit) = CleanIndicator(plan.NameCell.Text);
        if (plan.Name is not null) indicator = plan.Name;
        var rowUnit = plan.RowUnit is { Length: > 0 } ru ? ru : plan.Name is null ? indicatorUnit : null;
        var targetCell = At(plan.Target);
        var target = _figures.Read(targetCell, rowUnit ?? plan.TargetUnit, null, preferRate: false);
        if (plan.TargetInName && target is null && (targetCell is null || !_figures.HasFigure(targetCell)))
        {
            // 目标任务 cells state the target in words: "新增城镇就业1万人".
            var inCell = _figures.Read(plan.NameCell, rowUnit, null, preferRate: false);
            if (inCell is not null)
            {
                target = inCell;
                targetCell = plan.NameCell;
                indicator = IndicatorAround(plan.NameCell, inCell) ?? indicator;
            }
        }
        var actualCell = At(plan.Actual);
        var actual = _figures.Read(actualCell, rowUnit ?? plan.ActualUnit ?? target?.Unit, target?.Unit, preferRate: false);
        if (actual is { Quantity.Unit: null } && rowUnit is null && plan.ActualUnit is null && target?.Value is { } tv and not 0
            && _figures.WrittenUnit(target) is { } written && _figures.Read(actualCell, written, target.Unit, preferRate: false) is { } scaled
            && Distance(scaled.Value, tv) < Distance(actual.Value, tv))
        {
            // A bare actual beside a target written with a multiplier (≤90万元 | 90) is in the target's unit as written.
            actual = scaled;
        }
        // A zero target with no bound written beside a zero actual is an empty line of a form, not a target.
        if (target is { Value: 0, Quantity.Bound: null } && plan.Bound is null && actual is null or { Value: 0 }) return null;
        decimal? reportedRate = null;
        Text.SourceSpan? rateSpan = null;
        if (_figures.Read(At(plan.Rate), "%", null, preferRate: true) is { Unit: "%" } rate && rate.Value is not null)
        {
            reportedRate = rate.Value;
            rateSpan = rate.Span;
        }
        else if (actualCell is not null && _figures.StatedRate(actualCell) is { } stated)
        {
            reportedRate = stated.Value;
            rateSpan = stated.Span;
        }
        if (target is null && reportedRate is null) return null;
        if (actual is not null && rateSpan is { } rs && actual.Span.Overlaps(rs)) actual = null;
        var canonical = plan.Name is null ? Canonical(indicator, target?.Unit ?? actual?.Unit) : indicator;
        var direction = DirectionOf(canonical, target);
        var (targetValue, actualValue, negated) = Values(target, targetCell, actual, plan, canonical);
        if (negated) direction = Direction.HigherIsBetter;
        var period = actual?.Quantity.Period ?? (actual is not null || target is null ? plan.Period : null);
        if (actualValue is not null && period is not null) actualValue = actualValue with { Period = period };
        return new CompletionRecord
        {
            Indicator = canonical,
            Target = targetValue,
            Actual = actualValue,
            ReportedRate = reportedRate,
            ComputedRate = QuantityRecognizer.Tidy(StatusEvaluator.ComputedRate(targetValue, actualValue)),
            Status = Status(targetValue, actualValue, reportedRate, direction, period),
            Confidence = TableRecordExtractor.TableConfidence,
            Evidence = new RecordEvidence { Target = target?.Span, Actual = actual?.Span, Rate = rateSpan },
        };
    }

    /// <summary>How far apart two magnitudes are: the size of the logarithm of their ratio, roughly.</summary>
    private static decimal Distance(decimal? value, decimal target)
    {
        if (value is not { } v || v == 0 || Math.Sign(v) != Math.Sign(target)) return decimal.MaxValue;
        var ratio = v / target;
        return ratio >= 1 ? ratio : 1 / ratio;
    }

    /// <summary>The target and actual values. A target's bound is the 指标性质 column's, else a sign opening its cell
    /// (≥95%), else its words'. Under headers of a fall (降低目标, 实际下降) or an indicator that improves as it falls, a
    /// target written as a signed change (-2.50, -4.0~-4.5) is read as the size of the fall, and so is the actual:
    /// the values change sign and more is better.</summary>
    private (TargetValue? Target, ActualValue? Actual, bool Negated) Values(Figure? target, DocumentTableCell? targetCell, Figure? actual,
        RowPlan plan, string indicator)
    {
        var negate = target is not null && (target.Value < 0 || (target.Value is null && target.High <= 0 && target.Low < 0))
            && (plan.Reduction || lex.DirectionOf(indicator) == Direction.LowerIsBetter);
        decimal? Flip(decimal? v) => negate && v is { } d ? -d : v;
        var bound = plan.Bound
            ?? (targetCell is not null && TableCells.LeadingBound(targetCell.Text, headers) is { } sign ? sign.Bound : (BoundKind?)null)
            ?? target?.Quantity.Bound
            ?? (target?.Low is not null ? BoundKind.Range : BoundKind.AtLeast);
        var targetValue = target is null ? null : new TargetValue
        {
            Text = target.Text,
            Value = Flip(target.Value),
            Low = negate ? Flip(target.High) : target.Low,
            High = negate ? Flip(target.Low) : target.High,
            Unit = target.Unit,
            Bound = bound,
        };
        // A fall reported against a growth target in percent is a negative change (下降2% against 增长3%).
        var signed = actual?.Value is { } av && actual.Quantity.Decrease && target?.Quantity.Decrease != true
            && actual.Unit == "%" && target?.Unit == "%" ? -av : actual?.Value;
        var actualValue = actual is null ? null : new ActualValue
        {
            Text = actual.Text,
            Value = Flip(signed),
            Unit = actual.Unit,
            Estimate = actual.Quantity.Estimate,
            Approximate = actual.Quantity.Approximate,
            Period = actual.Quantity.Period,
        };
        return (targetValue, actualValue, negate);
    }

    /// <summary>The pairer's rules, so that table and prose records agree (<see cref="StatusEvaluator"/>; an expected
    /// figure that does not beat its target is pending), and the corpus rule for part of the year: a cumulative count
    /// or amount is pending until it reaches its target, a percentage is pending whatever its value.</summary>
    private CompletionStatus Status(TargetValue? target, ActualValue? actual, decimal? rate, Direction direction, string? period)
    {
        var status = StatusEvaluator.Evaluate(target, actual is null ? null : actual with { Period = null }, rate, direction, tolerance);
        if (actual is { Estimate: true } && status is not (CompletionStatus.Exceeded or CompletionStatus.Unknown))
            status = CompletionStatus.Pending;
        if (period is not null && status != CompletionStatus.Unknown)
        {
            var unit = target?.Unit ?? actual?.Unit;
            var reached = status is CompletionStatus.Met or CompletionStatus.Exceeded;
            if (!reached || unit is "%" or "个百分点") status = CompletionStatus.Pending;
        }
        return status;
    }

    private (string Indicator, string? Unit) CleanIndicator(string cellText)
    {
        var folded = TextNormalizer.Normalize(cellText).Text.Trim();
        folded = ItemNumber.Replace(folded, "", 1);
        var (name, unit) = TableHeaderLexicon.SplitUnit(folded.Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        return (name.Length > 0 ? name : folded, unit);
    }

    /// <summary>A task cell's words without its target figure and the cue words before it: 新增4000张养老床位 →
    /// 新增养老床位, 完成新建公园12个 → 新建公园.</summary>
    private string? IndicatorAround(DocumentTableCell cell, Figure figure)
    {
        var before = text[cell.Span.Start..figure.Span.Start];
        var cleaned = CleanIndicator(before).Indicator.TrimEnd(' ', ',', ':', '为', '在', '到', '达', '至');
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var cue in LeadingCues)
            {
                if (cleaned.Length > cue.Length && cleaned.StartsWith(cue, StringComparison.Ordinal))
                {
                    cleaned = cleaned[cue.Length..];
                    changed = true;
                }
            }
        }
        // The words after the figure name what it counts (新增4000张养老床位): they belong to the name.
        var after = text[figure.Span.End..cell.Span.End];
        var rest = CleanIndicator(after).Indicator.Trim(' ', ',', '，', '。', ';', '；');
        if (rest.Length >= 2 && !TableCells.IsFigure(rest)) cleaned += rest;
        return cleaned.Length > 0 ? cleaned : null;
    }

    /// <summary>The lexicon's canonical name when the cell names a known indicator and nothing more; a growth
    /// indicator only when its figures are percentages (一般公共预算收入 in 亿元 is the amount, not its growth).</summary>
    private string Canonical(string indicator, string? unit)
    {
        if (lex.ResolveIndicator(indicator) is not { } entry) return indicator;
        if (entry.Kind == "growth" && unit is not null && unit != "%" && unit != "个百分点") return indicator;
        foreach (var alias in entry.Aliases.Append(entry.Name))
        {
            var rest = indicator.Replace(alias, "", StringComparison.Ordinal);
            if (rest.Length < indicator.Length && IndicatorSuffixes.Contains(rest)) return entry.Name;
        }
        return indicator;
    }

    private Direction DirectionOf(string indicator, Figure? target)
    {
        var direction = lex.DirectionOf(indicator);
        // A target written as a fall (下降3%) counts an amount of fall, and more fall is better, as the circular
        // pairer reads it.
        if (target?.Quantity.Decrease == true)
            return Direction.HigherIsBetter;
        // So does a bare figure under an indicator named for a fall (能耗降低 | 3 | 3.2): more is better.
        if (direction == Direction.LowerIsBetter && headers.ReductionWords.Any(w => indicator.Contains(w, StringComparison.Ordinal)))
            return Direction.HigherIsBetter;
        return direction;
    }
}
