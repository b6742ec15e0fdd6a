using System.Text;
using GovTextExtract.Loading;
using static GovTextExtract.Tests.Loading.LoadingTestSupport;

namespace GovTextExtract.Tests.Loading;

public class HtmlLoaderTests
{
    static HtmlLoaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Page = """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>页面标题不是正文</title>
        <style>.x { color: red }</style>
        <script>document.write("<p>脚本输出</p>");</script></head>
        <body>
        <header class="site"><a href="/">网站首页</a></header>
        <nav><ul><li>导航一</li><li>导航二</li></ul></nav>
        <div class="breadcrumb">当前位置：首页 &gt; 政务公开</div>
        <div id="main">
          <h1>关于年度重点工作完成情况的通报</h1>
          <p>全市地区生产总值
             增长6.5%。</p>
          <p>规模以上工业增加值增长<b>7.2%</b>，<span>高于</span>全省平均。</p>
          <ol><li>新增城镇就业1.2万人</li><li>城镇登记失业率3.1%</li></ol>
          <p style="display: none">隐藏段落</p>
          <table>
            <thead><tr><th>指标名称</th><th>年度目标</th><th>完成情况</th></tr></thead>
            <tbody>
              <tr><td>地区生产总值增长</td><td>6%</td><td><p>6.5%</p></td></tr>
              <tr><td>新增城镇就业</td><td>1万人</td><td>1.2万人</td></tr>
            </tbody>
          </table>
          <p>第一行<br>第二行</p>
          <noscript>请启用脚本</noscript>
        </div>
        <footer>版权所有 网站标识码</footer>
        <div class="share-bar">分享到</div>
        </body></html>
        """;

    [Fact]
    public void KeepsHeadingsParagraphsListItemsAndTables_DropsChrome()
    {
        var doc = Html(Page);
        Assert.Equal("html", doc.Format);
        Assert.Equal("utf-8", doc.EncodingName);
        Assert.Equal(
        [
            "关于年度重点工作完成情况的通报",
            "全市地区生产总值增长6.5%。",
            "规模以上工业增加值增长7.2%，高于全省平均。",
            "新增城镇就业1.2万人",
            "城镇登记失业率3.1%",
            "指标名称\t年度目标\t完成情况",
            "地区生产总值增长\t6%\t6.5%",
            "新增城镇就业\t1万人\t1.2万人",
            "第一行",
            "第二行",
        ], Lines(doc));
    }

    [Fact]
    public void RecordsWhatEachLineIs()
    {
        var doc = Html(Page);
        var kinds = doc.Blocks.Select(b => (b.Kind, b.Level, Slice(doc, b.Span))).ToArray();
        Assert.Equal((BlockKind.Heading, 1, "关于年度重点工作完成情况的通报"), kinds[0]);
        Assert.Equal((BlockKind.Paragraph, 0, "全市地区生产总值增长6.5%。"), kinds[1]);
        Assert.Equal((BlockKind.ListItem, 0, "新增城镇就业1.2万人"), kinds[3]);
        Assert.Equal(BlockKind.TableRow, kinds[5].Kind);
        Assert.Equal(BlockKind.Paragraph, kinds[8].Kind);
        Assert.Equal(10, kinds.Length);
    }

    [Fact]
    public void TableCellsCarryTheirSpansInTheText()
    {
        var doc = Html(Page);
        var table = Assert.Single(doc.Tables);
        Assert.Equal(3, table.Rows.Count);
        Assert.Equal(["地区生产总值增长", "6%", "6.5%"], table.Rows[1].Cells.Select(c => c.Text));
        foreach (var cell in table.Rows.SelectMany(r => r.Cells))
            Assert.Equal(cell.Text, Slice(doc, cell.Span));
        Assert.Equal("指标名称\t年度目标\t完成情况", Slice(doc, table.Rows[0].Span));
        Assert.Equal(table.Rows[0].Span.Start, table.Span.Start);
        Assert.Equal(table.Rows[2].Span.End, table.Span.End);
    }

    [Fact]
    public void LineBreakInsideChineseDisappears_BetweenLatinWordsBecomesSpace()
    {
        var doc = Html("<html><body><p>城镇\n  新增就业 and\nmore words</p></body></html>");
        Assert.Equal(["城镇新增就业 and more words"], Lines(doc));
    }

    [Fact]
    public void AnArticlesOwnHeaderIsKept_ThePagesIsDropped()
    {
        var doc = Html("""
            <html><body><header>站点名称</header>
            <article><header><h2>文章标题</h2><p>发布日期：2020年1月2日</p></header><p>正文内容。</p>
            <footer>责任编辑：某某</footer></article></body></html>
            """);
        Assert.Equal(["文章标题", "发布日期：2020年1月2日", "正文内容。", "责任编辑：某某"], Lines(doc));
    }

    [Fact]
    public void LayoutTablesAreReadAsBlocks_NotAsDataTables()
    {
        var doc = Html("""
            <html><body><table><tr><td><table><tr><td>导航</td><td>链接</td></tr></table></td></tr>
            <tr><td><p>第一段正文。</p><p>第二段正文。</p></td></tr></table></body></html>
            """);
        // The outer table holds a table: it is page layout, its cells are read as blocks; the inner one is data.
        var table = Assert.Single(doc.Tables);
        Assert.Single(table.Rows);
        Assert.Equal(["导航\t链接", "第一段正文。", "第二段正文。"], Lines(doc));
    }

