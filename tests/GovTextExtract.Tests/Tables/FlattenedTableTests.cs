using GovTextExtract.Loading;
using GovTextExtract.Records;
using GovTextExtract.Tables;

namespace GovTextExtract.Tests.Tables;

/// <summary>Tables as web pages copy them into text, one constructed fixture a layout (Tables/Fixtures: invented places
/// and figures). Every expected value below is read off the fixture by hand.</summary>
public class FlattenedTableTests
{
    private sealed record Expected(string Indicator, decimal? Target, decimal? Low, decimal? High, BoundKind? Bound, decimal? Actual,
        string? Unit, decimal? Rate, CompletionStatus Status, string? Period = null);

    private static LoadedDocument Load(string name) =>
        DocumentLoader.FromBytes(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Tables", "Fixtures", name)), name);

    private static Expected Of(CompletionRecord r) => new(r.Indicator, r.Target?.Value, r.Target?.Low, r.Target?.High, r.Target?.Bound,
        r.Actual?.Value, r.Actual?.Unit ?? r.Target?.Unit, r.ReportedRate, r.Status, r.Actual?.Period);

    /// <summary>The records are those expected, in order, and every evidence span quotes its figure.</summary>
    private static void AssertRecords(string fixture, params Expected[] expected)
    {
        var doc = Load(fixture);
        var records = TableRecordExtractor.Extract(doc);
        Assert.Equal(expected, records.Select(Of).ToArray());
        foreach (var r in records)
        {
            if (r.Target is not null) Assert.Equal(r.Target.Text, doc.Text.Substring(r.Evidence.Target!.Value.Start, r.Evidence.Target.Value.Length));
            if (r.Actual is not null) Assert.Equal(r.Actual.Text, doc.Text.Substring(r.Evidence.Actual!.Value.Start, r.Evidence.Actual.Value.Length));
            if (r.ReportedRate is not null) Assert.Contains("%", doc.Text.Substring(r.Evidence.Rate!.Value.Start, r.Evidence.Rate.Value.Length));
        }
    }

    [Fact]
    public void OneCellALineWithTwoIndicatorGroupsATotalRowAndAPartialPeriod()
    {
        // 序号 | 县区 | 计划改造里程 | 累计完工里程 | 完工率 | 计划投资(万元) | 累计完成投资(万元) | 投资完成率, each cell a line
        // closed by a bar; 合计 leaves its 序号 out. The caption says 截至6月底: a count is pending until it reaches its
        // target. A dash gives no figure and takes its own column.
        const string period = "截至2022年6月底";
        AssertRecords("cell-lines.txt",
            new Expected("青岚县 完工里程", 120m, null, null, BoundKind.AtLeast, 96m, null, 80m, CompletionStatus.Pending, period),
            new Expected("青岚县 投资", 54_000_000m, null, null, BoundKind.AtLeast, 32_405_000m, "元", 60.01m, CompletionStatus.Pending, period),
            new Expected("枫原县 完工里程", 80m, null, null, BoundKind.AtLeast, 80m, null, 100m, CompletionStatus.Met, period),
            new Expected("枫原县 投资", 36_000_000m, null, null, BoundKind.AtLeast, 39_600_000m, "元", 110m, CompletionStatus.Exceeded, period),
            new Expected("岫川区 完工里程", 45m, null, null, BoundKind.AtLeast, null, null, null, CompletionStatus.Unknown),
            new Expected("岫川区 投资", 20_250_000m, null, null, BoundKind.AtLeast, 10_125_000m, "元", 50m, CompletionStatus.Pending, period),
            new Expected("合计 完工里程", 245m, null, null, BoundKind.AtLeast, 176m, null, 71.84m, CompletionStatus.Pending, period),
            new Expected("合计 投资", 110_250_000m, null, null, BoundKind.AtLeast, 82_130_000m, "元", 74.49m, CompletionStatus.Pending, period));
    }

    [Fact]
    public void CellsBetweenLinesOfBarsWithSignedChangesOfAFall()
    {
        // Cells between lines holding only a bar; a header cell over two lines (能耗增量 / (万吨标准煤)) and the 考核结果
        // words take no role. Signed changes of a fall: the values are the size of the fall, and more is better.
        // 澜溪县's result cell is missing, its figures are complete.
        const string name = "单位地区生产总值能耗降低";
        AssertRecords("bar-lines.txt",
            new Expected($"青岚县 {name}", 3.2m, null, null, BoundKind.AtLeast, 3.45m, "%", null, CompletionStatus.Exceeded),
            new Expected($"枫原县 {name}", 3m, null, null, BoundKind.AtLeast, 2.71m, "%", null, CompletionStatus.NotMet),
            new Expected($"岫川区 {name}", null, 2.5m, 3m, BoundKind.Range, 2.8m, "%", null, CompletionStatus.Met),
            new Expected($"澜溪县 {name}", 3.5m, null, null, BoundKind.AtLeast, 3.5m, "%", null, CompletionStatus.Met));
    }

    [Fact]
    public void BarRowsWithLinesOfBarsBetweenThemAndACutLastRow()
    {
        // Rows between lines of bars, place names spaced out, a caption line with bars, a range; 降低率 beside 降低目标
        // is the actual. The text ends inside 澜溪's row, which gives no record.
        const string name = "万元工业增加值用水量降低";
        AssertRecords("bar-rows.txt",
            new Expected($"青岚 {name}", 3m, null, null, BoundKind.AtLeast, 3.42m, "%", null, CompletionStatus.Exceeded),
            new Expected($"枫原 {name}", 2.8m, null, null, BoundKind.AtLeast, 2.65m, "%", null, CompletionStatus.NotMet),
            new Expected($"岫川新区 {name}", null, 2m, 2.5m, BoundKind.Range, 2.31m, "%", null, CompletionStatus.Met));
    }

    [Fact]
    public void AUnitLineAboveTheHeaderAndAPeriodInTheHeader()
    {
        // (单位：万户) above the header multiplies every bare figure out; 1-6月 in the actual's header makes the
        // figures part of the year. The last row is cut inside its actual ("2") and gives no record.
        AssertRecords("unit-line.txt",
            new Expected("青岚市 改造", 86_500m, null, null, BoundKind.AtLeast, 86_500m, "户", 100m, CompletionStatus.Met, "1-6月"),
            new Expected("枫原市 改造", 120_000m, null, null, BoundKind.AtLeast, 73_200m, "户", 61m, CompletionStatus.Pending, "1-6月"),
            new Expected("岫川市 改造", 64_000m, null, null, BoundKind.AtLeast, 70_400m, "户", 110m, CompletionStatus.Exceeded, "1-6月"));
    }

    [Fact]
    public void TargetsInTheNameCellAndRowsWithoutTheirNumber()
    {
        // The target is inside the name (新建15所普惠性幼儿园), the actual a bare count that takes its unit; rows that
        // leave the 序号 out are aligned by content; words (正在推进, 已完成, —, -) give no figure; 占全年计划 is the rate. The
        // last row ends before its rate: both its figures are there.
        AssertRecords("name-targets.txt",
            new Expected("新建普惠性幼儿园", 15m, null, null, BoundKind.AtLeast, 17m, "所", 113m, CompletionStatus.Exceeded),
            new Expected("改扩建乡镇卫生院", 8m, null, null, BoundKind.AtLeast, 8m, "所", 100m, CompletionStatus.Met),
            new Expected("新增公共停车泊位", 2000m, null, null, BoundKind.AtLeast, null, "个", null, CompletionStatus.Unknown),
            new Expected("低保家庭实施适老化改造", 600m, null, null, BoundKind.AtLeast, 552m, "户", 92m, CompletionStatus.NotMet),
            new Expected("建设口袋公园", 20m, null, null, BoundKind.AtLeast, null, "个", 100m, CompletionStatus.Met),
            new Expected("新建人行天桥", 3m, null, null, BoundKind.AtLeast, null, "座", null, CompletionStatus.Unknown),
            new Expected("新增充电桩", 3500m, null, null, BoundKind.AtLeast, 3812m, "个", null, CompletionStatus.Exceeded));
    }

    [Fact]
    public void APerformanceSelfEvaluationTable()
    {
        // Rows opened by a bar and broken over lines; the funds block under 项目资金(万元) (全年预算数 against 全年执行数,
        // 执行率; 分值 and 得分 are scores); the indicator block under two header rows, 年度指标值 over 指标性质 | 指标值 |
        // 度量单位, its bound from 指标性质, its unit from 度量单位; rows that leave 一级指标 out are aligned by the sign.
        AssertRecords("performance.txt",
            new Expected("年度资金总额", 520_000m, null, null, BoundKind.AtLeast, 494_000m, "元", 95m, CompletionStatus.NotMet),
            new Expected("养护里程", 320m, null, null, BoundKind.AtLeast, 336m, "公里", null, CompletionStatus.Exceeded),
            new Expected("路面优良率", 85m, null, null, BoundKind.AtLeast, 82.5m, "%", null, CompletionStatus.NotMet),
            new Expected("养护单价", 1600m, null, null, BoundKind.AtMost, 1470m, "元", null, CompletionStatus.Met),
            new Expected("群众满意度", 90m, null, null, BoundKind.AtLeast, 93m, "%", null, CompletionStatus.Exceeded));
    }

    [Fact]
    public void MenusAndProseGiveNoTableRecords()
    {
        // A site menu one item a line closed by bars has no figures: no table; bar rows without a header give nothing.
        var doc = Load("not-tables.txt");
        Assert.DoesNotContain(PlainTextTables.Detect(doc.Text), t => t.Rows.Any(r => r.Cells.Any(c => c.Text == "首页")));
        Assert.Empty(TableRecordExtractor.Extract(doc));
    }

    [Fact]
    public void APerformanceTableFlattenedIntoRunningTextWithOneSpaceBetweenCells()
    {
        // Headers found by their words, rows ending where their figures end; the all-zero 年度资金总额 line is no record;
        // rows that leave their first cells out are aligned so that their closing figures stand under 得分, left of
        // the remarks column; qualitative rows (及时整改, 明显改善) give nothing; a bare 57.2 beside ≤58.5万元 is in 万元.
        AssertRecords("spaced.txt",
            new Expected("其中:本年财政拨款", 585_000m, null, null, BoundKind.AtLeast, 572_000m, "元", null, CompletionStatus.NotMet),
            new Expected("管护公厕数量", 120m, null, null, BoundKind.AtLeast, 126m, "座", null, CompletionStatus.Exceeded),
            new Expected("管护达标率", 95m, null, null, BoundKind.AtLeast, 97m, "%", null, CompletionStatus.Exceeded),
            new Expected("管护总成本", 585_000m, null, null, BoundKind.AtMost, 572_000m, "元", null, CompletionStatus.Met),
            new Expected("群众满意度", 90m, null, null, BoundKind.AtLeast, 92m, "%", null, CompletionStatus.Exceeded));
    }

    [Fact]
    public void ARowOfWordsBelowDataIsDataUnlessItNamesATargetAndAnActual()
    {
        // "重点任务 | 全面完成 | 已完成" has words with roles but names no target: it is a row, not a new header; a row
        // naming 年度目标 and 完成情况 again is (a table split over pages).
        const string text = "指标名称 | 年度目标 | 完成情况 |\n新增城镇就业 | 1.2万人 | 1.35万人 |\n重点任务 | 全面完成 | 已完成 |\n"
                            + "新建公园 | 6个 | 7个 |\n指标名称 | 年度目标 | 完成情况 |\n新建驿站 | 10个 | 9个 |\n";
        var records = TableRecordExtractor.Extract(DocumentLoader.FromBytes(System.Text.Encoding.UTF8.GetBytes(text), "t.txt"));
        Assert.Equal(new (decimal?, decimal?)[] { (12_000m, 13_500m), (6m, 7m), (10m, 9m) },
            records.Select(r => (r.Target?.Value, r.Actual?.Value)).ToArray());
    }

    [Fact]
    public void CellsOfAMenuBeforeAOneCellALineTableAreNoPartOfIt()
    {
        string[] cells = ["首页", "政务公开", "办事服务", "互动交流", "县区", "年度目标", "完成值", "完成率",
            "青岚县", "40", "44", "110%", "枫原县", "25", "20", "80%", "澜溪县", "30", "30", "100%"];
        var text = string.Concat(cells.Select(c => c + " |\n"));
        var doc = DocumentLoader.FromBytes(System.Text.Encoding.UTF8.GetBytes(text), "menu.txt");
        var table = Assert.Single(PlainTextTables.Detect(doc.Text));
        Assert.Equal(["县区", "年度目标", "完成值", "完成率"], table.Rows[0].Cells.Select(c => c.Text));
        Assert.Equal(new (decimal?, decimal?, decimal?)[] { (40m, 44m, 110m), (25m, 20m, 80m), (30m, 30m, 100m) },
            TableRecordExtractor.Extract(doc).Select(r => (r.Target?.Value, r.Actual?.Value, r.ReportedRate)).ToArray());
    }

    [Fact]
    public void ScrambledLinesOfHeaderWordsBarsAndFiguresNeverThrow()
    {
        // Pieces of every layout in random order and runs (prose runs longer than a cell, bars, cut cells, one long
        // spaced line): the readers must neither throw nor loop.
        string[] pieces = ["年度目标", "完成情况", "完成率", "计划", "累计", "指标名称", "地区", "分值", "得分", "合计", "1", "12.5",
            "-3.20", "-2.0~-2.5", "95%", "≥90%", "≤5万元", "﹦", "—", "|", "||", "(万元)", "。", "1."];
        var random = new Random(20240611);
        var lines = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var n = random.Next(0, 6);
            var parts = Enumerable.Range(0, n).Select(_ => pieces[random.Next(pieces.Length)]);
            lines.Add(string.Join(random.Next(3) switch { 0 => " ", 1 => " | ", _ => "" }, parts) + (random.Next(4) == 0 ? " |" : ""));
        }
        lines.Add(string.Join(' ', Enumerable.Range(0, 5000).Select(_ => pieces[random.Next(pieces.Length)])));
        var text = string.Join('\n', lines);
        var doc = DocumentLoader.FromBytes(System.Text.Encoding.UTF8.GetBytes(text), "scrambled.txt");
        var records = TableRecordExtractor.Extract(doc);
        Assert.All(records, r => Assert.True(r.Evidence.Target is null || r.Evidence.Target.Value.End <= text.Length));
    }

