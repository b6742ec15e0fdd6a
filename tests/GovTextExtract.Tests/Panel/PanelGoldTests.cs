using System.Text.Json;
using GovTextExtract.Panel;
using GovTextExtract.Tests.CrossYear;

namespace GovTextExtract.Tests.Panel;

/// <summary>The panel of the corpus, built once for the tests of this file.</summary>
public sealed class CorpusPanelFixture
{
    public CorpusPanelFixture()
    {
        Corpus = CrossYearGoldTests.CorpusDirectory();
        var rows = new List<PanelRow>();
        Summary = new ResearchPanel(new ExtractionPipeline()).Build(Path.Combine(Corpus, "raw"), rows.Add);
        Rows = rows;
    }

    public string Corpus { get; }
    public IReadOnlyList<PanelRow> Rows { get; }
    public PanelSummary Summary { get; }
}

/// <summary><c>govtext panel ../shared/corpus/raw</c> against the cross-year gold files: a row for every record,
/// with the same values, and the indicator ids and bounds of the headline targets.</summary>
public sealed class PanelGoldTests(CorpusPanelFixture fixture) : IClassFixture<CorpusPanelFixture>
{
    private sealed record GoldRecord(string File, string TargetDocument, string ActualDocument, string Place, int Year,
        string Indicator, decimal? TargetValue, decimal? Low, decimal? High, string? Bound, decimal? ActualValue);

