using System.IO.Compression;
using System.Text;
using GovTextExtract.Loading;
using GovTextExtract.Loading.Fuzzing;
using static GovTextExtract.Tests.Loading.LoadingTestSupport;

namespace GovTextExtract.Tests.Loading;

/// <summary>The loader is chosen by content, not by the file name.</summary>
public class DispatchTests
{
    private static readonly byte[] Pdf = MinimalPdfWriter.Write([[new PdfTextLine(72, 770, 10, "PDF正文")]]);
    private static readonly byte[] Docx = DocxWriter.Write([new DocxParagraph("DOCX正文")]);

    [Fact]
    public void PdfMagicWinsOverTheExtension()
    {
        var doc = DocumentLoader.FromBytes(Pdf, "misnamed.txt");
        Assert.Equal("pdf", doc.Format);
        Assert.Equal(["PDF正文"], Lines(doc));
    }

    [Fact]
    public void PdfMagicAfterLeadingJunkIsFound()
    {
        var bytes = Encoding.ASCII.GetBytes("garbage before the header\n").Concat(Pdf).ToArray();
        Assert.Equal("pdf", DocumentLoader.DetectFormat(bytes));
    }

    [Fact]
    public void AZipWithWordDocumentIsDocx_WhateverItsName()
    {
        var doc = DocumentLoader.FromBytes(Docx, "download.pdf");
        Assert.Equal("docx", doc.Format);
        Assert.Equal(["DOCX正文"], Lines(doc));
    }

    [Fact]
    public void AZipWithoutWordDocumentIsRejected()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        using (var s = zip.CreateEntry("xl/workbook.xml").Open())
            s.Write("<workbook/>"u8);
        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.FromBytes(ms.ToArray(), "sheet.xlsx"));
        Assert.Equal(LoadFailure.Corrupt, e.Failure);
        Assert.Contains("word/document.xml", e.Message);
        Assert.Contains("sheet.xlsx", e.Message);
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><p>正文</p></body></html>")]
    [InlineData("\uFEFF  \r\n <html><body><p>正文</p></body></html>")]
    [InlineData("<!-- 注释 --><!doctype HTML><p>正文</p>")]
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>正文</p></body></html>")]
    [InlineData("<HEAD><TITLE>标题</TITLE></HEAD><BODY><P>正文</P></BODY>")]
    [InlineData("<div>正文</div>")]
    public void HtmlIsSniffedAfterBomWhitespaceAndComments(string html)
    {
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(html), "page.txt");
        Assert.Equal("html", doc.Format);
        Assert.Equal(["正文"], Lines(doc));
    }

    [Fact]
    public void TextThatMentionsATagLaterIsText()
    {
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes("说明：网页用 <p> 标签分段。"), "note.txt");
        Assert.Equal("text", doc.Format);
        Assert.Equal("说明：网页用 <p> 标签分段。", doc.Text);
    }

    [Fact]
    public void AnHtmlNameMakesTaggedTextHtml()
    {
        var bytes = Encoding.UTF8.GetBytes("通报正文开头\n<p>第二段</p>");
        Assert.Equal("html", DocumentLoader.FromBytes(bytes, "page.html").Format);
        Assert.Equal("text", DocumentLoader.FromBytes(bytes, "page.txt").Format);
    }

    [Fact]
    public void LegacyWordAndRtfAreNamedNotGuessed()
    {
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.FromBytes(ole, "old.doc"));
        Assert.Equal(LoadFailure.Corrupt, e.Failure);
        Assert.Contains(".doc", e.Message);
        var rtf = Assert.Throws<DocumentLoadException>(() => DocumentLoader.FromBytes("{\\rtf1 text}"u8.ToArray(), "x.rtf"));
        Assert.Contains("RTF", rtf.Message);
    }

    // Plain text keeps its behaviour ----------------------------------------------------------------------

    private const string Chinese = "全年新增城镇就业1.2万人。";

    [Fact]
    public void PlainTextUtf8()
    {
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(Chinese), "a.txt");
        Assert.Equal(("text", "utf-8", Chinese), (doc.Format, doc.EncodingName, doc.Text));
    }

    [Fact]
    public void PlainTextBomUtf8AndUtf16()
    {
        var utf8 = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Chinese)).ToArray();
        Assert.Equal(Chinese, DocumentLoader.FromBytes(utf8, "a.txt").Text);
        var utf16 = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(Chinese)).ToArray();
        var doc = DocumentLoader.FromBytes(utf16, "a.txt");
        Assert.Equal((Chinese, "utf-16"), (doc.Text, doc.EncodingName));
    }

    [Fact]
    public void PlainTextGb18030Fallback()
    {
        var doc = DocumentLoader.FromBytes(Gb18030.GetBytes(Chinese), "a.txt");
        Assert.Equal((Chinese, "gb18030"), (doc.Text, doc.EncodingName));
    }

    [Fact]
    public void PlainTextBinaryIsRejected()
    {
        var junk = new byte[4096];
        new Random(7).NextBytes(junk);
        junk[0] = 0x01; // not a magic number of any format
        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.FromBytes(junk, "junk.bin"));
        Assert.Equal(LoadFailure.NotText, e.Failure);
        Assert.Contains("junk.bin", e.Message);
    }

    [Fact]
    public void LoadByPathAndByStreamDispatchTheSameWay()
    {
        var path = Path.Combine(Path.GetTempPath(), $"govtext-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, Docx);
        try
        {
            var byPath = DocumentLoader.Load(path);
            Assert.Equal(("docx", Path.GetFileName(path), path), (byPath.Format, byPath.Name, byPath.Path));
            using var stream = new MemoryStream(Pdf);
            Assert.Equal("pdf", DocumentLoader.Load(stream, "s.bin").Format);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
