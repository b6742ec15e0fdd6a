using GovTextExtract.Records;

namespace GovTextExtract.Tests.CrossYear;

public sealed class ActualTests
{
    [Fact]
    public void The_review_figure_of_the_same_indicator_fills_the_actual_and_sets_the_status()
    {
        var result = Reports.Pair(
            "地区生产总值增长5%左右，城镇新增就业68万人左右，居民消费价格涨幅2%左右，城镇调查失业率控制在5.5%以内。",
            "过去一年，全市地区生产总值5.3万亿元、增长5.4%，城镇新增就业65.2万人，居民消费价格上涨0.1%，城镇调查失业率平均为5.1%。");
        var gdp = Reports.Single(result, "地区生产总值增长");
        Assert.Equal(5.4m, gdp.Actual!.Value);
        Assert.Equal(CompletionStatus.Exceeded, gdp.Status);
        Assert.Equal(108m, gdp.ComputedRate);
        var jobs = Reports.Single(result, "城镇新增就业");
        Assert.Equal(652000m, jobs.Actual!.Value);
        Assert.Equal(CompletionStatus.NotMet, jobs.Status);
        // Lower is better for prices: 0.1% against 2% about is exceeded.
        Assert.Equal(CompletionStatus.Exceeded, Reports.Single(result, "居民消费价格涨幅").Status);
        // Inside a ceiling is met.
        Assert.Equal(CompletionStatus.Met, Reports.Single(result, "城镇调查失业率").Status);
        Assert.Equal("2024.txt", result.TargetDocument);
        Assert.Equal(2024, result.Year);
        Assert.Equal("某市", result.Place);
    }

    [Fact]
    public void A_sub_scope_figure_is_not_the_indicator()
    {
        var result = Reports.Pair(
            "固定资产投资增长5%左右，规上工业增加值增长7%，进出口总额增长5%。",
            "过去一年，高技术服务业投资增长16.4%，工业投资增长8.5%，规上民营工业增加值增长9.1%，跨境电商进出口增长16.3%。");
        Assert.All(result.Records, r =>
        {
            Assert.Null(r.Actual);
            Assert.Equal(CompletionStatus.Unknown, r.Status);
        });
    }

    [Fact]
    public void A_five_year_cumulative_or_average_figure_is_not_the_years()
    {
        var result = Reports.Pair(
            "地区生产总值增长6%左右，一般公共预算收入增长3%，城镇新增就业65万人。",
            "过去一年，经济运行总体平稳。一般公共预算收入5年增长18.7%，城镇新增就业年均超过70万人。\n"
            + "过去五年，地区生产总值年均增长5.8%。\n这五年，一般公共预算收入累计完成3.7万亿元、增长20%。");
        Assert.All(result.Records, r => Assert.Null(r.Actual));
    }

    [Fact]
    public void A_figure_of_another_year_or_of_the_coming_year_is_not_the_years()
    {
        var result = Reports.Pair(
            "地区生产总值增长6%左右。",
            "过去一年，地区生产总值比2020年增长30%，为今年地区生产总值增长5%打下基础。");
        Assert.Null(Reports.Single(result, "地区生产总值增长").Actual);
    }

    [Fact]
    public void A_yearly_average_target_prefers_the_average_to_the_year_end_figure()
    {
        var result = Reports.Pair(
            "城镇调查失业率5.5%左右。",
            "过去一年，年末城镇调查失业率降到5.5%，全年城镇调查失业率平均为5.2%。");
        var record = Reports.Single(result, "城镇调查失业率");
        Assert.Equal(5.2m, record.Actual!.Value);
        Assert.Equal(CompletionStatus.Exceeded, record.Status);
    }

    [Fact]
    public void A_year_end_figure_alone_is_flagged()
    {
        var result = Reports.Pair("城镇调查失业率5.5%左右。", "过去一年，年末城镇调查失业率降到5.3%。");
        var record = Reports.Single(result, "城镇调查失业率");
        Assert.Equal(5.3m, record.Actual!.Value);
        Assert.Contains(record.Flags, f => f.Code == "year_end_figure");
        Assert.True(record.Confidence < 0.6);
    }

