using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using GovTextExtract.Loading;
using static GovTextExtract.Tests.Loading.LoadingTestSupport;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace GovTextExtract.Tests.Loading;

public class DocxLoaderTests
{
    /// <summary>Writes a document with the SDK: body content, optional styles and numbering.</summary>
    internal static byte[] Build(Action<Body> body, Styles? styles = null, Numbering? numbering = null)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            if (styles is not null) main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
            if (numbering is not null) main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
            var b = new Body();
            body(b);
            main.Document = new Document(b);
        }
        return ms.ToArray();
    }

    private static Run R(string text) => new(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Paragraph P(params OpenXmlElement[] content) => new(content);

    private static Paragraph Styled(string styleId, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = styleId }), R(text));

    private static Paragraph Numbered(int numId, int level, string text) =>
        new(new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })), R(text));

    private static LoadedDocument Load(byte[] bytes, string name = "doc.docx") => DocumentLoader.FromBytes(bytes, name);

    [Fact]
    public void TextSplitAcrossRunsIsJoined()
    {
        var doc = Load(Build(b => b.Append(
            P(R("全市地区"), new Run(new RunProperties(new Bold()), new W.Text("生产总值")), R("增长"), R("6.5%。")),
            P(new Hyperlink(R("链接"), R("文字")) { Id = "r1" }, new SimpleField(R("字段结果")) { Instruction = "PAGE" }))));
        Assert.Equal("docx", doc.Format);
        Assert.Equal(["全市地区生产总值增长6.5%。", "链接文字字段结果"], Lines(doc));
    }

    [Fact]
    public void DeletedTextAndFieldCodesAreLeftOut_InsertedTextIsKept()
    {
        var doc = Load(Build(b => b.Append(P(
            R("目标"),
            new DeletedRun(new Run(new DeletedText("8%"))) { Id = "1", Author = "a" },
            new InsertedRun(R("7%")) { Id = "2", Author = "a" },
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ")),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            R("（3）"),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End })))));
        Assert.Equal(["目标7%（3）"], Lines(doc));
    }

    [Fact]
    public void TabsStay_LineBreaksStartANewLine()
    {
        var doc = Load(Build(b => b.Append(P(R("指标"), new Run(new TabChar()), R("目标"), new Run(new Break()), R("第二行")))));
        Assert.Equal(["指标\t目标", "第二行"], Lines(doc));
    }

    [Fact]
    public void HeadingStylesGiveHeadingBlocks()
    {
        var styles = new Styles(
            new Style(new StyleName { Val = "heading 1" }) { Type = StyleValues.Paragraph, StyleId = "Heading1" },
            // Chinese Word names styles by number: id "2", name "标题 2".
            new Style(new StyleName { Val = "标题 2" }) { Type = StyleValues.Paragraph, StyleId = "2" },
            new Style(new StyleName { Val = "My Heading" }, new BasedOn { Val = "Heading1" }) { Type = StyleValues.Paragraph, StyleId = "Mine" },
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal" });
        var doc = Load(Build(b => b.Append(
            Styled("Heading1", "一、总体情况"),
            Styled("2", "（一）主要指标"),
            Styled("Mine", "继承的标题"),
            Styled("Normal", "正文段落。"),
            new Paragraph(new ParagraphProperties(new OutlineLevel { Val = 2 }), R("大纲级别三"))), styles));
        Assert.Equal(
        [
            (BlockKind.Heading, 1, "一、总体情况"),
            (BlockKind.Heading, 2, "（一）主要指标"),
            (BlockKind.Heading, 1, "继承的标题"),
            (BlockKind.Paragraph, 0, "正文段落。"),
            (BlockKind.Heading, 3, "大纲级别三"),
        ], doc.Blocks.Select(x => (x.Kind, x.Level, Slice(doc, x.Span))));
    }

    [Fact]
    public void ListNumberingTextIsWrittenWhereWordShowsIt()
    {
        static Level Lvl(int index, NumberFormatValues format, string text, LevelSuffixValues? suffix = null)
        {
            var level = new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = format }, new LevelText { Val = text }) { LevelIndex = index };
            if (suffix is not null) level.Append(new LevelSuffix { Val = suffix.Value });
            return level;
        }
        var numbering = new Numbering(
            new AbstractNum(
                Lvl(0, NumberFormatValues.ChineseCounting, "%1、", LevelSuffixValues.Nothing),
                Lvl(1, NumberFormatValues.Decimal, "（%2）", LevelSuffixValues.Nothing)) { AbstractNumberId = 10 },
            new AbstractNum(Lvl(0, NumberFormatValues.Bullet, "•")) { AbstractNumberId = 20 },
            new AbstractNum(Lvl(0, NumberFormatValues.Decimal, "%1.")) { AbstractNumberId = 30 },
            new NumberingInstance(new AbstractNumId { Val = 10 }) { NumberID = 1 },
            new NumberingInstance(new AbstractNumId { Val = 20 }) { NumberID = 2 },
            new NumberingInstance(new AbstractNumId { Val = 30 }) { NumberID = 3 });
        var doc = Load(Build(b => b.Append(
            Numbered(1, 0, "经济运行"),
            Numbered(1, 1, "地区生产总值"),
            Numbered(1, 1, "工业增加值"),
            Numbered(1, 0, "民生保障"),
            Numbered(1, 1, "新增就业"),
            Numbered(2, 0, "圆点项目"),
            Numbered(3, 0, "带空格的编号")), numbering: numbering));
        Assert.Equal(["一、经济运行", "（1）地区生产总值", "（2）工业增加值", "二、民生保障", "（1）新增就业", "圆点项目", "1. 带空格的编号"], Lines(doc));
        Assert.All(doc.Blocks, x => Assert.Equal(BlockKind.ListItem, x.Kind));
        Assert.Equal([0, 1, 1, 0, 1, 0, 0], doc.Blocks.Select(x => x.Level));
    }

    [Fact]
    public void TablesBecomeRowsAndCells_WithMergedCells()
    {
        static TableCell Cell(string text, int gridSpan = 1, MergedCellValues? vmerge = null, string? second = null)
        {
            var props = new TableCellProperties();
            if (gridSpan > 1) props.Append(new GridSpan { Val = gridSpan });
            if (vmerge is not null) props.Append(new VerticalMerge { Val = vmerge.Value });
            var cell = new TableCell(props, P(R(text)));
            if (second is not null) cell.Append(P(R(second)));
            return cell;
        }
        var doc = Load(Build(b => b.Append(
            P(R("表1 主要指标完成情况")),
            new Table(
                new TableRow(Cell("类别"), Cell("指标名称"), Cell("年度目标"), Cell("完成情况")),
                new TableRow(Cell("经济", vmerge: MergedCellValues.Restart), Cell("地区生产总值增长"), Cell("6%"), Cell("6.5%", second: "（预计）")),
                new TableRow(Cell("", vmerge: MergedCellValues.Continue), Cell("规上工业增加值增长"), Cell("7%"), Cell("7.2%")),
                new TableRow(Cell("备注：数据为快报数", gridSpan: 4))),
            P(R("表后段落。")))));
        Assert.Equal(
        [
            "表1 主要指标完成情况",
            "类别\t指标名称\t年度目标\t完成情况",
            "经济\t地区生产总值增长\t6%\t6.5% （预计）",
            "规上工业增加值增长\t7%\t7.2%",
            "备注：数据为快报数",
            "表后段落。",
        ], Lines(doc));
        var table = Assert.Single(doc.Tables);
        Assert.Equal(4, table.Rows.Count);
        Assert.Equal(2, table.Rows[1].Cells[0].RowSpan);
        Assert.Equal(4, table.Rows[3].Cells[0].ColumnSpan);
        foreach (var cell in table.Rows.SelectMany(r => r.Cells))
            Assert.Equal(cell.Text, Slice(doc, cell.Span));
    }

    [Fact]
    public void ContentControlsAreLookedInto()
    {
        var doc = Load(Build(b => b.Append(
            new SdtBlock(new SdtProperties(), new SdtContentBlock(P(R("控件里的段落")))),
            P(new SdtRun(new SdtContentRun(R("行内控件"))), R("文字")))));
        Assert.Equal(["控件里的段落", "行内控件文字"], Lines(doc));
    }

    [Fact]
    public void ADocumentWithNoTextIsEmpty()
    {
        var e = Assert.Throws<DocumentLoadException>(() => Load(Build(b => b.Append(P())), "blank.docx"));
        Assert.Equal(LoadFailure.Empty, e.Failure);
        Assert.Contains("blank.docx", e.Message);
    }
}
