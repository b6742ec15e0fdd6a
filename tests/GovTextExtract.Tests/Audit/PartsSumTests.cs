using GovTextExtract.Audit;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Tests.Audit;

public sealed class PartsSumTests
{
    private static AuditReport Audit(AuditDoc doc, params CompletionRecord[] records) => Auditor.Default.Audit(doc.Text, records);

    [Fact]
    public void PartsOfAWholeThatAddUpToMoreThanItAreFlagged()
    {
        // 20 + 30 + 15 = 65, not 60.
        var doc = new AuditDoc("7.推进重点项目建设60个。60个重点项目中20个已竣工,30个正在建设,15个完成前期工作,完成投资88.5亿元。");
        var r = doc.Record("推进重点项目建设", "60个", 60m, "60个", 60m, CompletionStatus.Met, unit: "个");

        var f = Assert.Single(Audit(doc, r).Records[0].Flags, f => f.Code == AuditCodes.PartsSum);

        Assert.Equal(AuditSeverity.Warning, f.Severity);
        Assert.Contains("20个 + 30个 + 15个 = 65个", f.Message, StringComparison.Ordinal);
        Assert.Contains("60个", f.MessageZh, StringComparison.Ordinal);
        var whole = doc.Span("60个", doc.Span("。").End);
        Assert.Equal(whole, f.Evidence[0]);
        Assert.Equal(4, f.Evidence.Count);   // the whole and its three parts, not the investment
    }

    [Fact]
    public void PartsThatEqualTheTargetSayTheTotalMayBeMisprinted()
    {
        // The target is 65; the text says "60个…中" but the parts make 65.
        var doc = new AuditDoc("7.推进重点项目建设65个。60个重点项目中20个已竣工,30个正在建设,15个完成前期工作。");
        var r = doc.Record("推进重点项目建设", "65个", 65m, "60个", 60m, CompletionStatus.NotMet, unit: "个");

        var f = Assert.Single(Audit(doc, r).Records[0].Flags, f => f.Code == AuditCodes.PartsSum);

        Assert.Contains("misprinted", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartsThatAddUpAreNotFlagged()
    {
        var doc = new AuditDoc("7.推进重点项目建设60个。60个重点项目中20个已竣工,30个正在建设(其中续建12个、新建18个),10个完成前期工作。");
        var r = doc.Record("推进重点项目建设", "60个", 60m, "60个", 60m, CompletionStatus.Met, unit: "个");

        var report = Audit(doc, r);

        Assert.DoesNotContain(report.AllFlags, f => f.Code == AuditCodes.PartsSum);
    }

    [Fact]
    public void PartsOfAWholeThatFallShortOfItAreNoted()
    {
        var doc = new AuditDoc("7.推进重点项目建设60个。60个重点项目中20个已竣工,30个正在建设。");
        var r = doc.Record("推进重点项目建设", "60个", 60m, "60个", 60m, CompletionStatus.Met, unit: "个");

        var f = Assert.Single(Audit(doc, r).Records[0].Flags, f => f.Code == AuditCodes.PartsSum);

        Assert.Equal(AuditSeverity.Info, f.Severity);
        Assert.Contains("10个", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABreakdownAfterQiZhongMayLeaveOutPartsButMayNotExceedTheTotal()
    {
        // 12 + 15 + 5 = 32 > 30; and 8 + 9 = 17 < 30 of the second total is a partial breakdown, which is fine.
        var doc = new AuditDoc("8.新认证绿色产品30个。全年新认证绿色产品30个,完成年度目标任务100%。其中:有机产品12个,绿色食品15个,地理标志产品5个。\n" +
                               "9.新建标准厂房30万平方米。全年新建标准厂房30万平方米,其中园区8万平方米、乡镇9万平方米。\n");
        var over = doc.Record("新认证绿色产品", "30个", 30m, "30个", 30m, CompletionStatus.Met, unit: "个");
        var partial = doc.Record("新建标准厂房", "30万平方米", 300000m, "30万平方米", 300000m, CompletionStatus.Met, unit: "平方米", from: "9.");

        var report = Audit(doc, over, partial);

        var f = Assert.Single(report.Records[0].Flags, f => f.Code == AuditCodes.PartsSum);
        Assert.Contains("32个", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Records[1].Flags, f => f.Code == AuditCodes.PartsSum);
    }

    [Fact]
    public void ABreakdownNoRecordHoldsIsADocumentFinding()
    {
        var doc = new AuditDoc("(三)推进项目建设。40个重点项目中15个已竣工,20个正在建设,8个完成前期工作。");

        var report = Audit(doc);

        var f = Assert.Single(report.DocumentFlags);
        Assert.Equal(AuditCodes.PartsSum, f.Code);
        Assert.Contains("43个", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnActualSummedFromLevelsIsExplainedAndAShortfallWarned()
    {
        var doc = new AuditDoc("10.新增省级以上示范园区6家。全年新增国家级示范园区2家,省级示范园区3家。");
        var parts = new CompletionRecord
        {
            Indicator = "新增省级以上示范园区",
            Target = new TargetValue { Text = "6家", Value = 6m, Unit = "家" },
            Actual = new ActualValue { Text = "2家 + 3家", Value = 5m, Unit = "家" },
            Status = CompletionStatus.NotMet,
            Evidence = new RecordEvidence
            {
                Target = doc.Span("6家"),
                Actual = SourceSpan.FromBounds(doc.Span("2家").Start, doc.Span("3家").End),
            },
            Flags = [new AuditFlag(AuditCodes.PartsSum, "info", "actual is the sum of 2 parts by level: 2家 + 3家 = 5")],
        };

        var f = Assert.Single(Audit(doc, parts).Records[0].Flags, f => f.Code == AuditCodes.PartsSum);

        Assert.Equal(AuditSeverity.Warning, f.Severity);
        Assert.Contains("2家 + 3家 = 5家", f.Message, StringComparison.Ordinal);
        Assert.Contains("省级以上", f.MessageZh, StringComparison.Ordinal);
        Assert.Equal([doc.Span("6家"), doc.Span("2家"), doc.Span("3家")], f.Evidence);
    }
}