    [Fact]
    public void ColumnAndRowSpansAreRecorded()
    {
        var doc = Html("""
            <html><body><table>
            <tr><th rowspan="2">指标</th><th colspan="2">2019年</th></tr>
            <tr><th>目标</th><th>完成</th></tr>
            <tr><td>新增就业</td><td>1万人</td><td>1.2万人</td></tr>
            </table></body></html>
            """);
        var table = Assert.Single(doc.Tables);
        Assert.Equal((1, 2), (table.Rows[0].Cells[0].ColumnSpan, table.Rows[0].Cells[0].RowSpan));
        Assert.Equal((2, 1), (table.Rows[0].Cells[1].ColumnSpan, table.Rows[0].Cells[1].RowSpan));
        Assert.Equal(2, table.Rows[1].Cells.Count);
    }

    [Fact]
    public void APageWithOnlyChromeFallsBackToItsVisibleText()
    {
        // The class heuristics would drop everything; a page is never read as empty because of them.
        var doc = Html("<html><body><div class=\"menu\">唯一的正文在这里。</div><script>var x;</script></body></html>");
        Assert.Equal(["唯一的正文在这里。"], Lines(doc));
    }

    [Fact]
    public void APageWithNoTextIsEmpty()
    {
        var e = Assert.Throws<DocumentLoadException>(() =>
            Html("<html><head><script>var a = 1;</script></head><body><img src=a.png></body></html>", "blank.html"));
        Assert.Equal(LoadFailure.Empty, e.Failure);
        Assert.Contains("blank.html", e.Message);
    }

    // Charset paths ------------------------------------------------------------------------------------------

    private const string Chinese = "城镇登记失业率控制在4.5%以内";

    private static byte[] PageBytes(Encoding encoding, string head) =>
        encoding.GetBytes($"<html><head>{head}</head><body><p>{Chinese}</p></body></html>");

    private const string Traditional = "城鎮登記失業率控制在4.5%以內";

    private static byte[] Big5Page(string head) =>
        Encoding.GetEncoding("big5").GetBytes($"<html><head>{head}</head><body><p>{Traditional}</p></body></html>");

    [Fact]
    public void MetaCharsetIsHonoured()
    {
        // Big5 bytes read as GB18030 would be other characters: only the declaration gives the right text.
        Assert.NotEqual(Traditional, Gb18030.GetString(Encoding.GetEncoding("big5").GetBytes(Traditional)));
        var doc = DocumentLoader.FromBytes(Big5Page("<meta charset=\"big5\">"), "big5.html");
        Assert.Equal([Traditional], Lines(doc));
        Assert.Equal("big5", doc.EncodingName);
    }

    [Fact]
    public void HttpEquivContentTypeIsHonoured()
    {
        var doc = DocumentLoader.FromBytes(
            Big5Page("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=big5\">"), "big5.html");
        Assert.Equal([Traditional], Lines(doc));
    }

    [Fact]
    public void Gb2312DeclarationReadsAsGb18030()
    {
        var doc = DocumentLoader.FromBytes(
            PageBytes(Gb18030, "<meta http-equiv=Content-Type content='text/html;charset=gb2312'>"), "gb.html");
        Assert.Equal([Chinese], Lines(doc));
        Assert.Equal("gb18030", doc.EncodingName);
    }

    [Fact]
    public void UndeclaredGbkIsDetected()
    {
        var doc = DocumentLoader.FromBytes(PageBytes(Gb18030, "<title>t</title>"), "gb.html");
        Assert.Equal([Chinese], Lines(doc));
        Assert.Equal("gb18030", doc.EncodingName);
    }

    [Fact]
    public void UndeclaredUtf8IsDetected()
    {
        var doc = DocumentLoader.FromBytes(PageBytes(Encoding.UTF8, ""), "u.html");
        Assert.Equal([Chinese], Lines(doc));
        Assert.Equal("utf-8", doc.EncodingName);
    }

    [Fact]
    public void DeclaredUtf8ThatIsNotUtf8FallsBackToGb18030()
    {
        var doc = DocumentLoader.FromBytes(PageBytes(Gb18030, "<meta charset=\"utf-8\">"), "mislabelled.html");
        Assert.Equal([Chinese], Lines(doc));
        Assert.Equal("gb18030", doc.EncodingName);
    }

    [Fact]
    public void ByteOrderMarkWinsOverTheDeclaration()
    {
        var bytes = new byte[] { 0xFF, 0xFE }.Concat(PageBytes(Encoding.Unicode, "<meta charset=\"gbk\">")).ToArray();
        var doc = DocumentLoader.FromBytes(bytes, "utf16.html");
        Assert.Equal("html", doc.Format);
        Assert.Equal([Chinese], Lines(doc));
        Assert.Equal("utf-16", doc.EncodingName);
    }

    [Fact]
    public void ACharsetInsideACommentIsIgnored()
    {
        var big5 = Encoding.GetEncoding("big5");
        var doc = DocumentLoader.FromBytes(PageBytes(Gb18030, "<!-- <meta charset=\"big5\"> -->"), "c.html");
        Assert.Equal([Chinese], Lines(doc));
        Assert.NotEqual(big5.WebName, doc.EncodingName);
    }
}
