using System.Text;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Pairing;

/// <summary>Pairing on constructed circular text. Every expected value below was worked out by reading the input.</summary>
public class CircularPairerTests
{
    private static readonly ExtractionPipeline Pipeline = LegacyReader.Pipeline;

    private static IReadOnlyList<CompletionRecord> Extract(string text) => Pipeline.ExtractText(text).Records;

    private static CompletionRecord Single(IReadOnlyList<CompletionRecord> records, decimal targetValue) =>
        Assert.Single(records, r => r.Target?.Value == targetValue);

    [Fact]
    public void InlineTargetInParentheses()
    {
        var records = Extract("全年全县实现地区生产总值增长6.2%(目标6%);城镇调查失业率4.9%(目标控制在5.5%以内)。");
        Assert.Equal(2, records.Count);
        var gdp = Single(records, 6m);
        Assert.Equal(6.2m, gdp.Actual!.Value);
        Assert.Equal(CompletionStatus.Exceeded, gdp.Status);
        Assert.Contains("地区生产总值", gdp.Indicator);
        var unemployment = Single(records, 5.5m);
        Assert.Equal(BoundKind.AtMost, unemployment.Target!.Bound);
        Assert.Equal(4.9m, unemployment.Actual!.Value);
        Assert.Equal(CompletionStatus.Met, unemployment.Status);
    }

    [Fact]
    public void LowerIsBetterIndicatorWithPlainTarget()
    {
        // 居民消费价格涨幅 is lower-is-better: 2.1 against a 3 'about' target is better than the target.
        var records = Extract("1.居民消费价格涨幅3%左右。全年居民消费价格涨幅2.1%。");
        var r = Assert.Single(records);
        Assert.Equal(BoundKind.About, r.Target!.Bound);
        Assert.Equal(CompletionStatus.Exceeded, r.Status);
    }

    [Fact]
    public void SeveralTargetsInOneItemPairByIndicator()
    {
        var records = Extract("7.新增林业合作社120家、家庭林场80家。全县家庭林场较上年增加95家,林业合作社登记数较上年增加131家。");
        Assert.Equal(2, records.Count);
        Assert.Equal(131m, Single(records, 120m).Actual!.Value);
        Assert.Equal(95m, Single(records, 80m).Actual!.Value);
        Assert.All(records, r => Assert.Equal(CompletionStatus.Exceeded, r.Status));
    }

    [Fact]
    public void StatedRatePairsWithItsActual()
    {
        var records = Extract("3.新建充电桩500个。全年新建充电桩612个,完成年度目标任务的122.4%。");
        var r = Assert.Single(records);
        Assert.Equal(612m, r.Actual!.Value);
        Assert.Equal(122.4m, r.ReportedRate);
        Assert.Equal(122.4m, r.ComputedRate);
    }

    [Fact]
    public void RespectiveRatesPairInOrder()
    {
        var records = Extract("5.全年新增城镇就业2万人。全县城镇新增就业25000人,失业人员再就业3000人,分别完成全年计划125%、150%。");
        Assert.Equal(2, records.Count);
        var main = Single(records, 20000m);
        Assert.Equal(25000m, main.Actual!.Value);
        Assert.Equal(125m, main.ReportedRate);
        var second = Assert.Single(records, r => r.Target is null);
        Assert.Equal(3000m, second.Actual!.Value);
        Assert.Equal(150m, second.ReportedRate);
        Assert.Equal(CompletionStatus.Exceeded, second.Status);
    }

    [Fact]
    public void RectificationTasksCompletedCount()
    {
        var records = Extract("(二)督察整改。省督察组反馈的20项整改任务已整改完成17个,完成率85%,其余3项正在推进。");
        var r = Assert.Single(records);
        Assert.Equal(20m, r.Target!.Value);
        Assert.Equal(17m, r.Actual!.Value);
        Assert.Equal(85m, r.ReportedRate);
        Assert.Equal(CompletionStatus.NotMet, r.Status);
    }

    [Fact]
    public void PlanThenCompletion()
    {
        var records = Extract("全年重点项目计划总投资50亿元,已完成投资53.5亿元,项目进展顺利。");
        var r = Assert.Single(records);
        Assert.Equal(5_000_000_000m, r.Target!.Value);
        Assert.Equal(5_350_000_000m, r.Actual!.Value);
        Assert.Equal(CompletionStatus.Exceeded, r.Status);
    }

    [Fact]
    public void UnreportedTargetHasNullActualAndFlag()
    {
        var records = Extract("9.创建省级示范园区3个。各地积极推进示范园区创建工作,成效明显。");
        var r = Assert.Single(records);
        Assert.Null(r.Actual);
        Assert.Equal(CompletionStatus.Unknown, r.Status);
        Assert.Contains(r.Flags, f => f.Code == "not_reported");
    }

    [Fact]
    public void PartialPeriodActualIsPending()
    {
        var records = Extract("4.工业投资增长10%。1-10月,全县工业投资增长8.2%。");
        var r = Assert.Single(records);
        Assert.Equal(CompletionStatus.Pending, r.Status);
        Assert.Equal("1-10月", r.Actual!.Period);
        Assert.Contains(r.Flags, f => f.Code == "partial_period");
    }

    [Fact]
    public void CeilingTargetMetWhenBelow()
    {
        var records = Extract("6.将不动产登记办理时间压缩到5个工作日内。目前不动产登记办理时间已压缩到3个工作日内。");
        var r = Assert.Single(records);
        Assert.Equal(BoundKind.AtMost, r.Target!.Bound);
        Assert.Equal(3m, r.Actual!.Value);
        Assert.Equal(CompletionStatus.Met, r.Status);
    }