    [Fact]
    public void TheConstructedCircularsOfProseHoldNoPlainTextTables()
    {
        foreach (var path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Pairing", "Fixtures"), "*.txt"))
            Assert.Empty(PlainTextTables.Detect(File.ReadAllText(path)));
    }

    [Theory]
    [InlineData("cell-lines.txt", 5, 8)]
    [InlineData("bar-lines.txt", 5, 5)]
    [InlineData("bar-rows.txt", 5, 3)]
    [InlineData("unit-line.txt", 5, 4)]
    [InlineData("name-targets.txt", 8, 4)]
    [InlineData("performance.txt", 11, 9)]
    public void EveryCellIsTheSliceOfTheTextItsSpanCovers(string fixture, int rows, int widest)
    {
        var doc = Load(fixture);
        var table = Assert.Single(PlainTextTables.Detect(doc.Text));
        Assert.Equal(rows, table.Rows.Count);
        Assert.Equal(widest, table.Rows.Max(r => r.Cells.Count));
        foreach (var cell in table.Rows.SelectMany(r => r.Cells))
            Assert.Equal(cell.Text, doc.Text.Substring(cell.Span.Start, cell.Span.Length));
    }

    [Theory]
    [InlineData("name-targets.txt", 7)]
    [InlineData("bar-rows.txt", 3)]
    [InlineData("cell-lines.txt", 8)]
    public void ThePipelineGivesTheTableRecordsAndNoProseRecordsOfTheirRows(string fixture, int count)
    {
        var doc = Load(fixture);
        var records = new ExtractionPipeline().Extract(doc).Records;
        var tables = TableRecordExtractor.Tables(doc);
        Assert.Equal(count, records.Count(r => tables.Any(t => r.Evidence.Actual is { } a ? t.Span.Contains(a) : r.Evidence.Target is { } s && t.Span.Contains(s))));
        Assert.All(records.Where(r => r.Confidence != TableRecordExtractor.TableConfidence),
            r => Assert.DoesNotContain(tables, t => r.Evidence.Target is { } s && t.Span.Contains(s)));
    }
}
