using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Quantities;

/// <summary>What a recognised number is.</summary>
public enum QuantityKind
{
    /// <summary>A figure of interest: an amount, a count, a rate.</summary>
    Figure,
    /// <summary>A date, a year or a month (2019年, 6月底, 9月1日).</summary>
    Date,
    /// <summary>A document number (〔2020〕15号).</summary>
    DocumentNumber,
    /// <summary>A rank or ordinal (全省第3位, 排名第1, 第二批).</summary>
    Rank,
    /// <summary>A list item number (1. 2) (3)).</summary>
    ItemNumber,
    /// <summary>A statement of no change (持平, 与上年持平, 基本持平): value 0 and <see cref="Quantity.Change"/> 0. A kind of
    /// its own, so readers of figures (which handle 与上年持平 as a phrase) see no new figure.</summary>
    NoChange,
    /// <summary>A multiple (1.5倍, 翻一番 = 2, 翻两番 = 4): a figure whose unit is 倍, of a kind of its own so that a caller
    /// can tell a factor from an amount; the readers of figures read it as one (<see cref="Quantity.IsFigure"/>).</summary>
    Multiple,
}

/// <summary>A number found in text, resolved to an exact decimal with its unit and qualifiers.</summary>
public sealed record Quantity
{
    /// <summary>Span of the whole quantity including bound words, in the text it was recognised in.</summary>
    public required SourceSpan Span { get; init; }
    /// <summary>Span of the number and unit alone (without prefix bound words).</summary>
    public required SourceSpan CoreSpan { get; init; }
    /// <summary>The text of <see cref="Span"/>.</summary>
    public required string Text { get; init; }
    /// <summary>What the number is.</summary>
    public QuantityKind Kind { get; init; } = QuantityKind.Figure;

    /// <summary>True for a figure of interest: <see cref="QuantityKind.Figure"/> or <see cref="QuantityKind.Multiple"/>.</summary>
    public bool IsFigure => Kind is QuantityKind.Figure or QuantityKind.Multiple;
    /// <summary>The value with multipliers applied (万 = 10^4, 亿 = 10^8); null for a range.</summary>
    public decimal? Value { get; init; }
    /// <summary>Lower end of a range.</summary>
    public decimal? Low { get; init; }
    /// <summary>Upper end of a range.</summary>
    public decimal? High { get; init; }
    /// <summary>Canonical unit (元, %, 个百分点, 人次 …), or null when the text gives none.</summary>
    public string? Unit { get; init; }
    /// <summary>The bound the words around the number set, or null when there are none.</summary>
    public BoundKind? Bound { get; init; }
    /// <summary>The bound words as written ("以上", "控制在…以内").</summary>
    public string? BoundText { get; init; }
    /// <summary>True for approximations (余, 多, 近, 约): the value is not exact.</summary>
    public bool Approximate { get; init; }
    /// <summary>True when the clause presents the figure as an expectation (预计, 有望).</summary>
    public bool Estimate { get; init; }
    /// <summary>The partial period the figure covers ("1-11月", "截至11月底"), or null.</summary>
    public string? Period { get; init; }
    /// <summary>True when a decrease verb (下降, 减少) stands right before the figure.</summary>
    public bool Decrease { get; init; }
    /// <summary>The signed change the words state: minus the value after a decrease verb (下降3.1% is −3.1), 0 for
    /// no change (持平, 基本持平); null when the text states no change.</summary>
    public decimal? Change { get; init; }
}
