using GovTextExtract.Records;

namespace GovTextExtract.Status;

/// <summary>Compares an actual with its target in the indicator's better direction, and recomputes the rate.</summary>
public static class StatusEvaluator
{
    /// <summary>Units that count things: a target in 个 and an actual in 家 compare.</summary>
    private static readonly HashSet<string> CountUnits =
        ["个", "家", "项", "座", "套", "户", "所", "条", "处", "件", "起", "次", "批", "批次", "宗", "场", "台", "辆", "张", "床", "份", "篇", "例", "艘", "架"];

    /// <summary>True when two canonical units measure the same thing (equal, or both counts; an absent unit
    /// is taken to be the other's).</summary>
    public static bool UnitsCompatible(string? a, string? b) =>
        a is null || b is null || a == b || (CountUnits.Contains(a) && CountUnits.Contains(b));

    /// <summary>True for a counting classifier (个, 家, 项 …).</summary>
    public static bool IsCountUnit(string? unit) => unit is not null && CountUnits.Contains(unit);

    /// <summary>The status of an actual against a target.</summary>
    /// <param name="target">The target; null when none is stated.</param>
    /// <param name="actual">The actual; null when none is reported.</param>
    /// <param name="reportedRate">The completion rate the document states, if any.</param>
    /// <param name="direction">Which way the indicator improves.</param>
    /// <param name="tolerancePercent">Relative tolerance (percent of the target) within which values count as equal.</param>
    public static CompletionStatus Evaluate(TargetValue? target, ActualValue? actual, decimal? reportedRate,
        Direction direction, decimal tolerancePercent = 0m)
    {
        if (actual is { Period: not null }) return CompletionStatus.Pending;
        if (target is not null && actual is { Value: { } a } && UnitsCompatible(target.Unit, actual.Unit))
        {
            if (target.Bound == BoundKind.Range && target.Low is { } lo && target.High is { } hi)
            {
                if (a >= lo && a <= hi) return CompletionStatus.Met;
                var better = direction == Direction.HigherIsBetter ? a > hi : a < lo;
                return better ? CompletionStatus.Exceeded : CompletionStatus.NotMet;
            }
            if (target.Value is { } t)
            {
                var tol = Math.Abs(t) * tolerancePercent / 100m;
                if (target.Bound == BoundKind.AtMost)
                    return a <= t + tol ? CompletionStatus.Met : CompletionStatus.NotMet;
                if (Math.Abs(a - t) <= tol) return CompletionStatus.Met;
                var isBetter = direction == Direction.HigherIsBetter ? a > t : a < t;
                return isBetter ? CompletionStatus.Exceeded : CompletionStatus.NotMet;
            }
        }
        if (reportedRate is { } r)
        {
            if (Math.Abs(r - 100m) <= tolerancePercent) return CompletionStatus.Met;
            return r > 100m ? CompletionStatus.Exceeded : CompletionStatus.NotMet;
        }
        return CompletionStatus.Unknown;
    }

    /// <summary>Actual divided by target in percent (two decimals), where both are numbers in compatible units.</summary>
    public static decimal? ComputedRate(TargetValue? target, ActualValue? actual)
    {
        if (target?.Value is not { } t || actual?.Value is not { } a || t == 0) return null;
        if (!UnitsCompatible(target.Unit, actual.Unit)) return null;
        return Math.Round(a / t * 100m, 2, MidpointRounding.AwayFromZero);
    }
}
