using GovTextExtract.Normalization;

namespace GovTextExtract.Tests.Normalization;

public sealed class PinyinNoiseTests
{
    [Theory]
    [InlineData("全市實現(xiàn)城鄉(xiāng)就業(yè)15萬人", "全市实现城乡就业15万人")]
    [InlineData("完成目標(biāo)任務(wù)的81.5%", "完成目标任务的81.5%")]
    [InlineData("實現（xiàn）就業（yè）", "实现就业")]                  // full-width brackets
    [InlineData("綠(lǜ)色", "绿色")]                                  // ü with a tone mark
    [InlineData("綠(lü)色", "绿色")]                                  // ü without
    [InlineData("略(lüè)有", "略有")]
    [InlineData("進(jìn)展,他們(men)的", "进展,他们的")]             // a neutral tone among marked ones
    [InlineData("進(jìn)展,女(nv)工", "进展,女工")]                  // v for ü, unmarked, in a noisy text
    [InlineData("進(jìn)展(zhǎn)", "进展")]
    [InlineData("實現(xia\u0300n)", "实现")]                       // the tone mark as a combining character
    public void Bracketed_pinyin_after_a_character_is_dropped(string original, string normalized) =>
        Assert.Equal(normalized, TextNormalizer.Normalize(original).Text);

    [Theory]
    [InlineData("其中铜仁市(含铜仁高新区)完成投资")]
    [InlineData("年度目标(万元)")]
    [InlineData("增长率(%)")]
    [InlineData("规划(2013-2017年)")]
    [InlineData("居民消费价格指数(CPI)上涨2%")]
    [InlineData("细颗粒物(PM2.5)平均浓度")]
    [InlineData("地区生产总值(GDP)增长")]
    [InlineData("年均浓度(ug/m3)")]
    [InlineData("里程(km)")]                        // not a syllable
    [InlineData("载重(t)")]
    [InlineData("面积(ha)")]                        // a syllable, but unmarked in a text without marked pinyin
    [InlineData("方案(a)和方案(b)")]
    [InlineData("(xiàn)开头")]                      // no character before the bracket
    [InlineData("指数 (xiàn)")]
    [InlineData("字母(abcdefgh)")]                  // eight letters
    [InlineData("名称(Xiàn)")]                      // upper case
    public void Genuine_brackets_stay(string text) =>
        Assert.Equal(text, TextNormalizer.Normalize(text).Text);

    [Fact]
    public void A_one_letter_unmarked_bracket_stays_even_in_a_noisy_text() =>
        Assert.Equal("进展,方案(a)", TextNormalizer.Normalize("進(jìn)展,方案(a)").Text);

    [Fact]
    public void A_figure_after_dropped_pinyin_maps_back_to_its_original_characters()
    {
        const string original = "全市實現(xiàn)城鄉(xiāng)就業(yè)15萬人,完成全年目標(biāo)18.5萬人的80%";
        var found = new ExtractionPipeline().RecognizeQuantities(original);
        Assert.Equal(["15萬人", "18.5萬人", "80%"], found.Select(q => q.Text));
        Assert.Equal(original.IndexOf("15萬人", StringComparison.Ordinal), found[0].Span.Start);
        Assert.Equal(150000m, found[0].Value);
        Assert.Equal("人", found[0].Unit);
        foreach (var q in found) Assert.Equal(q.Text, original.Substring(q.Span.Start, q.Span.Length));
    }

    [Fact]
    public void A_span_over_dropped_pinyin_covers_it_in_the_original()
    {
        const string original = "就業(yè)15萬(wàn)人";
        var n = TextNormalizer.Normalize(original);
        Assert.Equal("就业15万人", n.Text);
        var span = n.ToOriginal(new Text.SourceSpan(2, 4)); // 15万人
        Assert.Equal("15萬(wàn)人", original.Substring(span.Start, span.Length));
        // Every character left maps to the original character it came from.
        for (var k = 0; k < n.Text.Length; k++)
            Assert.Equal("就业15万人"[k], ChineseScript.ToSimplified(original[n.ToOriginal(k)].ToString(), true)[0]);
    }
}
