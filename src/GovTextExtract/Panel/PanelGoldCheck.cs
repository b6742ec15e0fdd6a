using GovTextExtract.CrossYear;
using GovTextExtract.Evaluation;
using GovTextExtract.Records;

namespace GovTextExtract.Panel;

/// <summary>How a panel stands against cross-year gold files (<c>govtext panel ARCHIVE --gold DIR</c>).</summary>
public sealed record PanelGoldReport
{
    /// <summary>Cross-year gold records (optional ones included).</summary>
    public required int GoldRecords { get; init; }
    /// <summary>Gold records with a row of the same pair of documents and year (else of the gold's place and year) whose target value (or range) and
    /// actual value agree within the scorer's tolerance (<see cref="ScoringOptions.RelativeTolerance"/>); a gold
    /// record without an actual needs a row without one.</summary>
    public required int Matched { get; init; }
    /// <summary>Matched gold records whose row has the gold's bound.</summary>
    public required int BoundsRight { get; init; }
    /// <summary>Gold records of the headline indicators (GDP growth, CPI, surveyed and registered unemployment), as the
    /// lexicon reads the gold's indicator name.</summary>
    public required int Headline { get; init; }
    /// <summary>Headline gold records matched by a row with the same indicator_id and the gold's bound.</summary>
    public required int HeadlineRight { get; init; }
    /// <summary>One line per gold record not matched, or matched with another bound or id.</summary>
    public required IReadOnlyList<string> Misses { get; init; }
}

/// <summary>Checks a panel's rows against the cross-year gold files: the check of issue 16's "done when", the same on
/// the corpus and on a held-out archive.</summary>
public static class PanelGoldCheck
{
    private static readonly string[] HeadlineIds = ["gdp_growth", "cpi", "surveyed_unemployment", "registered_unemployment"];

    /// <summary>Checks the rows against every cross-year file of a gold folder.</summary>
    /// <exception cref="GoldFileException">A gold file is not valid.</exception>
    public static PanelGoldReport Check(IReadOnlyList<PanelRow> rows, string goldDirectory, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(goldDirectory);
        var gold = GoldFile.LoadDirectory(goldDirectory).Where(g => g.Kind == GoldKind.CrossYear).ToArray();
        return Check(rows, gold, options);
    }

    /// <summary>Checks the rows against cross-year gold files.</summary>
    public static PanelGoldReport Check(IReadOnlyList<PanelRow> rows, IReadOnlyList<GoldFile> gold, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(gold);
        var used = new HashSet<PanelRow>(ReferenceEqualityComparer.Instance);
        int total = 0, matched = 0, bounds = 0, headline = 0, headlineRight = 0;
        var misses = new List<string>();
        foreach (var file in gold.Where(g => g.Kind == GoldKind.CrossYear))
        {
            var candidates = rows.Where(r => r.TargetDocument == file.TargetDocument && r.ActualDocument == file.ActualDocument
                                             && (file.Year is null || r.Year == file.Year)).ToArray();
            // Documents named otherwise (a renamed or nested archive): the rows of the gold's place and year.
            if (candidates.Length == 0 && PlaceNames.Default.Normalize(file.Place).Place is { } place && file.Year is { } year)
                candidates = rows.Where(r => r.Place == place && r.Year == year).ToArray();
            foreach (var record in file.Records)
            {
                total++;
                var expected = ExpectedId(record.Indicator);
                var isHeadline = expected is not null && HeadlineIds.Contains(expected, StringComparer.Ordinal);
                if (isHeadline) headline++;
                var row = candidates.FirstOrDefault(r => !used.Contains(r) && Agrees(record, r, options));
                var where = $"{file.TargetDocument} → {file.ActualDocument}: {record.Indicator} {record.Target?.Text} → {record.Actual?.Text ?? "(none)"}";
                if (row is null)
                {
                    misses.Add(where + ": no row with these values");
                    continue;
                }
                used.Add(row);
                matched++;
                var goldBound = record.Target?.Bound is { } b ? System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(b.ToString()) : null;
                var boundRight = record.Target is null || row.TargetBound == goldBound;
                if (boundRight) bounds++;
                else misses.Add(where + $": bound {row.TargetBound}, gold {goldBound}");
                if (isHeadline)
                {
                    if (row.IndicatorId == expected && boundRight) headlineRight++;
                    else if (row.IndicatorId != expected) misses.Add(where + $": indicator_id {row.IndicatorId ?? "(none)"}, expected {expected}");
                }
            }
        }
        return new PanelGoldReport
        {
            GoldRecords = total, Matched = matched, BoundsRight = bounds, Headline = headline, HeadlineRight = headlineRight,
            Misses = misses,
        };
    }

    private static bool Agrees(CompletionRecord gold, PanelRow row, ScoringOptions? options)
    {
        static bool Same(decimal? g, decimal? p, ScoringOptions? o) => g is { } v ? Scorer.Agrees(v, p, o) : true;
        if (gold.Target is { } t && !(Same(t.Value, row.TargetValue, options) && Same(t.Low, row.TargetLow, options) && Same(t.High, row.TargetHigh, options)))
            return false;
        if (gold.Actual?.Value is { } a) return Scorer.Agrees(a, row.ActualValue, options);
        return row.ActualValue is null;
    }

    /// <summary>The canonical id a gold indicator name calls for, as the lexicon reads it: the group it names, its growth
    /// when the name ends in a growth word (增长) and the group is a total.</summary>
    internal static string? ExpectedId(string indicator)
    {
        if (CrossYearLexicon.Default.Resolve(indicator) is not { } group) return null;
        var growth = indicator.EndsWith("增长", StringComparison.Ordinal) && group.Kind is IndicatorKind.Flow or IndicatorKind.Count;
        return PanelIndicators.IdOf(group, growth ? Measure.Growth : Measure.Level);
    }
}
