using System.Text;
using System.Text.Json;
using GovTextExtract.Cli;
using GovTextExtract.Panel;
using GovTextExtract.Tests.CrossYear;
using Parquet;

namespace GovTextExtract.Tests.Panel;

/// <summary><c>govtext panel</c> end to end: an invented archive read by hand, the file formats, the codebook, shards
/// and merge, bad input.</summary>
public sealed class PanelCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "govtext-panel-tests-" + Guid.NewGuid().ToString("N"));

    public PanelCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    // Invented reports of one province, written in the genre's words. 湖北省 in one title, 湖北 in the other.
    private const string Report2020 =
        "2020年湖北省政府工作报告\n" +
        "一、2019年工作回顾\n" +
        "过去一年，全省地区生产总值增长7.5%，城镇新增就业90万人。\n" +
        "二、2020年工作安排\n" +
        "今年全省经济社会发展的主要预期目标是：城镇新增就业50万人以上，城镇调查失业率6%左右，居民消费价格涨幅3.5%左右。" +
        "需要说明的是，我们没有提出全年经济增速具体目标，主要因为疫情影响不确定性很大。\n";

    private const string Report2021 =
        "2021年湖北政府工作报告\n" +
        "一、2020年工作回顾\n" +
        "过去一年，全省地区生产总值下降5%，城镇新增就业75.4万人，城镇调查失业率5.2%，居民消费价格上涨2.7%。\n" +
        "二、2021年工作安排\n" +
        "今年全省经济社会发展的主要预期目标是：地区生产总值增长10%以上，城镇新增就业70万人以上，城镇调查失业率5.5%左右。\n";

    private string Archive()
    {
        var archive = Path.Combine(_dir, "archive");
        Directory.CreateDirectory(archive);
        File.WriteAllText(Path.Combine(archive, "hubei-2020.txt"), Report2020, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(archive, "hubei-2021.txt"), Report2021, new UTF8Encoding(false));
        // The same year of the same place again: reported, never merged.
        File.WriteAllText(Path.Combine(archive, "hubei-2020b.txt"), Report2020, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(archive, "notes.txt"), "会议纪要\n今天天气很好。\n", new UTF8Encoding(false));
        return archive;
    }

    private static List<string> Query(string store, string sql) => Batch.BatchTestBase.Query(store, sql);

    private static (int Code, string Out, string Err) Run(params string[] args) => Batch.BatchTestBase.Run(args);

    private List<PanelRow> Panel(string archive, string name, params string[] extra)
    {
        var path = Path.Combine(_dir, name);
        var (code, _, err) = Run(["panel", archive, "--out", path, "--progress", "none", .. extra]);
        Assert.True(code == 0, err);
        return PanelMerge.Read(path).ToList();
    }

    [Fact]
    public void An_invented_archive_gives_the_rows_read_by_hand()
    {
        var rows = Panel(Archive(), "panel.csv");
        Assert.All(rows, r => Assert.Equal(("湖北省", "province"), (r.Place, r.Level)));
        var y2020 = rows.Where(r => r.Year == 2020).ToDictionary(r => r.IndicatorId ?? r.IndicatorRaw);
        Assert.Equal((50_0000m, "at_least", 75_4000m), (y2020["new_urban_jobs"].TargetValue, y2020["new_urban_jobs"].TargetBound, y2020["new_urban_jobs"].ActualValue));
        Assert.Equal((6m, "about", 5.2m), (y2020["surveyed_unemployment"].TargetValue, y2020["surveyed_unemployment"].TargetBound, y2020["surveyed_unemployment"].ActualValue));
        Assert.Equal((3.5m, "about", 2.7m), (y2020["cpi"].TargetValue, y2020["cpi"].TargetBound, y2020["cpi"].ActualValue));
        Assert.Equal("exceeded", y2020["cpi"].Status);
        Assert.Equal(-0.8m, y2020["cpi"].Gap);
        // 没有提出全年经济增速具体目标: explicitly absent, not missing; its result is still read.
        var gdp = y2020["gdp_growth"];
        Assert.Equal("absent", gdp.TargetPresence);
        Assert.Null(gdp.TargetValue);
        Assert.Null(gdp.TargetBound);
        Assert.Contains("没有提出", gdp.TargetText);
        Assert.Equal(-5m, gdp.ActualValue);
        Assert.All(rows.Where(r => r.Year == 2020), r => Assert.Equal("hubei-2020.txt", r.TargetDocument));
        Assert.All(rows.Where(r => r.Year == 2020), r => Assert.Equal("hubei-2020b.txt", r.Duplicates));
        // 2021: no 2022 report in the archive: the rows are there, the actuals empty.
        var y2021 = rows.Where(r => r.Year == 2021).ToArray();
        Assert.Equal(3, y2021.Length);
        Assert.All(y2021, r => Assert.Null(r.ActualValue));
        Assert.All(y2021, r => Assert.Null(r.ActualDocument));
        Assert.Equal((10m, "at_least"), (y2021[0].TargetValue, y2021[0].TargetBound));
        Assert.Equal("gdp_growth", y2021[0].IndicatorId);
    }

    [Fact]
    public void A_title_without_a_place_takes_the_city_of_the_opening_lines()
    {
        var archive = Path.Combine(_dir, "city");
        Directory.CreateDirectory(archive);
        // Invented: the title says only 政府工作报告; the speaker's line names the city; the text says 全市.
        File.WriteAllText(Path.Combine(archive, "a.txt"),
            "2022年政府工作报告\n黄石市人民政府市长 某某\n今年全市经济社会发展的主要预期目标是：全市生产总值增长6.5%左右，城镇新增就业4万人以上。\n");
        var rows = Panel(archive, "city.csv");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(("黄石市", "prefecture", 2022), (r.Place, r.Level, r.Year)));
        var gdp = Assert.Single(rows, r => r.IndicatorId == "gdp_growth");
        Assert.Equal((6.5m, "about"), (gdp.TargetValue, gdp.TargetBound));
    }

    [Fact]
    public void Duplicates_and_unplaced_files_are_named_on_standard_error()
    {
        var (code, _, err) = Run("panel", Archive(), "--out", Path.Combine(_dir, "p.csv"), "--progress", "none");
        Assert.Equal(0, code);
        Assert.Contains("hubei-2020b.txt: duplicate: hubei-2020.txt is already the 2020 report of 湖北省", err);
        Assert.Contains("notes.txt: not placed", err);
    }

    [Fact]
    public void The_csv_is_utf8_with_a_bom_and_the_codebook_lists_every_column_and_indicator()
    {
        var archive = Archive();
        var path = Path.Combine(_dir, "panel.csv");
        Assert.Equal(0, Run("panel", archive, "--out", path, "--progress", "none").Code);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var header = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n")[0].Split(',');
        using var codebook = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "codebook.json")));
        var columns = codebook.RootElement.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToArray();
        Assert.Equal(header, columns);
        Assert.All(codebook.RootElement.GetProperty("columns").EnumerateArray(),
            c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("description").GetString())));
        var ids = codebook.RootElement.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToHashSet();
        foreach (var row in PanelMerge.Read(path).Where(r => r.IndicatorId is not null)) Assert.Contains(row.IndicatorId, ids);
        var markdown = File.ReadAllText(Path.Combine(_dir, "codebook.md"));
        foreach (var column in columns) Assert.Contains($"| `{column}` |", markdown);
    }

    [Fact]
    public void The_codebook_in_docs_is_the_one_the_panel_writes()
    {
        // docs/panel-codebook.md beside the solution: regenerated (govtext panel … --out) when the columns or the lexicon change.
        var docs = "";
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "GovTextExtract.sln"))) continue;
            docs = Path.Combine(dir.FullName, "docs", "panel-codebook.md");
            break;
        }
        Assert.Equal(PanelCodebook.ToMarkdown(), File.ReadAllText(docs).ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task The_parquet_file_reads_back_with_its_column_types_and_the_csv_values()
    {
        var archive = Archive();
        var csv = Panel(archive, "panel.csv");
        var parquetPath = Path.Combine(_dir, "panel.parquet");
        Assert.Equal(0, Run("panel", archive, "--out", parquetPath, "--progress", "none").Code);
        await using (var stream = File.OpenRead(parquetPath))
        {
            var schema = await ParquetReader.ReadSchemaAsync(stream);
            var types = schema.GetDataFields().ToDictionary(f => f.Name, f => f.ClrType);
            // Parquet.Net 6 reads a UTF-8 string column as characters (ReadOnlyMemory<char>).
            Assert.Contains(types["place"], new[] { typeof(string), typeof(ReadOnlyMemory<char>) });
            Assert.Equal(typeof(int), types["year"]);
            Assert.Equal(typeof(int), types["item"]);
            Assert.Equal(typeof(decimal), types["target_value"]);
            Assert.Equal(typeof(decimal), types["actual_value"]);
            Assert.Equal(typeof(decimal), types["gap"]);
            Assert.Equal(typeof(bool), types["actual_estimate"]);
            Assert.Equal(typeof(double), types["confidence"]);
            Assert.Equal(PanelCodebook.Columns.Select(c => c.Name), schema.GetDataFields().Select(f => f.Name));
        }
        var parquet = PanelMerge.Read(parquetPath).ToList();
        Assert.NotEmpty(parquet);
        Assert.Equal(csv, parquet);
    }

    [Fact]
    public void A_csv_rewritten_from_the_parquet_file_is_byte_for_byte_the_csv()
    {
        // 5.5 − 5.5 computed from text figures is 0.0 (scale 1); Parquet keeps no scale: both CSVs must write 0.
        var rows = new[]
        {
            new PanelRow { Place = "甲市", Year = 2020, Item = 1, IndicatorRaw = "城镇调查失业率", Status = "met", TargetDocument = "a.txt",
                TargetValue = 5.50m, ActualValue = 5.5m, Gap = 5.5m - 5.5m, ActualEstimate = false, Confidence = 0.9, TargetText = "=5.5%" },
            new PanelRow { Place = "甲市", Year = 2020, Item = 2, IndicatorRaw = "粮食产量", Status = "unknown", TargetDocument = "a.txt",
                TargetValue = 1_300_000_000_000m, TargetBound = "at_least" },
        };
        byte[] Write(PanelFormat format, IEnumerable<PanelRow> source)
        {
            using var stream = new MemoryStream();
            using (var writer = PanelWriter.Create(stream, format))
            {
                foreach (var row in source) writer.Write(row);
                writer.Complete();
            }
            return stream.ToArray();
        }
        var csv = Path.Combine(_dir, "a.csv");
        var parquet = Path.Combine(_dir, "a.parquet");
        File.WriteAllBytes(csv, Write(PanelFormat.Csv, rows));
        File.WriteAllBytes(parquet, Write(PanelFormat.Parquet, rows));
        Assert.Equal(File.ReadAllBytes(csv), Write(PanelFormat.Csv, PanelMerge.Read(parquet)));
        Assert.Equal(rows, PanelMerge.Read(csv));
        Assert.Contains(",0,", Encoding.UTF8.GetString(File.ReadAllBytes(csv)));
    }

    [Fact]
    public void The_xlsx_and_sqlite_files_hold_every_row()
    {
        var archive = Archive();
        var rows = Panel(archive, "panel.csv");
        var sqlite = Path.Combine(_dir, "panel.sqlite");
        Assert.Equal(0, Run("panel", archive, "--out", sqlite, "--progress", "none").Code);
        var count = Query(sqlite, "SELECT count(*), sum(year) FROM panel WHERE indicator_id IS NOT NULL");
        Assert.Equal($"{rows.Count(r => r.IndicatorId is not null)}\t{rows.Where(r => r.IndicatorId is not null).Sum(r => r.Year)}", Assert.Single(count));
        var xlsx = Path.Combine(_dir, "panel.xlsx");
        Assert.Equal(0, Run("panel", archive, "--out", xlsx, "--progress", "none").Code);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(xlsx, false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Equal(rows.Count + 1, sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
    }

    [Fact]
    public void Shards_merged_give_the_same_panel_as_one_run()
    {
        var raw = Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw");
        var whole = Path.Combine(_dir, "whole.csv");
        Assert.Equal(0, Run("panel", raw, "--out", whole, "--progress", "none").Code);
        var parts = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var part = Path.Combine(_dir, $"part{i}.{(i == 2 ? "parquet" : "csv")}");
            var (code, _, err) = Run("panel", raw, "--shard", $"{i}/3", "--out", part, "--progress", "none");
            Assert.True(code == 0, err);
            parts.Add(part);
        }
        // Each shard holds whole places, and no shard holds every place.
        var placesPerPart = parts.Select(p => PanelMerge.Read(p).Select(r => r.Place).ToHashSet()).ToArray();
        Assert.True(placesPerPart.Count(p => p.Count > 0) >= 2, "the corpus's places all fell into one shard");
        var merged = Path.Combine(_dir, "merged.csv");
        var (mc, _, me) = Run(["panel", "--merge", .. parts, "--out", merged]);
        Assert.True(mc == 0, me);
        Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(merged));
    }

    [Fact]
    public void A_long_run_shows_its_progress_in_plain_lines_when_standard_error_is_not_a_terminal()
    {
        var raw = Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw");
        var (code, _, err) = Run("panel", raw, "--out", Path.Combine(_dir, "p.csv"), "--progress", "lines", "--progress-interval", "0.01");
        Assert.Equal(0, code);
        Assert.Matches(new System.Text.RegularExpressions.Regex(@"govtext: panel: placed \d+/88 files · read \d+/(\d+|\?) place-years · \d+ rows",
            System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)), err);
    }

    [Fact]
    public void A_failing_writer_or_a_stop_request_ends_the_run_with_its_exception_not_a_hang()
    {
        var raw = Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw");
        var panel = new ResearchPanel(new ExtractionPipeline());
        var options = new PanelOptions { MaxDegreeOfParallelism = 2, PlacesInFlight = 2 };
        var written = 0;
        var failure = Assert.Throws<IOException>(() => panel.Build(raw, _ =>
        {
            if (++written == 3) throw new IOException("disk full");
        }, options));
        Assert.Equal("disk full", failure.Message);
        Assert.Equal(3, written);
        using var stop = new CancellationTokenSource();
        var rows = 0;
        Assert.ThrowsAny<OperationCanceledException>(() => panel.Build(raw, _ =>
        {
            if (++rows == 5) stop.Cancel();
        }, options, cancellationToken: stop.Token));
        Assert.True(rows < 273, $"{rows} rows written after the stop request");
    }

    [Fact]
    public void Without_out_the_csv_goes_to_standard_output()
    {
        var (code, stdout, _) = Run("panel", Archive(), "--progress", "none");
        Assert.Equal(0, code);
        Assert.StartsWith("place,level,year,item,indicator_id", stdout);
    }

    [Fact]
    public void Bad_input_is_a_typed_error_naming_the_file()
    {
        var missing = Path.Combine(_dir, "no-such-folder");
        var (code, _, err) = Run("panel", missing, "--out", Path.Combine(_dir, "x.csv"));
        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains(missing, err);
        var notPanel = Path.Combine(_dir, "other.csv");
        File.WriteAllText(notPanel, "a,b\r\n1,2\r\n");
        var (mc, _, me) = Run("panel", "--merge", notPanel, "--out", Path.Combine(_dir, "y.csv"));
        Assert.Equal(ExitCodes.InputFailed, mc);
        Assert.Contains("other.csv", me);
        Assert.Contains("not a panel", me);
        var ex = Assert.Throws<PanelFileException>(() => PanelMerge.Read(notPanel).ToList());
        Assert.Equal(notPanel, ex.Path);
        var (uc, _, ue) = Run("panel", Archive(), "--out", Path.Combine(_dir, "z.txt"));
        Assert.Equal(ExitCodes.Usage, uc);
        Assert.Contains("z.txt", ue);
    }
}
