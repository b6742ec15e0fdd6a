using System.Text;
using System.Text.Json;
using GovTextExtract.Cli;

namespace GovTextExtract.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govtext-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public void ExtractOnAMissingFileFailsNamingTheFile()
    {
        var path = Path.Combine(_dir, "no-such-report.txt");

        var (code, stdout, stderr) = Run("extract", path);

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Empty(stdout);
        Assert.StartsWith("govtext: ", stderr, StringComparison.Ordinal);
        Assert.Contains("no-such-report.txt", stderr, StringComparison.Ordinal);
        Assert.Contains("not found", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd().Split('\n'));   // one line, no stack trace
    }

    [Fact]
    public void ExtractOnAnEmptyFileSaysEmpty()
    {
        var path = Write("blank.txt", "");

        var (code, _, stderr) = Run("extract", path);

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains("blank.txt", stderr, StringComparison.Ordinal);
        Assert.Contains("empty", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractWritesTheDocumentNameAndARecordsArray()
    {
        var path = Write("report.txt", "全年地区生产总值增长8.1%，完成年度目标。");

        var (code, stdout, _) = Run("extract", path);

        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("report.txt", json.RootElement.GetProperty("document").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("records").ValueKind);
    }

    [Fact]
    public void QuantitiesOfATextAreOneJsonObjectALine()
    {
        var (code, stdout, _) = Run("quantities", "--text", "增长8.1%(目标8%)");

        Assert.Equal(ExitCodes.Success, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(8.1m, first.RootElement.GetProperty("value").GetDecimal());
        Assert.Equal("%", first.RootElement.GetProperty("unit").GetString());
        Assert.Equal(2, first.RootElement.GetProperty("start").GetInt32());   // 增长 precedes it
        Assert.Equal("8.1%", first.RootElement.GetProperty("text").GetString());
        Assert.Equal(8m, second.RootElement.GetProperty("value").GetDecimal());
        Assert.Equal("%", second.RootElement.GetProperty("unit").GetString());
        foreach (var key in new[] { "length", "bound", "approximate", "estimate", "period" })
            Assert.True(first.RootElement.TryGetProperty(key, out _), key);
    }

    [Fact]
    public void QuantitiesOfAFileReadTheFile()
    {
        var path = Write("q.txt", "增长8.1%(目标8%)");

        var (code, stdout, _) = Run("quantities", path);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(2, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Theory]
    [InlineData("quantities")]                                  // neither FILE nor --text
    [InlineData("quantities", "a.txt", "--text", "8%")]          // both
    [InlineData("extract")]                                     // no FILE
    [InlineData("extract", "a.txt", "--format", "xml")]
    [InlineData("pair", "a.txt")]                               // one report
    [InlineData("eval")]                                        // no --gold
    [InlineData("frobnicate")]
    public void UsageErrorsExitWithTwo(params string[] args)
    {
        var (code, stdout, stderr) = Run(args);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Empty(stdout);
        Assert.Contains("--help", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("quantities")]
    [InlineData("pair")]
    [InlineData("eval")]
    public void EveryCommandExplainsItself(string command)
    {
        var (code, stdout, _) = Run(command, "--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
        Assert.Contains("Example", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvOutputHasABomAndAHeader()
    {
        var path = Write("report.txt", "全年地区生产总值增长8.1%，完成年度目标。");

        var (code, stdout, _) = Run("extract", path, "--format", "csv");

        Assert.Equal(ExitCodes.Success, code);
        Assert.StartsWith("\uFEFFdocument,indicator,target_text,", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void OutWritesTheFileAndLeavesNoTemporaryFile()
    {
        var input = Write("report.txt", "全年地区生产总值增长8.1%。");
        var outDir = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;
        var target = Path.Combine(outDir, "records.json");
        File.WriteAllText(target, "old content");

        var (code, stdout, _) = Run("extract", input, "--out", target);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Empty(stdout);
        using var json = JsonDocument.Parse(File.ReadAllText(target));
        Assert.Equal("report.txt", json.RootElement.GetProperty("document").GetString());
        Assert.Equal([target], Directory.GetFiles(outDir));
    }

    [Fact]
    public void OutIntoAMissingFolderFailsWithTheOutputCode()
    {
        var input = Write("report.txt", "全年地区生产总值增长8.1%。");
        var target = Path.Combine(_dir, "no-such-folder", "records.json");

        var (code, _, stderr) = Run("extract", input, "--out", target);

        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Contains("records.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void PairOnAMissingReportNamesIt()
    {
        var a = Write("place-2012.txt", "2012年主要预期目标是：地区生产总值增长8%。");
        var b = Path.Combine(_dir, "place-2013.txt");

        var (code, _, stderr) = Run("pair", a, b);

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains("place-2013.txt", stderr, StringComparison.Ordinal);
    }

    private const string Report2012 = "2012年某某市政府工作报告\n2012年主要预期目标是：地区生产总值增长8%。";
    private const string Report2013 = "2013年某某市政府工作报告\n2012年，全市地区生产总值增长8.5%。";

    [Theory]
    [InlineData("same", "one document")]
    [InlineData("order", "wrong order")]
    [InlineData("place", "two places")]
    public void PairRefusesReportsThatAreNotYearNAndNPlus1OfOnePlaceUnlessForced(string kind, string reason)
    {
        var a = Write("a.txt", Report2012);
        var b = kind switch
        {
            "same" => Write("b.txt", Report2012),
            "order" => a,
            _ => Write("b.txt", Report2013.Replace("某某市", "另一县", StringComparison.Ordinal)),
        };
        if (kind == "order") a = Write("b.txt", Report2013);

        var (code, stdout, stderr) = Run("pair", a, b);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains(reason, stderr, StringComparison.Ordinal);
        Assert.Contains("--force", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);

        var (forcedCode, forced, _) = Run("pair", a, b, "--force");
        Assert.Equal(ExitCodes.Success, forcedCode);
        using var json = JsonDocument.Parse(forced);
        var records = json.RootElement.GetProperty("records").EnumerateArray().ToArray();
        // Year N+1's report read as year N's states no targets; the other two give the 2012 target.
        if (kind != "order") Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Contains(r.GetProperty("flags").EnumerateArray(), f => f.GetProperty("code").GetString() == "pair_mismatch"));
    }

    [Fact]
    public void PairTakesYearNThenYearNPlus1OfOnePlaceWithoutAFlag()
    {
        var (code, stdout, _) = Run("pair", Write("a.txt", Report2012), Write("b.txt", Report2013));

        Assert.Equal(ExitCodes.Success, code);
        Assert.DoesNotContain("pair_mismatch", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ExtractPastItsTimeBudgetFailsNamingTheFileAndTheBudget()
    {
        // Long enough to be read in parts, so the budget is checked between them.
        var text = string.Concat(Enumerable.Range(1, 9000).Select(i => $"{i}.新增就业{1000 + i}人,完成年度目标任务{900 + i}人的{100 + i % 50}%。\n"));
        var path = Write("long.txt", text);

        var (code, stdout, stderr) = Run("extract", path, "--max-seconds", "0.001");

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains("long.txt", stderr, StringComparison.Ordinal);
        Assert.Contains("time budget of 0 s", stderr, StringComparison.Ordinal);
        Assert.Equal("", stdout);
        Assert.Equal(ExitCodes.Usage, Run("extract", path, "--max-seconds", "-1").Code);
    }

    [Fact]
    public void QuantitiesPrintsASignedChangeAndAStatementOfNoChange()
    {
        var (code, stdout, _) = Run("quantities", "--text", "与上年持平，出口下降3%");

        Assert.Equal(ExitCodes.Success, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal(("no_change", 0m), (lines[0].GetProperty("kind").GetString(), lines[0].GetProperty("change").GetDecimal()));
        Assert.Equal(-3m, lines[1].GetProperty("change").GetDecimal());
    }

    [Fact]
    public void PairWritesTheCrossYearShape()
    {
        var a = Write("place-2012.txt", "2012年主要预期目标是：地区生产总值增长8%。");
        var b = Write("place-2013.txt", "2012年地区生产总值增长8.5%。");

        var (code, stdout, _) = Run("pair", a, b);

        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("cross-year", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("place-2012.txt", json.RootElement.GetProperty("target_document").GetString());
        Assert.Equal("place-2013.txt", json.RootElement.GetProperty("actual_document").GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("records").ValueKind);
    }

    [Fact]
    public void EvalEndsWithTheTotalLines()
    {
        var raw = Directory.CreateDirectory(Path.Combine(_dir, "raw")).FullName;
        var gold = Directory.CreateDirectory(Path.Combine(_dir, "gold")).FullName;
        File.WriteAllText(Path.Combine(raw, "c.txt"), "地区生产总值目标增长8%，实际增长8.1%。");
        File.WriteAllText(Path.Combine(gold, "c.json"), """
            {"document": "c.txt", "records": [
             {"indicator": "地区生产总值增长",
              "target": {"text": "8%", "value": 8, "unit": "%", "bound": "at_least"},
              "actual": {"text": "8.1%", "value": 8.1, "unit": "%"},
              "reported_rate": null, "status": "exceeded"},
             {"indicator": "审批时限", "target": null,
              "actual": {"text": "20-67个工作日", "value": null, "unit": "个工作日"},
              "reported_rate": null, "status": "unknown", "optional": true}]}
            """);

        var (code, stdout, _) = Run("eval", "--gold", gold);   // raw/ beside gold/ is found by default

        Assert.Equal(ExitCodes.Success, code);
        var lines = stdout.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.StartsWith("TOTAL circulars ", lines[^3], StringComparison.Ordinal);
        Assert.StartsWith("TOTAL cross-year ", lines[^2], StringComparison.Ordinal);
        Assert.Contains("precision -  recall -  F1 -", lines[^2], StringComparison.Ordinal);   // no pair to score
        Assert.StartsWith("TOTAL all ", lines[^1], StringComparison.Ordinal);
        Assert.Matches(@"gold +1 \(\+1 optional\)", lines[^1]);
        Assert.Contains("precision", lines[^1], StringComparison.Ordinal);
        Assert.Contains("recall", lines[^1], StringComparison.Ordinal);
        Assert.Contains("F1", lines[^1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("c ", StringComparison.Ordinal));   // the document's row
    }

    [Fact]
    public void EvalJsonGivesTotals()
    {
        var raw = Directory.CreateDirectory(Path.Combine(_dir, "docs")).FullName;
        var gold = Directory.CreateDirectory(Path.Combine(_dir, "gold")).FullName;
        File.WriteAllText(Path.Combine(raw, "c.txt"), "地区生产总值增长8.1%。");
        File.WriteAllText(Path.Combine(gold, "c.json"), """
            {"document": "c.txt", "records": [
             {"indicator": "地区生产总值增长",
              "target": {"text": "8%", "value": 8, "unit": "%", "bound": "at_least"},
              "actual": {"text": "8.1%", "value": 8.1, "unit": "%"},
              "reported_rate": null, "status": "exceeded"}]}
            """);

        var (code, stdout, _) = Run("eval", "--gold", gold, "--raw", raw, "--json");

        Assert.Equal(ExitCodes.Success, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(1, json.RootElement.GetProperty("totals").GetProperty("all").GetProperty("gold").GetInt32());
        Assert.Equal("c", json.RootElement.GetProperty("documents")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void EvalNamesADocumentItCannotFindAndStillPrintsTotals()
    {
        var gold = Directory.CreateDirectory(Path.Combine(_dir, "gold")).FullName;
        File.WriteAllText(Path.Combine(gold, "p.json"), """
            {"kind": "cross-year", "target_document": "gone-2012.txt", "actual_document": "gone-2013.txt",
             "records": [{"indicator": "地区生产总值增长",
              "target": {"text": "8%", "value": 8, "unit": "%", "bound": "at_least"},
              "actual": null, "reported_rate": null, "status": "unknown"}]}
            """);

        var (code, stdout, stderr) = Run("eval", "--gold", gold, "--raw", _dir);

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains("gone-2012.txt", stderr, StringComparison.Ordinal);
        var last = stdout.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("TOTAL all ", last, StringComparison.Ordinal);
        Assert.Matches(@"gold +1 .*matched +0 .*recall 0\.000", last);
    }

    [Fact]
    public void EvalOnAMissingGoldFolderFails()
    {
        var (code, _, stderr) = Run("eval", "--gold", Path.Combine(_dir, "nothing-here"));

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains("nothing-here", stderr, StringComparison.Ordinal);
    }
}
