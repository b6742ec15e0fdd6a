using GovTextExtract.Cli;
using GovTextExtract.Output;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Hostile;

/// <summary>Issue 17, row 12: a CSV text cell a spreadsheet would run as a formula is made inert with a leading '.</summary>
public sealed class CsvInjectionTests : HostileTestBase
{
    private static readonly CompletionRecord Record = new()
    {
        Indicator = "=HYPERLINK(\"http://x\",\"y\")",
        Target = new TargetValue { Text = "-26.8%", Value = -26.8m, Unit = "%", Bound = BoundKind.AtLeast },
        Actual = new ActualValue { Text = "@SUM(A1)", Value = -30.5m, Unit = "+%" },
        ComputedRate = -113.8m,
        Status = CompletionStatus.Exceeded,
        Confidence = 0.5,
        Note = "\tcmd",
    };

    private static string[] Row(string csv) => csv.Split("\r\n")[1].Split(',');

    [Fact]
    public void Text_cells_that_start_a_formula_get_a_quote_and_numbers_stay_numbers()
    {
        var w = new StringWriter();

        new RecordCsvWriter(w, "document").Write(Record, "+1 report.txt");

        var row = Row(w.ToString());
        var columns = new[] { "document" }.Concat(RecordCsvWriter.RecordColumns).ToList();
        string Cell(string name) => row[columns.IndexOf(name)];
        Assert.Equal("'+1 report.txt", Cell("document"));
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\"", Cell("indicator"));   // quoted by RFC 4180, the comma splits it here
        Assert.Contains("'-26.8%", w.ToString(), StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", w.ToString(), StringComparison.Ordinal);
        Assert.Contains("'+%", w.ToString(), StringComparison.Ordinal);
        Assert.Contains(",'\tcmd,", w.ToString(), StringComparison.Ordinal);
        // Numeric columns are never touched.
        Assert.Contains(",-26.8,", w.ToString(), StringComparison.Ordinal);
        Assert.Contains(",-30.5,", w.ToString(), StringComparison.Ordinal);
        Assert.Contains(",-113.8,", w.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Neutralising_can_be_turned_off()
    {
        var w = new StringWriter();

        new RecordCsvWriter(w, "document") { NeutralizeFormulas = false }.Write(Record, "+1 report.txt");

        Assert.StartsWith("+1 report.txt,\"=HYPERLINK(", w.ToString().Split("\r\n")[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@x", "'@x")]
    [InlineData("\r", "'\r")]
    [InlineData("完成=1", "完成=1")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Inert(string? field, string? expected) => Assert.Equal(expected, RecordCsvWriter.Inert(field));

    [Fact]
    public void A_document_named_like_a_formula_is_inert_in_extract_and_batch_csv()
    {
        var input = Write("in/=cmd.txt", OneRecord);

        var (code, stdout, _) = Run("extract", input, "--format", "csv");
        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("'=cmd.txt,", stdout.Split("\r\n")[1], StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, Run("batch", P("in"), "--out", P("out.csv"), "--progress", "none").Code);
        var rows = File.ReadAllText(P("out.csv")).Split("\r\n");
        Assert.StartsWith("'=cmd.txt,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",612,", rows[1], StringComparison.Ordinal);
    }
}
