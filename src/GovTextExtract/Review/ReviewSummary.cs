using GovTextExtract.Audit;
using GovTextExtract.Records;

namespace GovTextExtract.Review;

/// <summary>Writes the summary at the top of a review page: counts by status and by flag code, the targets with no
/// reported result, the stated rates that disagree with the figures, the keys and the colours.</summary>
internal static class ReviewSummary
{
    public static void Write(TextWriter w, ReviewModel model, ReviewOptions options)
    {
        var records = model.Records;
        w.Write("<header id=\"summary\" aria-labelledby=\"title\">\n");
        if (options.IndexLink is { } index)
        {
            w.Write("<p class=\"back\"><a href=\"");
            ReviewHtml.Text(w, index);
            w.Write("\">← all documents</a></p>\n");
        }
        w.Write("<h1 id=\"title\">");
        ReviewHtml.Text(w, model.Title);
        w.Write("</h1>\n<p class=\"meta\">");
        var kind = model.Kind switch
        {
            "cross-year" => "cross-year pair of work reports",
            "work_report" => "work report read alone (targets without actuals)",
            _ => "circular",
        };
        ReviewHtml.Text(w, $"{kind} · {records.Count} record(s) · {records.Count(r => r.Flags.Count > 0)} flagged · " +
                           $"{model.Spans.Count} evidence span(s) marked");
        w.Write("</p>\n<div class=\"cards\">\n");

        w.Write("<section aria-labelledby=\"sum-status\"><h2 id=\"sum-status\">By status</h2><ul class=\"counts\">");
        foreach (var status in ReviewHtml.StatusOrder)
        {
            var name = ReviewHtml.StatusName(status);
            var count = records.Count(r => r.Status == status);
            w.Write($"<li><button type=\"button\" class=\"st st-{name}\" data-status=\"{name}\" aria-label=\"show the {count} " +
                    $"{name.Replace('_', ' ')} record(s)\">{name.Replace('_', ' ')} <b>{count}</b></button></li>");
        }
        w.Write("</ul></section>\n");

        w.Write("<section aria-labelledby=\"sum-flags\"><h2 id=\"sum-flags\">By flag</h2>");
        var flags = records.SelectMany(r => r.Flags)
            .GroupBy(f => f.Code, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Rank: g.Max(f => AuditSeverity.Rank(f.Severity)), Severity: AuditSeverity.Worst(g)!, Records: records.Count(r => r.Flags.Any(f => f.Code == g.Key))))
            .OrderByDescending(g => g.Rank).ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToList();
        if (flags.Count == 0)
            w.Write("<p>No flags.</p>");
        else
        {
            w.Write("<ul class=\"counts\">");
            foreach (var (code, rank, sev, count) in flags)
            {
                w.Write($"<li><button type=\"button\" class=\"flag s{rank}\" data-flag=\"");
                ReviewHtml.Text(w, code);
                w.Write("\" aria-label=\"");
                ReviewHtml.Text(w, $"show the {count} record(s) flagged {code} ({sev})");
                w.Write("\">");
                ReviewHtml.Text(w, code);
                w.Write($" <b>{count}</b></button></li>");
            }
            w.Write("</ul>");
        }
        w.Write("</section>\n");

        var unreported = Enumerable.Range(0, records.Count)
            .Where(i => records[i].Actual is null && records[i].ReportedRate is null && records[i].Target is not null)
            .ToList();
        w.Write($"<section aria-labelledby=\"sum-unreported\"><h2 id=\"sum-unreported\">Targets with no reported result ({unreported.Count})</h2>");
        List(w, unreported, i => records[i].Indicator + (records[i].Target is { } t ? ": " + t.Text : ""));
        w.Write("</section>\n");

        var mismatched = Enumerable.Range(0, records.Count)
            .Where(i => records[i].Flags.Any(f => f.Code == AuditCodes.RateMismatch))
            .ToList();
        w.Write($"<section aria-labelledby=\"sum-rates\"><h2 id=\"sum-rates\">Stated rates that disagree with the figures ({mismatched.Count})</h2>");
        List(w, mismatched, i => $"{records[i].Indicator}: stated {ReviewHtml.Number(records[i].ReportedRate)}%, " +
                                 $"computed {(records[i].ComputedRate is null ? "none" : ReviewHtml.Number(records[i].ComputedRate) + "%")}");
        w.Write("</section>\n</div>\n");

        if (model.Dropped.Count > 0)
        {
            w.Write($"<p class=\"warn\" role=\"note\">{model.Dropped.Count} evidence span(s) fall outside the text and are not marked: ");
            ReviewHtml.Text(w, string.Join("; ", model.Dropped.Take(20)));
            w.Write("</p>\n");
        }
        w.Write("<p class=\"keys\" id=\"keys\">Keys: <kbd>n</kbd> / <kbd>p</kbd> next / previous flagged record · <kbd>j</kbd> / " +
                "<kbd>k</kbd> next / previous record · <kbd>↑</kbd> <kbd>↓</kbd> and <kbd>Enter</kbd> in the table · <kbd>f</kbd> " +
                "the selected record's first figure in the text · <kbd>Esc</kbd> close the record card.</p>\n");
        w.Write("<p class=\"legend\" aria-label=\"Colours\"><mark class=\"t\">target</mark> <mark class=\"a\">actual</mark> " +
                "<mark class=\"r\">stated rate</mark> <mark class=\"f\">flag evidence</mark> · underline: " +
                "<span class=\"u s2\">error</span> <span class=\"u s1\">warning</span> <span class=\"u s0\">info</span></p>\n");
        w.Write("</header>\n");
    }

    private static void List(TextWriter w, List<int> indices, Func<int, string> label)
    {
        if (indices.Count == 0)
        {
            w.Write("<p>None.</p>");
            return;
        }
        w.Write("<ul class=\"list\">");
        foreach (var i in indices)
        {
            w.Write($"<li><a href=\"#r{i}\" data-r=\"{i}\">");
            ReviewHtml.Text(w, label(i));
            w.Write("</a></li>");
        }
        w.Write("</ul>");
    }
}
