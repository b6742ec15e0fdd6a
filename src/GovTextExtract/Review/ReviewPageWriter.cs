using System.Text.Json.Serialization;
using GovTextExtract.Audit;
using GovTextExtract.Records;

namespace GovTextExtract.Review;

/// <summary>Lays out a review page: head, summary, the document pane(s), the records table, the data island and the
/// script.</summary>
internal static class ReviewPageWriter
{
    public static void Write(ReviewModel model, TextWriter w, ReviewOptions options)
    {
        var severity = model.Records.Select(ReviewModel.WorstRank).ToArray();
        ReviewHtml.Head(w, "Review: " + model.Title, ReviewStyle.Page, ReviewScript.Page);
        w.Write($"<body class=\"review {(model.Panes.Count > 1 ? "pair" : "single")}\">\n");
        w.Write("<a class=\"skip\" href=\"#records\">Skip to the records</a>\n");
        ReviewSummary.Write(w, model, options);
        w.Write("<main class=\"panes\">\n");
        for (var p = 0; p < model.Panes.Count; p++)
        {
            var pane = model.Panes[p];
            w.Write($"<section class=\"doc\" id=\"doc{p}\" aria-labelledby=\"doc{p}-h\">\n<h2 id=\"doc{p}-h\" class=\"doc-h\">");
            ReviewHtml.Text(w, pane.Label + ": " + pane.Name);
            w.Write($"</h2>\n<div class=\"text\" id=\"text{p}\" tabindex=\"0\" aria-label=\"");
            ReviewHtml.Text(w, "text of " + pane.Name);
            w.Write("\">");
            var spans = model.Spans.Where(s => s.Pane == p).ToList();
            MarkedText.Write(w, pane.Text, spans, severity, Math.Max(200, options.ChunkCharacters));
            w.Write("</div>\n</section>\n");
        }
        RecordsTable.Write(w, model, severity);
        w.Write("</main>\n");
        w.Write("<div id=\"tip\" role=\"tooltip\" hidden></div>\n<div id=\"live\" class=\"sr\" aria-live=\"polite\"></div>\n");
        w.Write("<script type=\"application/json\" id=\"review-data\">");
        w.Write(ReviewHtml.JsonIsland(Data(model)));
        w.Write("</script>\n<script>");
        w.Write(ReviewScript.Page);
        w.Write("</script>\n</body>\n</html>\n");
    }

    private static PageData Data(ReviewModel model) => new(
        model.Kind,
        model.Panes.Select(p => p.Name).ToArray(),
        model.Records.Select(r => new RecordData(
            r.Indicator,
            r.Target?.Text, r.Target?.Value, r.Target?.Unit,
            r.Actual?.Text, r.Actual?.Value, r.Actual?.Unit,
            r.ReportedRate, r.ComputedRate,
            ReviewHtml.StatusName(r.Status),
            Math.Round(r.Confidence, 3),
            ReviewModel.WorstRank(r),
            r.Flags.Select(f => new FlagData(f.Code, f.Severity, AuditSeverity.Rank(f.Severity), f.Message, f.MessageZh)).ToArray(),
            r.Note)).ToArray());

    private sealed record PageData(
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("docs")] string[] Documents,
        [property: JsonPropertyName("records")] RecordData[] Records);

    private sealed record RecordData(
        [property: JsonPropertyName("ind")] string Indicator,
        [property: JsonPropertyName("tt")] string? TargetText,
        [property: JsonPropertyName("tv")] decimal? TargetValue,
        [property: JsonPropertyName("tu")] string? TargetUnit,
        [property: JsonPropertyName("at")] string? ActualText,
        [property: JsonPropertyName("av")] decimal? ActualValue,
        [property: JsonPropertyName("au")] string? ActualUnit,
        [property: JsonPropertyName("sr")] decimal? StatedRate,
        [property: JsonPropertyName("cr")] decimal? ComputedRate,
        [property: JsonPropertyName("st")] string Status,
        [property: JsonPropertyName("c")] double Confidence,
        [property: JsonPropertyName("w")] int Worst,
        [property: JsonPropertyName("f")] FlagData[] Flags,
        [property: JsonPropertyName("n")] string? Note);

    private sealed record FlagData(
        [property: JsonPropertyName("c")] string Code,
        [property: JsonPropertyName("s")] string Severity,
        [property: JsonPropertyName("r")] int Rank,
        [property: JsonPropertyName("m")] string Message,
        [property: JsonPropertyName("z")] string? MessageZh);
}
