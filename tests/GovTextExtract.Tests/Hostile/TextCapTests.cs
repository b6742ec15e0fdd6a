using System.IO.Compression;
using System.Text;
using GovTextExtract.Cli;
using GovTextExtract.Loading;
using GovTextExtract.Loading.Fuzzing;

namespace GovTextExtract.Tests.Hostile;

/// <summary>Issue 17, row 5 and must-have 2: the cap on the text a document gives is enforced while it is read and
/// inflated (DOCX runs, PDF streams, HTML, text), and a document past it fails as too large, alone or in a batch.</summary>
public sealed class TextCapTests : HostileTestBase
{
    private static LoadOptions Cap(long characters) => new() { MaxTextCharacters = characters, TimeBudget = TimeSpan.FromSeconds(30) };

    private static string Dense(int characters)
    {
        var sb = new StringBuilder(characters + 64);
        while (sb.Length < characters) sb.Append(OneRecord).Append('\n');
        return sb.ToString(0, characters);
    }

    [Fact]
    public void A_docx_whose_one_run_holds_more_text_than_the_cap_is_refused_while_it_is_inflated()
    {
        var docx = DocxWriter.Write([new DocxParagraph(new string('字', 400_000))]);
        Assert.True(docx.Length < 50_000, $"the test DOCX should compress well, is {docx.Length} bytes");

        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.FromBytes(docx, "run.docx", Cap(100_000)));

        Assert.Equal(LoadFailure.TooLarge, e.Failure);
        // Refused by the zip check, before the Word SDK built the document.
        Assert.Contains("word/document.xml, counted while inflating", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("run.docx: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_docx_under_the_cap_loads_and_one_over_it_by_its_text_alone_is_refused()
    {
        var paragraphs = Enumerable.Range(0, 50).Select(i => (DocxBlock)new DocxParagraph($"第{i}段。" + new string('文', 200))).ToArray();
        var docx = DocxWriter.Write(paragraphs);

        var loaded = DocumentLoader.FromBytes(docx, "ok.docx", Cap(1_000_000));
        Assert.InRange(loaded.Text.Length, 50 * 200, 1_000_000);

        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.FromBytes(docx, "ok.docx", Cap(loaded.Text.Length / 2)));
        Assert.Equal(LoadFailure.TooLarge, e.Failure);
    }

    [Fact]
    public void A_pdf_page_whose_compressed_stream_shows_millions_of_glyphs_is_refused_before_pdfpig_reads_it()
    {
        var content = "BT /F1 1 Tf 10 10 Td (" + new string('A', 1_000_000) + ") Tj ET";
        var pdf = PdfWithStream(content, "/Filter /FlateDecode");
        Assert.True(pdf.Length < 100_000, $"the test PDF should compress well, is {pdf.Length} bytes");

        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.FromBytes(pdf, "bomb.pdf"));

        Assert.Equal(LoadFailure.TooLarge, e.Failure);
        Assert.Contains("content streams shows more than", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pdf_whose_streams_expand_past_the_decompression_cap_is_a_bomb()
    {
        // Two megabytes of drawing operators and no string at all.
        var content = string.Concat(Enumerable.Repeat("0 0 m 1 1 l S\n", 150_000));
        var pdf = PdfWithStream(content, "/Filter /FlateDecode");

        var e = Assert.Throws<DocumentLoadException>(() =>
            DocumentLoader.FromBytes(pdf, "lines.pdf", new LoadOptions { MaxDecompressedBytes = 1_000_000 }));

        Assert.Equal(LoadFailure.ZipBomb, e.Failure);
        Assert.Contains("PDF's compressed streams expand past", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void String_bytes_are_counted_in_literal_and_hex_strings_but_not_in_dictionaries()
    {
        var meter = new PdfStreamGuard.StringMeter();
        meter.Feed(Encoding.Latin1.GetBytes("<< /Type /XObject >> BT (ab\\)c(d)) Tj <4E2D 6587> Tj [(x) -20 <00>] TJ ET"));
        // "ab)c(d)" is 7 bytes, <4E2D6587> 4, (x) 1, <00> 1.
        Assert.Equal(13, meter.Bytes);
    }

    [Fact]
    public void A_pdf_with_ordinary_compressed_pages_loads_and_its_text_counts_against_the_cap()
    {
        var builder = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        var font = builder.AddStandard14Font(UglyToad.PdfPig.Fonts.Standard14Fonts.Standard14Font.Helvetica);
        for (var p = 0; p < 3; p++)
        {
            var page = builder.AddPage(595, 842);
            for (var line = 0; line < 30; line++)
                page.AddText($"Page {p} line {line}: new urban jobs 12000, 120% of the annual target.", 10,
                    new UglyToad.PdfPig.Core.PdfPoint(50, 800 - line * 20), font);
        }
        var pdf = builder.Build();
        Assert.Contains("/FlateDecode", Encoding.Latin1.GetString(pdf), StringComparison.Ordinal);

        var loaded = DocumentLoader.FromBytes(pdf, "three-pages.pdf");
        Assert.Contains("Page 2 line 29", loaded.Text, StringComparison.Ordinal);

        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.FromBytes(pdf, "three-pages.pdf", Cap(loaded.Text.Length / 3)));
        Assert.Equal(LoadFailure.TooLarge, e.Failure);
    }

    [Fact]
    public void Plain_text_and_html_past_the_cap_are_too_large()
    {
        var text = Dense(20_000);
        Assert.Equal(LoadFailure.TooLarge, Assert.Throws<DocumentLoadException>(() =>
            DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(text), "long.txt", Cap(10_000))).Failure);
        var html = "<html><body>" + string.Concat(text.Split('\n').Select(l => "<p>" + l + "</p>")) + "</body></html>";
        Assert.Equal(LoadFailure.TooLarge, Assert.Throws<DocumentLoadException>(() =>
            DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(html), "long.html", Cap(10_000))).Failure);

        Assert.Equal(text.Length, DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(text), "long.txt", Cap(20_000)).Text.Length);
    }

