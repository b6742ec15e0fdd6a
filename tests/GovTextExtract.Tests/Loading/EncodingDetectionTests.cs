using System.Net;
using System.Text;
using GovTextExtract.Loading;
using GovTextExtract.Tests.Cli;
using static GovTextExtract.Tests.Loading.LoadingTestSupport;

namespace GovTextExtract.Tests.Loading;

/// <summary>Issue 17, must-have 4: the circular in encodings the bytes must decide (a stray byte, a cut character,
/// UTF-16 without a BOM, a wrong or unsupported HTML declaration, Big5) decodes to the original text and gives the
/// same records. Every input is made here from the corpus circular.</summary>
public class EncodingDetectionTests
{
    private static readonly Lazy<string> Original = new(() =>
        File.ReadAllText(Path.Combine(RepoRoot(), "corpus", "xianning-2019-completion.txt"), Encoding.UTF8));

    private static readonly Lazy<ExtractionResult> OriginalRecords = new(() => GovText.Pipeline.ExtractText(Original.Value, "circular.txt"));

    private static byte[] Utf8Bytes => Encoding.UTF8.GetBytes(Original.Value);

    /// <summary>The byte offset of the start of the first non-ASCII character at or after <paramref name="from"/>.</summary>
    private static int NonAsciiStart(byte[] b, int from)
    {
        var i = from;
        while (b[i] < 0xC0) i++;
        return i;
    }

    private static (string Indicator, decimal? Target, decimal? Actual, Records.CompletionStatus Status)[] Key(ExtractionResult r) =>
        r.Records.Select(x => (x.Indicator, x.Target?.Value, x.Actual?.Value, x.Status)).ToArray();

    private static void SameRecords(LoadedDocument doc)
    {
        var expected = Key(OriginalRecords.Value);
        Assert.True(expected.Length >= 60, $"the circular gives {expected.Length} records");
        Assert.Equal(expected, Key(GovText.Pipeline.Extract(doc)));
    }

