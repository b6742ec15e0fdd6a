using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using GovTextExtract.Audit;
using GovTextExtract.Output;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Audit;

public sealed class XlsxAuditWorkbookTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govtext-xlsx-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Two documents: the first with an error, a warning and a clean record; the second with an info flag and a
    /// document finding, and text XML cannot hold (a control character, an emoji, a lone surrogate).</summary>
    private static IReadOnlyList<AuditReport> Reports()
    {
        var a = new AuditDoc("今年以来,地区生产总值增长等指标完成年度目标任务。\n全年地区生产总值增长6.2%(目标6.5%)。\n" +
                             "1.经营主体达到8万户。全市共有经营主体9户。\n2.新建口袋公园40个。全年新建口袋公园46个。\n");
        var first = Auditor.Default.Audit(a.Text,
        [
            a.Record("地区生产总值增长", "6.5%", 6.5m, "6.2%", 6.2m, CompletionStatus.NotMet, unit: "%", from: "\n"),
            a.Record("经营主体", "8万户", 80000m, "9户", 9m, CompletionStatus.Unknown, unit: "户", from: "1."),
            a.Record("新建口袋公园", "40个", 40m, "46个", 46m, CompletionStatus.Exceeded, unit: "个", from: "2."),
        ], "a.txt");
        var b = new AuditDoc("3.新建绿道\u000130公里😀。预计全年新建绿道32公里。\n(四)40个重点项目中15个已竣工,20个正在建设,8个完成前期工作。\n");
        var second = Auditor.Default.Audit(b.Text,
        [
            b.Record("新建绿道\u0001\uD800", "30公里", 30m, "32公里", 32m, CompletionStatus.Exceeded, unit: "公里", estimate: true),
        ], "b.txt");
        return [first, second];
    }

    private static MemoryStream Written(IReadOnlyList<AuditFailure>? failures = null)
    {
        var stream = new MemoryStream();
        XlsxAuditWorkbook.Write(stream, Reports(), failures);
        stream.Position = 0;
        return stream;
    }

    private static (WorkbookPart Book, Dictionary<string, Worksheet> Sheets) Open(SpreadsheetDocument doc)
    {
        var book = doc.WorkbookPart!;
        var sheets = book.Workbook.Sheets!.Elements<Sheet>()
            .ToDictionary(s => s.Name!.Value!, s => ((WorksheetPart)book.GetPartById(s.Id!)).Worksheet);
        return (book, sheets);
    }

    private static string CellText(Cell c) => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "";

    private static List<List<string>> Rows(Worksheet sheet) =>
        sheet.GetFirstChild<SheetData>()!.Elements<Row>().Select(r => r.Elements<Cell>().Select(CellText).ToList()).ToList();

    [Fact]
    public void TheWorkbookIsValidOfficeOpenXml()
    {
        using var stream = Written([new AuditFailure("bad.txt", "empty: the document holds no text")]);
        using var doc = SpreadsheetDocument.Open(stream, false);

        var errors = new OpenXmlValidator().Validate(doc).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
    }

    [Fact]
    public void RecordsHaveOneRowEachAndFlaggedRowsAreFilledByTheirWorstSeverity()
    {
        using var stream = Written();
        using var doc = SpreadsheetDocument.Open(stream, false);
        var (book, sheets) = Open(doc);
        var rows = sheets["Records"].GetFirstChild<SheetData>()!.Elements<Row>().ToList();

        Assert.Equal(1 + 4, rows.Count);   // header and four records
        string? Fill(Row row)
        {
            var style = row.Elements<Cell>().First().StyleIndex?.Value ?? 0;
            var format = book.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)style);
            var fill = book.WorkbookStylesPart.Stylesheet.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value);
            return fill.PatternFill?.PatternType?.Value == PatternValues.Solid ? fill.PatternFill.ForegroundColor?.Rgb?.Value : null;
        }
        Assert.Equal("FFFFC7CE", Fill(rows[1]));   // claim_contradiction: error
        Assert.Equal("FFFFEB9C", Fill(rows[2]));   // unit_suspect: warning
        Assert.Null(Fill(rows[3]));                // no flag
        Assert.Equal("FFDDEBF7", Fill(rows[4]));   // estimate: info
        var header = Rows(sheets["Records"])[0];
        var cells = Rows(sheets["Records"])[1];
        Assert.Equal("a.txt", cells[0]);
        Assert.Equal("地区生产总值增长", cells[1]);
        Assert.Equal("6.2", cells[header.FindIndex(h => h.Contains("actual value", StringComparison.Ordinal))]);
        Assert.Equal("not_met", cells[header.FindIndex(h => h.Contains("status", StringComparison.Ordinal))]);
        Assert.Equal("error", cells[header.FindIndex(h => h.Contains("worst severity", StringComparison.Ordinal))]);
        Assert.Equal("全年地区生产总值增长6.2%(目标6.5%)。", cells[header.FindIndex(h => h.Contains("evidence sentence", StringComparison.Ordinal))]);
    }

    [Fact]
    public void EverySheetFreezesItsHeaderAndTheListsHaveAnAutofilter()
    {
        using var stream = Written([new AuditFailure("bad.txt", "empty")]);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var (_, sheets) = Open(doc);

        Assert.Equal(["Records", "Flags", "Summary", "Failures"], sheets.Keys);
        foreach (var sheet in sheets.Values)
        {
            var pane = sheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.GetFirstChild<Pane>()!;
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
        }
        Assert.Equal("A1:V5", sheets["Records"].GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.NotNull(sheets["Flags"].GetFirstChild<AutoFilter>());
    }

    [Fact]
    public void FlagsAndSummaryCountWhatTheReportsHold()
    {
        using var stream = Written();
        using var doc = SpreadsheetDocument.Open(stream, false);
        var (_, sheets) = Open(doc);

        var flags = Rows(sheets["Flags"]).Skip(1).ToList();
        var expected = Reports().Sum(r => r.AllFlags.Count());
        Assert.Equal(expected, flags.Count);
        Assert.Contains(flags, f => f[0] == "b.txt" && f[1] == "" && f[2] == AuditCodes.PartsSum);   // the document finding
        var summary = Rows(sheets["Summary"]);
        var header = summary[0];
        var a = summary[1];
        Assert.Equal("a.txt", a[0]);
        Assert.Equal("3", a[header.IndexOf("记录 records")]);
        Assert.Equal("1", a[header.IndexOf("状态 not_met")]);
        Assert.Equal("1", a[header.IndexOf("状态 exceeded")]);
        Assert.Equal("1", a[header.IndexOf("状态 unknown")]);
        Assert.Equal("1", a[header.IndexOf(AuditCodes.ClaimContradiction)]);
        Assert.Equal("1", a[header.IndexOf(AuditCodes.UnitSuspect)]);
        Assert.Equal("合计 total", summary[^1][0]);
        Assert.Equal("4", summary[^1][header.IndexOf("记录 records")]);
    }

    [Fact]
    public void SavingReplacesTheFileInOneMoveAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_dir, "audit.xlsx");
        File.WriteAllText(path, "old");

        XlsxAuditWorkbook.Save(path, Reports());

        Assert.Equal([path], Directory.GetFiles(_dir));
        using var doc = SpreadsheetDocument.Open(path, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
    }

    [Fact]
    public void SavingIntoAMissingFolderFailsAndWritesNothing()
    {
        var path = Path.Combine(_dir, "no-such-folder", "audit.xlsx");

        var e = Assert.Throws<DirectoryNotFoundException>(() => XlsxAuditWorkbook.Save(path, Reports()));

        Assert.Contains("no-such-folder", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void ColumnsAreNamedLikeSpreadsheetColumns(int index, string name) =>
        Assert.Equal(name, XlsxAuditWorkbook.ColumnName(index));
}
