using GovTextExtract.Audit;
using GovTextExtract.Records;

namespace GovTextExtract.Review;

/// <summary>One document on the index of a batch's review pages.</summary>
public sealed record ReviewIndexEntry
{
    /// <summary>The document's name (a batch key: its path relative to the input).</summary>
    public required string Document { get; init; }

    /// <summary>The document's review page, relative to the index (URL-escaped when written); null when it has none.</summary>
    public string? Page { get; init; }

    /// <summary>True when the document could not be extracted.</summary>
    public bool Failed { get; init; }

    /// <summary>Why the document failed or has no page; null when all is well.</summary>
    public string? Problem { get; init; }

    /// <summary>The number of records.</summary>
    public int Records { get; init; }

    /// <summary>The number of records of each status (statuses with none may be missing).</summary>
    public IReadOnlyDictionary<CompletionStatus, int> Statuses { get; init; } = new Dictionary<CompletionStatus, int>();

    /// <summary>The number of flags of each severity (<c>error</c>, <c>warning</c>, <c>info</c>).</summary>
    public IReadOnlyDictionary<string, int> Flags { get; init; } = new Dictionary<string, int>();

    /// <summary>The entry of a document with its records counted.</summary>
    /// <param name="document">The document's name.</param>
    /// <param name="page">Its page relative to the index, or null.</param>
    /// <param name="records">Its records.</param>
    public static ReviewIndexEntry Of(string document, string? page, IReadOnlyList<CompletionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(records);
        return new ReviewIndexEntry
        {
            Document = document,
            Page = page,
            Records = records.Count,
            Statuses = records.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()),
            Flags = records.SelectMany(r => r.Flags).GroupBy(f => f.Severity, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        };
    }
}

/// <summary>The index of a batch's review pages: one sortable table row per document with its counts of records,
/// statuses and flags, linking to its page. Self-contained like the pages (inline style and script, a policy that
/// loads nothing).</summary>
public static class ReviewIndex
{
    /// <summary>Writes the index page.</summary>
    /// <param name="entries">The documents, in the order to list them.</param>
    /// <param name="writer">Where the HTML goes.</param>
    /// <param name="title">The page's heading; default "Review pages".</param>
    public static void Write(IEnumerable<ReviewIndexEntry> entries, TextWriter writer, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(writer);
        var list = entries.ToList();
        title ??= "Review pages";
        var w = writer;
        ReviewHtml.Head(w, title, ReviewStyle.Index, ReviewScript.Index);
        w.Write("<body>\n<h1>");
        ReviewHtml.Text(w, title);
        w.Write("</h1>\n<p class=\"meta\">");
        ReviewHtml.Text(w, $"{list.Count} document(s), {list.Count(e => e.Page is not null)} page(s), {list.Count(e => e.Failed)} failed, " +
                           $"{list.Sum(e => e.Records)} record(s). Column headers sort.");
        w.Write("</p>\n<table id=\"index\"><caption class=\"sr\">The documents of the batch</caption>\n<thead><tr>");
        string[] headers = ["Document", "Status", "Records", "exceeded", "met", "not met", "pending", "unknown", "error flags", "warning flags", "info flags"];
        for (var c = 0; c < headers.Length; c++)
            w.Write($"<th scope=\"col\" aria-sort=\"none\"{(c >= 2 ? " class=\"n\"" : "")}><button type=\"button\">{headers[c]}</button></th>");
        w.Write("</tr></thead>\n<tbody>\n");
        foreach (var e in list)
            Row(w, e);
        w.Write("</tbody></table>\n<script>");
        w.Write(ReviewScript.Index);
        w.Write("</script>\n</body>\n</html>\n");
    }

    private static void Row(TextWriter w, ReviewIndexEntry e)
    {
        var errors = e.Flags.GetValueOrDefault(AuditSeverity.Error);
        var warnings = e.Flags.GetValueOrDefault(AuditSeverity.Warning);
        w.Write($"<tr class=\"{(errors > 0 ? "s2" : warnings > 0 ? "s1" : "")}\"><td data-v=\"");
        ReviewHtml.Text(w, e.Document);
        w.Write("\">");
        if (e.Page is { } page)
        {
            w.Write("<a href=\"");
            ReviewHtml.Text(w, string.Join('/', page.Split('/').Select(Uri.EscapeDataString)));
            w.Write("\">");
            ReviewHtml.Text(w, e.Document);
            w.Write("</a>");
        }
        else
        {
            ReviewHtml.Text(w, e.Document);
        }
        var status = e.Failed ? "failed" : e.Page is null ? "no page" : "ok";
        w.Write($"</td><td data-v=\"{status}\" class=\"{(e.Failed ? "failed" : "")}\">{status}");
        if (e.Problem is { } problem)
        {
            w.Write(": ");
            ReviewHtml.Text(w, problem);
        }
        w.Write("</td>");
        Count(w, e.Records);
        foreach (var s in ReviewHtml.StatusOrder)
            Count(w, e.Statuses.GetValueOrDefault(s));
        Count(w, errors);
        Count(w, warnings);
        Count(w, e.Flags.GetValueOrDefault(AuditSeverity.Info));
        w.Write("</tr>\n");
    }

    private static void Count(TextWriter w, int n) => w.Write($"<td class=\"num\" data-v=\"{n}\">{n}</td>");
}
