using System.Collections.Concurrent;
using GovTextExtract.Audit;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Audit;

public sealed class CoverageTests
{
    private const string Text = "1.建设城市绿道50公里。持续推进城市绿化工作。\n" +
                                "2.新增城镇就业2万人。1-11月,全市城镇新增就业1.8万人。\n" +
                                "3.地区生产总值增长6%。预计全年增长6.3%。\n" +
                                "4.新建口袋公园40个。全年新建口袋公园46个。\n";

    private static CompletionRecord[] Records(AuditDoc doc) =>
    [
        doc.Record("建设城市绿道", "50公里", 50m, null, null, CompletionStatus.Unknown, unit: "公里", from: "1."),
        doc.Record("新增城镇就业", "2万人", 20000m, "1.8万人", 18000m, CompletionStatus.Pending, unit: "人", from: "2.", period: "1-11月"),
        doc.Record("地区生产总值增长", "6%", 6m, "6.3%", 6.3m, CompletionStatus.Exceeded, unit: "%", from: "3.", estimate: true),
        doc.Record("新建口袋公园", "40个", 40m, "46个", 46m, CompletionStatus.Exceeded, unit: "个", from: "4."),
    ];

    [Fact]
    public void ATargetNobodyReportsOnIsFlaggedAtTheTarget()
    {
        var doc = new AuditDoc(Text);

        var audited = Auditor.Default.Audit(doc.Text, Records(doc)).Records;

        var f = Assert.Single(audited[0].Flags);
        Assert.Equal(AuditCodes.NotReported, f.Code);
        Assert.Equal(AuditSeverity.Warning, f.Severity);
        Assert.Equal([doc.Span("50公里")], f.Evidence);
        Assert.Contains("建设城市绿道", f.MessageZh, StringComparison.Ordinal);
        Assert.DoesNotContain(audited.Skip(1).SelectMany(r => r.Flags), g => g.Code == AuditCodes.NotReported);
    }

    [Fact]
    public void APartialPeriodAndAnEstimateAreNotedWithTheirWords()
    {
        var doc = new AuditDoc(Text);

        var audited = Auditor.Default.Audit(doc.Text, Records(doc)).Records;

        var period = Assert.Single(audited[1].Flags);
        Assert.Equal(AuditCodes.PartialPeriod, period.Code);
        Assert.Contains("1-11月", period.Message, StringComparison.Ordinal);
        Assert.Equal([doc.Span("1-11月"), doc.Span("1.8万人")], period.Evidence);
        var estimate = Assert.Single(audited[2].Flags);
        Assert.Equal(AuditCodes.Estimate, estimate.Code);
        Assert.Equal([doc.Span("预计"), doc.Span("6.3%")], estimate.Evidence);
        Assert.Empty(audited[3].Flags);
    }

    [Fact]
    public void EveryFlagExplainsItselfInChineseAndEnglish()
    {
        var doc = new AuditDoc(Text);

        var flags = Auditor.Default.Audit(doc.Text, Records(doc)).AllFlags.ToArray();

        Assert.NotEmpty(flags);
        Assert.All(flags, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.MessageZh));
            Assert.Equal(f.Message, f.MessageEn);
            Assert.Contains(f.Severity, new[] { AuditSeverity.Info, AuditSeverity.Warning, AuditSeverity.Error });
            Assert.NotEmpty(f.Evidence);
        });
    }

    [Fact]
    public void FlagsOfOtherStagesAreKeptAndRecomputedOnesReplaced()
    {
        var doc = new AuditDoc(Text);
        var records = Records(doc);
        records[3] = records[3] with
        {
            Flags =
            [
                new AuditFlag("reviewer_note", "info", "checked by hand"),
                new AuditFlag(AuditCodes.NotReported, "warning", "stale: an actual was found since"),
            ],
        };

        var flags = Auditor.Default.Audit(doc.Text, records).Records[3].Flags;

        var kept = Assert.Single(flags);
        Assert.Equal("reviewer_note", kept.Code);
        Assert.Null(kept.MessageZh);
    }

    [Fact]
    public void AuditingAuditedRecordsAgainGivesTheSameFlags()
    {
        var doc = new AuditDoc(ClaimText);
        var once = Auditor.Default.Audit(doc.Text, ClaimRecords(doc));

        var twice = Auditor.Default.Audit(doc.Text, once.Records);

        Assert.Equal(Describe(once), Describe(twice));
        Assert.Contains(AuditCodes.ClaimContradiction, Describe(once), StringComparison.Ordinal);
    }

    [Fact]
    public void OneAuditorServesManyThreadsAtOnce()
    {
        var doc = new AuditDoc(ClaimText);
        var expected = Describe(Auditor.Default.Audit(doc.Text, ClaimRecords(doc)));
        var results = new ConcurrentBag<string>();

        Parallel.For(0, 16, _ => results.Add(Describe(Auditor.Default.Audit(doc.Text, ClaimRecords(doc)))));

        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void TheThreeArgumentFlagConstructorStillWorks()
    {
        var f = new AuditFlag("estimate", "info", "expected figure");

        Assert.Equal("expected figure", f.MessageEn);
        Assert.Empty(f.Evidence);
        Assert.Null(f.MessageZh);
    }

    private const string ClaimText = "全年地区生产总值增长等指标完成年度目标任务。\n全年地区生产总值增长5.1%(目标6%)。\n";

    private static CompletionRecord[] ClaimRecords(AuditDoc doc) =>
        [doc.Record("地区生产总值增长", "6%", 6m, "5.1%", 5.1m, CompletionStatus.NotMet, unit: "%", from: "\n")];

    private static string Describe(AuditReport report) =>
        string.Join("\n", report.Records.SelectMany(r => r.Flags).Concat(report.DocumentFlags)
            .Select(f => $"{f.Code}|{f.Severity}|{f.Message}|{f.MessageZh}|{string.Join(",", f.Evidence)}"));
}
