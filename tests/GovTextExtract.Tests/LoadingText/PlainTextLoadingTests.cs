using System.Text;
using GovTextExtract.Loading;

namespace GovTextExtract.Tests.LoadingText;

public sealed class PlainTextLoadingTests : IDisposable
{
    private const string Text = "全市地区生产总值增长8%以上，城镇新增就业1.2万人。\n居民消费价格涨幅控制在3%左右。";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("govtext-load-");

    static PlainTextLoadingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _dir.Delete(recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static byte[] WithPreamble(Encoding e, string text) => [.. e.GetPreamble(), .. e.GetBytes(text)];

    public static TheoryData<string> Encodings() => ["utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom", "gb18030"];

    private static byte[] Encode(string encoding) => encoding switch
    {
        "utf-8" => new UTF8Encoding(false).GetBytes(Text),
        "utf-8-bom" => WithPreamble(new UTF8Encoding(true), Text),
        "utf-16le-bom" => WithPreamble(new UnicodeEncoding(bigEndian: false, byteOrderMark: true), Text),
        "utf-16be-bom" => WithPreamble(new UnicodeEncoding(bigEndian: true, byteOrderMark: true), Text),
        "gb18030" => Encoding.GetEncoding("GB18030").GetBytes(Text),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EveryEncodingDecodesToTheSameTextFromAFile(string encoding)
    {
        var bytes = Encode(encoding);
        var doc = DocumentLoader.Load(Write(encoding + ".txt", bytes));
        Assert.Equal(Text, doc.Text);
        Assert.Equal(encoding + ".txt", doc.Name);
        Assert.True(Path.IsPathFullyQualified(doc.Path!));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EveryEncodingDecodesToTheSameTextFromAStream(string encoding)
    {
        using var stream = new MemoryStream(Encode(encoding));
        Assert.Equal(Text, DocumentLoader.Load(stream, "report.txt").Text);
    }

    [Fact]
    public void Gb18030BytesAreNotValidUtf8()
    {
        // Guards the GB18030 case above: it must really exercise the fallback, not pass as UTF-8.
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Text);
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes));
        Assert.Equal("gb18030", DocumentLoader.FromBytes(bytes, "x.txt").EncodingName, ignoreCase: true);
    }

    [Fact]
    public void TheBomIsNotPartOfTheText()
    {
        var doc = DocumentLoader.FromBytes(Encode("utf-8-bom"), "bom.txt");
        Assert.NotEqual('\uFEFF', doc.Text[0]);
    }

    [Fact]
    public void BinaryJunkIsNotText()
    {
        // A PNG-like header followed by every byte value: control characters everywhere.
        var junk = new byte[4096];
        byte[] header = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        header.CopyTo(junk, 0);
        for (var k = header.Length; k < junk.Length; k++) junk[k] = (byte)(k * 7 % 256);
        var path = Write("image.txt", junk);
        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.Load(path));
        Assert.Equal(LoadFailure.NotText, e.Failure);
        Assert.Contains("image.txt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsNotFound()
    {
        var path = Path.Combine(_dir.FullName, "absent.txt");
        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.Load(path));
        Assert.Equal(LoadFailure.NotFound, e.Failure);
        Assert.Equal(path, e.SourceName);
    }

    [Fact]
    public void EmptyFileIsEmpty()
    {
        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.Load(Write("empty.txt", [])));
        Assert.Equal(LoadFailure.Empty, e.Failure);
    }

    [Fact]
    public void WhitespaceOnlyFileIsEmpty()
    {
        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.Load(Write("blank.txt", Encoding.UTF8.GetBytes(" \r\n\t\n"))));
        Assert.Equal(LoadFailure.Empty, e.Failure);
    }

    [Fact]
    public void OversizeFileIsTooLarge()
    {
        var path = Write("big.txt", Encode("utf-8"));
        var options = new LoadOptions { MaxFileBytes = 16 };
        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.Load(path, options));
        Assert.Equal(LoadFailure.TooLarge, e.Failure);
        Assert.Contains("16", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OversizeStreamIsTooLarge()
    {
        using var stream = new MemoryStream(Encode("utf-8"));
        var e = Assert.Throws<DocumentLoadException>(() => DocumentLoader.Load(stream, "big.txt", new LoadOptions { MaxFileBytes = 16 }));
        Assert.Equal(LoadFailure.TooLarge, e.Failure);
    }

    [Fact]
    public void AFileJustUnderTheLimitLoads()
    {
        var bytes = Encode("utf-8");
        var doc = DocumentLoader.Load(Write("fits.txt", bytes), new LoadOptions { MaxFileBytes = bytes.Length });
        Assert.Equal(Text, doc.Text);
    }

    [Fact]
    public void AForcedEncodingWins()
    {
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(Text);
        var doc = DocumentLoader.FromBytes(bytes, "forced.txt", new LoadOptions { Encoding = Encoding.GetEncoding("GB18030") });
        Assert.Equal(Text, doc.Text);
    }
}
