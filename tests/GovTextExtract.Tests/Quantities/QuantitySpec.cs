using System.Globalization;
using System.Text.Json;
using GovTextExtract.Quantities;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Quantities;

/// <summary>Loads the quantity spec files: every <c>*.json</c> under <c>Specs/quantities</c> of the test output.</summary>
/// <remarks>
/// A file is <c>{"description": "...", "cases": [ {"input": "...", "expected": [ ... ]} ]}</c>. <c>expected</c> lists
/// the figures the input holds, in order; a field of an expected figure is checked only when present (present with
/// null = must be null). <c>"include_non_figures": true</c> makes <c>expected</c> list dates, ranks, document and item
/// numbers as well, each with its <c>kind</c>. <c>"note"</c> says why a case is there.
/// </remarks>
public static class QuantitySpec
{
    /// <summary>Field names an expected figure may carry; anything else is a typo that would silently check nothing.</summary>
    public static readonly IReadOnlySet<string> FigureFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "text", "value", "unit", "bound", "approximate", "estimate", "period", "kind", "low", "high", "decrease", "change",
    };

    /// <summary>Field names a case may carry.</summary>
    public static readonly IReadOnlySet<string> CaseFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "input", "expected", "include_non_figures", "note",
    };

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Specs", "quantities");

    /// <summary>The peer suite (cases of microsoft/Recognizers-Text), which has a shape of its own and its own test
    /// (<see cref="PeerSuiteTests"/>).</summary>
    public const string PeerFile = "recognizers-text-chinese.json";

    public static IEnumerable<string> Files() =>
        System.IO.Directory.EnumerateFiles(Directory, "*.json").Select(Path.GetFileName).OfType<string>()
            .Where(f => f != PeerFile)
            .OrderBy(f => f, StringComparer.Ordinal);

    public static JsonElement[] Cases(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, file)));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToArray();
    }

    public static string BoundName(BoundKind? b) => b switch
    {
        null => "null",
        BoundKind.AtLeast => "at_least",
        BoundKind.AtMost => "at_most",
        BoundKind.About => "about",
        BoundKind.Range => "range",
        BoundKind.Exact => "exact",
        _ => b.Value.ToString(),
    };

    public static string KindName(QuantityKind k) => k switch
    {
        QuantityKind.Figure => "figure",
        QuantityKind.Date => "date",
        QuantityKind.DocumentNumber => "document_number",
        QuantityKind.Rank => "rank",
        QuantityKind.ItemNumber => "item_number",
        QuantityKind.NoChange => "no_change",
        QuantityKind.Multiple => "multiple",
        _ => k.ToString(),
    };

    /// <summary>One line describing a recognised quantity, for failure messages.</summary>
    public static string Describe(Quantity q) => string.Create(CultureInfo.InvariantCulture,
        $"[{KindName(q.Kind)} '{q.Text}' value={q.Value?.ToString(CultureInfo.InvariantCulture) ?? "null"} " +
        $"low={q.Low?.ToString(CultureInfo.InvariantCulture) ?? "null"} high={q.High?.ToString(CultureInfo.InvariantCulture) ?? "null"} " +
        $"unit={q.Unit ?? "null"} bound={BoundName(q.Bound)} approx={q.Approximate} estimate={q.Estimate} " +
        $"period={q.Period ?? "null"} decrease={q.Decrease} change={q.Change?.ToString(CultureInfo.InvariantCulture) ?? "null"}]");

    /// <summary>Compares one recognised quantity with its expected JSON; returns the mismatches.</summary>
    public static IEnumerable<string> Mismatches(JsonElement expected, Quantity q)
    {
        foreach (var prop in expected.EnumerateObject())
        {
            var e = prop.Value;
            string? problem = prop.Name switch
            {
                "text" => Same(e.GetString(), q.Text),
                "value" => SameDecimal(e, q.Value),
                "low" => SameDecimal(e, q.Low),
                "high" => SameDecimal(e, q.High),
                "unit" => Same(e.ValueKind == JsonValueKind.Null ? null : e.GetString(), q.Unit),
                "bound" => Same(e.ValueKind == JsonValueKind.Null ? "null" : e.GetString(), BoundName(q.Bound)),
                "approximate" => Same(e.GetBoolean(), q.Approximate),
                "estimate" => Same(e.GetBoolean(), q.Estimate),
                "decrease" => Same(e.GetBoolean(), q.Decrease),
                "change" => SameDecimal(e, q.Change),
                "period" => Same(e.ValueKind == JsonValueKind.Null ? null : e.GetString(), q.Period),
                "kind" => Same(e.GetString(), KindName(q.Kind)),
                _ => $"unknown field '{prop.Name}'",
            };
            if (problem is not null) yield return $"{prop.Name}: {problem}";
        }
    }

    private static string? Same<T>(T expected, T actual) =>
        EqualityComparer<T>.Default.Equals(expected, actual) ? null : $"expected {Show(expected)}, got {Show(actual)}";

    private static string? SameDecimal(JsonElement e, decimal? actual)
    {
        decimal? expected = e.ValueKind == JsonValueKind.Null ? null : e.GetDecimal();
        // decimal equality ignores trailing zeros: 8.0 == 8.
        return expected == actual ? null : $"expected {Show(expected)}, got {Show(actual)}";
    }

    private static string Show(object? o) => o switch
    {
        null => "null",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => "'" + o + "'",
    };
}
