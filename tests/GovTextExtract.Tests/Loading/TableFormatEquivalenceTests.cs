using System.Diagnostics;
using System.Net;
using System.Text;
using GovTextExtract.Loading;
using GovTextExtract.Loading.Fuzzing;
using static GovTextExtract.Tests.Loading.LoadingTestSupport;

namespace GovTextExtract.Tests.Loading;

/// <summary>Issue 13: the circular and constructed documents with a plain table, a grouped table, merged cells,
/// wrapped cells and a table over two pages, written as text, HTML (UTF-8 and GBK), DOCX and PDF (printed by the
/// system Chromium), give the same records (target and actual values) in every format.</summary>
public sealed class TableFormatEquivalenceTests
{
    /// <summary>A cell with HTML's spans.</summary>
    private sealed record Cell(string Text, int ColumnSpan = 1, int RowSpan = 1);

    /// <summary>A table: its rows, the first <paramref name="HeaderRows"/> of them the header.</summary>
    private sealed record Table(IReadOnlyList<IReadOnlyList<Cell>> Rows, int HeaderRows = 1);

    /// <summary>A document: paragraphs (string) and tables, and the records read by hand (target, actual).</summary>
    private sealed record Doc(string Name, IReadOnlyList<object> Blocks, IReadOnlyList<(decimal? Target, decimal? Actual)> Expected);

    private static IReadOnlyList<Cell> R(params object[] cells) => cells.Select(c => c as Cell ?? new Cell((string)c)).ToArray();

    private static readonly Doc Plain = new("plain", [
        "一、主要指标完成情况",
        "全年新建充电桩612个，完成年度目标任务的122.4%。",
        new Table([
            R("序号", "指标名称", "单位", "年度目标", "完成值", "完成率"),
            R("1", "新增城镇就业", "万人", "1.2", "1.35", "112.5%"),
            R("2", "改造城镇老旧小区", "个", "86", "91", "105.8%"),
            R("3", "推进老旧管网改造", "公里", "50", "正在推进", "—"),
            R("4", "新建农村公路", "公里", "300", "280", "93.3%"),
        ]),
        "二、存在的问题",
    ], [(null, 612), (12000, 13500), (86, 91), (50, null), (300, 280)]);

    private static readonly Doc Grouped = new("grouped", [
        "一、各区主要指标完成情况",
        new Table([
            R(new Cell("地区", RowSpan: 2), new Cell("新增城镇就业（万人）", ColumnSpan: 3), new Cell("改造老旧小区（个）", ColumnSpan: 3)),
            R("目标", "完成", "完成率", "目标", "完成", "完成率"),
            R("甲区", "1.2", "1.35", "112.5%", "86", "91", "105.8%"),
            R("乙区", "0.8", "0.76", "95%", "40", "40", "100%"),
        ], HeaderRows: 2),
        "二、下一步工作",
    ], [(12000, 13500), (86, 91), (8000, 7600), (40, 40)]);

    private static readonly Doc Merged = new("merged", [
        "一、重点任务完成情况",
        new Table([
            R("类别", "项目", "单位", "目标", "完成"),
            R(new Cell("民生", RowSpan: 2), "新增城镇就业", "万人", "1.2", "1.35"),
            R("改造老旧小区", "个", "86", "91"),
            R("基建", "新建农村公路", "公里", "300", "280"),
        ]),
        "二、下一步工作",
    ], [(12000, 13500), (86, 91), (300, 280)]);

    private static readonly Doc Wrapped = new("wrapped", [
        "一、项目推进情况",
        new Table([
            R("序号", "项目名称及主要建设内容", "年度目标任务（公里）", "1-11月累计完成（公里）"),
            R("1", "新建改建农村公路及安全生命防护工程，重点解决断头路和窄路面问题", "300", "280"),
            R("2", "实施城区主次干道提质改造和慢行系统建设", "45", "51"),
        ]),
    ], [(300, 280), (45, 51)]);

    private static readonly Doc TwoPages = new("two-pages", [
        "一、项目推进情况",
        new Table([
            R("序号", "项目名称", "单位", "年度目标", "完成值"),
            .. Enumerable.Range(1, 60).Select(i => R(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"第{i}批次设施建设项目", "个",
                (i * 10).ToString(System.Globalization.CultureInfo.InvariantCulture), (i * 10 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))),
        ]),
        "二、下一步工作",
    ], [.. Enumerable.Range(1, 60).Select(i => ((decimal?)(i * 10), (decimal?)(i * 10 + 1)))]);

    /// <summary>The same long table with its header as an ordinary first row: the browser does not repeat it on the
    /// second page, whose rows continue the table without a header.</summary>
    private static readonly Doc TwoPagesNoRepeat = TwoPages with
    {
        Name = "two-pages-header-once",
        Blocks = [.. TwoPages.Blocks.Select(b => b is Table t ? t with { HeaderRows = 0 } : b)],
    };

