namespace GovTextExtract.Records;

/// <summary>How a reported actual compares with its target, in the better direction of the indicator.</summary>
public enum CompletionStatus
{
    /// <summary>No comparable actual.</summary>
    Unknown,
    /// <summary>Better than the target.</summary>
    Exceeded,
    /// <summary>Equal within rounding, or inside a ceiling.</summary>
    Met,
    /// <summary>Worse than the target.</summary>
    NotMet,
    /// <summary>Only a partial-period or expected figure is reported.</summary>
    Pending,
}

/// <summary>How a target bounds its figure.</summary>
public enum BoundKind
{
    /// <summary>The figure or more (以上, 不低于, 突破, 超过, 达到, a plain growth or count target).</summary>
    AtLeast,
    /// <summary>The figure or less (以内, 以下, 不超过, 控制在…以内, 压缩到…内).</summary>
    AtMost,
    /// <summary>Around the figure (左右, 约).</summary>
    About,
    /// <summary>Between two figures (a-b, a至b).</summary>
    Range,
    /// <summary>Exactly the figure.</summary>
    Exact,
}

/// <summary>Which way an indicator improves.</summary>
public enum Direction
{
    /// <summary>A higher figure is better (growth, counts, income).</summary>
    HigherIsBetter,
    /// <summary>A lower figure is better (失业率, 居民消费价格涨幅, 能耗, 审批时限).</summary>
    LowerIsBetter,
}