    [Fact]
    public void ModifierFiguresAreNotTargets()
    {
        // "5亿元以上" qualifies the projects counted by "12个"; "以…为重点" names a focus, not a target.
        var records = Extract("2.引进投资5亿元以上项目12个。全年引进投资5亿元以上项目15个。\n3.以10个中心村为重点推进环境整治。全县完成整治村庄86个。");
        var r = Assert.Single(records);
        Assert.Equal(12m, r.Target!.Value);
        Assert.Equal(15m, r.Actual!.Value);
    }

    [Fact]
    public void ResultsOnTheLinesAfterTheTask()
    {
        var records = Extract("二、重点任务完成情况\n3.新建5G基站1000个。\n全年新建5G基站1250个，完成年度目标的125%。\n4.改造老旧小区40个。\n全年开工改造老旧小区42个。\n（三）民生保障\n5.新增养老床位800张。\n");
        Assert.Equal(3, records.Count);
        Assert.Equal((1250m, 125m), (Single(records, 1000m).Actual!.Value!.Value, Single(records, 1000m).ReportedRate!.Value));
        Assert.Equal(42m, Single(records, 40m).Actual!.Value);
        Assert.Null(Single(records, 800m).Actual);
    }

    [Fact]
    public void ItemsThatOpenWithTheirResult()
    {
        var records = Extract("二、重点工作\n3.全县新增城镇就业5200人，完成年度目标的104%。\n4.新建公园8个，全年新建11个，完成年度任务的137.5%。\n5.全年完成造林1.2万亩，超额完成年度目标任务。\n");
        Assert.Equal(2, records.Count);
        var jobs = Assert.Single(records, r => r.Target is null);
        Assert.Equal((5200m, 104m, CompletionStatus.Exceeded), (jobs.Actual!.Value!.Value, jobs.ReportedRate!.Value, jobs.Status));
        var parks = Single(records, 8m);
        Assert.Equal((11m, 137.5m), (parks.Actual!.Value!.Value, parks.ReportedRate!.Value));
        Assert.DoesNotContain(records, r => r.Target?.Value == 12000m);
    }

    [Fact]
    public void StyleVariantsFixture()
    {
        var path = Fixture.PathOf("style-variants.txt");
        var records = Pipeline.ExtractFile(path).Records;
        // (target, actual, rate, status) for each record of the fixture, read off the text by hand.
        (decimal? Target, decimal? Actual, decimal? Rate, CompletionStatus Status)[] expected =
        [
            (7m, 7.4m, null, CompletionStatus.Exceeded),
            (8m, 6.9m, null, CompletionStatus.NotMet),
            (8m, 8.5m, null, CompletionStatus.Exceeded),
            (90m, 91.2m, null, CompletionStatus.Exceeded),
            (8m, 11m, 137.5m, CompletionStatus.Exceeded),
            (300m, 320.5m, null, CompletionStatus.Exceeded),
            (50m, 46m, 92m, CompletionStatus.NotMet),
            (4m, 3.2m, null, CompletionStatus.Met),
            (40m, 45m, null, CompletionStatus.Exceeded),
            (50000m, 56000m, null, CompletionStatus.Exceeded),
            (3m, 3.2m, null, CompletionStatus.Exceeded),
            (6m, 4.1m, null, CompletionStatus.Pending),
            (45m, 40m, 88.9m, CompletionStatus.NotMet),
        ];
        var actual = Fixture.Outline(records);
        Assert.Equal(expected, actual);
        Assert.Equal("地区生产总值增长", records[0].Indicator);
    }

    [Fact]
    public void EvidenceSpansPointIntoTheOriginalText()
    {
        // Full-width figures and CRLF line ends: the normalised text differs, the evidence must not.
        var text = "说明\r\n１．新建污水管网２０公里。全年新建污水管网２６．５公里，完成年度目标任务的１３２．５％。\r\n";
        var r = Assert.Single(Pipeline.ExtractText(text).Records);
        var e = r.Evidence;
        Assert.Equal("２０公里", text.Substring(e.Target!.Value.Start, e.Target.Value.Length));
        Assert.Equal("２６．５公里", text.Substring(e.Actual!.Value.Start, e.Actual.Value.Length));
        Assert.Equal("１３２．５％", text.Substring(e.Rate!.Value.Start, e.Rate.Value.Length));
        Assert.Equal(26.5m, r.Actual!.Value);
    }

    [Fact]
    public void PipelineIsThreadSafe()
    {
        var path = Fixture.PathOf("style-variants.txt");
        var text = File.ReadAllText(path, Encoding.UTF8);
        var reference = Describe(Pipeline.ExtractText(text).Records);
        var results = new string[16];
        Parallel.For(0, results.Length, i => results[i] = Describe(Pipeline.ExtractText(text).Records));
        Assert.All(results, r => Assert.Equal(reference, r));
        static string Describe(IEnumerable<CompletionRecord> rs) =>
            string.Join(";", rs.Select(r => $"{r.Indicator}|{r.Target?.Value}|{r.Actual?.Value}|{r.Status}"));
    }

    [Fact]
    public void Text_with_thousands_of_figures_and_no_sentence_break_is_no_prose()
    {
        // 6,000 figures in one run of text: no sentence, so no pairs (scripts/bench-pathological.sh times larger ones).
        var junk = string.Concat(Enumerable.Repeat("新增目标1个完成2个", 3000));
        Assert.Empty(Pipeline.ExtractText(junk).Records);
        // The same figures in short sentences pair one by one.
        var prose = string.Concat(Enumerable.Repeat("年度目标新增10个,实际完成12个。", 500));
        var records = Pipeline.ExtractText(prose).Records;
        Assert.Equal(500, records.Count);
        Assert.All(records, r => Assert.Equal((10m, 12m), (r.Target!.Value!.Value, r.Actual!.Value!.Value)));
    }
}
