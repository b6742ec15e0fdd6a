using GovTextExtract.Normalization;

namespace GovTextExtract.Tests.Normalization;

public sealed class LayoutRepairTests
{
    [Theory]
    [InlineData("完成投资182.96 亿元,为年度计划的105.4%", "完成投资182.96亿元,为年度计划的105.4%")]
    [InlineData("分别完成全年目标的95%、60%、97\n%;劳动监察", "分别完成全年目标的95%、60%、97%;劳动监察")]
    [InlineData("达到97 %", "达到97%")]
    [InlineData("达到97 ％", "达到97%")]                        // full-width per cent, folded first
    [InlineData("生产总值达到39.8 万亿元", "生产总值达到39.8万亿元")]
    [InlineData("新增就业5.3 万人", "新增就业5.3万人")]
    [InlineData("人口14 亿,", "人口14亿,")]                      // a multiplier that ends the figure
    [InlineData("培训5 万余人", "培训5万余人")]                    // an approximation word before the unit
    [InlineData("投资3 亿多元", "投资3亿多元")]
    [InlineData("高于目标0.5 个百分点", "高于目标0.5个百分点")]
    [InlineData("新建道路12\u3000公里", "新建道路12公里")]        // the ideographic space counts as one
    [InlineData("资金已下达约10.1 7亿元,占计划", "资金已下达约10.17亿元,占计划")]
    [InlineData("截至6月底,201 7年省委", "截至6月底,2017年省委")]
    [InlineData("20 17年", "2017年")]
    public void A_figure_split_by_layout_is_joined(string original, string normalized) =>
        Assert.Equal(normalized, TextNormalizer.Normalize(original).Text);

    [Theory]
    [InlineData("1-6月 15个")]
    [InlineData("共 3 个")]                        // a one-character classifier may be the next cell
    [InlineData("全省 100 个县")]
    [InlineData("本年财政拨款 90 89.974 89.974 上年结转")]
    [InlineData("区间 2.50 -2.66")]
    [InlineData("数量 150 143")]
    [InlineData("目标\n150\n143\n")]              // two cells, one number each
    [InlineData("增长\t5%")]                        // a tab separates cells
    [InlineData("达到97  %")]                      // two spaces
    [InlineData("达到97\n\n%")]
    [InlineData("共3 万州区")]                     // a multiplier character that starts a word
    [InlineData("共3 万多州区")]
    [InlineData("2020 2021年")]
    [InlineData("第12 7年")]                       // no year: 127
    [InlineData("10.1 7")]                         // no unit after the digits
    [InlineData("10.1 7个")]                       // nor a one-character classifier
    public void Two_figures_stay_apart(string text) =>
        Assert.Equal(text, TextNormalizer.Normalize(text).Text);

    [Theory]
    [InlineData("182.96 亿元", "182.96 亿元", 18296000000, "元")]
    [InlineData("约10.1 7億元", "10.1 7億元", 1017000000, "元")]
    [InlineData("分别完成全年目标的97\n%", "97\n%", 97, "%")]
    [InlineData("17.41億元", "17.41億元", 1741000000, "元")]
    [InlineData("低于时序进度3.82個百分點", "3.82個百分點", 3.82, "个百分点")]
    [InlineData("完成28,583万元", "28,583万元", 285830000, "元")]
    public void The_recogniser_reads_the_joined_figure_and_maps_it_to_the_original(string original, string figure, decimal value, string unit)
    {
        var q = Assert.Single(new ExtractionPipeline().RecognizeQuantities(original));
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
        Assert.Equal(figure, original.Substring(q.CoreSpan.Start, q.CoreSpan.Length));
    }
}
