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
            var compared = Compare(target, a, direction, tolerancePercent);
            if (compared != CompletionStatus.Unknown) return compared;
        }
        return reportedRate is { } r ? FromRate(r, tolerancePercent) : CompletionStatus.Unknown;
    }

    /// <summary>Compares an actual value with a target in the indicator's better direction.</summary>
    /// <remarks>"Equal" means within <paramref name="tolerancePercent"/> of the target. at_most (a ceiling): at or
    /// inside it is met. at_least on a higher-is-better indicator: above is exceeded, equal met, below not met. about
    /// and exact (and at_least on a lower-is-better one): equal is met, otherwise exceeded or not met by direction.
    /// range: inside (within tolerance of the ends) is met, beyond the better end exceeded.</remarks>
    public static CompletionStatus Compare(TargetValue target, decimal? actual, Direction direction, decimal tolerancePercent = 0m)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (actual is not { } a) return CompletionStatus.Unknown;
        if (target.Bound == BoundKind.Range && target.Low is { } lo && target.High is { } hi)
        {
            var (low, high) = lo <= hi ? (lo, hi) : (hi, lo);
            if (a >= low - Tolerance(low, tolerancePercent) && a <= high + Tolerance(high, tolerancePercent))
                return CompletionStatus.Met;
            var above = a > high;
            return above == (direction == Direction.HigherIsBetter) ? CompletionStatus.Exceeded : CompletionStatus.NotMet;
        }
        if (target.Value is not { } t) return CompletionStatus.Unknown;
        var equal = Math.Abs(a - t) <= Tolerance(t, tolerancePercent);
        var better = direction == Direction.HigherIsBetter ? a > t : a < t;
        switch (target.Bound)
        {
            case BoundKind.AtMost:
                return a <= t ? CompletionStatus.Met : CompletionStatus.NotMet;
            case BoundKind.AtLeast when direction == Direction.HigherIsBetter:
                if (a > t) return CompletionStatus.Exceeded;
                return equal ? CompletionStatus.Met : CompletionStatus.NotMet;
            default:
                if (equal) return CompletionStatus.Met;
                return better ? CompletionStatus.Exceeded : CompletionStatus.NotMet;
        }
    }

    /// <summary>The status a stated completion rate gives (118% of the plan is exceeded).</summary>
    public static CompletionStatus FromRate(decimal ratePercent, decimal tolerancePercent = 0m)
    {
        if (Math.Abs(ratePercent - 100m) <= tolerancePercent) return CompletionStatus.Met;
        return ratePercent > 100m ? CompletionStatus.Exceeded : CompletionStatus.NotMet;
    }

    private static decimal Tolerance(decimal target, decimal percent) => Math.Abs(target) * percent / 100m;

    /// <summary>Actual divided by target in percent (two decimals), where both are numbers in compatible units.</summary>
    public static decimal? ComputedRate(TargetValue? target, ActualValue? actual)
    {
        if (target?.Value is not { } t || actual?.Value is not { } a || t == 0) return null;
        if (!UnitsCompatible(target.Unit, actual.Unit)) return null;
        return Math.Round(a / t * 100m, 2, MidpointRounding.AwayFromZero);
    }
}
