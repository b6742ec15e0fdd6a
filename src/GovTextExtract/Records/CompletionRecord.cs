using System.Text.Json.Serialization;
using GovTextExtract.Text;

namespace GovTextExtract.Records;

/// <summary>A stated target as the document words it.</summary>
public sealed record TargetValue
{
    /// <summary>The target's figure as written, with its bound words (e.g. "控制在3.5%以内").</summary>
    public required string Text { get; init; }
    /// <summary>The normalised value (万 and 亿 multiplied out; percent as a number of percent); null for a range.</summary>
    public decimal? Value { get; init; }
    /// <summary>Lower end of a range target.</summary>
    public decimal? Low { get; init; }
    /// <summary>Upper end of a range target.</summary>
    public decimal? High { get; init; }
    /// <summary>Canonical unit (元, 人次, %, 个百分点 …); null when the source gives none.</summary>
    public string? Unit { get; init; }
    /// <summary>How the target bounds its figure.</summary>
    public BoundKind Bound { get; init; } = BoundKind.AtLeast;

    /// <summary>True when the document states no target figure and this one is derived from a stated difference
    /// (增长6.1%，低于目标0.9个百分点 gives 7%); <see cref="Text"/> is then the difference as written.</summary>
    public bool Derived { get; init; }
}

/// <summary>A reported actual as the document words it.</summary>
public sealed record ActualValue
{
    /// <summary>The actual's figure as written.</summary>
    public required string Text { get; init; }
    /// <summary>The normalised value; null when the figure is not one number (a range).</summary>
    public decimal? Value { get; init; }
    /// <summary>Canonical unit; null when the source gives none.</summary>
    public string? Unit { get; init; }
    /// <summary>True when the document presents the figure as an expectation (预计, 有望).</summary>
    public bool Estimate { get; init; }
    /// <summary>True when the figure is approximate (余, 多, 近, 约).</summary>
    public bool Approximate { get; init; }
    /// <summary>The part of the year the figure covers when it is not the whole year (e.g. "1-11月"); else null.</summary>
    public string? Period { get; init; }
}

/// <summary>An audit finding on a record.</summary>
/// <param name="Code">Stable machine-readable code, e.g. <c>not_reported</c>, <c>estimate</c>.</param>
/// <param name="Severity"><c>info</c>, <c>warning</c> or <c>error</c>.</param>
/// <param name="Message">Human-readable explanation, in English.</param>
public sealed record AuditFlag(string Code, string Severity, string Message)
{
    /// <summary>The explanation in Chinese; null where the stage that raised the flag gives none.</summary>
    public string? MessageZh { get; init; }

    /// <summary>The explanation in English: the same text as <see cref="Message"/>.</summary>
    [JsonIgnore]
    public string MessageEn => Message;

    /// <summary>Where the finding stands in the document's decoded text: the figures, claim or sentence it rests on,
    /// in document order. Empty where the stage that raised the flag gives none.</summary>
    public IReadOnlyList<SourceSpan> Evidence { get; init; } = [];
}

/// <summary>Where a record's parts stand in the original file's decoded text.</summary>
public sealed record RecordEvidence
{
    /// <summary>Span of the target figure.</summary>
    public SourceSpan? Target { get; init; }
    /// <summary>Span of the actual figure.</summary>
    public SourceSpan? Actual { get; init; }
    /// <summary>Span of the stated completion rate.</summary>
    public SourceSpan? Rate { get; init; }
}

/// <summary>One target and its reported actual: the unit of output of the extractor.</summary>
public sealed record CompletionRecord
{
    /// <summary>The indicator the target is about (e.g. "地区生产总值增长").</summary>
    public required string Indicator { get; init; }
    /// <summary>The stated target; null when only a completion rate reveals it.</summary>
    public TargetValue? Target { get; init; }
    /// <summary>The reported actual; null when no sentence reports on the target.</summary>
    public ActualValue? Actual { get; init; }
    /// <summary>The completion percentage the document itself states (完成年度目标任务的280% gives 280).</summary>
    public decimal? ReportedRate { get; init; }
    /// <summary>Actual divided by target, in percent, where both are numbers in the same unit.</summary>
    public decimal? ComputedRate { get; init; }
    /// <summary>The comparison of actual with target in the indicator's better direction.</summary>
    public CompletionStatus Status { get; init; }
    /// <summary>True where reasonable readers may pair differently (only gold files set this).</summary>
    public bool Optional { get; init; }
    /// <summary>Free-text note.</summary>
    public string? Note { get; init; }
    /// <summary>Audit flags raised on this record.</summary>
    public IReadOnlyList<AuditFlag> Flags { get; init; } = [];
    /// <summary>How sure the extractor is of the pairing, 0..1.</summary>
    public double Confidence { get; init; }
    /// <summary>Offsets of the target, actual and rate figures in the original decoded text.</summary>
    public RecordEvidence Evidence { get; init; } = new();
}
