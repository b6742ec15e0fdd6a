using GovTextExtract.Audit;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Audit;

public sealed class ClaimContradictionTests
{
    private const string Opening = "今年以来,各项工作有序推进,地区生产总值增长、居民人均可支配收入增长、新增城镇就业等指标完成年度目标任务;" +
                                   "粮食播种面积、造林面积等指标超额完成年度目标任务。";

    private const string Body = "\n一、主要指标完成情况\n全年地区生产总值增长6.2%(目标6.5%);居民人均可支配收入增长7.1%(目标7%)。\n" +
                                "1.新增城镇就业2.5万人。全年城镇新增就业2.61万人。\n" +
                                "2.完成造林面积8000亩。全年完成造林面积7200亩。\n" +
                                "3.粮食播种面积稳定在120万亩。全市粮食播种面积121万亩。\n";

    private static CompletionRecord[] Records(AuditDoc doc) =>
    [
        doc.Record("地区生产总值增长", "6.5%", 6.5m, "6.2%", 6.2m, CompletionStatus.NotMet, unit: "%", from: "全年地区"),
        doc.Record("居民人均可支配收入增长", "7%", 7m, "7.1%", 7.1m, CompletionStatus.Exceeded, unit: "%", from: "全年地区"),
        doc.Record("新增城镇就业", "2.5万人", 25000m, "2.61万人", 26100m, CompletionStatus.Exceeded, unit: "人", from: "1."),
        doc.Record("造林面积", "8000亩", 8000m, "7200亩", 7200m, CompletionStatus.NotMet, unit: "亩", from: "2."),
        doc.Record("粮食播种面积", "120万亩", 1_200_000m, "121万亩", 1_210_000m, CompletionStatus.Exceeded, unit: "亩", from: "3."),
    ];

    private static AuditFlag[] Claims(CompletionRecord r) =>
        r.Flags.Where(f => f.Code is AuditCodes.ClaimContradiction).ToArray();

    [Fact]
    public void AnOpeningListClaimingTargetsMetIsContradictedByTheRecordsThatFallShort()
    {
        var doc = new AuditDoc(Opening + Body);

        var audited = Auditor.Default.Audit(doc.Text, Records(doc)).Records;

        var gdp = Assert.Single(Claims(audited[0]));
        Assert.Equal(AuditSeverity.Error, gdp.Severity);
        Assert.Contains("地区生产总值增长", gdp.MessageZh, StringComparison.Ordinal);
        Assert.Contains("6.2%", gdp.Message, StringComparison.Ordinal);
        Assert.Contains("6.5%", gdp.Message, StringComparison.Ordinal);
        // Evidence: the listed phrase, the claim words, then the figures.
        Assert.Contains(doc.Span("地区生产总值增长"), gdp.Evidence);
        Assert.Contains(doc.Span("完成年度目标任务"), gdp.Evidence);
        Assert.Contains(doc.Span("6.2%"), gdp.Evidence);
        var forest = Assert.Single(Claims(audited[3]));
        Assert.Contains("exceeded", forest.Message, StringComparison.Ordinal);
        // Records whose figures bear the claim out carry nothing.
        Assert.Empty(Claims(audited[1]));
        Assert.Empty(Claims(audited[2]));
        Assert.Empty(Claims(audited[4]));
    }

    [Fact]
    public void AGluedListIsSplitAtWordBoundaries()
    {
        var glued = "今年以来,各项工作有序推进,地区生产总值增长居民人均可支配收入增长新增城镇就业等指标完成年度目标任务;" +
                    "粮食播种面积造林面积等指标超额完成年度目标任务。";
        var doc = new AuditDoc(glued + Body);

        var audited = Auditor.Default.Audit(doc.Text, Records(doc)).Records;

        Assert.Single(Claims(audited[0]));
        Assert.Single(Claims(audited[3]));
        Assert.Empty(Claims(audited[1]));
        Assert.Empty(Claims(audited[2]));
        Assert.Empty(Claims(audited[4]));
    }

    [Fact]
    public void AListThatLeavesOutAnIndicatorDoesNotClaimIt()
    {
        // Only 居民收入 and 就业 are claimed; 地区生产总值 falls short but is not in the list.
        var doc = new AuditDoc("今年以来,居民人均可支配收入增长、新增城镇就业等指标完成年度目标任务。" + Body);

        var audited = Auditor.Default.Audit(doc.Text, Records(doc)).Records;

        Assert.DoesNotContain(audited.SelectMany(r => r.Flags), f => f.Code == AuditCodes.ClaimContradiction);
    }