    [Fact]
    public void Text_handed_to_the_pipeline_past_its_cap_fails_with_a_typed_reason()
    {
        var pipeline = new ExtractionPipeline(new ExtractionOptions { MaxTextCharacters = 1_000 });

        var e = Assert.Throws<ExtractionBudgetException>(() => pipeline.ExtractText(Dense(5_000), "long"));

        Assert.Equal(ExtractionBudget.TooLarge, e.Kind);
        Assert.Equal(5_000, e.Characters);
        Assert.Equal(1_000, e.MaxCharacters);
        Assert.Single(pipeline.ExtractText(OneRecord, "short").Records);
    }

    [Fact]
    public void The_cli_takes_max_text_and_a_batch_records_too_large_and_goes_on()
    {
        var folder = P("in");
        Write("in/long.txt", Dense(30_000));
        Write("in/short.txt", OneRecord);
        var single = Run("extract", P("in/long.txt"), "--max-text", "10000");
        Assert.Equal(ExitCodes.InputFailed, single.Code);
        Assert.Contains("long.txt", single.Err, StringComparison.Ordinal);
        Assert.Contains("10000 characters", single.Err, StringComparison.Ordinal);

        var store = P("out.sqlite");
        var batch = Run("batch", folder, "--out", store, "--max-text", "10000", "--progress", "none");

        Assert.Equal(ExitCodes.InputFailed, batch.Code);
        var rows = Query(store, "SELECT path, status, failure FROM documents ORDER BY path");
        Assert.Equal(["long.txt\tfailed\ttoo_large", "short.txt\tok\tNULL"], rows);
    }

    /// <summary>A one-page PDF whose page content is <paramref name="content"/>, compressed with zlib.</summary>
    private static byte[] PdfWithStream(string content, string filter)
    {
        using var packed = new MemoryStream();
        using (var z = new ZLibStream(packed, CompressionLevel.SmallestSize, leaveOpen: true))
            z.Write(Encoding.Latin1.GetBytes(content));
        var data = packed.ToArray();
        using var pdf = new MemoryStream();
        void W(string s) => pdf.Write(Encoding.Latin1.GetBytes(s));
        W("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        W("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>\nendobj\n");
        W($"4 0 obj\n<< /Length {data.Length} {filter} >>\nstream\n");
        pdf.Write(data);
        W("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        return pdf.ToArray();
    }
}

/// <summary>Issue 17, row 6: how the bytes became text (invalid UTF-8 replaced) is said by every command that reads
/// the file, and kept in extract's JSON, not only printed by <c>extract</c>.</summary>
public sealed class LoadWarningTests : HostileTestBase
{
    private string StrayByte(string relative)
    {
        var bytes = Encoding.UTF8.GetBytes(OneRecord + "\n").ToList();
        bytes.Insert(6, 0xFF);
        var path = P(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    [Fact]
    public void Extract_keeps_the_warning_in_its_json_and_batch_and_audit_say_it_on_stderr()
    {
        var file = StrayByte("in/stray.txt");
        Write("in/clean.txt", OneRecord);

        var extract = Run("extract", file);
        Assert.Equal(ExitCodes.Success, extract.Code);
        using (var json = System.Text.Json.JsonDocument.Parse(extract.Out))
        {
            var warnings = json.RootElement.GetProperty("warnings");
            Assert.Equal(1, warnings.GetArrayLength());
            Assert.Contains("invalid UTF-8 byte sequence", warnings[0].GetString(), StringComparison.Ordinal);
            Assert.Single(json.RootElement.GetProperty("records").EnumerateArray());
        }
        var clean = Run("extract", P("in/clean.txt"));
        Assert.DoesNotContain("\"warnings\"", clean.Out, StringComparison.Ordinal);

        var batch = Run("batch", P("in"), "--out", P("out.jsonl"), "--progress", "none");
        Assert.Equal(ExitCodes.Success, batch.Code);
        Assert.Contains("batch: stray.txt: warning: ", batch.Err, StringComparison.Ordinal);
        Assert.Contains("invalid UTF-8 byte sequence(s) replaced by U+FFFD", batch.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("clean.txt: warning", batch.Err, StringComparison.Ordinal);

        var audit = Run("audit", P("in"), "--out", P("audit.xlsx"));
        Assert.Equal(ExitCodes.Success, audit.Code);
        Assert.Contains("stray.txt: warning: ", audit.Err, StringComparison.Ordinal);
    }
}