    [Fact]
    public void A_target_the_next_report_does_not_quantify_keeps_a_null_actual_despite_a_general_claim()
    {
        var result = Reports.Pair(
            "地区生产总值增长5.5%以上，全员劳动生产率16.8万元/人左右，城镇调查失业率5.5%左右。",
            "过去一年，经济社会发展主要目标任务顺利完成。全省地区生产总值增长5.5%，城镇调查失业率保持总体稳定。");
        Assert.Equal(3, result.Records.Count);
        var productivity = Reports.Single(result, "全员劳动生产率");
        Assert.Null(productivity.Actual);
        Assert.Equal(CompletionStatus.Unknown, productivity.Status);
        Assert.Contains(productivity.Flags, f => f.Code == "not_reported");
        var unemployment = Reports.Single(result, "城镇调查失业率");
        Assert.Null(unemployment.Actual);
        Assert.Equal(CompletionStatus.Unknown, unemployment.Status);
        Assert.Equal(CompletionStatus.Met, Reports.Single(result, "地区生产总值增长").Status);
    }

    [Fact]
    public void Decreases_flat_prices_and_respectively_lists_read_as_signed_values()
    {
        var result = Reports.Pair(
            "固定资产投资增长5%左右，居民消费价格涨幅2%左右，城镇、农村居民人均可支配收入分别增长5%、6.5%左右。",
            "过去一年，固定资产投资下降3.3%，居民消费价格与上年持平，城镇、农村居民人均可支配收入分别增长4.3%、6.6%。");
        var investment = Reports.Single(result, "固定资产投资增长");
        Assert.Equal(-3.3m, investment.Actual!.Value);
        Assert.Equal(CompletionStatus.NotMet, investment.Status);
        var prices = Reports.Single(result, "居民消费价格涨幅");
        Assert.Equal(0m, prices.Actual!.Value);
        Assert.Equal(CompletionStatus.Exceeded, prices.Status);
        Assert.Equal(4.3m, Reports.Single(result, "城镇居民人均可支配收入增长").Actual!.Value);
        var rural = Reports.Single(result, "农村居民人均可支配收入增长");
        Assert.Equal(6.6m, rural.Actual!.Value);
        Assert.Equal(CompletionStatus.Exceeded, rural.Status);
    }

    [Fact]
    public void Different_units_of_one_kind_are_converted_for_comparison()
    {
        // 6800万吨 = 6.8e7 t × 2000 = 1.36e11 斤 = 1360亿斤 against 1300亿斤.
        var result = Reports.Pair("粮食产量1300亿斤以上。", "过去一年，粮食总产量6800万吨，创历史新高。");
        var grain = Reports.Single(result, "粮食产量");
        Assert.Equal(68000000m, grain.Actual!.Value);
        Assert.Equal("吨", grain.Actual.Unit);
        Assert.Equal(CompletionStatus.Exceeded, grain.Status);
        Assert.Equal(104.62m, grain.ComputedRate);
        Assert.Contains(grain.Flags, f => f.Code == "unit_converted");
    }

    [Fact]
    public void Registered_and_surveyed_unemployment_are_different_indicators()
    {
        var result = Reports.Pair("城镇登记失业率控制在4.6%以内。", "过去一年，城镇调查失业率5.1%。");
        Assert.Null(Reports.Single(result, "城镇登记失业率").Actual);
    }

    [Fact]
    public void An_expected_figure_is_pending()
    {
        var result = Reports.Pair("地区生产总值增长6%。", "过去一年，全市地区生产总值预计增长6.1%。");
        var gdp = Reports.Single(result, "地区生产总值增长");
        Assert.Equal(CompletionStatus.Pending, gdp.Status);
        Assert.True(gdp.Actual!.Estimate);
    }

