using System.Text.Json;
using GovTextExtract.Evaluation;
using GovTextExtract.Lexicons;
using GovTextExtract.Tests.CrossYear;
using GovTextExtract.Tests.Evaluation;

namespace GovTextExtract.Tests.WorkReports;

/// <summary>A work report read alone gives the records of its main targets; a circular, even one about a work
/// report's targets, is read as a circular.</summary>
public sealed class WorkReportExtractionTests
{
    public static TheoryData<string, bool> Examples()
    {
        using var doc = JsonDocument.Parse(LexiconSet.ReadEmbedded("cross-year.json"));
        var data = new TheoryData<string, bool>();
        foreach (var e in doc.RootElement.GetProperty("work_report").GetProperty("examples").EnumerateArray())
            data.Add(e.GetProperty("text").GetString()!, e.GetProperty("work_report").GetBoolean());
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_lexicon_examples_read_as_they_say(string text, bool workReport) =>
        Assert.Equal(workReport ? DocumentKind.WorkReport : DocumentKind.Circular, GovText.ExtractText(text).Kind);

    [Theory]
    [MemberData(nameof(Pairing.Ml.GoldExtraTests.Files), MemberType = typeof(Pairing.Ml.GoldExtraTests))]
    public void Extracting_a_work_report_gives_its_hand_checked_main_targets(string file)
    {
        var gold = GoldFile.Load(Path.Combine(GoldFileTests.RepoRoot(), "corpus", "gold-extra", file));
        var result = GovText.ExtractFile(Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw", gold.Document!));
        Assert.Equal(DocumentKind.WorkReport, result.Kind);
        Assert.All(result.Records, r => Assert.Null(r.Actual));
        var score = Scorer.Score(gold.Records, result.Records).Score;
        Assert.True(score.Recall == 1.0 && score.Precision == 1.0, $"{file}: P {score.Precision:0.000} R {score.Recall:0.000}");
    }

    [Fact]
    public void The_circular_reads_as_a_circular()
    {
        var result = GovText.ExtractFile(Path.Combine(GoldFileTests.RepoRoot(), "corpus", "xianning-2019-completion.txt"));
        Assert.Equal(DocumentKind.Circular, result.Kind);
    }

    [Fact]
    public void Auditing_a_work_report_read_alone_finds_no_gaps()
    {
        // Its targets are reported on in the next year's report: a target without an actual is no gap here.
        var result = GovText.ExtractFile(Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw", "anhui-2025.txt"));
        Assert.NotEmpty(result.Records);
        var report = GovTextExtract.Audit.Auditor.Default.Audit(result);
        Assert.DoesNotContain(report.AllFlags, f => f.Code == GovTextExtract.Audit.AuditCodes.NotReported);
        // The same records audited as text of a circular are flagged, one flag a target.
        var asText = GovTextExtract.Audit.Auditor.Default.Audit(result.SourceText, result.Records);
        Assert.Equal(result.Records.Count, asText.AllFlags.Count(f => f.Code == GovTextExtract.Audit.AuditCodes.NotReported));
    }
}
