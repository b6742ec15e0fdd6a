using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace GovTextExtract.Loading.Fuzzing;

/// <summary>A document the fuzzer mutates.</summary>
/// <param name="Name">A name with the extension of its format (names the case in reports).</param>
/// <param name="Bytes">The document's bytes.</param>
public sealed record FuzzSeed(string Name, byte[] Bytes);

/// <summary>The fuzzer's built-in seeds: one small, valid document of each format and charset path, written here
/// (no file is read), in the genre's wording but with made-up figures.</summary>
internal static class SeedDocuments
{
    private static readonly string[] Paragraphs =
    [
        "一、主要指标完成情况",
        "全年地区生产总值增长6.5%（目标6%左右）；规模以上工业增加值增长7.2%（目标7%）。",
        "城镇登记失业率3.1%（目标控制在4.5%以内），居民消费价格涨幅2.2%（目标3%左右）。",
        "新增城镇就业1.2万人，完成年度目标任务的120%。",
    ];

    private static readonly string[][] TableRows =
    [
        ["指标名称", "年度目标", "完成情况", "完成率"],
        ["地区生产总值增长", "6%", "6.5%", "108.3%"],
        ["新增城镇就业(万人)", "1", "1.2", "120%"],
    ];

    /// <summary>Every built-in seed.</summary>
    public static IReadOnlyList<FuzzSeed> All(long zipBombBytes) =>
    [
        new("plain-utf8.txt", Encoding.UTF8.GetBytes(string.Join("\n", Paragraphs) + "\n指标名称|年度目标|完成情况\n地区生产总值增长|6%|6.5%\n")),
        new("plain-gb18030.txt", TextDecoder.Gb18030.GetBytes(string.Join("\r\n", Paragraphs))),
        new("page-utf8.html", Encoding.UTF8.GetBytes(Html("utf-8"))),
        new("page-gbk-meta.html", TextDecoder.Gb18030.GetBytes(Html("gbk"))),
        new("page-gbk-undeclared.html", TextDecoder.Gb18030.GetBytes(Html(null))),
        new("report.docx", Docx()),
        new("latin.pdf", LatinPdf()),
        new("cjk.pdf", MinimalPdfWriter.Write(MinimalPdfWriter.Layout(Paragraphs.Concat(TableRows.Select(r => string.Join("  ", r)))))),
        new("encrypted.pdf", MinimalPdfWriter.Write(MinimalPdfWriter.Layout(Paragraphs), encrypted: true)),
        new("bomb.docx", DocxWriter.Write([new DocxParagraph(Paragraphs[1])],
            extraEntries: [("word/media/filler.bin", new byte[checked((int)Math.Min(zipBombBytes + 1, int.MaxValue / 2))])])),
    ];

    /// <summary>An HTML page with chrome (navigation, script, footer), a heading, paragraphs, a list and a table.</summary>
    public static string Html(string? charset)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head>");
        if (charset is not null) sb.Append("<meta charset=\"").Append(charset).Append("\">");
        sb.Append("<title>通报</title><style>p{margin:0}</style><script>var a = '<p>不是正文</p>';</script></head>\n<body>");
        sb.Append("<div class=\"nav\"><a href=\"/\">首页</a> | <a href=\"/zw\">政务公开</a></div>\n<div class=\"content\">");
        sb.Append("<h2>").Append(Paragraphs[0]).Append("</h2>\n");
        foreach (var p in Paragraphs.Skip(1)) sb.Append("<p>").Append(p).Append("</p>\n");
        sb.Append("<ul><li>项目建设有序推进</li><li>民生实事全部完成</li></ul>\n<table>");
        foreach (var row in TableRows)
            sb.Append("<tr>").Append(string.Concat(row.Select(c => "<td>" + c + "</td>"))).Append("</tr>\n");
        sb.Append("</table></div>\n<div id=\"footer\">版权所有 网站标识码</div></body></html>\n");
        return sb.ToString();
    }

    private static byte[] Docx() => DocxWriter.Write(
        new DocxBlock[] { new DocxParagraph(Paragraphs[0], HeadingLevel: 1) }
            .Concat(Paragraphs.Skip(1).Select(p => (DocxBlock)new DocxParagraph(p, Numbered: true)))
            .Append(new DocxTable(TableRows)),
        runLength: 7);

    private static byte[] LatinPdf()
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        var y = 770.0;
        foreach (var line in (string[])["Annual targets and results", "GDP growth 6.5% (target 6%).",
            "Urban unemployment 3.1% (target below 4.5%).", "New urban jobs 12000, 120% of the annual target."])
        {
            page.AddText(line, 11, new PdfPoint(72, y), font);
            y -= 18;
        }
        // The builder writes a random document /ID; a fixed one (same length, so offsets hold) keeps seeds reproducible.
        var pdf = builder.Build();
        var text = Encoding.Latin1.GetString(pdf);
        var id = text.IndexOf("/ID [", StringComparison.Ordinal);
        if (id >= 0)
        {
            var end = text.IndexOf(']', id);
            var chars = text.ToCharArray();
            for (var i = id + 5; i < end; i++)
                if (char.IsAsciiHexDigit(chars[i])) chars[i] = '0';
            pdf = Encoding.Latin1.GetBytes(chars);
        }
        return pdf;
    }
}
