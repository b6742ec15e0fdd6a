using GovTextExtract.Audit;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Audit;

/// <summary>The real completion circular of the corpus. Expected flags come from reading it: its opening paragraph lists
/// 一般公共预算收入增长 and 工业投资增长 among indicators that "完成年度目标任务", while its figures give 3.6% against 9% and
/// 10.7% against 12%; it reports 23户 of 市场主体 against a target of 21万户; 13+70+5 projects of "80个"; 1+8 enterprises
/// by level against 12; and no figure for 500公里 of roads or the total of 240 high-tech enterprises. Every rate it
/// states is right.</summary>
public sealed class CircularAuditTests
{
    private static readonly Lazy<AuditReport> Report = new(() =>
        Auditor.Default.Audit(Pairing.LegacyReader.Pipeline.ExtractFile(Path.Combine(RepoRoot(), "corpus", "xianning-2019-completion.txt"))));

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovTextExtract.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("repository root (GovTextExtract.sln) not found");
    }

    private static IEnumerable<CompletionRecord> With(string code) =>
        Report.Value.Records.Where(r => r.Flags.Any(f => f.Code == code));

    [Theory]
    [InlineData("一般公共预算收入", 9, 3.6)]
    [InlineData("工业投资", 12, 10.7)]
    public void TheOpeningClaimIsContradictedByTheFiguresThatFallShort(string indicator, double target, double actual)
    {
        var r = Assert.Single(With(AuditCodes.ClaimContradiction), r => r.Indicator.StartsWith(indicator, StringComparison.Ordinal));

        Assert.Equal((decimal)target, r.Target?.Value);
        Assert.Equal((decimal)actual, r.Actual?.Value);
        var f = r.Flags.Single(f => f.Code == AuditCodes.ClaimContradiction);
        Assert.Equal(AuditSeverity.Error, f.Severity);
        // The claim stands in the opening paragraph, before the first item.
        var firstItem = Report.Value.SourceText.IndexOf("一、主要指标任务完成情况", StringComparison.Ordinal);
        Assert.Contains(f.Evidence, s => s.End < firstItem);
    }

    [Fact]
    public void TheClaimDoesNotReachIndicatorsOutsideItsList()
    {
        // 技改投资增长 stands in the first clause (ranked, not claimed) and exceeded its target anyway.
        Assert.DoesNotContain(With(AuditCodes.ClaimContradiction), r => r.Indicator.Contains("技改", StringComparison.Ordinal));
        Assert.DoesNotContain(With(AuditCodes.ClaimContradiction), r => r.Status != CompletionStatus.NotMet);
    }

    [Fact]
    public void MarketEntitiesLostTheirTenThousand()
    {
        var r = Assert.Single(With(AuditCodes.UnitSuspect), r => r.Indicator.Contains("市场主体", StringComparison.Ordinal));

        Assert.Equal(210000m, r.Target?.Value);
        Assert.Equal(23m, r.Actual?.Value);
        var f = r.Flags.Single(f => f.Code == AuditCodes.UnitSuspect && f.Severity == AuditSeverity.Warning);
        Assert.Contains("23万户", f.Message, StringComparison.Ordinal);
        Assert.Contains("109.5%", f.Message, StringComparison.Ordinal);   // 230000 / 210000
    }

    [Fact]
    public void ProjectPartsExceedTheirStatedTotalAndLevelPartsFallShortOfTheTarget()
    {
        var projects = Assert.Single(With(AuditCodes.PartsSum), r => r.Target?.Value == 88m);
        Assert.Contains(projects.Flags, f => f.Code == AuditCodes.PartsSum && f.Message.Contains("= 88个", StringComparison.Ordinal)
                                             && f.Message.Contains("80个", StringComparison.Ordinal));
        var enterprises = Assert.Single(With(AuditCodes.PartsSum), r => r.Target?.Value == 12m);
        Assert.Equal(9m, enterprises.Actual?.Value);   // 国家级 1 + 省级 8
        Assert.Contains(enterprises.Flags, f => f.Code == AuditCodes.PartsSum && f.Severity == AuditSeverity.Warning);
    }

    [Theory]
    [InlineData(500, "公里")]   // 四好农村路: only sub-kinds of road work are reported
    [InlineData(240, "家")]     // the total of high-tech enterprises
    public void TargetsNobodyReportsOnAreFlagged(int target, string unit)
    {
        Assert.Contains(With(AuditCodes.NotReported), r => r.Target?.Value == target && r.Target.Unit == unit);
    }

    [Fact]
    public void EveryStatedRateOfTheCircularIsRight()
    {
        var checkable = Report.Value.Records.Count(r => r.ReportedRate is not null && r.Target?.Value is not null && r.Actual?.Value is not null);

        // 280%, 205%, 109%, 115.58%, 135.80%, 170%, 200%, 144.06%, 86.8%, 65.2%, 98.6%: the check is not vacuous.
        Assert.True(checkable >= 8, $"only {checkable} records carry a stated rate with both figures");
        Assert.Empty(With(AuditCodes.RateMismatch));
    }
}