    private static string Html(string? charset, string text) =>
        "<!DOCTYPE html>\n<html><head>" + (charset is null ? "" : $"<meta charset=\"{charset}\">") + "<title>通报</title></head>\n<body>\n"
        + string.Concat(text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => "<p>" + WebUtility.HtmlEncode(l.TrimEnd('\r')) + "</p>\n"))
        + "</body></html>\n";

    private static LoadedDocument HtmlReference() => DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(Html("utf-8", Original.Value)), "page.html");

    // Row 6: one stray byte.

    [Fact]
    public void Utf8WithOneStray0xFF_BetweenCharacters_StaysUtf8_OneReplacementCharacter_AndAWarning()
    {
        var b = Utf8Bytes;
        var at = NonAsciiStart(b, b.Length / 3);
        var bytes = b[..at].Concat(new byte[] { 0xFF }).Concat(b[at..]).ToArray();
        var doc = DocumentLoader.FromBytes(bytes, "stray.txt");
        Assert.Equal("utf-8", doc.EncodingName);
        var cut = Encoding.UTF8.GetString(b[..at]).Length;
        Assert.Equal(Original.Value.Insert(cut, "\uFFFD"), doc.Text);
        var warning = Assert.Single(doc.Warnings);
        Assert.Contains("1 invalid UTF-8 byte sequence(s) replaced by U+FFFD", warning);
        Assert.Contains($"byte {at}", warning);
        SameRecords(doc);
    }

    [Fact]
    public void Utf8WithOneStray0xFF_InsideACharacter_LosesOnlyThatCharacter()
    {
        var b = Utf8Bytes;
        var at = NonAsciiStart(b, b.Length / 2) + 1; // between the lead byte and its first continuation byte
        var bytes = b[..at].Concat(new byte[] { 0xFF }).Concat(b[at..]).ToArray();
        var doc = DocumentLoader.FromBytes(bytes, "stray.txt");
        Assert.Equal("utf-8", doc.EncodingName);
        var before = Encoding.UTF8.GetString(b[..(at - 1)]);
        Assert.StartsWith(before, doc.Text);
        var after = doc.Text[before.Length..].TrimStart('\uFFFD');
        Assert.Equal(Original.Value[(before.Length + 1)..], after);
        Assert.Single(doc.Warnings);
    }

    [Fact]
    public void Utf8CutInTheMiddleOfACharacter_StaysUtf8_WithAWarning()
    {
        var b = Utf8Bytes;
        var at = NonAsciiStart(b, b.Length - 200) + 2; // two bytes of a three-byte character
        var doc = DocumentLoader.FromBytes(b[..at], "cut.txt");
        Assert.Equal("utf-8", doc.EncodingName);
        Assert.Equal(Encoding.UTF8.GetString(b[..(at - 2)]) + "\uFFFD", doc.Text);
        Assert.Contains("replaced by U+FFFD", Assert.Single(doc.Warnings));
    }

    [Fact]
    public void Utf8CutInTheMiddleOfACharacter_GivesTheOriginalRecords_AndExtractSaysSoOnStderr()
    {
        var b = Utf8Bytes;
        var lead = b[NonAsciiStart(b, 0)];
        var bytes = b.Append(lead).ToArray(); // the whole text, then the lead byte of one more character, cut
        var path = Path.Combine(Path.GetTempPath(), $"govtext-cut-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, bytes);
        try
        {
            var doc = DocumentLoader.Load(path);
            Assert.Equal(Original.Value + "\uFFFD", doc.Text);
            SameRecords(doc);
            var (code, stdout, stderr) = CliRun.Run("extract", path);
            Assert.Equal(0, code);
            Assert.Contains("warning: 1 invalid UTF-8 byte sequence(s) replaced by U+FFFD", stderr);
            Assert.Contains(Path.GetFileName(path), stderr);
            Assert.StartsWith("{", stdout.TrimStart());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CleanUtf8_HasNoWarning()
    {
        var doc = DocumentLoader.FromBytes(Utf8Bytes, "clean.txt");
        Assert.Equal(Original.Value, doc.Text);
        Assert.Empty(doc.Warnings);
    }

    [Fact]
    public void GbkBytes_AreNotTakenForUtf8WithAFewBadBytes()
    {
        var doc = DocumentLoader.FromBytes(Gb18030.GetBytes(Original.Value), "gbk.txt");
        Assert.Equal("gb18030", doc.EncodingName);
        Assert.Equal(Original.Value, doc.Text);
        Assert.Empty(doc.Warnings);
    }

    // Row 7: UTF-16 without a BOM, Big5 without a declaration, a contradicted declaration.

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Utf16WithoutBom_IsDetected_AndGivesTheOriginalRecords(bool bigEndian, string name)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(Original.Value);
        Assert.NotEqual(0xFF, bytes[0]);
        Assert.NotEqual(0xFE, bytes[0]);
        var doc = DocumentLoader.FromBytes(bytes, "utf16.txt");
        Assert.Equal(name, doc.EncodingName);
        Assert.Equal(Original.Value, doc.Text);
        Assert.Empty(doc.Warnings);
        SameRecords(doc);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ChineseOnlyUtf16WithoutBom_NoAsciiAtAll_IsDetected(bool bigEndian)
    {
        const string s = "全市地区生产总值增长百分之七点八，完成年度目标。固定资产投资增长百分之十一，超额完成任务。";
        var doc = DocumentLoader.FromBytes(new UnicodeEncoding(bigEndian, false).GetBytes(s), "utf16.txt");
        Assert.Equal(s, doc.Text);
    }

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Utf16HtmlWithoutBom_IsReadAsHtml(bool bigEndian, string name)
    {
        var bytes = new UnicodeEncoding(bigEndian, false).GetBytes(Html(null, Original.Value));
        var doc = DocumentLoader.FromBytes(bytes, "page.bin");
        Assert.Equal("html", doc.Format);
        Assert.Equal(name, doc.EncodingName);
        Assert.Equal(HtmlReference().Text, doc.Text);
    }

    [Fact]
    public void GbkCutInTheMiddleOfACharacter_Warns()
    {
        var b = Gb18030.GetBytes(Original.Value + "完");
        var doc = DocumentLoader.FromBytes(b[..^1], "cut-gbk.txt");
        Assert.Equal("gb18030", doc.EncodingName);
        Assert.Equal(Original.Value + "\uFFFD", doc.Text);
        Assert.Contains("not GB18030 replaced by U+FFFD", Assert.Single(doc.Warnings));
    }

    [Fact]
    public void Utf16WithAnOddByteCount_KeepsItsText_AndWarns()
    {
        var bytes = Encoding.Unicode.GetBytes(Original.Value);
        var doc = DocumentLoader.FromBytes(bytes[..^1], "utf16.txt");
        Assert.Equal(Original.Value[..^1] + "\uFFFD", doc.Text);
        Assert.Contains("odd number of bytes", Assert.Single(doc.Warnings));
    }

    private const string Traditional =
        "咸寧市二零一九年國民經濟和社會發展計劃執行情況的通報\n" +
        "一、全市地區生產總值增長百分之七點八，完成年度目標。\n" +
        "二、固定資產投資增長百分之十一，規模以上工業增加值增長百分之八點五，超額完成任務。\n" +
        "三、城鎮居民人均可支配收入達到三萬五千元，農村居民人均可支配收入增長百分之九。\n" +
        "四、單位生產總值能耗下降百分之三，空氣質量優良天數比例達到百分之八十五。\n";

    [Fact]
    public void Big5WithoutDeclaration_IsDetected_AndDecodesBackExactly()
    {
        var doc = DocumentLoader.FromBytes(Encoding.GetEncoding(950).GetBytes(Traditional), "big5.txt");
        Assert.Equal("big5", doc.EncodingName);
        Assert.Equal(Traditional, doc.Text);
    }

    [Fact]
    public void Big5Html_WithoutDeclaration_IsDetected()
    {
        var doc = DocumentLoader.FromBytes(Encoding.GetEncoding(950).GetBytes(Html(null, Traditional)), "big5.html");
        Assert.Equal("big5", doc.EncodingName);
        Assert.Contains("單位生產總值能耗下降百分之三", doc.Text);
    }

    [Fact]
    public void SimplifiedGbText_IsNotTakenForBig5()
    {
        var simplified = "咸宁市二〇一九年国民经济和社会发展计划执行情况的通报。全市地区生产总值增长百分之七点八，完成年度目标。";
        var doc = DocumentLoader.FromBytes(Gb18030.GetBytes(simplified), "gb.txt");
        Assert.Equal("gb18030", doc.EncodingName);
        Assert.Equal(simplified, doc.Text);
    }

    [Theory]
    [InlineData("gbk")]
    [InlineData("gb2312")]
    public void Utf8Html_DeclaringGbk_IsReadAsUtf8_TheBytesOverruleTheDeclaration(string declared)
    {
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(Html(declared, Original.Value)), "page.html");
        Assert.Equal("html", doc.Format);
        Assert.Equal("utf-8", doc.EncodingName);
        Assert.Equal(HtmlReference().Text, doc.Text);
        Assert.Contains($"declares charset \"{declared}\" but its bytes are UTF-8", Assert.Single(doc.Warnings));
        Assert.Equal(Key(GovText.Pipeline.Extract(HtmlReference())), Key(GovText.Pipeline.Extract(doc)));
    }

    [Fact]
    public void GbkHtml_DeclaringUtf8_IsReadAsGb18030_WithAWarning()
    {
        var doc = DocumentLoader.FromBytes(Gb18030.GetBytes(Html("utf-8", Original.Value)), "page.html");
        Assert.Equal("gb18030", doc.EncodingName);
        Assert.Equal(HtmlReference().Text, doc.Text);
        Assert.Contains("declares charset \"utf-8\" but its bytes are not UTF-8", Assert.Single(doc.Warnings));
    }

    [Fact]
    public void GbkHtml_DeclaringGbk_HasNoWarning()
    {
        var doc = DocumentLoader.FromBytes(Gb18030.GetBytes(Html("gbk", Original.Value)), "page.html");
        Assert.Equal("gb18030", doc.EncodingName);
        Assert.Empty(doc.Warnings);
    }

    // Row 4: an unknown or unsupported declared charset.

    [Theory]
    [InlineData("utf-7")]
    [InlineData("x-nonsense")]
    [InlineData("utf-32")]
    [InlineData("ibm037")]
    [InlineData("")]
    public void UnsupportedDeclaredCharset_FallsBackToTheBytes_NeverCrashes(string declared)
    {
        foreach (var (encoding, name) in new[] { (Encoding.UTF8, "utf-8"), (Gb18030, "gb18030") })
        {
            var doc = DocumentLoader.FromBytes(encoding.GetBytes(Html(declared, Original.Value)), "page.html");
            Assert.Equal(name, doc.EncodingName);
            Assert.Equal(HtmlReference().Text, doc.Text);
            if (declared.Length > 0)
                Assert.Contains($"declares charset \"{declared}\", which is not supported", Assert.Single(doc.Warnings));
        }
    }

    [Fact]
    public void Utf7Html_ThroughTheCli_ExitsZero_WithTheRecords_AndAWarning()
    {
        var path = Path.Combine(Path.GetTempPath(), $"govtext-utf7-{Guid.NewGuid():N}.html");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(Html("utf-7", Original.Value)));
        try
        {
            var (code, stdout, stderr) = CliRun.Run("extract", path, "--format", "csv");
            Assert.Equal(0, code);
            Assert.Contains("charset \"utf-7\", which is not supported: read as utf-8", stderr);
            var expected = Key(GovText.Pipeline.Extract(HtmlReference())).Length;
            Assert.True(expected >= 60, $"{expected} records");
            Assert.Equal(expected + 1, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AWarningNeverCarriesControlCharacters_FromAHostileLabel()
    {
        var doc = DocumentLoader.FromBytes(Encoding.UTF8.GetBytes(Html("x\u001b[31m-evil" + new string('z', 200), "正文：完成投资一百亿元。")), "page.html");
        var warning = Assert.Single(doc.Warnings);
        Assert.DoesNotContain('\u001b', warning);
        Assert.True(warning.Length < 200, warning);
    }

    [Fact]
    public void Detection_IsBounded_OnALargeGbFile()
    {
        var big = Gb18030.GetBytes(string.Concat(Enumerable.Repeat(Original.Value, 200))); // ~5 MB
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var doc = DocumentLoader.FromBytes(big, "big.txt");
        sw.Stop();
        Assert.Equal("gb18030", doc.EncodingName);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"{sw.Elapsed}");
    }
}
