using GovTextExtract.Records;

namespace GovTextExtract.Tests.Tables;

/// <summary>Tables of targets reach the pipeline's output, once, beside prose records.</summary>
public class PipelineTableTests
{
    [Fact]
    public void TabSeparatedTableGivesRecordsThroughThePipeline()
    {
        const string text = "2023年主要指标完成情况表\n指标名称\t年度目标\t完成值\t完成率\n地区生产总值增长\t6%\t6.3%\t\n新建公园\t10个\t12个\t120%\n城镇调查失业率\t5.5%以内\t5.1%\t\n" +
                            "二、其他任务\n1.新建养老床位500张。全年新建养老床位460张。\n";
        var records = new ExtractionPipeline().ExtractText(text).Records;
        Assert.Equal(4, records.Count);
        Assert.Equal((6m, 6.3m, CompletionStatus.Exceeded), (records[0].Target!.Value!.Value, records[0].Actual!.Value!.Value, records[0].Status));
        Assert.Equal((10m, 12m, 120m), (records[1].Target!.Value!.Value, records[1].Actual!.Value!.Value, records[1].ReportedRate!.Value));
        Assert.Equal(BoundKind.AtMost, records[2].Target!.Bound);
        Assert.Equal(CompletionStatus.Met, records[2].Status);
        Assert.Equal((500m, 460m, CompletionStatus.NotMet), (records[3].Target!.Value!.Value, records[3].Actual!.Value!.Value, records[3].Status));
        var span = records[1].Evidence.Actual!.Value;
        Assert.Equal("12个", text.Substring(span.Start, span.Length));
    }
}
