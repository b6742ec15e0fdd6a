using GovTextExtract.Audit;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Audit;

public sealed class RateMismatchTests
{
    private static IReadOnlyList<AuditFlag> Flags(AuditDoc doc, CompletionRecord record) =>
        Auditor.Default.Audit(doc.Text, [record]).Records[0].Flags.Where(f => f.Code == AuditCodes.RateMismatch).ToArray();

    [Fact]
    public void AWholePercentStandsForAnyRateThatRoundsToIt()
    {
        // 546.2 / 500 = 109.24%, which a document may write as 109%.
        var doc = new AuditDoc("1.全年招商到位资金500亿元。全年到位资金546.2亿元,完成年度目标任务的109%。");
        var r = doc.Record("招商到位资金", "500亿元", 50_000_000_000m, "546.2亿元", 54_620_000_000m, CompletionStatus.Exceeded,
            unit: "元", rate: 109m, rateText: "109%");

        Assert.Empty(Flags(doc, r));
    }

    [Fact]
    public void AQuotientExactlyHalfAUnitBelowTheStatedRateRoundsUpToIt()
    {
        // 2310 / 2400 = 96.25%, which rounds half up to 96.3%.
        var doc = new AuditDoc("4.棚户区改造新开工任务2400套。已新开工2310套,开工率96.3%。");
        var r = doc.Record("棚户区改造新开工", "2400套", 2400m, "2310套", 2310m, CompletionStatus.NotMet, unit: "套",
            rate: 96.3m, rateText: "96.3%");

        Assert.Empty(Flags(doc, r));
    }

    [Fact]
    public void ATwoDecimalRateMatchesWhenItRoundsTheQuotient()
    {
        // 29163 / 24000 = 121.5125%, written 121.51%.
        var doc = new AuditDoc("2.新建公共厕所24000座。全年新建公共厕所29163座,占年度计划任务的121.51%。");
        var r = doc.Record("新建公共厕所", "24000座", 24000m, "29163座", 29163m, CompletionStatus.Exceeded, unit: "座",
            rate: 121.51m, rateText: "121.51%");

        Assert.Empty(Flags(doc, r));
    }

    [Fact]
    public void ATrailingZeroRateMatchesTheQuotientRoundedToTwoDecimals()
    {
        // 217300 / 160000 = 135.8125%, written 135.81%; 1358/1000 = 135.80% exactly, written with its zero.
        var doc = new AuditDoc("3.完成植树造林160000亩、新建绿道1000公里。全年完成植树造林217300亩,占年度计划任务的135.81%;" +
                               "新建绿道1358公里,占年度计划任务的135.80%。");
        var trees = doc.Record("植树造林", "160000亩", 160000m, "217300亩", 217300m, CompletionStatus.Exceeded, unit: "亩",
            rate: 135.81m, rateText: "135.81%");
        var paths = doc.Record("新建绿道", "1000公里", 1000m, "1358公里", 1358m, CompletionStatus.Exceeded, unit: "公里",
            rate: 135.80m, rateText: "135.80%");

        var audited = Auditor.Default.Audit(doc.Text, [trees, paths]).Records;

        Assert.DoesNotContain(audited.SelectMany(r => r.Flags), f => f.Code == AuditCodes.RateMismatch);
    }

    [Fact]
    public void TheFiguresOwnRoundingWidensWhatARateMayBe()
    {
        // 31.47万 / 24.6万: the target is written to 0.1万 (245500..246500) and the actual to 0.01万 (314650..314750),
        // so the rate lies within 127.65%..128.21%; 127.90% is possible although 314700 / 246000 = 127.93%.
        var rounded = new AuditDoc("3.完成植树造林24.6万亩。全年完成植树造林31.47万亩,占年度计划任务的127.90%。");
        var r1 = rounded.Record("植树造林", "24.6万亩", 246_000m, "31.47万亩", 314_700m, CompletionStatus.Exceeded, unit: "亩",
            rate: 127.90m, rateText: "127.90%");
        // Written out in full, the same figures are exact, and 127.90% is not 127.93%.
        var exact = new AuditDoc("3.完成植树造林246000亩。全年完成植树造林314700亩,占年度计划任务的127.90%。");
        var r2 = exact.Record("植树造林", "246000亩", 246_000m, "314700亩", 314_700m, CompletionStatus.Exceeded, unit: "亩",
            rate: 127.90m, rateText: "127.90%");

        Assert.Empty(Flags(rounded, r1));
        var f = Assert.Single(Flags(exact, r2));
        Assert.Contains("127.93%", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AStatedRateTheFiguresDoNotGiveIsFlaggedWithBothNumbers()
    {
        // 14520 / 12000 = 121%, but the document states 112%.
        var doc = new AuditDoc("4.新增经营主体12000户。全年新增经营主体14520户,完成年度目标任务的112%。");
        var r = doc.Record("新增经营主体", "12000户", 12000m, "14520户", 14520m, CompletionStatus.Exceeded, unit: "户",
            rate: 112m, rateText: "112%");

        var f = Assert.Single(Flags(doc, r));
        Assert.Equal(AuditSeverity.Warning, f.Severity);   // both say the target was exceeded
        Assert.Contains("112%", f.Message, StringComparison.Ordinal);
        Assert.Contains("121%", f.Message, StringComparison.Ordinal);
        Assert.Contains("112%", f.MessageZh, StringComparison.Ordinal);
        Assert.Contains("121%", f.MessageZh, StringComparison.Ordinal);
        Assert.Contains(doc.Span("112%"), f.Evidence);
        Assert.Contains(doc.Span("14520户"), f.Evidence);
        Assert.Contains(doc.Span("12000户"), f.Evidence);
    }

    [Fact]
    public void ARateOnTheOtherSideOfTheTargetIsAnError()
    {
        // 1050 / 1000 = 105%; the document says 95%, i.e. that the target was missed.
        var doc = new AuditDoc("5.改造老旧小区1000个。全年改造老旧小区1050个,完成年度计划的95%。");
        var r = doc.Record("改造老旧小区", "1000个", 1000m, "1050个", 1050m, CompletionStatus.Exceeded, unit: "个",
            rate: 95m, rateText: "95%");

        Assert.Equal(AuditSeverity.Error, Assert.Single(Flags(doc, r)).Severity);
    }

    [Fact]
    public void ARecordWithoutATargetFigureHasNoRateToCheck()
    {
        var doc = new AuditDoc("6.全年新开工保障性住房2300套,占目标任务100%。");
        var r = doc.Record("新开工保障性住房", null, null, "2300套", 2300m, CompletionStatus.Met, unit: "套", rate: 100m, rateText: "100%");

        Assert.Empty(Flags(doc, r));
    }

    [Fact]
    public void ThePairersFlagOfTheSameCodeIsReplaced()
    {
        var doc = new AuditDoc("7.新增经营主体12000户。全年新增经营主体14520户,完成年度目标任务的121%。");
        var r = doc.Record("新增经营主体", "12000户", 12000m, "14520户", 14520m, CompletionStatus.Exceeded, unit: "户",
            rate: 121m, rateText: "121%") with { Flags = [new AuditFlag(AuditCodes.RateMismatch, "warning", "an older opinion")] };

        Assert.Empty(Flags(doc, r));
    }
}
