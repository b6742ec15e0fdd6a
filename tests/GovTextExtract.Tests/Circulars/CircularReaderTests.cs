using GovTextExtract.Circulars;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Circulars;

/// <summary>The default circular reader on invented progress-report and completion text; every expected value was
/// read off the text by hand.</summary>
public class CircularReaderTests
{
    private static readonly ExtractionPipeline Rules = new(ExtractionOptions.Default with { CircularReader = CircularReaderKind.Rules });

    private static IReadOnlyList<CompletionRecord> Read(string text) => Rules.ExtractText(text).Records;

    [Fact]
    public void Results_with_stated_rates_of_part_of_the_year_are_pending_until_they_pass_the_plan()
    {
        var records = Read("1-9月,全县重点项目完成投资45.6亿元,为年计划的82.3%,同比增长12.1%。其中,工业项目完成投资20.1亿元,为年计划的105.2%;交通项目完成投资8.4亿元,为年计划的60.5%。");

        Assert.Equal(3, records.Count); // the year-on-year 12.1% has no target and gives no record
        Assert.Equal((4_560_000_000m, 82.3m, CompletionStatus.Pending), (records[0].Actual!.Value!.Value, records[0].ReportedRate!.Value, records[0].Status));
        Assert.Equal((2_010_000_000m, 105.2m, CompletionStatus.Exceeded), (records[1].Actual!.Value!.Value, records[1].ReportedRate!.Value, records[1].Status));
        Assert.Equal((840_000_000m, 60.5m, CompletionStatus.Pending), (records[2].Actual!.Value!.Value, records[2].ReportedRate!.Value, records[2].Status));
        Assert.All(records, r => Assert.Equal("1-9月", r.Actual!.Period));
    }

    [Fact]
    public void A_target_named_inside_the_rate_phrase_is_the_records_target()
    {
        var r = Assert.Single(Read("全年新增城镇就业6200人,完成目标任务5000人的124%。"));

        Assert.Equal(5000m, r.Target!.Value);
        Assert.Equal(6200m, r.Actual!.Value);
        Assert.Equal(124m, r.ReportedRate);
        Assert.Equal(CompletionStatus.Exceeded, r.Status);
    }

    [Fact]
    public void Rates_given_with_fen_bie_go_to_the_results_in_order()
    {
        var records = Read("今年培训农民工1.2万人、退役军人3000人,分别完成年度目标的80%、120%。");

        Assert.Equal([(12_000m, 80m), (3000m, 120m)], records.Select(r => (r.Actual!.Value!.Value, r.ReportedRate!.Value)));
    }

    [Fact]
    public void A_difference_to_the_target_gives_a_derived_target()
    {
        var r = Assert.Single(Read("全年地区生产总值增长6.2%,低于目标0.8个百分点。"));

        Assert.Equal(6.2m, r.Actual!.Value);
        Assert.True(r.Target!.Derived);
        Assert.Equal(7.0m, r.Target.Value);
        Assert.Equal(CompletionStatus.NotMet, r.Status);
    }

    [Fact]
    public void A_target_in_brackets_after_its_result_pairs_with_it()
    {
        var r = Assert.Single(Read("2024年,全区引进优质企业26家(任务数20家),同比增长8%。"));

        Assert.Equal((20m, 26m, CompletionStatus.Exceeded), (r.Target!.Value!.Value, r.Actual!.Value!.Value, r.Status));
    }

    [Fact]
    public void A_plan_and_what_is_done_of_it_pair_and_the_count_of_projects_before_an_amount_is_none()
    {
        var records = Read("全市安排民生项目120个,已开工96个,开工率80%,累计完成投资35.2亿元,占年度计划的71.5%。");

        var started = Assert.Single(records, r => r.Actual!.Value == 96m);
        Assert.Equal((120m, 80m), (started.Target!.Value!.Value, started.ReportedRate!.Value));
        Assert.Contains(records, r => r.Actual!.Value == 3_520_000_000m && r.ReportedRate == 71.5m);
    }

    [Fact]
    public void Evidence_spans_point_at_the_figures_in_the_original_text()
    {
        const string text = "截至6月底,全省新建充电桩8650个,完成年度目标任务的61.8%。";
        var result = Rules.ExtractText(text);
        var r = Assert.Single(result.Records);

        Assert.Equal("8650个", text.Substring(r.Evidence.Actual!.Value.Start, r.Evidence.Actual.Value.Length));
        Assert.Equal("61.8%", text.Substring(r.Evidence.Rate!.Value.Start, r.Evidence.Rate.Value.Length));
    }

    [Fact]
    public void Traditional_characters_read_as_simplified_and_evidence_keeps_the_original()
    {
        const string text = "上半年,全市實現城鎮新增就業1.5萬人,完成全年目標的62%。";
        var r = Assert.Single(Rules.ExtractText(text).Records);

        Assert.Equal(15_000m, r.Actual!.Value);
        Assert.Equal("1.5萬人", r.Actual.Text);
        Assert.Equal(62m, r.ReportedRate);
        Assert.Equal(CompletionStatus.Pending, r.Status);
    }

    [Theory]
    [InlineData("1月至5月,全省新开工保障房3.2万套,开工率为52%。")]
    [InlineData("今年1―5月,全省新开工保障房3.2万套,开工率为52%。")] // a horizontal bar, not a hyphen
    public void Periods_written_with_months_on_both_sides_or_other_dashes_are_partial(string text)
    {
        var r = Assert.Single(Read(text));
        Assert.Equal(CompletionStatus.Pending, r.Status);
        Assert.NotNull(r.Actual!.Period);
    }

