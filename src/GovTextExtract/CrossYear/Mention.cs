using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.CrossYear;

/// <summary>What a figure says about its indicator.</summary>
internal enum Measure
{
    /// <summary>The indicator's own value: an amount, a count, a rate, a fall (能耗降低3%).</summary>
    Level,
    /// <summary>The percentage growth of a total (增长5.5%; 下降3.3% is −3.3).</summary>
    Growth,
    /// <summary>A change in percentage points.</summary>
    Points,
    /// <summary>A stated completion rate (完成年计划的118.2%).</summary>
    CompletionRate,
    /// <summary>A share of something else (占…比重).</summary>
    Share,
    /// <summary>Nothing this reader can compare.</summary>
    Other,
}

/// <summary>The indicator a figure is about, as the text names it.</summary>
/// <param name="Group">The indicator group.</param>
/// <param name="Phrase">The name as written (or as rebuilt from a 分别 list).</param>
/// <param name="Qualifier">Words right before the name that narrow its scope (区本级, 高技术服务业), or null.</param>
/// <param name="Start">Offset of the name in the normalised text.</param>
/// <param name="End">Offset just past the name.</param>
/// <param name="Raw">True when no alias group names it and the phrase itself stands as the indicator.</param>
internal sealed record Subject(IndicatorGroup Group, string Phrase, string? Qualifier, int Start, int End, bool Raw = false);

/// <summary>A figure with the indicator it is about.</summary>
internal sealed record Mention
{
    public required Subject Subject { get; init; }
    /// <summary>The recognised figure, or null for a phrase such as 与上年持平 (no change).</summary>
    public Quantity? Figure { get; init; }
    /// <summary>Span of the figure with its bound and decrease words, in the normalised text.</summary>
    public required SourceSpan Span { get; init; }
    public decimal? Value { get; init; }
    public decimal? Low { get; init; }
    public decimal? High { get; init; }
    public string? Unit { get; init; }
    public BoundKind? Bound { get; init; }
    public required Measure Measure { get; init; }
    /// <summary>The words between the indicator name (or the previous figure) and the figure.</summary>
    public required string VerbZone { get; init; }
    /// <summary>True when the figure's part names no indicator and goes on about the one before.</summary>
    public bool Inherited { get; init; }
    /// <summary>True when the figure's clause opens with an aspiration (…以上，力争8%).</summary>
    public bool Aspiration { get; init; }
    /// <summary>True when the figure came from a 分别 list.</summary>
    public bool Respectively { get; init; }
    /// <summary>Start of the text that belongs to this figure's statement: the clause of its indicator name.</summary>
    public required int ContextStart { get; init; }
    public bool Estimate { get; init; }
    public bool Approximate { get; init; }
    public string? Period { get; init; }
}
