using GovTextExtract.Normalization;

namespace GovTextExtract.Tests.Normalization;

public sealed class ChineseScriptTests
{
    // Sentences of the traditional pages of the corpus; the simplified forms were written by hand.
    [Theory]
    [InlineData("全區重點項目累計完成投資17.41億元,完成年度計劃12.85%,低于時序進度(16.67%)3.82個百分點。",
                "全区重点项目累计完成投资17.41亿元,完成年度计划12.85%,低于时序进度(16.67%)3.82个百分点。")]
    [InlineData("全市城鎮新增就業25265人,完成目標任務的81.5%;下崗失業人員再就業13422人",
                "全市城镇新增就业25265人,完成目标任务的81.5%;下岗失业人员再就业13422人")]
    [InlineData("1-10月完成投資46.939億元,占年度目標任務的60%,比去年同期多完成11.004億元",
                "1-10月完成投资46.939亿元,占年度目标任务的60%,比去年同期多完成11.004亿元")]
    [InlineData("國內生産總值、城鎮新增就業、減稅降費等36項重要指標,均在過去一年如期落實",
                "国内生产总值、城镇新增就业、减税降费等36项重要指标,均在过去一年如期落实")]
    public void Traditional_sentences_read_as_simplified(string traditional, string simplified)
    {
        var n = TextNormalizer.Normalize(traditional);
        Assert.Equal(simplified, n.Text);
        Assert.Equal(traditional.Length, n.Text.Length); // one character for one
    }

    [Fact]
    public void A_character_that_is_also_simplified_converts_only_in_a_traditional_text()
    {
        // 於 is OpenCC's "于 於": 于 in a traditional page, itself in a simplified one.
        Assert.Equal("居民消费价格涨幅控制在2.1%,低于指标任务3%。", TextNormalizer.Normalize("居民消費價格漲幅控制在2.1%,低於指標任務3%。").Text);
        Assert.Equal("鲁迅生於1881年", TextNormalizer.Normalize("鲁迅生於1881年").Text);
        // 覆 is "覆 复": OpenCC prefers the character itself, so it stays in both.
        Assert.Equal("截止9月底,覆盖人数已达301000人", TextNormalizer.Normalize("截止9月底,覆蓋人數已達301000人").Text);
        Assert.Equal("全面覆盖", TextNormalizer.Normalize("全面覆盖").Text);
    }

    [Fact]
    public void A_character_with_one_candidate_converts_even_in_a_simplified_text()
    {
        // 臺 and 灣 have only 台 and 湾: simplified text never writes them, so a stray one is converted.
        Assert.Equal("推动两岸融合发展,台湾同胞", TextNormalizer.Normalize("推动两岸融合发展,臺灣同胞").Text);
    }

    [Theory]
    [InlineData("完成目標任務", false)]                  // two traditional characters (標 務): below the minimum of three
    [InlineData("完成目標任務實", true)]                 // three
    [InlineData("完成目標任務實,这个们来说过", false)]    // three traditional, six simplified-only (这 个 们 来 说 过)
    [InlineData("完成目標任務實,这个们", true)]          // three traditional, three simplified-only
    public void A_text_is_traditional_from_three_traditional_characters_outnumbering_the_simplified(string text, bool traditional) =>
        Assert.Equal(traditional, ChineseScript.IsPredominantlyTraditional(text));

    [Fact]
    public void The_embedded_table_is_openccs()
    {
        // Lines of models/opencc/TSCharacters.txt: 億→亿, 萬→万; 乾 "干 乾" and 於 "于 於" are ambiguous.
        Assert.Equal("亿万", ChineseScript.ToSimplified("億萬", traditionalDocument: false));
        Assert.Equal("乾於", ChineseScript.ToSimplified("乾於", traditionalDocument: false));
        Assert.Equal("干于", ChineseScript.ToSimplified("乾於", traditionalDocument: true));
        Assert.Equal("余", ChineseScript.ToSimplified("餘", traditionalDocument: false)); // 餘 "余 馀": first candidate
    }
}
