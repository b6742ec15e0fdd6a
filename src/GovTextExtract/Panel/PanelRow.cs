namespace GovTextExtract.Panel;

/// <summary>One row of the research panel: one target (stated or explicitly absent) of one place's work report of
/// one year, with the result the next year's report gives. Values read from text are exact decimals.</summary>
public sealed record PanelRow
{
    /// <summary>The normalised place (湖北省 for 湖北 and 湖北省; 中华人民共和国 for the State Council's report).</summary>
    public required string Place { get; init; }
    /// <summary><c>national</c>, <c>province</c>, <c>prefecture</c> or <c>county</c>; null when the name gives none.</summary>
    public string? Level { get; init; }
    /// <summary>The year whose target the row holds (the year of the report that states it).</summary>
    public required int Year { get; init; }
    /// <summary>The row's place among the year's targets: 1 for the first of the main-target statement, in text
    /// order; explicitly absent targets follow.</summary>
    public required int Item { get; init; }
    /// <summary>The canonical indicator (<see cref="PanelIndicator.Id"/>); null for an indicator outside the lexicon.</summary>
    public string? IndicatorId { get; init; }
    /// <summary>The indicator's name as the record gives it (国内生产总值增长, 区本级固定资产投资).</summary>
    public required string IndicatorRaw { get; init; }
    /// <summary><c>stated</c> (the report gives a figure) or <c>absent</c> (it says it sets none, 不设…具体目标).</summary>
    public string TargetPresence { get; init; } = "stated";
    /// <summary>The target as written, with its bound words; for an absent target the words that say so.</summary>
    public string? TargetText { get; init; }
    /// <summary>The target's value (万, 亿 multiplied out; percent as a number of percent); null for a range.</summary>
    public decimal? TargetValue { get; init; }
    /// <summary>Lower end of a range target.</summary>
    public decimal? TargetLow { get; init; }
    /// <summary>Upper end of a range target.</summary>
    public decimal? TargetHigh { get; init; }
    /// <summary>The target's unit.</summary>
    public string? TargetUnit { get; init; }
    /// <summary><c>about</c>, <c>at_least</c>, <c>at_most</c>, <c>range</c> or <c>exact</c>; null for an absent target.</summary>
    public string? TargetBound { get; init; }
    /// <summary>The actual as the next year's report writes it; null when that report is missing or gives none.</summary>
    public string? ActualText { get; init; }
    /// <summary>The actual's value.</summary>
    public decimal? ActualValue { get; init; }
    /// <summary>The actual's unit.</summary>
    public string? ActualUnit { get; init; }
    /// <summary>True when the actual is an expectation (预计); null without an actual.</summary>
    public bool? ActualEstimate { get; init; }
    /// <summary><c>exceeded</c>, <c>met</c>, <c>not_met</c>, <c>pending</c> or <c>unknown</c>.</summary>
    public required string Status { get; init; }
    /// <summary>Actual − target in the target's unit (a range: 0 inside it, else the distance to the nearer end);
    /// null without both.</summary>
    public decimal? Gap { get; init; }
    /// <summary>The file of the report that states the target.</summary>
    public required string TargetDocument { get; init; }
    /// <summary>The file of the next year's report; null when the archive holds none.</summary>
    public string? ActualDocument { get; init; }
    /// <summary>Offset of the target's evidence in the target document's decoded text.</summary>
    public int? TargetStart { get; init; }
    /// <summary>Length of the target's evidence.</summary>
    public int? TargetLength { get; init; }
    /// <summary>Offset of the actual's evidence in the actual document's decoded text.</summary>
    public int? ActualStart { get; init; }
    /// <summary>Length of the actual's evidence.</summary>
    public int? ActualLength { get; init; }
    /// <summary>Other files of the archive placed at the same place and year, separated by <c>;</c>; they were
    /// not read into the panel (the row comes from <see cref="TargetDocument"/>, the first by file name).</summary>
    public string? Duplicates { get; init; }
    /// <summary>Codes of the audit flags of the record, separated by <c>;</c>.</summary>
    public string? Flags { get; init; }
    /// <summary>How sure the extractor is of the pairing, 0..1.</summary>
    public double Confidence { get; init; }
}