    [Theory]
    [InlineData("地区生产总值增长、造林面积等指标未完成年度目标任务。")]           // denied
    [InlineData("地区生产总值增长、造林面积等指标基本完成年度目标任务。")]         // hedged
    [InlineData("地区生产总值增长、造林面积等指标完成年度目标任务的95%。")]        // a stated rate, not a claim
    public void ADeniedOrHedgedClaimOrAStatedRateClaimsNothing(string opening)
    {
        var doc = new AuditDoc(opening + Body);

        var audited = Auditor.Default.Audit(doc.Text, Records(doc)).Records;

        Assert.DoesNotContain(audited.SelectMany(r => r.Flags), f => f.Code == AuditCodes.ClaimContradiction);
    }

    [Fact]
    public void AnItemClaimingItsTargetExceededBesideFiguresThatFallShortIsContradicted()
    {
        var doc = new AuditDoc("4.新建公共停车泊位3000个。全年新建公共停车泊位2600个,超额完成年度目标任务。\n" +
                               "5.新建口袋公园40个。全年新建口袋公园46个,超额完成年度目标任务。\n");
        var parking = doc.Record("新建公共停车泊位", "3000个", 3000m, "2600个", 2600m, CompletionStatus.NotMet, unit: "个");
        var parks = doc.Record("新建口袋公园", "40个", 40m, "46个", 46m, CompletionStatus.Exceeded, unit: "个");

        var audited = Auditor.Default.Audit(doc.Text, [parking, parks]).Records;

        var f = Assert.Single(Claims(audited[0]));
        Assert.Equal(AuditSeverity.Error, f.Severity);
        Assert.Contains("2600个", f.Message, StringComparison.Ordinal);
        Assert.Contains("超额完成", f.MessageZh, StringComparison.Ordinal);
        Assert.Empty(Claims(audited[1]));
    }

    [Fact]
    public void ClaimingATargetExceededThatWasOnlyMetIsAWarning()
    {
        var doc = new AuditDoc("6.新建口袋公园40个。全年新建口袋公园40个,超额完成年度目标任务。\n");
        var parks = doc.Record("新建口袋公园", "40个", 40m, "40个", 40m, CompletionStatus.Met, unit: "个");

        var f = Assert.Single(Claims(Auditor.Default.Audit(doc.Text, [parks]).Records[0]));

        Assert.Equal(AuditSeverity.Warning, f.Severity);
    }

    [Fact]
    public void AClaimOverATargetWithNoFigureIsUnverified()
    {
        var doc = new AuditDoc("今年以来,新建口袋公园、地区生产总值增长等指标完成年度目标任务。\n" +
                               "1.新建口袋公园40个。口袋公园建设有序推进。\n" +
                               "全年地区生产总值增长6.6%(目标6.5%)。\n");
        var parks = doc.Record("新建口袋公园", "40个", 40m, null, null, CompletionStatus.Unknown, unit: "个", from: "1.");
        var gdp = doc.Record("地区生产总值增长", "6.5%", 6.5m, "6.6%", 6.6m, CompletionStatus.Exceeded, unit: "%", from: "全年");

        var audited = Auditor.Default.Audit(doc.Text, [parks, gdp]).Records;

        var f = Assert.Single(audited[0].Flags, f => f.Code == AuditCodes.ClaimUnverified);
        Assert.Equal(AuditSeverity.Info, f.Severity);
        Assert.DoesNotContain(audited[1].Flags, f => f.Code is AuditCodes.ClaimUnverified or AuditCodes.ClaimContradiction);
    }

    [Fact]
    public void AWholeDocumentClaimInASummaryCoversEveryTarget()
    {
        var doc = new AuditDoc("总体来看,全市上下攻坚克难,全面完成年度各项目标任务。" + Body);

        var audited = Auditor.Default.Audit(doc.Text, Records(doc)).Records;

        Assert.Equal(AuditSeverity.Warning, Assert.Single(Claims(audited[0])).Severity);
        Assert.Single(Claims(audited[3]));
        Assert.Empty(Claims(audited[1]));
    }

    [Fact]
    public void AWholeDocumentClaimWordInAnItemWithFiguresCoversOnlyThatItem()
    {
        var doc = new AuditDoc(Body + "7.开展专项整治。全年排查隐患120处,整改110处,全面完成整治任务。\n");

        var audited = Auditor.Default.Audit(doc.Text, Records(doc)).Records;

        Assert.DoesNotContain(audited.SelectMany(r => r.Flags), f => f.Code == AuditCodes.ClaimContradiction);
    }
}
