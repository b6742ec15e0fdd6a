using GovTextExtract.Audit;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Audit;

public sealed class UnitSuspectTests
{
    private static AuditFlag[] Flags(AuditDoc doc, CompletionRecord r) =>
        Auditor.Default.Audit(doc.Text, [r]).Records[0].Flags.Where(f => f.Code == AuditCodes.UnitSuspect).ToArray();

    [Fact]
    public void AnActualFarBelowItsTargetSuggestsTheLostMultiplier()
    {
        // 9 / 80000 = 0.01125% of the target; with 万, 9万户 is 112.5% of it.
        var doc = new AuditDoc("6.经营主体总量达到8万户以上。截至年底,全市共有经营主体9户,同比增长12%。");
        var r = doc.Record("经营主体总量", "8万户", 80000m, "9户", 9m, CompletionStatus.NotMet, unit: "户");

        var f = Assert.Single(Flags(doc, r));

        Assert.Equal(AuditSeverity.Warning, f.Severity);
        Assert.Contains("0.011%", f.Message, StringComparison.Ordinal);
        Assert.Contains("9万户", f.Message, StringComparison.Ordinal);
        Assert.Contains("112.5%", f.Message, StringComparison.Ordinal);
        Assert.Contains("万", f.MessageZh, StringComparison.Ordinal);
        Assert.Equal([doc.Span("8万户"), doc.Span("9户")], f.Evidence);
    }

    [Fact]
    public void AnActualFarAboveItsTargetSuggestsTheTargetLostAMultiplier()
    {
        // 52000 / 5 = 10400 times the target; against 5万人 the actual would be 104%.
        var doc = new AuditDoc("7.新增城镇就业5人。全年城镇新增就业52000人。");
        var r = doc.Record("新增城镇就业", "5人", 5m, "52000人", 52000m, CompletionStatus.Exceeded, unit: "人");

        var f = Assert.Single(Flags(doc, r));

        Assert.Contains("5万人", f.Message, StringComparison.Ordinal);
        Assert.Contains("104%", f.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9万户", 90000)]     // 112.5%: plausible
    [InlineData("900户", 900)]       // 1.125%: low, but inside 1/100
    public void AnActualWithinAHundredfoldOfItsTargetIsNotSuspect(string actual, int value)
    {
        var doc = new AuditDoc($"6.经营主体总量达到8万户以上。截至年底,全市共有经营主体{actual},同比增长12%。");
        var r = doc.Record("经营主体总量", "8万户", 80000m, actual, value, CompletionStatus.Exceeded, unit: "户");

        Assert.Empty(Flags(doc, r));
    }

    [Fact]
    public void PercentagesAreNotComparedByMagnitude()
    {
        // A growth of 0.05% against a target of 6% is a shortfall, not a lost unit.
        var doc = new AuditDoc("全年地区生产总值增长0.05%(目标6%)。");
        var r = doc.Record("地区生产总值增长", "6%", 6m, "0.05%", 0.05m, CompletionStatus.NotMet, unit: "%");

        Assert.Empty(Flags(doc, r));
    }

    [Fact]
    public void AnActualWrittenWithoutAUnitIsNoted()
    {
        // The source lost 个 after 12; the unit was taken from the target.
        var doc = new AuditDoc("8.新建口袋公园10个。全年新建口袋公园12,覆盖主城区。");
        var r = doc.Record("新建口袋公园", "10个", 10m, "12", 12m, CompletionStatus.Exceeded, unit: "个");

        var f = Assert.Single(Flags(doc, r));

        Assert.Equal(AuditSeverity.Info, f.Severity);
        Assert.Contains("no unit", f.Message, StringComparison.Ordinal);
        Assert.Equal([doc.Span("12", doc.Span("全年").Start)], f.Evidence);
    }

    [Fact]
    public void ATargetWrittenWithoutAUnitIsNoted()
    {
        var doc = new AuditDoc("9.创建示范街区3。全年创建示范街区4个。");
        var r = doc.Record("创建示范街区", "3", 3m, "4个", 4m, CompletionStatus.Exceeded, targetUnit: null, actualUnit: "个");

        var f = Assert.Single(Flags(doc, r));

        Assert.Contains("target", f.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiguresWithTheirUnitsAreNotNoted()
    {
        var doc = new AuditDoc("8.新建口袋公园10个。全年新建口袋公园12个,覆盖主城区。");
        var r = doc.Record("新建口袋公园", "10个", 10m, "12个", 12m, CompletionStatus.Exceeded, unit: "个");

        Assert.Empty(Flags(doc, r));
    }
}
