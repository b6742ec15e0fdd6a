using GovTextExtract.Records;

namespace GovTextExtract.Audit;

/// <summary>The codes of the audit flags the <see cref="Auditor"/> raises.</summary>
public static class AuditCodes
{
    /// <summary>A stated completion rate that the actual and target figures do not give, rounding allowed for.</summary>
    public const string RateMismatch = "rate_mismatch";
    /// <summary>A claim of completion ("…等指标完成年度目标任务", "超额完成") that the figures contradict.</summary>
    public const string ClaimContradiction = "claim_contradiction";
    /// <summary>A claim of completion over a target for which the document reports no figure.</summary>
    public const string ClaimUnverified = "claim_unverified";
    /// <summary>An actual implausibly large or small against its target (a lost 万), or a figure with no unit.</summary>
    public const string UnitSuspect = "unit_suspect";
    /// <summary>An actual given as parts, or parts that do not add up to their stated total.</summary>
    public const string PartsSum = "parts_sum";
    /// <summary>A target no sentence reports on.</summary>
    public const string NotReported = "not_reported";
    /// <summary>An actual that is an expectation (预计, 有望).</summary>
    public const string Estimate = "estimate";
    /// <summary>An actual that covers part of the year only (1-11月).</summary>
    public const string PartialPeriod = "partial_period";
    /// <summary>A target not stated but derived from a stated difference to it (比目标高出1.6个百分点).</summary>
    public const string DerivedTarget = "derived_target";

    /// <summary>The document compares the result with the time schedule (超序时进度24.9个百分点, 低于时序进度3.82个
    /// 百分点): progress against the share of the year gone by, not against the target.</summary>
    public const string ScheduleComparison = "schedule_comparison";

    /// <summary>Two work reports were paired although they are not year N and year N+1 of one place (<c>pair
    /// --force</c>): the results may not be the targets'.</summary>
    public const string PairMismatch = "pair_mismatch";

    /// <summary>The codes the auditor computes itself: flags of these codes raised earlier (by the pairer) are
    /// replaced by the auditor's.</summary>
    public static IReadOnlySet<string> Recomputed { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RateMismatch, ClaimContradiction, ClaimUnverified, UnitSuspect, PartsSum, NotReported, Estimate, PartialPeriod, DerivedTarget,
    };
}

/// <summary>The severities of audit flags, and their order.</summary>
public static class AuditSeverity
{
    /// <summary>Worth knowing; the record stands.</summary>
    public const string Info = "info";
    /// <summary>The record or the document may be wrong; check by hand.</summary>
    public const string Warning = "warning";
    /// <summary>The document contradicts itself.</summary>
    public const string Error = "error";

    /// <summary>0 for info (or an unknown severity), 1 for warning, 2 for error.</summary>
    public static int Rank(string? severity) => severity switch
    {
        Error => 2,
        Warning => 1,
        _ => 0,
    };

    /// <summary>The worst severity among <paramref name="flags"/>, or null when there are none.</summary>
    public static string? Worst(IEnumerable<AuditFlag> flags)
    {
        ArgumentNullException.ThrowIfNull(flags);
        string? worst = null;
        foreach (var f in flags)
            if (worst is null || Rank(f.Severity) > Rank(worst))
                worst = f.Severity;
        return worst;
    }
}
