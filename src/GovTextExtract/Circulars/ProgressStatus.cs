using GovTextExtract.Records;
using GovTextExtract.Status;

namespace GovTextExtract.Circulars;

/// <summary>The status of a progress or completion record (corpus README): a partial-period share, growth rate or
/// average is pending; a partial-period cumulative figure is pending until it reaches the year's target (by the
/// figures, or a stated rate of 100 % or more), then met or exceeded; a whole-year figure is compared with its
/// target in the indicator's better direction, else judged by its stated rate, else by the document's claim.</summary>
internal static class ProgressStatus
{
    /// <summary>Relative tolerance, in percent, within which a figure equals its target: none, as the cross-year
    /// comparison's default (<c>MetTolerancePercent</c>); 89.97万元 of 90万元 is short of it. A tolerance of 0.5 % read
    /// such records as met against the gold's not_met, and no record of the corpus needed it.</summary>
    private const decimal Tolerance = 0m;

    public static CompletionStatus Of(TargetValue? target, ActualValue? actual, decimal? rate, bool claim, bool claimsExceeded,
        bool shareish, Direction direction)
    {
        if (actual is null) return claim ? CompletionStatus.Met : CompletionStatus.Unknown;
        var compared = target is not null && actual.Value is { } v && StatusEvaluator.UnitsCompatible(target.Unit, actual.Unit)
            ? StatusEvaluator.Compare(target, v, direction, Tolerance) : CompletionStatus.Unknown;
        if (actual.Period is not null)
        {
            if (shareish) return CompletionStatus.Pending;
            if (rate is { } r && r >= 100m) return StatusEvaluator.FromRate(r);
            // Part-way through the year a count has reached its target only when it is at least the target: 9.95万
            // of 10万 is not yet met, whatever the tolerance of a final figure.
            if (target is not null && actual.Value is { } pv && StatusEvaluator.UnitsCompatible(target.Unit, actual.Unit)
                && StatusEvaluator.Compare(target, pv, direction) is var strict and (CompletionStatus.Met or CompletionStatus.Exceeded))
                return strict;
            return CompletionStatus.Pending;
        }
        if (compared != CompletionStatus.Unknown) return compared;
        if (rate is { } rr) return StatusEvaluator.FromRate(rr, Tolerance);
        if (claim) return claimsExceeded ? CompletionStatus.Exceeded : CompletionStatus.Met;
        return CompletionStatus.Unknown;
    }
}