    [Fact]
    public void Part_way_through_the_year_a_count_just_short_of_its_target_is_pending_not_met_within_tolerance()
    {
        var r = Assert.Single(Read("截至6月底,全年5万人搬迁任务,目前已搬迁4.98万人,搬迁率99.6%。"));
        Assert.Equal(50_000m, r.Target!.Value);
        Assert.Equal(CompletionStatus.Pending, r.Status);
    }

    [Fact]
    public void An_indicator_that_names_a_reduction_is_better_for_a_larger_fall()
    {
        var r = Assert.Single(Read("全年为企业降低成本12亿元,超过10亿元的目标。"));
        Assert.Equal((10m * 100_000_000m, 12m * 100_000_000m), (r.Target!.Value!.Value, r.Actual!.Value!.Value));
        Assert.Equal(CompletionStatus.Exceeded, r.Status);
    }

    [Fact]
    public void A_fall_of_a_quantity_that_should_grow_is_negative_and_its_item_names_it()
    {
        var r = Assert.Single(Read("3.外贸进出口总额(第5项):全年下降4%,低于目标10个百分点。"));
        Assert.Equal(-4m, r.Actual!.Value);
        Assert.StartsWith("外贸进出口总额", r.Indicator, StringComparison.Ordinal);
        Assert.Equal(6m, r.Target!.Value); // derived: -4 - (-10)
    }

    [Fact]
    public void A_result_divided_by_its_target_in_a_formula_pairs_and_takes_the_targets_scale()
    {
        var records = Read("得分=(签约项目个数32÷30)×50%+(签约项目金额41.5÷40亿元)×50%=0.5");

        var count = Assert.Single(records, r => r.Actual!.Value == 32m);
        Assert.Equal((30m, CompletionStatus.Exceeded), (count.Target!.Value!.Value, count.Status));
        var amount = Assert.Single(records, r => r.Target!.Value == 4_000_000_000m);
        Assert.Equal((4_150_000_000m, "元"), (amount.Actual!.Value!.Value, amount.Actual.Unit));
    }

    [Fact]
    public void A_requirement_list_and_a_result_list_pair_in_order_and_a_project_size_is_no_figure()
    {
        var records = Read("引进投资5-10亿元、10亿元及以上的项目个数分别不少于3个、1个,每少1个扣0.1分。分别引进4个、1个,得0.5分。");

        Assert.Equal([(3m, 4m), (1m, 1m)], records.Select(r => (r.Target!.Value!.Value, r.Actual!.Value!.Value)).ToArray());
    }

    [Fact]
    public void A_figure_named_by_what_it_is_for_takes_that_name_and_a_tables_cells_before_its_prose_are_no_part_of_it()
    {
        var records = Read("项目资金 (万元) 年初预算数 全年预算数 预期目标 实际完成情况 本项目共安排资金120万元。其中:50万元用于道路养护;70万元用于桥梁检测。" +
                           "本项目共完成支出118.5万元。其中:50万元用于道路养护;68.5万元用于桥梁检测。");

        Assert.Equal("本项目共安排资金", Assert.Single(records, r => r.Target!.Value == 1_200_000m).Indicator);
        var bridges = Assert.Single(records, r => r.Target!.Value == 700_000m);
        Assert.Equal(("桥梁检测", 685_000m, CompletionStatus.NotMet), (bridges.Indicator, bridges.Actual!.Value!.Value, bridges.Status));
    }

    [Fact]
    public void A_table_row_flattened_without_separators_gives_target_result_and_rate_named_by_the_row()
    {
        var records = Read("项目年度绩效目标 绩效内容 绩效目标值 实际完成值 完成率:服务人次>=600人1500人250%政策知晓率>=90%96%107%");

        Assert.Equal(
            [("服务人次", 600m, 1500m, 250m), ("政策知晓率", 90m, 96m, 107m)],
            records.Select(r => (r.Indicator, r.Target!.Value!.Value, r.Actual!.Value!.Value, r.ReportedRate!.Value)).ToArray());
    }

    [Fact]
    public void A_rate_after_a_semicolon_with_no_subject_of_its_own_measures_the_result_before_it()
    {
        var records = Read("截至6月底,县外到位资金12.6亿元,完成市上全年任务(20亿元)的63%;完成县上全年任务(24亿元)的52.5%;为2000名工人提供培训。");

        Assert.Equal([(20m, 63m), (24m, 52.5m)],
            records.Select(r => (r.Target!.Value!.Value / 100_000_000m, r.ReportedRate!.Value)).ToArray());
        Assert.All(records, r => Assert.Equal(1_260_000_000m, r.Actual!.Value));
        Assert.All(records, r => Assert.DoesNotContain(";", r.Indicator, StringComparison.Ordinal));
    }

    [Fact]
    public void A_target_a_million_times_smaller_in_other_words_is_not_the_results_target()
    {
        var records = Read("今年城乡居民医保补助标准计划从每人每年45元提高到50元。截至6月底,省级补助资金已下达约8.2亿元,占计划80%。");

        var funds = Assert.Single(records, r => r.Actual?.Value == 820_000_000m);
        Assert.Null(funds.Target);
        Assert.Equal((80m, CompletionStatus.Pending), (funds.ReportedRate!.Value, funds.Status));
    }
}
