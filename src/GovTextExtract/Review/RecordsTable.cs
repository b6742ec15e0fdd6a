using GovTextExtract.Audit;

namespace GovTextExtract.Review;

/// <summary>Writes the records table: filters, sortable headers, one row per record.</summary>
internal static class RecordsTable
{
    /// <summary>The columns: the key the script sorts by, and the header.</summary>
    private static readonly (string Key, string Header, string Name)[] Columns =
    [
        ("i", "#", "record number"), ("ind", "Indicator", "indicator"), ("tv", "Target", "target"), ("av", "Actual", "actual"),
        ("sr", "Stated %", "stated rate"), ("cr", "Computed %", "computed rate"), ("st", "Status", "status"),
        ("c", "Conf.", "confidence"), ("w", "Flags", "flags"),
    ];

    /// <summary>From this many rows on, the browser may leave the rows off screen unrendered until they scroll near:
    /// a long table opens and sorts quickly, at the price of row heights that are estimates until then.</summary>
    public const int LongTable = 400;

    public static void Write(TextWriter w, ReviewModel model, IReadOnlyList<int> severity)
    {
        var records = model.Records;
        w.Write("<section class=\"records\" id=\"records\" aria-labelledby=\"records-h\">\n<h2 id=\"records-h\">Records</h2>\n");
        w.Write("<div class=\"filters\" role=\"group\" aria-label=\"Filter the records\">\n");
        w.Write("<label>Status <select id=\"f-status\"><option value=\"\">all</option>");
        foreach (var status in ReviewHtml.StatusOrder)
        {
            var name = ReviewHtml.StatusName(status);
            w.Write($"<option value=\"{name}\">{name.Replace('_', ' ')} ({records.Count(r => r.Status == status)})</option>");
        }
        w.Write("</select></label>\n<label>Flag <select id=\"f-flag\"><option value=\"\">all</option>" +
                "<option value=\"*\">any flag</option><option value=\"-\">no flag</option>");
        foreach (var code in records.SelectMany(r => r.Flags).Select(f => f.Code).Distinct().Order(StringComparer.Ordinal))
        {
            w.Write("<option value=\"");
            ReviewHtml.Text(w, code);
            w.Write("\">");
            ReviewHtml.Text(w, code);
            w.Write("</option>");
        }
        w.Write("</select></label>\n<label>Confidence <select id=\"f-conf\"><option value=\"\">all</option>" +
                "<option value=\"high\">high (0.8 and over)</option><option value=\"medium\">medium (0.5 to 0.8)</option>" +
                "<option value=\"low\">low (under 0.5)</option></select></label>\n");
        w.Write($"<output id=\"shown\" aria-live=\"polite\">{records.Count} of {records.Count} records</output>\n</div>\n");
        w.Write($"<div class=\"table-wrap\"><table id=\"table\"{(records.Count >= LongTable ? " class=\"long\"" : "")} role=\"grid\" aria-readonly=\"true\"><caption class=\"sr\">The records; select a row to mark its " +
                "figures in the text. Column headers sort.</caption>\n<thead role=\"rowgroup\"><tr role=\"row\">");
        foreach (var (key, header, name) in Columns)
            w.Write($"<th scope=\"col\" role=\"columnheader\" aria-sort=\"none\" class=\"c-{key}\"><button type=\"button\" data-key=\"{key}\" " +
                    $"aria-label=\"{name}: sort\">{header}</button></th>");
        w.Write("</tr></thead>\n<tbody role=\"rowgroup\">\n");
        for (var i = 0; i < records.Count; i++)
            Row(w, records[i], i, severity[i]);
        w.Write("</tbody></table></div>\n");
        if (records.Count == 0)
            w.Write("<p class=\"empty\">No records were found in this document.</p>\n");
        w.Write("</section>\n");
    }

    private static void Row(TextWriter w, Records.CompletionRecord r, int i, int worst)
    {
        var flagged = r.Flags.Count > 0 ? " flagged" : "";
        var sev = worst >= 0 ? $" s{worst}" : "";
        w.Write($"<tr id=\"r{i}\" data-r=\"{i}\" class=\"row{flagged}{sev}\" role=\"row\" tabindex=\"{(i == 0 ? 0 : -1)}\" aria-selected=\"false\">");
        w.Write($"<td role=gridcell class=\"num\">{i + 1}</td><td role=gridcell>");
        ReviewHtml.Text(w, r.Indicator);
        w.Write("</td><td role=gridcell>");
        ReviewHtml.Text(w, r.Target?.Text ?? "");
        w.Write("</td><td role=gridcell>");
        ReviewHtml.Text(w, r.Actual?.Text ?? "");
        w.Write($"</td><td role=gridcell class=\"num\">{Percent(r.ReportedRate)}</td><td role=gridcell class=\"num\">{Percent(r.ComputedRate)}</td>");
        var status = ReviewHtml.StatusName(r.Status);
        w.Write($"<td role=gridcell><span class=\"st st-{status}\">{status.Replace('_', ' ')}</span></td>");
        w.Write($"<td role=gridcell class=\"num\">{r.Confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}</td><td role=gridcell>");
        foreach (var f in r.Flags)
        {
            w.Write($"<span class=\"flag s{AuditSeverity.Rank(f.Severity)}\" title=\"");
            ReviewHtml.Text(w, f.Severity + ": " + f.Message + (f.MessageZh is null ? "" : " / " + f.MessageZh));
            w.Write("\">");
            ReviewHtml.Text(w, f.Code);
            w.Write("</span> ");
        }
        w.Write("</td></tr>\n");
    }

    private static string Percent(decimal? value) => value is null ? "" : ReviewHtml.Number(value) + "%";
}
