using GovTextExtract.CrossYear;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.CrossYear;

public sealed class TargetStatementTests
{
    [Fact]
    public void Growth_then_level_of_one_indicator_gives_two_targets()
    {
        var targets = Reports.Targets("地区生产总值增长7.5%，达到326.4亿元；社会消费品零售总额增长12%。");
        Assert.Equal(3, targets.Count);
        var growth = targets[0].Mention;
        Assert.Equal("地区生产总值增长", targets[0].Indicator);
        Assert.Equal(7.5m, growth.Value);
        Assert.Equal("%", growth.Unit);
        Assert.Equal(BoundKind.AtLeast, targets[0].Bound);
        var level = targets[1].Mention;
        Assert.Equal("地区生产总值", targets[1].Indicator);
        Assert.Equal(32640000000m, level.Value);
        Assert.Equal("元", level.Unit);
        Assert.Equal(Measure.Level, level.Measure);
        Assert.Equal("社会消费品零售总额增长", targets[2].Indicator);
    }

    [Fact]
    public void Respectively_list_gives_one_target_per_name_and_the_trailing_bound_applies_to_all()
    {
        var targets = Reports.Targets("城镇和农村居民人均可支配收入分别增长5%和7%左右。");
        Assert.Equal(2, targets.Count);
        Assert.Equal("城镇居民人均可支配收入增长", targets[0].Indicator);
        Assert.Equal(5m, targets[0].Mention.Value);
        Assert.Equal(BoundKind.About, targets[0].Bound);
        Assert.Equal("农村居民人均可支配收入增长", targets[1].Indicator);
        Assert.Equal(7m, targets[1].Mention.Value);
        Assert.Equal(BoundKind.About, targets[1].Bound);
    }

    [Fact]
    public void Respectively_list_with_a_pair_prefix_names_both_halves()
    {
        var targets = Reports.Targets("城乡居民人均可支配收入分别增长8%和9%。");
        Assert.Equal(["城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"], targets.Select(t => t.Indicator));
        Assert.Equal([8m, 9m], targets.Select(t => t.Mention.Value!.Value));
    }

    [Fact]
    public void Qualitative_and_five_year_targets_are_not_year_targets()
    {
        var targets = Reports.Targets(
            "地区生产总值增长5%左右，居民收入增长与经济增长同步，生态环境质量指标达到国家要求，研发经费投入年均增长8%以上，"
            + "“十四五”期间单位地区生产总值能耗累计下降13.5%，农村居民人均可支配收入增速高于全国平均水平1个百分点。");
        var only = Assert.Single(targets);
        Assert.Equal("地区生产总值增长", only.Indicator);
        Assert.Equal(5m, only.Mention.Value);
    }

    [Fact]
    public void Bounds_units_and_multipliers_follow_the_wording()
    {
        var targets = Reports.Targets(
            "国内生产总值增长5.5%左右；城镇新增就业1100万人以上，城镇调查失业率控制在5.5%以内；粮食产量保持在1.3万亿斤以上；"
            + "单位国内生产总值能耗降低3%左右。");
        var byName = targets.ToDictionary(t => t.Indicator);
        Assert.Equal(BoundKind.About, byName["地区生产总值增长"].Bound);
        Assert.Equal(5.5m, byName["地区生产总值增长"].Mention.Value);
        Assert.Equal(11000000m, byName["城镇新增就业"].Mention.Value);
        Assert.Equal("人", byName["城镇新增就业"].Mention.Unit);
        Assert.Equal(BoundKind.AtLeast, byName["城镇新增就业"].Bound);
        Assert.Equal(BoundKind.AtMost, byName["城镇调查失业率"].Bound);
        Assert.Equal(1300000000000m, byName["粮食产量"].Mention.Value);
        Assert.Equal("斤", byName["粮食产量"].Mention.Unit);
        var range = Assert.Single(Reports.Targets("全省地区生产总值增长5.0%—5.5%，根据实际情况争取更好的结果。"));
        Assert.Equal(BoundKind.Range, range.Bound);
        Assert.Null(range.Mention.Value);
        Assert.Equal(5.0m, range.Mention.Low);
        Assert.Equal(5.5m, range.Mention.High);
        var energy = byName["单位地区生产总值能耗降低"];
        Assert.Equal(3m, energy.Mention.Value);
        Assert.Equal(Direction.HigherIsBetter, energy.Direction);
        Assert.Equal(Direction.LowerIsBetter, byName["城镇调查失业率"].Direction);
    }

    [Fact]
    public void An_aspiration_after_a_floor_is_no_second_target()
    {
        var targets = Reports.Targets("地区生产总值增长7%以上，力争8%；固定资产投资增长10%。");
        Assert.Equal(["地区生产总值增长", "固定资产投资增长"], targets.Select(t => t.Indicator));
        Assert.Equal(7m, targets[0].Mention.Value);
    }

    [Fact]
    public void A_name_in_no_alias_group_stands_as_its_own_indicator()
    {
        var targets = Reports.Targets("服务业增加值增长8%，森林覆盖率达到45%，数字经济核心产业增加值占GDP比重达到12%。");
        Assert.Equal(["服务业增加值增长", "森林覆盖率", "数字经济核心产业增加值占GDP比重"], targets.Select(t => t.Indicator));
        Assert.Equal(12m, targets[2].Mention.Value);
        Assert.True(targets.All(t => t.Mention.Subject.Raw));
    }

    [Fact]
    public void The_statement_after_a_cue_on_its_own_line_is_the_next_paragraph_and_explanations_end_it()
    {
        var report = Reports.Prepare(
            "政府工作报告\n“十四五”时期的主要目标是：地区生产总值年均增长7%。\n今年国民经济和社会发展的主要预期目标是：\n"
            + "国内生产总值增长8%左右；城镇新增就业900万人以上，城镇登记失业率控制在4.6%以内。这里要着重说明，国内生产总值增长8%左右是必要的。\n"
            + "继续实施积极的财政政策，赤字率2%左右。\n");
        var targets = Reports.Pairer.ReadTargets(report);
        Assert.Equal(["地区生产总值增长", "城镇新增就业", "城镇登记失业率"], targets.Select(t => t.Indicator));
        Assert.Equal(8m, targets[0].Mention.Value);
    }

    [Fact]
    public void A_statement_without_colon_is_found_when_no_cue_has_one()
    {
        var report = Reports.Prepare("政府工作报告\n今年经济社会发展的主要预期目标是地区生产总值增长7%左右，城镇登记失业率控制在4.5%以内。\n");
        Assert.Equal(2, Reports.Pairer.ReadTargets(report).Count);
    }

    [Fact]
    public void Target_evidence_points_into_the_decoded_text_of_the_year_n_report()
    {
        const string statement = "全市生产总值增长5%左右，城镇调查失业率5%以内。";
        var result = Reports.Pair(statement, "过去一年，全市生产总值增长5.4%。");
        var gdp = Reports.Single(result, "地区生产总值增长");
        var span = gdp.Evidence.Target!.Value;
        var text = "2024年某市政府工作报告\n一、2023年工作回顾\n过去一年，各项工作取得新成效。\n二、2024年工作安排\n今年经济社会发展的主要预期目标是：" + statement;
        Assert.Equal("5%左右", text.Substring(span.Start, span.Length));
    }
}