    private static readonly Dictionary<string, Doc> Docs = new[] { Plain, Grouped, Merged, Wrapped, TwoPages, TwoPagesNoRepeat }.ToDictionary(d => d.Name);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var doc in Docs.Keys)
            foreach (var format in (string[])["text", "html-utf8", "html-gbk", "docx", "pdf"])
                if (format != "text" || doc is "plain" or "wrapped" or "two-pages" or "two-pages-header-once")
                    data.Add(doc, format);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_format_gives_the_records_read_by_hand(string name, string format)
    {
        var doc = Docs[name];
        var loaded = DocumentLoader.FromBytes(Render(doc, format), name + ".bin");
        var records = GovText.Pipeline.Extract(loaded).Records;

        var got = records.Select(r => (r.Target?.Value, r.Actual?.Value)).Order().ToArray();
        Assert.Equal(doc.Expected.Order().ToArray(), got);
        // Evidence points at the decoded text: every figure's span holds its text.
        foreach (var r in records)
            if (r.Actual is { } a && r.Evidence.Actual is { } span)
                Assert.Equal(a.Text, loaded.Text.Substring(span.Start, span.Length));
    }

    [Fact]
    public void The_circular_printed_to_pdf_by_chromium_gives_the_records_of_its_text()
    {
        var text = DocumentLoader.Load(Path.Combine(RepoRoot(), "corpus", "xianning-2019-completion.txt"));
        var lines = text.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        var pdf = PrintToPdf(Html(lines.Select(l => (object)l).ToArray(), "utf-8"));

        static (string, decimal?, decimal?)[] Key(ExtractionResult r) => r.Records.Select(x => (x.Indicator, x.Target?.Value, x.Actual?.Value)).ToArray();
        var fromText = GovText.Pipeline.Extract(text);
        var fromPdf = GovText.Pipeline.Extract(DocumentLoader.FromBytes(pdf, "circular.pdf"));

        Assert.True(fromText.Records.Count >= 60, $"the circular gives {fromText.Records.Count} records");
        Assert.Equal(Key(fromText), Key(fromPdf));
    }

    private static byte[] Render(Doc doc, string format) => format switch
    {
        "text" => Encoding.UTF8.GetBytes(string.Join("\n", doc.Blocks.SelectMany(b => b is Table t
            ? t.Rows.Select(r => string.Join("\t", r.Select(c => c.Text)))
            : [(string)b])) + "\n"),
        "html-utf8" => Encoding.UTF8.GetBytes(Html(doc.Blocks, "utf-8")),
        "html-gbk" => Gb18030.GetBytes(Html(doc.Blocks, "gbk")),
        "docx" => DocxWriter.Write(doc.Blocks.Select(b => b is Table t
            ? new DocxSpannedTable(t.Rows.Select(r => (IReadOnlyList<DocxCell>)r.Select(c => new DocxCell(c.Text, c.ColumnSpan, c.RowSpan)).ToArray()).ToArray())
            : (DocxBlock)new DocxParagraph((string)b))),
        "pdf" => PrintToPdf(Html(doc.Blocks, "utf-8")),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static string Html(IReadOnlyList<object> blocks, string charset)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html><head><meta charset=\"").Append(charset).Append("\"><title>通报</title><style>")
          .Append("body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;font-size:12pt}")
          .Append("table{border-collapse:collapse}td,th{border:1px solid #000;padding:2px 6px}")
          .Append("th{font-weight:normal}td:nth-child(2){max-width:14em}th{max-width:7em}</style></head>\n<body>\n");
        foreach (var block in blocks)
        {
            if (block is Table t)
            {
                sb.Append("<table><thead>");
                for (var r = 0; r < t.Rows.Count; r++)
                {
                    if (r == t.HeaderRows) sb.Append("</thead><tbody>");
                    var tag = r < t.HeaderRows ? "th" : "td";
                    sb.Append("<tr>");
                    foreach (var c in t.Rows[r])
                    {
                        sb.Append('<').Append(tag);
                        if (c.ColumnSpan > 1) sb.Append(" colspan=\"").Append(c.ColumnSpan).Append('"');
                        if (c.RowSpan > 1) sb.Append(" rowspan=\"").Append(c.RowSpan).Append('"');
                        sb.Append('>').Append(WebUtility.HtmlEncode(c.Text)).Append("</").Append(tag).Append('>');
                    }
                    sb.Append("</tr>\n");
                }
                sb.Append("</tbody></table>\n");
            }
            else
            {
                sb.Append("<p>").Append(WebUtility.HtmlEncode((string)block)).Append("</p>\n");
            }
        }
        return sb.Append("</body></html>\n").ToString();
    }

    /// <summary>Prints a page to PDF with the system Chromium (Debian's <c>chromium</c>; .ci/run installs it).</summary>
    private static byte[] PrintToPdf(string html)
    {
        const string chromium = "/usr/bin/chromium";
        Assert.True(File.Exists(chromium), "Chromium is not installed at /usr/bin/chromium: apt-get install -y chromium fonts-wqy-microhei (.ci/run does)");
        var dir = Directory.CreateTempSubdirectory("govtext-pdf-");
        try
        {
            var page = Path.Combine(dir.FullName, "page.html");
            var pdf = Path.Combine(dir.FullName, "page.pdf");
            File.WriteAllText(page, html, new UTF8Encoding(false));
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var a in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                         $"--user-data-dir={Path.Combine(dir.FullName, "profile")}", $"--print-to-pdf={pdf}", new Uri(page).AbsoluteUri])
                start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not print the page within 120 s");
            }
            Assert.True(File.Exists(pdf), "Chromium wrote no PDF: " + stderr.Result);
            return File.ReadAllBytes(pdf);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
