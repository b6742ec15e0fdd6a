using System.IO.Compression;
using System.Text;
using GovTextExtract.Loading;
using GovTextExtract.Loading.Fuzzing;

namespace GovTextExtract.Tests.Loading;

/// <summary>Every class of bad input ends in a typed error that names the file and the reason.</summary>
public class BadInputTests
{
    private static readonly byte[] Docx = DocxWriter.Write([new DocxParagraph("正文段落。"), new DocxTable([["指标", "目标"], ["就业", "1万人"]])]);

    private static DocumentLoadException Reject(byte[] bytes, string name, LoadOptions? options = null) =>
        Assert.Throws<DocumentLoadException>(() => DocumentLoader.FromBytes(bytes, name, options));

    [Fact]
    public void ACorruptZipIsCorrupt()
    {
        var bytes = "PK\x03\x04"u8.ToArray().Concat(Enumerable.Repeat((byte)0x5A, 300)).ToArray();
        var e = Reject(bytes, "broken.docx");
        Assert.Equal(LoadFailure.Corrupt, e.Failure);
        Assert.Equal("broken.docx", e.SourceName);
        Assert.Contains("broken.docx", e.Message);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.6)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void ATruncatedDocxIsCorrupt(double keep)
    {
        var e = Reject(Docx[..(int)(Docx.Length * keep)], "cut.docx");
        Assert.Equal(LoadFailure.Corrupt, e.Failure);
    }

    [Fact]
    public void AZipBombIsRejectedBeforeItExpands()
    {
        var bomb = DocxWriter.Write([new DocxParagraph("正文")], extraEntries: [("word/media/zeros.bin", new byte[3 * 1024 * 1024])]);
        Assert.True(bomb.Length < 64 * 1024, "the bomb compresses well");
        var e = Reject(bomb, "bomb.docx", new LoadOptions { MaxDecompressedBytes = 2 * 1024 * 1024 });
        Assert.Equal(LoadFailure.ZipBomb, e.Failure);
        Assert.Contains("bomb.docx", e.Message);
        // Under the default 256 MiB cap the same file is an ordinary document.
        Assert.Equal("正文", DocumentLoader.FromBytes(bomb, "bomb.docx").Text.Trim());
    }

    [Fact]
    public void AZipBombWhoseHeadersLieIsCaughtByCounting()
    {
        var bomb = DocxWriter.Write([new DocxParagraph("正文")], extraEntries: [("word/media/zeros.bin", new byte[3 * 1024 * 1024])]);
        // Rewrite every declared uncompressed size (local and central headers) to 1 byte.
        for (var i = 0; i + 30 < bomb.Length; i++)
        {
            if (bomb[i] == 'P' && bomb[i + 1] == 'K' && bomb[i + 2] == 3 && bomb[i + 3] == 4) BitConverter.TryWriteBytes(bomb.AsSpan(i + 22, 4), 1u);
            if (bomb[i] == 'P' && bomb[i + 1] == 'K' && bomb[i + 2] == 1 && bomb[i + 3] == 2) BitConverter.TryWriteBytes(bomb.AsSpan(i + 24, 4), 1u);
        }
        var e = Reject(bomb, "liar.docx", new LoadOptions { MaxDecompressedBytes = 2 * 1024 * 1024 });
        // Either the count catches the expansion or the zip reader refuses the inconsistent entry; never a load.
        Assert.Contains(e.Failure, new[] { LoadFailure.ZipBomb, LoadFailure.Corrupt });
    }

    [Fact]
    public void TooManyZipEntriesIsAZipBomb()
    {
        var many = DocxWriter.Write([new DocxParagraph("正文")],
            extraEntries: Enumerable.Range(0, 50).Select(i => ($"word/media/f{i}.bin", new byte[] { 1 })));
        var e = Reject(many, "many.docx", new LoadOptions { MaxZipEntries = 40 });
        Assert.Equal(LoadFailure.ZipBomb, e.Failure);
        Assert.Contains("entries", e.Message);
    }

