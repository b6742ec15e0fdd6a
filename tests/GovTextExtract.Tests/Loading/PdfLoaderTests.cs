using GovTextExtract.Loading;
using GovTextExtract.Loading.Fuzzing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using static GovTextExtract.Tests.Loading.LoadingTestSupport;

namespace GovTextExtract.Tests.Loading;

public class PdfLoaderTests
{
    private static LoadedDocument Load(byte[] bytes, string name = "doc.pdf") => DocumentLoader.FromBytes(bytes, name);

    private static byte[] Cjk(params IReadOnlyList<PdfTextLine>[] pages) => MinimalPdfWriter.Write(pages);

    private static PdfTextLine L(double x, double y, double size, string text) => new(x, y, size, text);

    [Fact]
    public void LatinTextFromStandardFontsReadsInOrder()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        // Written bottom line first: reading order comes from positions, not from the content stream.
        page.AddText("Second paragraph.", 11, new PdfPoint(72, 700), font);
        page.AddText("Annual report of targets", 11, new PdfPoint(72, 760), font);
        var doc = Load(builder.Build());
        Assert.Equal("pdf", doc.Format);
        Assert.Equal(1, doc.PageCount);
        Assert.Equal(["Annual report of targets", "Second paragraph."], Lines(doc));
    }

    [Fact]
    public void WrappedChineseLinesJoinIntoParagraphs_GapsSeparateThem()
    {
        // Three lines of one paragraph (the last one short), a gap, then a one-line paragraph.
        var doc = Load(Cjk([
            L(72, 770, 10, "全市地区生产总值增长百分之六点五，规模以上工业"),
            L(72, 755, 10, "增加值增长百分之七点二，固定资产投资增长百分之"),
            L(72, 740, 10, "十。"),
            L(72, 715, 10, "新增城镇就业一万二千人。"),
        ]));
        Assert.Equal(["全市地区生产总值增长百分之六点五，规模以上工业增加值增长百分之七点二，固定资产投资增长百分之十。", "新增城镇就业一万二千人。"], Lines(doc));
    }

    [Fact]
    public void AnIndentedLineStartsAParagraph()
    {
        var doc = Load(Cjk([
            L(92, 770, 10, "第一段第一行文字写满整行宽度的中文内容在这里"),
            L(72, 755, 10, "第一段第二行文字也写满整行宽度的中文内容了吧对吧"),
            L(92, 740, 10, "第二段首行缩进两个字符的中文内容写在这里呢。"),
        ]));
        Assert.Equal(["第一段第一行文字写满整行宽度的中文内容在这里第一段第二行文字也写满整行宽度的中文内容了吧对吧", "第二段首行缩进两个字符的中文内容写在这里呢。"], Lines(doc));
    }

    [Fact]
    public void A_line_that_opens_with_a_heading_or_item_marker_starts_a_paragraph_after_a_full_line()
    {
        // Issue 13: a paragraph ending at the right margin, then a heading at the same pitch and no indent.
        var doc = Load(Cjk([
            L(72, 770, 10, "新建充电桩五百个，全年新建充电桩六百一十二个，完成"),
            L(72, 755, 10, "年度目标任务的百分之一百二十二点四，超额完成任务。"),
            L(72, 740, 10, "二、存在的问题和下一步工作打算以及具体措施安排如下"),
            L(72, 725, 10, "（三）加快推进重点项目建设，确保全年任务全面完成好"),
            L(72, 710, 10, "4.全年新增城镇就业一万二千人，完成目标的一百二十"),
            L(72, 695, 10, "4.5万人次参加培训，一是加强统筹，二是压实责任分工。"),
        ]));
        Assert.Equal([
            "新建充电桩五百个，全年新建充电桩六百一十二个，完成年度目标任务的百分之一百二十二点四，超额完成任务。",
            "二、存在的问题和下一步工作打算以及具体措施安排如下",
            "（三）加快推进重点项目建设，确保全年任务全面完成好",
            // A figure at the start of a line (4.5万) is no item number: the line runs on.
            "4.全年新增城镇就业一万二千人，完成目标的一百二十4.5万人次参加培训，一是加强统筹，二是压实责任分工。",
        ], Lines(doc));
    }

    [Fact]
    public void AParagraphRunsOnOverAPageBreak_PageNumbersAreDropped()
    {
        var doc = Load(Cjk(
            [L(72, 770, 10, "跨页的段落从第一页开始写满整行的中文内容文字"), L(280, 40, 10, "- 1 -")],
            [L(72, 770, 10, "在第二页结束。"), L(280, 40, 10, "- 2 -")]));
        Assert.Equal(2, doc.PageCount);
        Assert.Equal(["跨页的段落从第一页开始写满整行的中文内容文字在第二页结束。"], Lines(doc));
    }

    [Fact]
    public void WideGapsBecomeTabs()
    {
        var doc = Load(Cjk([
            L(72, 770, 10, "指标名称"), L(250, 770, 10, "年度目标"), L(400, 770, 10, "完成情况"),
            L(72, 750, 10, "地区生产总值增长"), L(250, 750, 10, "6%"), L(400, 750, 10, "6.5%"),
        ]));
        Assert.Equal(["指标名称\t年度目标\t完成情况", "地区生产总值增长\t6%\t6.5%"], Lines(doc));
    }

    [Fact]
    public void SpacesBetweenWordsAreKept()
    {
        var doc = Load(Cjk([L(72, 770, 10, "索 引 号: 2020-13922")]));
        Assert.Equal(["索 引 号: 2020-13922"], Lines(doc));
    }

    [Fact]
    public void ALargerFontLineIsAHeading()
    {
        var doc = Load(Cjk([
            L(72, 770, 16, "主要指标完成情况"),
            L(72, 740, 10, "全市地区生产总值增长百分之六点五。"),
        ]));
        Assert.Equal(BlockKind.Heading, doc.Blocks[0].Kind);
        Assert.Equal(BlockKind.Paragraph, doc.Blocks[1].Kind);
    }

    [Fact]
    public void AnEncryptedPdfIsATypedError()
    {
        var bytes = MinimalPdfWriter.Write([[new PdfTextLine(72, 770, 10, "加密的文档")]], encrypted: true);
        var e = Assert.Throws<DocumentLoadException>(() => Load(bytes, "secret.pdf"));
        Assert.Equal(LoadFailure.Encrypted, e.Failure);
        Assert.Contains("secret.pdf", e.Message);
    }

    [Fact]
    public void PagesWithoutTextAreNoText()
    {
        var bytes = MinimalPdfWriter.Write([[new PdfTextLine(72, 770, 10, "看不见")], [new PdfTextLine(72, 770, 10, "扫描页")]], textless: true);
        var e = Assert.Throws<DocumentLoadException>(() => Load(bytes, "scan.pdf"));
        Assert.Equal(LoadFailure.NoText, e.Failure);
        Assert.Contains("scan.pdf", e.Message);
        Assert.Contains("2 page", e.Message);
    }
}
