using System.Text;
using GovTextExtract.Loading;
using GovTextExtract.Loading.Fuzzing;
using GovTextExtract.Records;
using GovTextExtract.Tables;
using static GovTextExtract.Tests.Loading.LoadingTestSupport;

namespace GovTextExtract.Tests.Tables;

/// <summary>Tables of targets give records directly. Every expected value below is read off the table by hand.</summary>
public class TableRecordExtractorTests
{
    private sealed record Expected(string Indicator, decimal? Target, string? TargetUnit, BoundKind? Bound, decimal? Actual,
        string? ActualUnit, decimal? ReportedRate, decimal? ComputedRate, CompletionStatus Status);

    private static Expected Of(CompletionRecord r) => new(r.Indicator, r.Target?.Value, r.Target?.Unit, r.Target?.Bound,
        r.Actual?.Value, r.Actual?.Unit, r.ReportedRate, r.ComputedRate, r.Status);

    /// <summary>Compares every record field by field and reports precision, recall and F1 over whole records.</summary>
    private static void AssertRecords(IReadOnlyList<CompletionRecord> actual, params Expected[] expected)
    {
        var got = actual.Select(Of).ToList();
        var matched = got.Count(g => expected.Contains(g));
        var precision = got.Count == 0 ? 0 : (double)matched / got.Count;
        var recall = (double)matched / expected.Length;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Assert.Equal(expected, got);
        Assert.Equal(1.0, f1);
    }

    /// <summary>Each evidence span covers the figure text the record quotes.</summary>
    private static void AssertEvidence(LoadedDocument doc, IReadOnlyList<CompletionRecord> records)
    {
        foreach (var r in records)
        {
            if (r.Target is not null)
            {
                Assert.NotNull(r.Evidence.Target);
                Assert.Equal(r.Target.Text, Slice(doc, r.Evidence.Target.Value));
            }
            if (r.Actual is not null)
            {
                Assert.NotNull(r.Evidence.Actual);
                Assert.Equal(r.Actual.Text, Slice(doc, r.Evidence.Actual.Value));
            }
            if (r.ReportedRate is not null)
            {
                Assert.NotNull(r.Evidence.Rate);
                Assert.Contains("%", Slice(doc, r.Evidence.Rate.Value));
            }
            Assert.Equal(TableRecordExtractor.TableConfidence, r.Confidence);
        }
    }

    [Fact]
    public void AnHtmlTableWithUnitColumnBoundsDirectionsAndPeriods()
    {
        var doc = Html("""
            <html><body><p>附表：主要指标完成情况</p><table>
            <tr><th>序号</th><th>指标名称</th><th>单位</th><th>年度目标</th><th>完成情况</th><th>完成率</th></tr>
            <tr><td>1</td><td>地区生产总值增长</td><td>%</td><td>6左右</td><td>6.5</td><td></td></tr>
            <tr><td>2</td><td>城镇登记失业率</td><td>%</td><td>控制在4.5以内</td><td>3.1</td><td></td></tr>
            <tr><td>3</td><td>新增城镇就业</td><td>万人</td><td>1</td><td>1.2</td><td>120%</td></tr>
            <tr><td>4</td><td>一般公共预算收入</td><td>亿元</td><td>100</td><td>98.5</td><td>98.5%</td></tr>
            <tr><td>5</td><td>单位地区生产总值能耗降低</td><td>%</td><td>3</td><td>3.2</td><td></td></tr>
            <tr><td>6</td><td>居民消费价格涨幅</td><td>%</td><td>3左右</td><td>3.6</td><td></td></tr>
            <tr><td>7</td><td>粮食产量</td><td>万吨</td><td>50</td><td>1-11月48</td><td></td></tr>
            <tr><td>8</td><td>营商环境</td><td></td><td>持续优化</td><td>明显改善</td><td></td></tr>
            </table></body></html>
            """);
        var records = TableRecordExtractor.Extract(doc);
        AssertRecords(records,
            // 6.5 against "about 6": better, so exceeded; 6.5 / 6 = 108.33%.
            new Expected("地区生产总值增长", 6m, "%", BoundKind.About, 6.5m, "%", null, 108.33m, CompletionStatus.Exceeded),
            // Inside the 4.5% ceiling: met; 3.1 / 4.5 = 68.89%.
            new Expected("城镇登记失业率", 4.5m, "%", BoundKind.AtMost, 3.1m, "%", null, 68.89m, CompletionStatus.Met),
            // 万人 multiplies out: 10000 and 12000 人.
            new Expected("城镇新增就业", 10000m, "人", BoundKind.AtLeast, 12000m, "人", 120m, 120m, CompletionStatus.Exceeded),
            // An amount in 亿元 keeps the table's name (it is not the growth indicator).
            new Expected("一般公共预算收入", 10000000000m, "元", BoundKind.AtLeast, 9850000000m, "元", 98.5m, 98.5m, CompletionStatus.NotMet),
            // 能耗 falls as it improves, but the figure of "降低" is the size of the fall: 3.2 beats 3.
            new Expected("单位地区生产总值能耗降低", 3m, "%", BoundKind.AtLeast, 3.2m, "%", null, 106.67m, CompletionStatus.Exceeded),
            // Prices: lower is better; 3.6 against about 3 is worse.
            new Expected("居民消费价格涨幅", 3m, "%", BoundKind.About, 3.6m, "%", null, 120m, CompletionStatus.NotMet),
            // An eleven-month figure is pending.
            new Expected("粮食产量", 500000m, "吨", BoundKind.AtLeast, 480000m, "吨", null, 96m, CompletionStatus.Pending));
        AssertEvidence(doc, records);
        Assert.Equal("1-11月", records[6].Actual!.Period);
    }