    [Fact]
    public void AnOversizedFileIsTooLarge_ByPathStreamAndBytes()
    {
        var options = new LoadOptions { MaxFileBytes = 100 };
        var bytes = Encoding.UTF8.GetBytes(new string('字', 200));
        Assert.Equal(LoadFailure.TooLarge, Reject(bytes, "big.txt", options).Failure);
        using var stream = new MemoryStream(bytes);
        Assert.Equal(LoadFailure.TooLarge,
            Assert.Throws<DocumentLoadException>(() => DocumentLoader.Load(stream, "big.txt", options)).Failure);
        var path = Path.Combine(Path.GetTempPath(), $"govtext-big-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, bytes);
        try
        {
            var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.Load(path, options));
            Assert.Equal(LoadFailure.TooLarge, e.Failure);
            Assert.Equal(path, e.SourceName);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void BinaryJunkIsNotText()
    {
        var junk = Enumerable.Range(0, 2048).Select(i => (byte)(i % 32)).ToArray();
        Assert.Equal(LoadFailure.NotText, Reject(junk, "junk.dat").Failure);
    }

    [Fact]
    public void BinaryJunkBehindAnHtmlStartIsNotText()
    {
        var bytes = "<html>"u8.ToArray().Concat(Enumerable.Range(0, 2048).Select(i => (byte)(i % 16))).ToArray();
        Assert.Equal(LoadFailure.NotText, Reject(bytes, "junk.html").Failure);
    }

    [Fact]
    public void AMissingFileAndADirectoryAreNamed()
    {
        var missing = Path.Combine(Path.GetTempPath(), "govtext-no-such-file.pdf");
        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.Load(missing));
        Assert.Equal((LoadFailure.NotFound, missing), (e.Failure, e.SourceName));
        var dir = Assert.Throws<DocumentLoadException>(() => DocumentLoader.Load(Path.GetTempPath()));
        Assert.Equal(LoadFailure.Unreadable, dir.Failure);
    }

    [Fact]
    public void AnErrorFromAFileNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"govtext-enc-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, MinimalPdfWriter.Write([[new PdfTextLine(72, 770, 10, "加密")]], encrypted: true));
        try
        {
            var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.Load(path));
            Assert.Equal((LoadFailure.Encrypted, path), (e.Failure, e.SourceName));
            Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ExceedingTheTimeBudgetIsATimeout()
    {
        // Ten pages of PDF cannot be parsed in one tick: the watchdog returns at once with a typed error.
        var pages = MinimalPdfWriter.Layout(Enumerable.Repeat("全市地区生产总值增长百分之六点五，规模以上工业增加值增长百分之七。", 400));
        var pdf = MinimalPdfWriter.Write(pages);
        var e = Reject(pdf, "slow.pdf", new LoadOptions { TimeBudget = TimeSpan.FromTicks(1) });
        Assert.Equal(LoadFailure.Timeout, e.Failure);
        Assert.Contains("slow.pdf", e.Message);
        Assert.Equal(LoadFailure.Timeout, Reject(pdf, "zero.pdf", new LoadOptions { TimeBudget = TimeSpan.Zero }).Failure);
    }

    [Fact]
    public void AZipWithAnUnsupportedCompressionMethodIsCorrupt()
    {
        var bytes = (byte[])Docx.Clone();
        // Compression method (local header +8, central header +10) set to 99: no reader supports it.
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 3 && bytes[i + 3] == 4) bytes[i + 8] = 99;
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) bytes[i + 10] = 99;
        }
        Assert.Equal(LoadFailure.Corrupt, Reject(bytes, "odd.docx").Failure);
    }

    [Fact]
    public void HostileHtmlNestingIsCorrupt_UnclosedParagraphsAreNot()
    {
        var deep = "<html><body><p>正文</p>" + string.Concat(Enumerable.Repeat("<div>", 6000)) + "文字</body></html>";
        var e = Reject(Encoding.UTF8.GetBytes(deep), "deep.html");
        Assert.Equal(LoadFailure.Corrupt, e.Failure);
        Assert.Contains("nest", e.Message);
        // "<script<br>" is an element named "script<br", not a script: what follows is markup, not script text.
        var disguised = "<html><body><p>正文</p><script<br>>" + string.Concat(Enumerable.Repeat("<div>", 6000)) + "</script></body></html>";
        Assert.Equal(LoadFailure.Corrupt, Reject(Encoding.UTF8.GetBytes(disguised), "disguised.html").Failure);
        // Old pages leave thousands of <p> and <li> open; the parser closes them, so they do not nest.
        var sloppy = "<html><body>" + string.Concat(Enumerable.Range(0, 6000).Select(i => $"<p>第{i}段<li>项")) + "</body></html>";
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(sloppy), "sloppy.html");
        Assert.Equal(12000, doc.Blocks.Count);
        // Moderate nesting still loads.
        var nested = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 300)) + "深处的正文</body></html>";
        Assert.Equal("深处的正文", DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(nested), "nested.html").Text.Trim());
    }

    [Fact]
    public void HostileXmlNestingInADocxIsCorrupt()
    {
        var entries = DocxWriter.ReadEntries(Docx);
        var i = entries.FindIndex(x => x.Name == "word/document.xml");
        var xml = Encoding.UTF8.GetString(entries[i].Bytes);
        var at = xml.IndexOf("</w:body>", StringComparison.Ordinal);
        xml = xml[..at] + string.Concat(Enumerable.Repeat("<x>", 3000)) + xml[at..];
        entries[i] = (entries[i].Name, Encoding.UTF8.GetBytes(xml));
        var e = Reject(DocxWriter.Zip(entries), "deep.docx");
        Assert.Equal(LoadFailure.Corrupt, e.Failure);
        Assert.Contains("word/document.xml", e.Message);
    }
}
