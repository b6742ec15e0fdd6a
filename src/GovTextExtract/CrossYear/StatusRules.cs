using GovTextExtract.Records;

namespace GovTextExtract.CrossYear;

/// <summary>Compares an actual with its target in the indicator's better direction.</summary>
/// <remarks>"Equal" means within a tolerance in percent of the target (0.5 by default, as for scoring).
/// at_least: better than the target is exceeded, equal is met, worse is not met. at_most (a ceiling): at or
/// inside the ceiling is met. about and exact: equal is met, otherwise exceeded or not met by direction.
/// range: inside (within tolerance of the ends) is met, beyond the better end exceeded.</remarks>
internal static class StatusRules
{
    public static CompletionStatus Compare(TargetValue target, decimal? actual, Direction direction, decimal tolerancePercent)
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
        var tol = Tolerance(t, tolerancePercent);
        var better = direction == Direction.HigherIsBetter ? a > t : a < t;
        var equal = Math.Abs(a - t) <= tol;
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
    public static CompletionStatus FromRate(decimal ratePercent, decimal tolerancePercent)
    {
        if (Math.Abs(ratePercent - 100m) <= tolerancePercent) return CompletionStatus.Met;
        return ratePercent > 100m ? CompletionStatus.Exceeded : CompletionStatus.NotMet;
    }

    private static decimal Tolerance(decimal target, decimal percent) => Math.Abs(target) * percent / 100m;
}
