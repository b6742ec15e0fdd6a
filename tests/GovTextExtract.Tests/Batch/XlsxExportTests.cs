using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GovTextExtract.Batch;
using GovTextExtract.Cli;

namespace GovTextExtract.Tests.Batch;

public sealed class XlsxExportTests : BatchTestBase
{
    /// <summary>Each sheet of a workbook as rows of cell texts (inline strings or numbers; null for an empty cell).</summary>
    private static Dictionary<string, List<string?[]>> ReadWorkbook(string path)
    {
        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var workbook = document.WorkbookPart!;
        var result = new Dictionary<string, List<string?[]>>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!.Value!);
            result[sheet.Name!.Value!] = part.Worksheet.Descendants<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text).ToArray())
                .ToList();
        }
        return result;
    }

    [Fact]
    public void WorkbookHasARecordsSheetAndADocumentsSheetWithTheFailures()
    {
        Write("good-a.txt", TwoRecords);
        Write("sub/good-b.txt", OneRecord);
        Write("empty.txt", "");
        var output = Path.Combine(Root, "records.xlsx");

        var (code, _, _) = Run("batch", Archive, "--out", output, "--progress", "none");

        Assert.Equal(ExitCodes.InputFailed, code);
        var sheets = ReadWorkbook(output);
        Assert.Equal(["Records", "Documents"], sheets.Keys);

        var records = sheets["Records"];
        Assert.Equal(["document", .. GovTextExtract.Output.RecordCsvWriter.RecordColumns], records[0].Select(c => c ?? "(empty)"));
        Assert.Equal(4, records.Count);   // header, two records of good-a.txt, one of sub/good-b.txt
        var header = records[0].ToList();
        var b = Assert.Single(records.Skip(1), r => r[0] == "sub/good-b.txt");
        Assert.Equal("500", b[header.IndexOf("target_value")]);
        Assert.Equal("612", b[header.IndexOf("actual_value")]);
        Assert.Equal("122.4", b[header.IndexOf("reported_rate")]);

        var documents = sheets["Documents"];
        Assert.Equal(["path", "size", "sha256", "format", "encoding", "status", "failure", "error", "record_count"],
            documents[0].Select(c => c ?? "(empty)"));
        Assert.Equal(["empty.txt", "good-a.txt", "sub/good-b.txt"], documents.Skip(1).Select(r => r[0]));
        var empty = documents[1];
        Assert.Equal("failed", empty[5]);
        Assert.Equal("empty", empty[6]);
        Assert.Equal("0", empty[8]);
        Assert.Equal("2", documents[2][8]);
    }

    [Fact]
    public void XlsxCannotGoToStandardOutput()
    {
        Write("a.txt", OneRecord);

        var (code, stdout, stderr) = Run("batch", Archive, "--out", "-", "--format", "xlsx");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(stdout);
        Assert.Contains("--format xlsx needs a file", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b,,\"c,d\",\"say \"\"hi\"\"\",\r\n", new[] { "a", "b", null, "c,d", "say \"hi\"", null })]
    [InlineData("\"line\nbreak\",x\r\n", new[] { "line\nbreak", "x" })]
    [InlineData("\"\",\r\n", new[] { "", null })]
    public void CsvRowsSplitBackIntoTheirFields(string row, string?[] fields) =>
        Assert.Equal(fields, XlsxExport.SplitCsvRow(row));
}
