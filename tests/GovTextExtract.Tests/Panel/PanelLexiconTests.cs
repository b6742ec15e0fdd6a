using System.Text.RegularExpressions;
using GovTextExtract.CrossYear;
using GovTextExtract.Panel;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Panel;

/// <summary>The panel's data: canonical indicators of the cross-year lexicon, place names, absent-target words.</summary>
public sealed class PanelLexiconTests
{
    [Fact]
    public void Every_group_of_the_cross_year_lexicon_has_a_stable_id_names_a_unit_and_a_direction()
    {
        foreach (var g in CrossYearLexicon.Default.Groups)
        {
            Assert.Matches(new Regex("^[a-z][a-z0-9_]*$", RegexOptions.None, TimeSpan.FromSeconds(1)), g.Id ?? "");
            Assert.False(string.IsNullOrWhiteSpace(g.NameEn), g.Name);
            Assert.False(string.IsNullOrWhiteSpace(g.Unit), g.Name);
            Assert.Contains(g.Better, new[] { "higher", "lower" });
        }
        var ids = PanelIndicators.Default.Select(i => i.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Theory]
    // The main targets the issue names, each with the id it must have.
    [InlineData("地区生产总值增长5%左右", "gdp_growth")]
    [InlineData("全市生产总值达到5000亿元", "gdp")]
    [InlineData("居民消费价格涨幅3%左右", "cpi")]
    [InlineData("城镇调查失业率5.5%左右", "surveyed_unemployment")]
    [InlineData("城镇登记失业率控制在4.5%以内", "registered_unemployment")]
    [InlineData("城镇新增就业60万人以上", "new_urban_jobs")]
    [InlineData("一般公共预算收入增长3%", "fiscal_revenue_growth")]
    [InlineData("固定资产投资增长5%", "fai_growth")]
    [InlineData("社会消费品零售总额增长6%", "retail_sales_growth")]
    [InlineData("进出口总额增长3%", "foreign_trade_growth")]
    [InlineData("城镇居民人均可支配收入增长6%", "urban_disposable_income_growth")]
    [InlineData("农村居民人均可支配收入增长7%", "rural_disposable_income_growth")]
    [InlineData("单位地区生产总值能耗降低3%", "energy_intensity_reduction")]
    [InlineData("能源消耗强度降低3.9%以上", "energy_intensity_reduction")]
    [InlineData("粮食产量保持在1.3万亿斤以上", "grain_output")]
    [InlineData("主要污染物排放总量减少8%", "main_pollutants_reduction")]
    [InlineData("化学需氧量排放量减少2%", "cod_emissions_reduction")]
    [InlineData("二氧化硫排放量减少2%", "so2_emissions_reduction")]
    public void The_common_main_targets_resolve_to_their_canonical_indicator(string phrase, string id)
    {
        var group = CrossYearLexicon.Default.Resolve(phrase);
        Assert.NotNull(group);
        var growth = phrase.Contains("增长", StringComparison.Ordinal) && group.Kind is not (IndicatorKind.Rate or IndicatorKind.Reduction);
        Assert.Equal(id, PanelIndicators.IdOf(group, growth ? Measure.Growth : Measure.Level));
        Assert.Contains(PanelIndicators.Default, i => i.Id == id);
    }

    [Fact]
    public void Lower_is_better_for_prices_and_unemployment_and_higher_for_the_rest()
    {
        var better = PanelIndicators.Default.ToDictionary(i => i.Id, i => i.Better);
        Assert.Equal("lower", better["cpi"]);
        Assert.Equal("lower", better["surveyed_unemployment"]);
        Assert.Equal("lower", better["registered_unemployment"]);
        Assert.Equal("higher", better["gdp_growth"]);
        Assert.Equal("higher", better["energy_intensity_reduction"]);
    }

    [Fact]
    public void Every_place_example_of_panel_json_normalises_as_it_says()
    {
        var lexicon = PanelLexicon.Default;
        Assert.NotEmpty(lexicon.PlaceExamples);
        foreach (var e in lexicon.PlaceExamples)
            Assert.Equal((e.Place, e.Level), PlaceNames.Default.Normalize(e.Text));
    }

    [Fact]
    public void Every_absent_target_example_of_panel_json_gives_its_indicator_or_none()
    {
        var lexicon = PanelLexicon.Default;
        Assert.NotEmpty(lexicon.AbsentExamples);
        foreach (var e in lexicon.AbsentExamples)
        {
            var found = AbsentTargetReader.Default.Read(e.Text);
            if (e.IndicatorId is null) Assert.Empty(found);
            else Assert.Equal(e.IndicatorId, Assert.Single(found).IndicatorId);
        }
    }

    [Theory]
    [InlineData("5", null, null, "5.4", "0.4")]
    [InlineData("4.6", null, null, "4.1", "-0.5")]
    [InlineData(null, "6.5", "7", "6.7", "0")]
    [InlineData(null, "6.5", "7", "6.2", "-0.3")]
    [InlineData(null, "6.5", "7", "7.2", "0.2")]
    public void The_gap_of_a_range_is_zero_inside_it_and_the_distance_to_the_nearer_end_outside(string? value, string? low,
        string? high, string actual, string gap)
    {
        static decimal? D(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var target = new TargetValue { Text = "t", Value = D(value), Low = D(low), High = D(high), Unit = "%" };
        Assert.Equal(D(gap), ResearchPanel.Gap(target, new ActualValue { Text = "a", Value = D(actual), Unit = "%" }));
    }

    [Fact]
    public void The_gap_converts_the_actual_into_the_targets_unit_or_stays_empty()
    {
        var target = new TargetValue { Text = "1.3万亿斤", Value = 1_300_000_000_000m, Unit = "斤" };
        // 6.9亿吨 = 1.38万亿斤 (2000 斤 a 吨).
        Assert.Equal(80_000_000_000m, ResearchPanel.Gap(target, new ActualValue { Text = "6.9亿吨", Value = 690_000_000m, Unit = "吨" }));
        Assert.Null(ResearchPanel.Gap(target, new ActualValue { Text = "5%", Value = 5m, Unit = "%" }));
        Assert.Null(ResearchPanel.Gap(target, null));
    }
}
