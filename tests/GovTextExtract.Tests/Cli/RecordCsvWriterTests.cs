using GovTextExtract.Output;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Tests.Cli;

public class RecordCsvWriterTests
{
    private static readonly CompletionRecord Record = new()
    {
        Indicator = "引进项目, 含续建",
        Target = new TargetValue { Text = "达到\"3个\"", Value = 3m, Unit = "个", Bound = BoundKind.AtLeast },
        Actual = new ActualValue { Text = "8个", Value = 8m, Unit = "个" },
        ReportedRate = null,
        ComputedRate = 266.67m,
        Status = CompletionStatus.NotMet,
        Confidence = 0.75,
        Flags = [new AuditFlag("estimate", "info", "expected figure"), new AuditFlag("unit_lost", "warning", "x")],
        Note = "line one\nline two",
        Evidence = new RecordEvidence { Target = new SourceSpan(10, 3), Actual = new SourceSpan(40, 2) },
    };

    private static string[] Lines(string csv) => csv.Split("\r\n");

    [Fact]
    public void WritesABomAHeaderAndOneRowPerRecord()
    {
        var w = new StringWriter();

        new RecordCsvWriter(w, "document").WriteAll([Record, Record with { Indicator = "另一项" }], "a.txt");

        var text = w.ToString();
        Assert.StartsWith("\uFEFF", text, StringComparison.Ordinal);
        var header = text[1..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(',');
        Assert.Equal("document", header[0]);
        Assert.Equal(RecordCsvWriter.RecordColumns, header[1..]);
        Assert.Equal(1 + 2 + 1, Lines(text).Length);   // header, two rows, the empty piece after the last CRLF
    }

    [Fact]
    public void QuotesFieldsWithCommasQuotesAndLineBreaks()
    {
        var w = new StringWriter();

        new RecordCsvWriter(w, "document").Write(Record, "a.txt");

        var row = w.ToString().Split("\r\n", 2)[1];
        Assert.StartsWith("a.txt,\"引进项目, 含续建\",\"达到\"\"3个\"\"\",3,,,个,at_least,8个,8,个,", row, StringComparison.Ordinal);
        Assert.Contains(",,266.67,not_met,false,0.75,estimate;unit_lost,\"line one\nline two\",10,3,40,2,,\r\n", row, StringComparison.Ordinal);
    }

    [Fact]
    public void ADocumentWithoutRecordsStillGetsItsHeader()
    {
        var w = new StringWriter();

        new RecordCsvWriter(w, "document").WriteAll([], "a.txt");

        Assert.Equal(2, Lines(w.ToString()).Length);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void QuoteFollowsRfc4180(string? field, string expected) =>
        Assert.Equal(expected, RecordCsvWriter.Quote(field));
}
