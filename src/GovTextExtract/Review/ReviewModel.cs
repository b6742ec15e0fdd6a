using GovTextExtract.Audit;
using GovTextExtract.CrossYear;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Review;

/// <summary>A document text shown on a review page.</summary>
/// <param name="Name">The document's file name.</param>
/// <param name="Text">The decoded text the evidence offsets refer to.</param>
/// <param name="Label">What the text is on this page (e.g. "year N: targets").</param>
internal sealed record ReviewPane(string Name, string Text, string Label);

/// <summary>One evidence span to mark: in which pane, where, and whose.</summary>
/// <param name="Pane">Index of the pane whose text holds it.</param>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Record">Index of the record in the result.</param>
/// <param name="Role"><c>t</c> target, <c>a</c> actual, <c>r</c> stated rate, <c>f</c> evidence of a flag.</param>
/// <param name="Token">The span's name on the page: record index and role, plus the flag evidence's number
/// (<c>12t</c>, <c>12a</c>, <c>12r</c>, <c>12f0</c>).</param>
internal readonly record struct MarkedSpan(int Pane, int Start, int End, int Record, char Role, string Token);

/// <summary>What a review page shows: the texts, the records and where their evidence stands.</summary>
internal sealed class ReviewModel
{
    private ReviewModel(string title, string kind, IReadOnlyList<ReviewPane> panes, IReadOnlyList<CompletionRecord> records)
    {
        Title = title;
        Kind = kind;
        Panes = panes;
        Records = records;
    }

    public string Title { get; }

    /// <summary><c>circular</c>, <c>work_report</c> or <c>cross-year</c>.</summary>
    public string Kind { get; }

    public IReadOnlyList<ReviewPane> Panes { get; }

    public IReadOnlyList<CompletionRecord> Records { get; }

    /// <summary>The spans that lie inside their text, in record order.</summary>
    public List<MarkedSpan> Spans { get; } = [];

    /// <summary>Evidence spans that fall outside their text: counted and named on the page, not marked.</summary>
    public List<string> Dropped { get; } = [];

    public static ReviewModel From(ExtractionResult result, ReviewOptions options)
    {
        var kind = result.Kind == DocumentKind.WorkReport ? "work_report" : "circular";
        var model = new ReviewModel(options.Title ?? result.Document, kind,
            [new ReviewPane(result.Document, result.SourceText, kind == "work_report" ? "work report" : "document")], result.Records);
        for (var i = 0; i < result.Records.Count; i++)
        {
            var record = result.Records[i];
            model.Add(0, record.Evidence.Target, i, 't', null);
            model.Add(0, record.Evidence.Actual, i, 'a', null);
            model.Add(0, record.Evidence.Rate, i, 'r', null);
            var n = 0;
            foreach (var flag in record.Flags)
                foreach (var span in flag.Evidence)
                    model.Add(0, span, i, 'f', n++);
        }
        return model;
    }

    /// <summary>A cross-year pair: targets in the year-N text, actuals and stated rates in the year-N+1 text. Flags of
    /// a pair carry no evidence of their own.</summary>
    public static ReviewModel From(CrossYearResult result, string targetText, string actualText, ReviewOptions options)
    {
        var model = new ReviewModel(options.Title ?? $"{result.TargetDocument} → {result.ActualDocument}", "cross-year",
            [
                new ReviewPane(result.TargetDocument, targetText, "year N: targets"),
                new ReviewPane(result.ActualDocument, actualText, "year N+1: results"),
            ], result.Records);
        for (var i = 0; i < result.Records.Count; i++)
        {
            var evidence = result.Records[i].Evidence;
            model.Add(0, evidence.Target, i, 't', null);
            model.Add(1, evidence.Actual, i, 'a', null);
            model.Add(1, evidence.Rate, i, 'r', null);
        }
        return model;
    }

    /// <summary>The worst severity rank of a record's flags (0 info, 1 warning, 2 error), or -1 when it has none.</summary>
    public static int WorstRank(CompletionRecord record) =>
        record.Flags.Count == 0 ? -1 : record.Flags.Max(f => AuditSeverity.Rank(f.Severity));

    private void Add(int pane, SourceSpan? span, int record, char role, int? flagNumber)
    {
        if (span is not { } s)
            return;
        var token = flagNumber is { } n ? $"{record}{role}{n}" : $"{record}{role}";
        var text = Panes[pane].Text;
        if (s.Start < 0 || s.Length <= 0 || s.Start > text.Length - s.Length)
        {
            Dropped.Add($"record {record + 1}: {RoleName(role)} at {s.Start}+{s.Length} (the text has {text.Length} characters)");
            return;
        }
        Spans.Add(new MarkedSpan(pane, Whole(text, s.Start), Whole(text, s.End), record, role, token));
    }

    /// <summary>An offset moved off the middle of a surrogate pair, so that no mark splits a character.</summary>
    private static int Whole(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) && char.IsHighSurrogate(text[offset - 1])
            ? offset + 1
            : offset;

    public static string RoleName(char role) => role switch
    {
        't' => "target",
        'a' => "actual",
        'r' => "stated rate",
        _ => "flag evidence",
    };
}
