using GovTextExtract.Normalization;
using GovTextExtract.Text;

namespace GovTextExtract.Tests.Normalization;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("８％", "8%")]
    [InlineData("（目标８％）", "(目标8%)")]
    [InlineData("，", ",")]
    [InlineData("增长１２．５％；", "增长12.5%;")]
    [InlineData("６％－６．５％", "6%-6.5%")]
    [InlineData("8%—10%", "8%-10%")]
    [InlineData("6～7%", "6~7%")]
    [InlineData("全市\u3000经济", "全市 经济")]
    [InlineData("58µg/m3", "58μg/m3")]
    [InlineData("。、", "。、")]
    public void FoldsToHalfWidth(string original, string normalized) =>
        Assert.Equal(normalized, TextNormalizer.Normalize(original).Text);

    [Fact]
    public void DropsTheCarriageReturnOfCrLfOnly()
    {
        var n = TextNormalizer.Normalize("甲\r\n乙\r丙");
        Assert.Equal("甲\n乙\n丙", n.Text);
        // '乙' is at 3 in the original and at 2 in the normalised text.
        Assert.Equal(3, n.ToOriginal(2));
        Assert.Equal(new SourceSpan(3, 1), n.ToOriginal(new SourceSpan(2, 1)));
    }

    [Fact]
    public void EveryOffsetMapsBackToItsOwnCharacter()
    {
        const string original = "一、主要指标\r\n地区生产总值增长８．５％，\r\n城镇新增就业１．２万人。";
        var n = TextNormalizer.Normalize(original);
        for (var k = 0; k < n.Text.Length; k++)
        {
            var o = n.ToOriginal(k);
            Assert.Equal(n.Text[k], TextNormalizer.Fold(original[o]));
        }
        Assert.Equal(original.Length, n.ToOriginal(n.Text.Length));
    }

    [Fact]
    public void FigureSpansMapToTheOriginalCharacters()
    {
        const string original =
            "一、主要指标完成情况\r\n" +
            "全市地区生产总值增长８．５％，高于目标０．５个百分点。\r\n" +
            "城镇新增就业１．２万人，完成年度目标的１２０％。\r\n" +
            "居民消费价格涨幅控制在３％以内。\r\n";
        var found = new ExtractionPipeline().RecognizeQuantities(original);

        string[] expected = ["８．５％", "高于目标０．５个百分点", "１．２万人", "１２０％", "控制在３％以内"];
        Assert.Equal(expected, found.Select(q => q.Text));
        foreach (var q in found)
        {
            Assert.Equal(q.Text, original.Substring(q.Span.Start, q.Span.Length));
            // The core span (number and unit) lies inside and also maps to original characters.
            var core = original.Substring(q.CoreSpan.Start, q.CoreSpan.Length);
            Assert.Contains(core, q.Text, StringComparison.Ordinal);
        }
        Assert.Equal(8.5m, found[0].Value);
        Assert.Equal(12000m, found[2].Value);
        Assert.Equal("３％", original.Substring(found[4].CoreSpan.Start, found[4].CoreSpan.Length));
    }

    [Fact]
    public void SpansAtTheEndOfTextMapBack()
    {
        const string original = "增长８％";
        var q = Assert.Single(new ExtractionPipeline().RecognizeQuantities(original));
        Assert.Equal(new SourceSpan(2, 2), q.Span);
        Assert.Equal("８％", q.Text);
    }
    [Theory]
    [InlineData("5\u200C.3万人", "5\u200C.3万人", 53000)]     // zero-width non-joiner inside a decimal
    [InlineData("增长10\u20606%", "10\u20606%", 106)]  // word joiner between digits
    [InlineData("完成\u200B12\uFEFF3家", "12\uFEFF3家", 123)]
    [InlineData("增长\u202A8.5\u202C%", "8.5\u202C%", 8.5)]  // bidi embedding around a figure
    public void Invisible_characters_are_dropped_and_the_figure_maps_back_over_them(string original, string figure, decimal value)
    {
        var q = Assert.Single(new ExtractionPipeline().RecognizeQuantities(original));
        Assert.Equal(value, q.Value);
        Assert.Equal(figure, original.Substring(q.CoreSpan.Start, q.CoreSpan.Length));
    }

    [Fact]
    public void Invisible_characters_leave_the_reading_text()
    {
        var n = TextNormalizer.Normalize("\uFEFF甲\u200B乙\u200D\u200E\u2066丙\u2069");
        Assert.Equal("甲乙丙", n.Text);
        Assert.Equal(new SourceSpan(1, 1), n.ToOriginal(new SourceSpan(0, 1)));
        Assert.Equal(new SourceSpan(3, 1), n.ToOriginal(new SourceSpan(1, 1)));
        Assert.Equal(new SourceSpan(7, 1), n.ToOriginal(new SourceSpan(2, 1)));
        Assert.Equal(new SourceSpan(1, 7), n.ToOriginal(new SourceSpan(0, 3)));
    }
}
