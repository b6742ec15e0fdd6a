using System.Globalization;
using System.Text.Json;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Batch;

/// <summary>A record flattened into the columns of the store's <c>records</c> table: the same names as the CSV
/// columns of <see cref="Output.RecordCsvWriter"/>.</summary>
/// <remarks>Figures from the text (target and actual values, rates) are stored as TEXT in the invariant culture so
/// that no digit is lost to a binary float; compare them with <c>CAST(target_value AS REAL)</c>. Booleans are 0 or 1;
/// offsets are integers; the confidence is a REAL.</remarks>
internal static class RecordRow
{
    /// <summary>The column names and their SQL types, in order.</summary>
    public static IReadOnlyList<(string Name, string Type)> Columns { get; } =
    [
        ("indicator", "TEXT NOT NULL"),
        ("target_text", "TEXT"), ("target_value", "TEXT"), ("target_low", "TEXT"), ("target_high", "TEXT"),
        ("target_unit", "TEXT"), ("target_bound", "TEXT"),
        ("actual_text", "TEXT"), ("actual_value", "TEXT"), ("actual_unit", "TEXT"), ("actual_estimate", "INTEGER"),
        ("actual_approximate", "INTEGER"), ("actual_period", "TEXT"),
        ("reported_rate", "TEXT"), ("computed_rate", "TEXT"), ("status", "TEXT NOT NULL"), ("optional", "INTEGER NOT NULL"),
        ("confidence", "REAL NOT NULL"), ("flags", "TEXT NOT NULL"), ("note", "TEXT"),
        ("target_start", "INTEGER"), ("target_length", "INTEGER"), ("actual_start", "INTEGER"), ("actual_length", "INTEGER"),
        ("rate_start", "INTEGER"), ("rate_length", "INTEGER"),
    ];

    /// <summary>The values of a record, one per column of <see cref="Columns"/>.</summary>
    public static object?[] Values(CompletionRecord r)
    {
        var t = r.Target;
        var a = r.Actual;
        var e = r.Evidence;
        return
        [
            r.Indicator,
            t?.Text, Num(t?.Value), Num(t?.Low), Num(t?.High), t?.Unit, t is null ? null : Snake(t.Bound.ToString()),
            a?.Text, Num(a?.Value), a?.Unit, Bool(a?.Estimate), Bool(a?.Approximate), a?.Period,
            Num(r.ReportedRate), Num(r.ComputedRate), Snake(r.Status.ToString()), r.Optional ? 1 : 0,
            r.Confidence, string.Join(';', r.Flags.Select(f => f.Code)), r.Note,
            Start(e.Target), Length(e.Target), Start(e.Actual), Length(e.Actual), Start(e.Rate), Length(e.Rate),
        ];
    }

    private static string? Num(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static int? Bool(bool? value) => value switch { null => null, true => 1, false => 0 };

    private static int? Start(SourceSpan? s) => s?.Start;

    private static int? Length(SourceSpan? s) => s?.Length;

    internal static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
