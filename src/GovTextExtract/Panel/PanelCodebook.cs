using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GovTextExtract.Panel;

/// <summary>A column of the panel.</summary>
/// <param name="Name">The column name, the same in every format.</param>
/// <param name="Type"><c>string</c>, <c>int32</c>, <c>decimal</c>, <c>bool</c> or <c>double</c>.</param>
/// <param name="Description">What it holds.</param>
public sealed record PanelColumn(string Name, string Type, string Description);

/// <summary>The panel's codebook: every column and every canonical indicator, as JSON (<c>codebook.json</c>) and
/// as a Markdown table (<c>codebook.md</c>).</summary>
public static class PanelCodebook
{
    internal sealed record Column(PanelColumn Info, Func<PanelRow, object?> Get, Func<PanelRow, object?, PanelRow> Set);

    private static Column C(string name, string type, string description, Func<PanelRow, object?> get, Func<PanelRow, object?, PanelRow> set) =>
        new(new PanelColumn(name, type, description), get, set);

    internal static readonly IReadOnlyList<Column> Definitions =
    [
        C("place", "string", "The normalised place: a provincial-level unit by its full name (湖北 and 湖北省 are 湖北省), a chain of units by its last unit, 中华人民共和国 for the State Council's report.",
            r => r.Place, (r, v) => r with { Place = (string?)v ?? "" }),
        C("level", "string", "Administrative level: national, province, prefecture or county (a county-level city reads as prefecture); empty when the name gives none.",
            r => r.Level, (r, v) => r with { Level = (string?)v }),
        C("year", "int32", "The year of the target (the year of the report that states it).",
            r => r.Year, (r, v) => r with { Year = (int?)v ?? 0 }),
        C("item", "int32", "Order of the target in the year's main-target statement (1 = first); explicitly absent targets follow.",
            r => r.Item, (r, v) => r with { Item = (int?)v ?? 0 }),
        C("indicator_id", "string", "Canonical indicator id (see the indicator table); empty for an indicator outside the lexicon.",
            r => r.IndicatorId, (r, v) => r with { IndicatorId = (string?)v }),
        C("indicator_raw", "string", "The indicator's name as read from the report (国内生产总值增长; 全市 and 全省 words name the row's place).",
            r => r.IndicatorRaw, (r, v) => r with { IndicatorRaw = (string?)v ?? "" }),
        C("target_presence", "string", "stated: the report gives a target figure; absent: it says it sets none (不设…具体目标, 没有提出…具体目标).",
            r => r.TargetPresence, (r, v) => r with { TargetPresence = (string?)v ?? "stated" }),
        C("target_text", "string", "The target as written, with its bound words (5%左右, 控制在4.6%以内); for an absent target the words that say so.",
            r => r.TargetText, (r, v) => r with { TargetText = (string?)v }),
        C("target_value", "decimal", "The target's value: 万 and 亿 multiplied out, percent as a number of percent; empty for a range.",
            r => r.TargetValue, (r, v) => r with { TargetValue = (decimal?)v }),
        C("target_low", "decimal", "Lower end of a range target.", r => r.TargetLow, (r, v) => r with { TargetLow = (decimal?)v }),
        C("target_high", "decimal", "Upper end of a range target.", r => r.TargetHigh, (r, v) => r with { TargetHigh = (decimal?)v }),
        C("target_unit", "string", "The target's unit (%, 元, 人, 斤, 个百分点).", r => r.TargetUnit, (r, v) => r with { TargetUnit = (string?)v }),
        C("target_bound", "string", "about (左右, 约), at_least (以上, 不低于, a plain growth or count target), at_most (以内, 以下, 控制在…以内), range (a-b), exact; empty for an absent target.",
            r => r.TargetBound, (r, v) => r with { TargetBound = (string?)v }),
        C("actual_text", "string", "The result as the next year's report writes it; empty when that report is not in the archive or gives none.",
            r => r.ActualText, (r, v) => r with { ActualText = (string?)v }),
        C("actual_value", "decimal", "The result's value, normalised like target_value.", r => r.ActualValue, (r, v) => r with { ActualValue = (decimal?)v }),
        C("actual_unit", "string", "The result's unit.", r => r.ActualUnit, (r, v) => r with { ActualUnit = (string?)v }),
        C("actual_estimate", "bool", "True when the result is an expectation (预计); empty without a result.",
            r => r.ActualEstimate, (r, v) => r with { ActualEstimate = (bool?)v }),
        C("status", "string", "exceeded, met, not_met, pending or unknown: the result against the target in the indicator's better direction.",
            r => r.Status, (r, v) => r with { Status = (string?)v ?? "unknown" }),
        C("gap", "decimal", "Result − target in the target's unit (a range target: 0 inside it, else the distance to the nearer end, signed); empty without both.",
            r => r.Gap, (r, v) => r with { Gap = (decimal?)v }),
        C("target_document", "string", "File name of the report that states the target.", r => r.TargetDocument, (r, v) => r with { TargetDocument = (string?)v ?? "" }),
        C("actual_document", "string", "File name of the next year's report; empty when the archive holds none.", r => r.ActualDocument, (r, v) => r with { ActualDocument = (string?)v }),
        C("target_start", "int32", "Evidence: offset of the target in the target document's decoded text (UTF-16 code units).", r => r.TargetStart, (r, v) => r with { TargetStart = (int?)v }),
        C("target_length", "int32", "Evidence: length of the target's span.", r => r.TargetLength, (r, v) => r with { TargetLength = (int?)v }),
        C("actual_start", "int32", "Evidence: offset of the result in the actual document's decoded text (UTF-16 code units).", r => r.ActualStart, (r, v) => r with { ActualStart = (int?)v }),
        C("actual_length", "int32", "Evidence: length of the result's span.", r => r.ActualLength, (r, v) => r with { ActualLength = (int?)v }),
        C("duplicates", "string", "Other files of the archive placed at the same place and year, separated by ';' (not read into the panel: reported, never merged).",
            r => r.Duplicates, (r, v) => r with { Duplicates = (string?)v }),
        C("flags", "string", "Codes of the audit flags on the record, separated by ';' (not_reported, estimate, year_end_figure …).", r => r.Flags, (r, v) => r with { Flags = (string?)v }),
        C("confidence", "double", "How sure the extractor is of the pairing, 0 to 1.", r => r.Confidence, (r, v) => r with { Confidence = (double?)v ?? 0 }),
    ];