    private IEnumerable<GoldRecord> Gold()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(fixture.Corpus, "gold"), "*.json").OrderBy(f => f, StringComparer.Ordinal))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file));
            var root = json.RootElement;
            if (!root.TryGetProperty("kind", out var kind) || kind.GetString() != "cross-year") continue;
            foreach (var r in root.GetProperty("records").EnumerateArray())
            {
                var t = r.TryGetProperty("target", out var te) && te.ValueKind == JsonValueKind.Object ? te : (JsonElement?)null;
                var a = r.TryGetProperty("actual", out var ae) && ae.ValueKind == JsonValueKind.Object ? ae : (JsonElement?)null;
                yield return new GoldRecord(Path.GetFileName(file), root.GetProperty("target_document").GetString()!,
                    root.GetProperty("actual_document").GetString()!, root.GetProperty("place").GetString()!,
                    root.GetProperty("year").GetInt32(), r.GetProperty("indicator").GetString()!,
                    Number(t, "value"), Number(t, "low"), Number(t, "high"), t?.TryGetProperty("bound", out var b) == true ? b.GetString() : null,
                    Number(a, "value"));
            }
        }
    }

    private static decimal? Number(JsonElement? e, string name) =>
        e is { } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    private PanelRow? RowOf(GoldRecord g) => fixture.Rows.FirstOrDefault(r =>
        r.TargetDocument == g.TargetDocument && r.ActualDocument == g.ActualDocument && r.Year == g.Year
        && r.TargetValue == g.TargetValue && r.TargetLow == g.Low && r.TargetHigh == g.High && r.ActualValue == g.ActualValue);

    [Fact]
    public void Every_record_of_the_cross_year_gold_files_has_a_row_with_the_same_target_and_actual_values()
    {
        var gold = Gold().ToArray();
        Assert.True(gold.Length >= 100, $"only {gold.Length} cross-year gold records found");
        var missing = gold.Where(g => RowOf(g) is null).Select(g => $"{g.File}: {g.Indicator} {g.TargetValue} → {g.ActualValue}").ToArray();
        Assert.True(missing.Length == 0, $"{missing.Length} of {gold.Length} gold records have no row:\n" + string.Join('\n', missing));
    }

    /// <summary>The id a gold record's indicator name calls for, read from the name by hand (not from the panel).</summary>
    private static string? HeadlineId(string indicator) => indicator switch
    {
        _ when indicator.Contains("调查失业率", StringComparison.Ordinal) => "surveyed_unemployment",
        _ when indicator.Contains("登记失业率", StringComparison.Ordinal) => "registered_unemployment",
        _ when indicator.Contains("居民消费价格", StringComparison.Ordinal) => "cpi",
        _ when indicator.EndsWith("生产总值增长", StringComparison.Ordinal) && !indicator.Contains("单位", StringComparison.Ordinal) => "gdp_growth",
        _ => null,
    };

    [Fact]
    public void Every_gdp_growth_cpi_and_unemployment_row_of_the_gold_has_its_indicator_id_and_the_gold_bound()
    {
        var headline = Gold().Where(g => HeadlineId(g.Indicator) is not null).ToArray();
        Assert.True(headline.Length >= 40, $"only {headline.Length} headline gold records");
        var wrong = new List<string>();
        foreach (var g in headline)
        {
            var row = RowOf(g);
            if (row is null) wrong.Add($"{g.File}: {g.Indicator}: no row");
            else if (row.IndicatorId != HeadlineId(g.Indicator)) wrong.Add($"{g.File}: {g.Indicator}: id {row.IndicatorId}");
            else if (row.TargetBound != g.Bound) wrong.Add($"{g.File}: {g.Indicator}: bound {row.TargetBound}, gold {g.Bound}");
        }
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Every_national_year_gives_its_gdp_growth_cpi_and_unemployment_rows_with_the_gold_bound()
    {
        var national = Gold().Where(g => g.Place == "中华人民共和国").ToArray();
        Assert.NotEmpty(national);
        foreach (var year in national.Select(g => g.Year).Distinct())
        {
            foreach (var g in national.Where(g => g.Year == year))
            {
                var row = RowOf(g);
                Assert.True(row is not null, $"{year} {g.Indicator}: no row");
                Assert.Equal(g.Bound, row.TargetBound);
                Assert.Equal("中华人民共和国", row.Place);
                Assert.Equal("national", row.Level);
            }
            var ids = fixture.Rows.Where(r => r.Place == "中华人民共和国" && r.Year == year).Select(r => r.IndicatorId).ToHashSet();
            Assert.Contains("gdp_growth", ids);
            Assert.Contains("cpi", ids);
            Assert.True(ids.Contains("registered_unemployment") || ids.Contains("surveyed_unemployment"), $"{year}: no unemployment row");
        }
    }

    [Fact]
    public void A_year_whose_next_report_is_missing_still_gives_its_rows_with_the_actual_empty()
    {
        // The corpus holds the national reports of 2010-2014 and 2021-2023: 2014's and 2023's have no next report.
        foreach (var year in new[] { 2014, 2023 })
        {
            var rows = fixture.Rows.Where(r => r.Place == "中华人民共和国" && r.Year == year).ToArray();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Null(r.ActualDocument));
            Assert.All(rows, r => Assert.Null(r.ActualValue));
            Assert.Contains(rows, r => r.IndicatorId == "gdp_growth");
        }
        // 2023 report (cn-national-2023.txt): 国内生产总值增长5%左右.
        var gdp2023 = fixture.Rows.Single(r => r.Place == "中华人民共和国" && r.Year == 2023 && r.IndicatorId == "gdp_growth");
        Assert.Equal(5m, gdp2023.TargetValue);
        Assert.Equal("about", gdp2023.TargetBound);
    }

    [Fact]
    public void Places_are_normalised_with_their_level_and_rows_come_in_panel_order()
    {
        Assert.Contains(fixture.Rows, r => r.Place == "安徽省" && r.Level == "province");
        Assert.Contains(fixture.Rows, r => r.Place == "北京市" && r.Level == "province");
        Assert.Contains(fixture.Rows, r => r.Place == "海拉尔区" && r.Level == "county");
        for (var i = 1; i < fixture.Rows.Count; i++)
            Assert.True(PanelMerge.Compare(fixture.Rows[i - 1], fixture.Rows[i]) < 0, $"row {i} out of order");
        // Circulars and progress reports name no work report in their titles: they are named, not placed.
        Assert.Contains(fixture.Summary.Issues, i => i.Path == "xianning-2019-completion.txt" && i.Reason.StartsWith("not placed", StringComparison.Ordinal));
    }

    [Fact]
    public void The_gap_is_the_actual_minus_the_target_in_the_targets_unit()
    {
        // cn-national-2010.txt: 国内生产总值增长8％左右; cn-national-2011.txt: 增长10.3%.
        var gdp = fixture.Rows.Single(r => r.Place == "中华人民共和国" && r.Year == 2010 && r.IndicatorId == "gdp_growth");
        Assert.Equal(2.3m, gdp.Gap);
        // 城镇新增就业900万人以上 → 1168万人.
        var jobs = fixture.Rows.Single(r => r.Place == "中华人民共和国" && r.Year == 2010 && r.IndicatorId == "new_urban_jobs");
        Assert.Equal(2_680_000m, jobs.Gap);
    }

    [Fact]
    public void The_gold_check_of_the_cli_finds_every_record_and_notices_a_wrong_bound()
    {
        var gold = Path.Combine(fixture.Corpus, "gold");
        var report = PanelGoldCheck.Check(fixture.Rows, gold);
        Assert.True(report.Matched == report.GoldRecords, string.Join('\n', report.Misses));
        Assert.Equal(report.GoldRecords, report.BoundsRight);
        Assert.Equal(report.Headline, report.HeadlineRight);
        Assert.True(report.Headline >= 40);
        // The check can fail: the 2010 national GDP target read as at_least instead of about (8％左右).
        var broken = fixture.Rows.Select(r => r.Place == "中华人民共和国" && r.Year == 2010 && r.IndicatorId == "gdp_growth"
            ? r with { TargetBound = "at_least" } : r).ToArray();
        var worse = PanelGoldCheck.Check(broken, gold);
        Assert.Equal(report.BoundsRight - 1, worse.BoundsRight);
        Assert.Equal(report.HeadlineRight - 1, worse.HeadlineRight);
        Assert.Contains(worse.Misses, m => m.Contains("cn-national-2010.txt", StringComparison.Ordinal) && m.Contains("bound at_least, gold about", StringComparison.Ordinal));
    }
}
