using GovTextExtract.Audit;
using GovTextExtract.Output;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Tests.Audit;

/// <summary>Records from elsewhere (hand-made, from another version, from a bug) may hold anything: the auditor and
/// the workbook take them without an exception.</summary>
public sealed class AuditRobustnessTests
{
    private const string Text = "1.新建口袋公园40个。全年新建口袋公园46个,完成年度目标任务的115%。";

    public static TheoryData<string> Cases() => new("huge", "zero", "negative", "outside", "empty");

    private static CompletionRecord Odd(string kind) => kind switch
    {
        // 10^27 of a target of 10^-6: the rate overflows decimal.
        "huge" => new CompletionRecord
        {
            Indicator = "x",
            Target = new TargetValue { Text = "0.000001个", Value = 0.000001m, Unit = "个" },
            Actual = new ActualValue { Text = "1000000000000000000000000000个", Value = 1_000_000_000_000_000_000_000_000_000m, Unit = "个" },
            ReportedRate = 115m,
        },
        "zero" => new CompletionRecord
        {
            Indicator = "x",
            Target = new TargetValue { Text = "0个", Value = 0m, Unit = "个" },
            Actual = new ActualValue { Text = "46个", Value = 46m, Unit = "个" },
            ReportedRate = 115m,
        },
        "negative" => new CompletionRecord
        {
            Indicator = "x",
            Target = new TargetValue { Text = "-40个", Value = -40m, Unit = "个" },
            Actual = new ActualValue { Text = "-46个", Value = -46m, Unit = "个" },
            ReportedRate = -115m,
        },
        "outside" => new CompletionRecord
        {
            Indicator = "x",
            Target = new TargetValue { Text = "40个", Value = 40m, Unit = "个" },
            Actual = new ActualValue { Text = "46个 + 2个", Value = 48m, Unit = "个" },
            Evidence = new RecordEvidence { Target = new SourceSpan(-5, 3), Actual = new SourceSpan(30, 5000), Rate = new SourceSpan(9999, 2) },
        },
        _ => new CompletionRecord { Indicator = "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OddRecordsAreAuditedAndWrittenWithoutAnException(string kind)
    {
        var report = Auditor.Default.Audit(Text, [Odd(kind)]);

        using var stream = new MemoryStream();
        XlsxAuditWorkbook.Write(stream, [report]);
        Assert.Single(report.Records);
        Assert.True(stream.Length > 0);
    }

    [Fact]
    public void AnEmptyTextWithNoRecordsGivesAnEmptyReport()
    {
        var report = Auditor.Default.Audit("", []);

        Assert.Empty(report.Records);
        Assert.Empty(report.DocumentFlags);
    }
}