    /// <summary>Every column of the panel, in file order.</summary>
    public static IReadOnlyList<PanelColumn> Columns { get; } = Definitions.Select(d => d.Info).ToArray();

    /// <summary>Every canonical indicator (<c>indicator_id</c>), from the cross-year lexicon.</summary>
    public static IReadOnlyList<PanelIndicator> Indicators => PanelIndicators.Default;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The codebook as JSON: <c>{"columns": [...], "indicators": [...]}</c>.</summary>
    public static string ToJson() => JsonSerializer.Serialize(new { Columns, Indicators }, Json) + "\n";

    /// <summary>The codebook as Markdown: a table of the columns and a table of the indicators.</summary>
    public static string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Panel codebook\n\n");
        sb.Append("Written by `govtext panel` beside its output (`codebook.json`, `codebook.md`). One row per place × year × ");
        sb.Append("indicator: the targets of a year's government work report (主要预期目标), with the results the next year's ");
        sb.Append("report gives. The canonical indicators come from the groups of `models/lexicons/cross-year.json`.\n\n");
        sb.Append("## Columns\n\n| column | type | description |\n|---|---|---|\n");
        foreach (var c in Columns) sb.Append(CultureInfo.InvariantCulture, $"| `{c.Name}` | {c.Type} | {Cell(c.Description)} |\n");
        sb.Append("\n## Indicators\n\n| indicator_id | 中文名 | name | unit | better | measure |\n|---|---|---|---|---|---|\n");
        foreach (var i in Indicators)
            sb.Append(CultureInfo.InvariantCulture, $"| `{i.Id}` | {i.NameZh} | {Cell(i.NameEn)} | {i.Unit} | {i.Better} | {i.Measure} |\n");
        return sb.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