    [Fact]
    public void ADocxTableWithUnitsInTheHeader()
    {
        var bytes = DocxWriter.Write([
            new DocxParagraph("表1"),
            new DocxTable([
                ["指标", "年度目标（亿元）", "实际完成（亿元）", "完成进度"],
                ["招商到位资金", "1000", "1090.4", "109%"],
                ["固定资产投资增长(%)", "11.5", "11.5", ""],
            ]),
        ]);
        var doc = DocumentLoader.FromBytes(bytes, "table.docx");
        var records = TableRecordExtractor.Extract(doc);
        AssertRecords(records,
            new Expected("招商到位资金", 100000000000m, "元", BoundKind.AtLeast, 109040000000m, "元", 109m, 109.04m, CompletionStatus.Exceeded),
            // The row's own unit (%) wins over the column's (亿元).
            new Expected("固定资产投资增长", 11.5m, "%", BoundKind.AtLeast, 11.5m, "%", null, 100m, CompletionStatus.Met));
        AssertEvidence(doc, records);
    }

    [Fact]
    public void APlainTextPipeTable()
    {
        var text = """
            一、主要指标
            | 指标名称 | 年度目标 | 完成情况 |
            |---|---|---|
            | 规模以上工业增加值增长 | 7% | 7.2% |
            | 进出口总额增长 | 10% | 8% |
            其他说明。
            """;
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(text), "table.txt");
        var records = TableRecordExtractor.Extract(doc);
        AssertRecords(records,
            new Expected("规模以上工业增加值增长", 7m, "%", BoundKind.AtLeast, 7.2m, "%", null, 102.86m, CompletionStatus.Exceeded),
            new Expected("进出口总额增长", 10m, "%", BoundKind.AtLeast, 8m, "%", null, 80m, CompletionStatus.NotMet));
        AssertEvidence(doc, records);
    }

    [Fact]
    public void APlainTextTabTable()
    {
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes("项目\t计划\t\t实际完成\r\n新建基站（个）\t1000\t\t1200\r\n"), "tabs.txt");
        var records = TableRecordExtractor.Extract(doc);
        AssertRecords(records, new Expected("新建基站", 1000m, "个", BoundKind.AtLeast, 1200m, "个", null, 120m, CompletionStatus.Exceeded));
        AssertEvidence(doc, records);
    }

    [Fact]
    public void APlainTextTableAlignedBySpaces()
    {
        // Columns aligned by runs of spaces or an ideographic space, as text taken from a PDF or typed by hand; the
        // title line and a prose line with single spaces are no rows.
        var text = "2022年主要指标完成情况表\n"
                   + "指标名称        单位      年度目标    完成值     完成率\n"
                   + "地区生产总值    亿元      1500        1532.6     102.2%\n"
                   + "城镇新增就业　万人　3.5　3.82　109.1%\n"
                   + "注 数据为初步统计 数。\n";
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(text), "aligned.txt");
        var records = TableRecordExtractor.Extract(doc);
        AssertRecords(records,
            new Expected("地区生产总值", 150_000_000_000m, "元", BoundKind.AtLeast, 153_260_000_000m, "元", 102.2m, 102.17m, CompletionStatus.Exceeded),
            new Expected("城镇新增就业", 35_000m, "人", BoundKind.AtLeast, 38_200m, "人", 109.1m, 109.14m, CompletionStatus.Exceeded));
        AssertEvidence(doc, records);
    }

    [Fact]
    public void AQuantifiedTaskTableWithItsImplementation()
    {
        // "量化指标任务 | 落实情况": the target stated in the task cell, the result in words with its figure.
        var text = "序号|量化指标任务|落实情况\n1|城镇新增就业1100万人以上|全年城镇新增就业1352万人\n2|中央财政一般性支出压减5%以上|中央财政一般性支出压减6.2%\n";
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(text), "tasks.txt");
        var records = TableRecordExtractor.Extract(doc);
        AssertRecords(records,
            new Expected("城镇新增就业", 11_000_000m, "人", BoundKind.AtLeast, 13_520_000m, "人", null, 122.91m, CompletionStatus.Exceeded),
            new Expected("中央财政一般性支出压减", 5m, "%", BoundKind.AtLeast, 6.2m, "%", null, 124m, CompletionStatus.Exceeded));
        AssertEvidence(doc, records);
    }

    [Fact]
    public void TargetsStatedInTheTaskColumn()
    {
        var text = """
            序号|目标任务|完成情况|责任单位
            1|新增城镇就业1万人|全年新增城镇就业1.2万人|市人社局
            2|完成新改建厕所6.9万座|完成新改建厕所79749座，占年度计划任务的115.58%|市农业农村局
            """;
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(text), "tasks.txt");
        var records = TableRecordExtractor.Extract(doc);
        AssertRecords(records,
            new Expected("城镇新增就业", 10000m, "人", BoundKind.AtLeast, 12000m, "人", null, 120m, CompletionStatus.Exceeded),
            // The stated 115.58% is the reported rate; 79749 / 69000 = 115.58% computed.
            new Expected("新改建厕所", 69000m, "座", BoundKind.AtLeast, 79749m, "座", 115.58m, 115.58m, CompletionStatus.Exceeded));
        AssertEvidence(doc, records);
    }

    [Fact]
    public void ATwoRowHeaderWithSpans()
    {
        var doc = Html("""
            <html><body><table>
            <tr><th rowspan="2">指标</th><th colspan="2">2019年</th></tr>
            <tr><th>目标</th><th>完成</th></tr>
            <tr><td>新增就业（万人）</td><td>1</td><td>1.2</td></tr>
            <tr><td>市级电商示范基地（个）</td><td>2</td><td>7</td></tr>
            </table></body></html>
            """);
        var records = TableRecordExtractor.Extract(doc);
        AssertRecords(records,
            new Expected("城镇新增就业", 10000m, "人", BoundKind.AtLeast, 12000m, "人", null, 120m, CompletionStatus.Exceeded),
            new Expected("市级电商示范基地", 2m, "个", BoundKind.AtLeast, 7m, "个", null, 350m, CompletionStatus.Exceeded));
        AssertEvidence(doc, records);
    }

    [Fact]
    public void AGroupedTableGivesARecordPerRowAndIndicator()
    {
        // One indicator over three columns (目标任务 | 进度 | 完成比例), one place a row; 全市 is the whole.
        var doc = Html("""
            <html><body><table>
            <tr><td rowspan="2">地区</td><td colspan="3">城镇新增就业(人)</td><td colspan="3">就业困难人员就业(人)</td></tr>
            <tr><td>目标任务</td><td>进度</td><td>完成比例(%)</td><td>目标任务</td><td>进度</td><td>完成比例(%)</td></tr>
            <tr><td>全市</td><td>27800</td><td>52242</td><td>187.9</td><td>2000</td><td>1900</td><td>95</td></tr>
            <tr><td>东区</td><td>8000</td><td>22921</td><td>286.5</td><td>500</td><td>616</td><td>123.2</td></tr>
            </table></body></html>
            """);
        var records = TableRecordExtractor.Extract(doc);
        AssertRecords(records,
            new Expected("城镇新增就业", 27800m, "人", BoundKind.AtLeast, 52242m, "人", 187.9m, 187.92m, CompletionStatus.Exceeded),
            new Expected("就业困难人员就业", 2000m, "人", BoundKind.AtLeast, 1900m, "人", 95m, 95m, CompletionStatus.NotMet),
            new Expected("城镇新增就业(东区)", 8000m, "人", BoundKind.AtLeast, 22921m, "人", 286.5m, 286.51m, CompletionStatus.Exceeded),
            new Expected("就业困难人员就业(东区)", 500m, "人", BoundKind.AtLeast, 616m, "人", 123.2m, 123.2m, CompletionStatus.Exceeded));
        // The rates are bare numbers under a (%) header: each evidence span quotes its cell.
        Assert.All(records, r => Assert.Equal(r.ReportedRate!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Slice(doc, r.Evidence.Rate!.Value)));
        Assert.All(records, r => Assert.Equal(r.Actual!.Text, Slice(doc, r.Evidence.Actual!.Value)));
    }

    [Fact]
    public void ARowWithOnlyACompletionRate()
    {
        var doc = Html("""
            <table><tr><td>指标名称</td><td>完成率</td></tr>
            <tr><td>重点项目开工</td><td>95%</td></tr><tr><td>民生实事</td><td>100%</td></tr><tr><td>招商项目</td><td>112%</td></tr></table>
            """);
        var records = TableRecordExtractor.Extract(doc);
        AssertRecords(records,
            new Expected("重点项目开工", null, null, null, null, null, 95m, null, CompletionStatus.NotMet),
            new Expected("民生实事", null, null, null, null, null, 100m, null, CompletionStatus.Met),
            new Expected("招商项目", null, null, null, null, null, 112m, null, CompletionStatus.Exceeded));
        AssertEvidence(doc, records);
    }

    [Fact]
    public void CountsInDifferentClassifiersCompare()
    {
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes("指标|目标|完成\n省级示范企业|2个|3家\n"), "c.txt");
        AssertRecords(TableRecordExtractor.Extract(doc),
            new Expected("省级示范企业", 2m, "个", BoundKind.AtLeast, 3m, "家", null, 150m, CompletionStatus.Exceeded));
    }

    [Fact]
    public void TablesThatAreNotAboutTargetsGiveNothing()
    {
        var doc = Html("""
            <table><tr><td>姓名</td><td>职务</td></tr><tr><td>张三</td><td>局长</td></tr></table>
            <table><tr><td>年度目标</td><td>完成情况</td></tr><tr><td>6%</td><td>6.5%</td></tr></table>
            """);
        Assert.Equal(2, doc.Tables.Count);
        Assert.Empty(TableRecordExtractor.Extract(doc));
    }

    [Fact]
    public void TextWithoutTablesGivesNothing()
    {
        var doc = DocumentLoader.Load(Path.Combine(RepoRoot(), "corpus", "xianning-2019-completion.txt"));
        Assert.Empty(PlainTextTables.Detect(doc.Text));
        Assert.Empty(TableRecordExtractor.Extract(doc));
    }

    [Fact]
    public void PlainTextTablesSkipTablesTheLoaderFound()
    {
        var doc = Html("<table><tr><td>指标名称</td><td>目标</td></tr><tr><td>新增就业</td><td>1万人</td></tr></table>");
        Assert.Empty(PlainTextTables.Detect(doc.Text, doc.Tables));
        Assert.Single(PlainTextTables.Detect(doc.Text));
    }
}
