using GovTextExtract.Records;

namespace GovTextExtract.Tests.Pairing;

/// <summary>The constructed circulars under Pairing/Fixtures and the comparable outline of their records.</summary>
internal static class Fixture
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Pairing", "Fixtures", name);

    /// <summary>(target value, actual value, stated rate, status) of each record, in order.</summary>
    public static (decimal? Target, decimal? Actual, decimal? Rate, CompletionStatus Status)[] Outline(
        IEnumerable<CompletionRecord> records) =>
        records.Select(r => (r.Target?.Value, r.Actual?.Value, r.ReportedRate, r.Status)).ToArray();
}
