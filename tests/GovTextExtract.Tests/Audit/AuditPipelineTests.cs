using GovTextExtract.Audit;

namespace GovTextExtract.Tests.Audit;

/// <summary>The pipeline audits what it pairs: records of <see cref="GovText.ExtractText"/> carry the auditor's flags.</summary>
public sealed class AuditPipelineTests
{
    [Fact]
    public void ExtractedRecordsCarryTheAuditorsFlags()
    {
        const string text = "关于2023年重点工作完成情况的通报\n" +
                            "今年以来,地区生产总值增长、新增城镇就业等指标完成年度目标任务。\n" +
                            "一、主要指标完成情况\n" +
                            "全年地区生产总值增长6.2%(目标6.5%)。\n" +
                            "1.新增城镇就业2.5万人。全年城镇新增就业2.61万人。\n" +
                            "2.新增经营主体12000户。全年新增经营主体14520户,完成年度目标任务的112%。\n";

        var records = GovText.ExtractText(text).Records;

        var gdp = Assert.Single(records, r => r.Indicator.Contains("地区生产总值", StringComparison.Ordinal));
        Assert.Contains(gdp.Flags, f => f.Code == AuditCodes.ClaimContradiction && f.MessageZh is not null);
        var jobs = Assert.Single(records, r => r.Indicator.Contains("就业", StringComparison.Ordinal));
        Assert.DoesNotContain(jobs.Flags, f => f.Code == AuditCodes.ClaimContradiction);
        var entities = Assert.Single(records, r => r.Indicator.Contains("经营主体", StringComparison.Ordinal));
        Assert.Contains(entities.Flags, f => f.Code == AuditCodes.RateMismatch);
        // Evidence offsets point into the text as given.
        var f = gdp.Flags.Single(f => f.Code == AuditCodes.ClaimContradiction);
        Assert.Contains(f.Evidence, s => text.Substring(s.Start, s.Length) == "6.2%");
    }
}
