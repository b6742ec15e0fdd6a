using System.Globalization;
using System.Text.Json;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Output;

/// <summary>Writes records as CSV: one row per record, a header row, RFC 4180 quoting, the invariant culture.</summary>
/// <remarks>The first thing written is a byte-order mark (U+FEFF), so that a spreadsheet opening the file reads it as
/// UTF-8 and shows the Chinese; write to a UTF-8 writer. Leading context columns (e.g. the document name) are
/// given when the writer is created and filled per row. Flags are written as their codes separated by <c>;</c>.
/// <para>Formula injection: a text cell (a context column such as the document name, the indicator, the target and
/// actual texts and units, the period, the note) that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a
/// carriage return gets a leading <c>'</c>, as OWASP advises, so that a spreadsheet shows it as text instead of
/// running it as a formula (<see cref="NeutralizeFormulas"/>, on by default). Numeric columns (values, rates,
/// confidence, offsets) are never changed: <c>-26.8</c> stays a number.</para></remarks>
/// <example><code>
/// var csv = new RecordCsvWriter(writer, "document");
/// foreach (var r in result.Records) csv.Write(r, result.Document);
/// </code></example>
public sealed class RecordCsvWriter
{
    /// <summary>The columns written for every record, after the context columns.</summary>
    public static IReadOnlyList<string> RecordColumns { get; } =
    [
        "indicator",
        "target_text", "target_value", "target_low", "target_high", "target_unit", "target_bound",
        "actual_text", "actual_value", "actual_unit", "actual_estimate", "actual_approximate", "actual_period",
        "reported_rate", "computed_rate", "status", "optional", "confidence", "flags", "note",
        "target_start", "target_length", "actual_start", "actual_length", "rate_start", "rate_length",
    ];

    private readonly TextWriter _writer;
    private readonly int _contextCount;
    private bool _started;

    /// <summary>Creates a writer.</summary>
    /// <param name="writer">Where the CSV goes; the header is written with the first row (or by
    /// <see cref="WriteHeader"/>).</param>
    /// <param name="contextColumns">Names of the columns that precede the record's own.</param>
    public RecordCsvWriter(TextWriter writer, params string[] contextColumns)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(contextColumns);
        _writer = writer;
        _contextCount = contextColumns.Length;
        ContextColumns = contextColumns.ToArray();
    }

    /// <summary>Whether text cells that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, tab or carriage return) get a leading <c>'</c>. Default true. Numeric columns are never
    /// changed.</summary>
    public bool NeutralizeFormulas { get; init; } = true;

    /// <summary>The context column names.</summary>
    public IReadOnlyList<string> ContextColumns { get; }

    /// <summary>Writes the byte-order mark and the header row, unless already written.</summary>
    public void WriteHeader()
    {
        if (_started)
            return;
        _started = true;
        _writer.Write('\uFEFF');
        WriteRow(ContextColumns.Concat(RecordColumns));
    }

    /// <summary>Writes one record.</summary>
    /// <param name="record">The record.</param>
    /// <param name="context">The values of the context columns, one per column.</param>
    public void Write(CompletionRecord record, params string?[] context)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Length != _contextCount)
            throw new ArgumentException($"expected {_contextCount} context values, got {context.Length}", nameof(context));
        WriteHeader();
        var t = record.Target;
        var a = record.Actual;
        var e = record.Evidence;
        WriteRow(context.Select(Text).Concat(
        [
            Text(record.Indicator),
            Text(t?.Text), Num(t?.Value), Num(t?.Low), Num(t?.High), Text(t?.Unit), t is null ? null : Snake(t.Bound.ToString()),
            Text(a?.Text), Num(a?.Value), Text(a?.Unit), Bool(a?.Estimate), Bool(a?.Approximate), Text(a?.Period),
            Num(record.ReportedRate), Num(record.ComputedRate), Snake(record.Status.ToString()), Bool(record.Optional),
            record.Confidence.ToString("R", CultureInfo.InvariantCulture),
            string.Join(';', record.Flags.Select(f => f.Code)), Text(record.Note),
            .. Span(e.Target), .. Span(e.Actual), .. Span(e.Rate),
        ]));
    }

    /// <summary>Writes the records of a whole document, the header first.</summary>
    public void WriteAll(IEnumerable<CompletionRecord> records, params string?[] context)
    {
        ArgumentNullException.ThrowIfNull(records);
        WriteHeader();
        foreach (var r in records)
            Write(r, context);
    }

    /// <summary>Quotes a field as RFC 4180 asks: in double quotes, with quotes doubled, when it holds a comma, a
    /// quote, a line break or leading/trailing space; unchanged otherwise.</summary>
    public static string Quote(string? field)
    {
        if (string.IsNullOrEmpty(field))
            return "";
        var needs = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]);
        return needs ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    /// <summary>A text cell made inert for a spreadsheet: a leading <c>'</c> before <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, tab or carriage return (OWASP's advice against CSV injection); other text unchanged.</summary>
    public static string? Inert(string? field) =>
        field is { Length: > 0 } && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + field : field;

    private string? Text(string? field) => NeutralizeFormulas ? Inert(field) : field;

    private void WriteRow(IEnumerable<string?> fields)
    {
        _writer.Write(string.Join(',', fields.Select(Quote)));
        _writer.Write("\r\n");
    }

    private static string? Num(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Bool(bool? value) => value switch { null => null, true => "true", false => "false" };

    private static string?[] Span(SourceSpan? span) => span is { } s
        ? [s.Start.ToString(CultureInfo.InvariantCulture), s.Length.ToString(CultureInfo.InvariantCulture)]
        : [null, null];

    // The same snake_case names the JSON output uses (NotMet -> not_met).
    private static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
