using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using GovTextExtract.Cli;

namespace GovTextExtract.Tests.Audit;

public sealed class AuditCommandTests : IDisposable
{
    private const string Circular = "关于2023年重点工作完成情况的通报\n" +
                                    "今年以来,地区生产总值增长、新增城镇就业等指标完成年度目标任务。\n" +
                                    "一、主要指标完成情况\n" +
                                    "全年地区生产总值增长6.2%(目标6.5%)。\n" +
                                    "1.新增城镇就业2.5万人。全年城镇新增就业2.61万人。\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("govtext-audit-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = GovTextCli.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void AuditingAFileWritesAValidWorkbookAndSummarisesTheFlags()
    {
        var input = Write("circular.txt", Circular);
        var output = Path.Combine(_dir, "audit.xlsx");

        var (code, stdout, stderr) = Run("audit", input, "--out", output);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("", stderr);
        Assert.Contains("audited 1 document(s), 0 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("claim_contradiction", stdout, StringComparison.Ordinal);
        using var doc = SpreadsheetDocument.Open(output, false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
    }

    [Fact]
    public void AFolderRunKeepsGoingPastABadFileAndListsIt()
    {
        var folder = Path.Combine(_dir, "in");
        Write("in/a-circular.txt", Circular);
        Write("in/b-empty.txt", "");
        Write("in/c-circular.txt", Circular.Replace("6.2%", "6.6%", StringComparison.Ordinal));
        Write("in/notes.md", "not a document");
        var output = Path.Combine(_dir, "audit.xlsx");

        var (code, stdout, stderr) = Run("audit", folder, "--out", output);

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains("b-empty.txt", stderr, StringComparison.Ordinal);
        Assert.Contains("empty", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
        Assert.Contains("audited 2 document(s), 1 failed", stdout, StringComparison.Ordinal);
        Assert.Contains("failed: ", stdout, StringComparison.Ordinal);
        using var doc = SpreadsheetDocument.Open(output, false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Records", "Flags", "Summary", "Failures"], sheets);
    }

    [Fact]
    public void AMissingFileFailsWithoutWritingAWorkbook()
    {
        var output = Path.Combine(_dir, "audit.xlsx");

        var (code, _, stderr) = Run("audit", Path.Combine(_dir, "no-such.txt"), "--out", output);

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains("no-such.txt", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public void AWorkbookInAMissingFolderIsAnOutputFailure()
    {
        var input = Write("circular.txt", Circular);

        var (code, _, stderr) = Run("audit", input, "--out", Path.Combine(_dir, "nowhere", "audit.xlsx"));

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("nowhere", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheWorkbookPathIsRequired()
    {
        var input = Write("circular.txt", Circular);

        var (code, _, stderr) = Run("audit", input);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }
}
