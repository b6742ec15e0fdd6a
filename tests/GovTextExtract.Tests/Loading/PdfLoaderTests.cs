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