    [Fact]
    public void Actual_evidence_points_into_the_decoded_text_of_the_year_n_plus_one_report()
    {
        var result = Reports.Pair("地区生产总值增长5%左右。", "过去一年，全市地区生产总值增长５．４％。");
        var span = Reports.Single(result, "地区生产总值增长").Evidence.Actual!.Value;
        var text = "2025年某市政府工作报告\n一、2024年工作回顾\n过去一年，全市地区生产总值增长５．４％。";
        Assert.Equal("５．４％", text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void A_target_named_outside_the_alias_groups_pairs_with_the_same_name_in_the_review()
    {
        var result = Reports.Pair(
            "服务业增加值增长8%，数字经济核心产业增加值占GDP比重达到12%。",
            "过去一年，全市服务业增加值增长7.1%，数字经济核心产业增加值占GDP比重达到12.4%。");
        var services = Reports.Single(result, "服务业增加值增长");
        Assert.Equal(7.1m, services.Actual!.Value);
        Assert.Equal(CompletionStatus.NotMet, services.Status);
        var share = Reports.Single(result, "数字经济核心产业增加值占GDP比重");
        Assert.Equal(12.4m, share.Actual!.Value);
        Assert.Equal(CompletionStatus.Exceeded, share.Status);
    }

    [Fact]
    public void A_growth_written_with_a_minus_sign_is_negative()
    {
        var result = Reports.Pair("进出口总额增长3%。", "过去一年，进出口总额增长-2.5%。");
        var trade = Reports.Single(result, "进出口总额增长");
        Assert.Equal(-2.5m, trade.Actual!.Value);
        Assert.Equal(CompletionStatus.NotMet, trade.Status);
    }

    [Fact]
    public void Indicators_no_alias_names_pair_by_their_own_words()
    {
        // No alias group covers these names: the statement's own words name them in the review.
        var result = Reports.Pair(
            "服务业增加值增长6.5%，民间投资增长5%以上，森林覆盖率稳定在63%，空气质量优良天数比率提高到88%，"
            + "PM2.5平均浓度控制在30微克/立方米以内，细颗粒物年均浓度控制在29微克/立方米左右。",
            "过去一年，服务业增加值增长6.1%，民间投资增长4.2%，森林覆盖率保持在63.1%，空气质量优良天数比率为90.1%，"
            + "PM2.5平均浓度为28.5微克/立方米，细颗粒物年均浓度27微克/立方米。");
        (string Indicator, decimal Target, decimal Actual, CompletionStatus Status)[] expected =
        [
            ("服务业增加值增长", 6.5m, 6.1m, CompletionStatus.NotMet),
            ("民间投资增长", 5m, 4.2m, CompletionStatus.NotMet),
            ("森林覆盖率", 63m, 63.1m, CompletionStatus.Exceeded),
            ("空气质量优良天数比率", 88m, 90.1m, CompletionStatus.Exceeded),
            ("PM2.5平均浓度", 30m, 28.5m, CompletionStatus.Met),
            ("细颗粒物年均浓度", 29m, 27m, CompletionStatus.Exceeded),
        ];
        Assert.Equal(expected, result.Records.Select(r => (r.Indicator, r.Target!.Value!.Value, r.Actual!.Value!.Value, r.Status)).ToArray());
    }

    [Fact]
    public void Growth_on_a_comparable_basis_reports_the_growth_target()
    {
        var result = Reports.Pair("一般公共预算收入增长4%。", "过去一年，一般公共预算收入完成3200亿元，同口径增长4.5%。");
        var revenue = Reports.Single(result, "一般公共预算收入增长");
        Assert.Equal(4.5m, revenue.Actual!.Value);
        Assert.Equal(CompletionStatus.Exceeded, revenue.Status);
    }

    [Fact]
    public void An_alias_that_ends_with_its_growth_verb_states_a_growth_target()
    {
        var result = Reports.Pair("经济增长4.5%-5%，在实际工作中努力争取更好结果。", "过去一年，国内生产总值增长4.8%。");
        var growth = Reports.Single(result, "地区生产总值增长");
        Assert.Equal((4.5m, 5m), (growth.Target!.Low!.Value, growth.Target.High!.Value));
        Assert.Equal(4.8m, growth.Actual!.Value);
        Assert.Equal(CompletionStatus.Met, growth.Status);
    }

    [Fact]
    public void A_target_without_a_unit_is_a_magnitude_of_what_it_names()
    {
        var result = Reports.Pair("城镇新增就业1100万人以上，农村贫困人口减少1000万以上。",
            "过去一年，城镇新增就业1352万人，农村贫困人口减少1109万人。");
        var poverty = Assert.Single(result.Records, r => r.Indicator.StartsWith("农村贫困人口", StringComparison.Ordinal));
        Assert.Equal((10_000_000m, 11_090_000m), (poverty.Target!.Value!.Value, poverty.Actual!.Value!.Value));
        Assert.Equal(CompletionStatus.Exceeded, poverty.Status);
    }
}
