using System.Globalization;
using GovTextExtract.Segmentation;

namespace GovTextExtract.Tests.Segmentation;

public sealed class ChineseSegmenterTests
{
    [Theory]
    [InlineData("城镇新增就业", "城镇新增就业")]
    [InlineData("城镇新增就业1.2万人", "城镇新增就业")]
    [InlineData("规模以上工业增加值增长", "规模以上工业增加值")]
    [InlineData("全市一般公共预算收入完成120亿元", "一般公共预算收入")]
    [InlineData("城镇登记失业率控制在4.5%以内", "城镇登记失业率")]
    public void UserDictionaryWordsStayWhole(string text, string word)
    {
        var words = ChineseSegmenter.Shared.Cut(text);
        Assert.Contains(word, words);
        // Nothing is lost or added: the words put back together are the text.
        Assert.Equal(text, string.Concat(words));
    }

    [Fact]
    public void GrowthStaysASeparateWord()
    {
        var words = ChineseSegmenter.Shared.Cut("规模以上工业增加值增长");
        Assert.Equal(["规模以上工业增加值", "增长"], words);
    }

    [Fact]
    public void ValidateDataDirectoryNamesTheMissingDictionary()
    {
        var dir = Directory.CreateTempSubdirectory("govtext-jieba-");
        try
        {
            // Everything but dict.txt is there.
            File.WriteAllText(Path.Combine(dir.FullName, "prob_trans.json"), "{}");
            File.WriteAllText(Path.Combine(dir.FullName, "prob_emit.json"), "{}");
            var e = Assert.Throws<SegmenterDataException>(() => ChineseSegmenter.ValidateDataDirectory(dir.FullName));
            Assert.Contains("dict.txt", e.Message, StringComparison.Ordinal);
            Assert.Contains(dir.FullName, e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void ValidateDataDirectoryRejectsAnEmptyDictionary()
    {
        var dir = Directory.CreateTempSubdirectory("govtext-jieba-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "dict.txt"), "");
            File.WriteAllText(Path.Combine(dir.FullName, "prob_trans.json"), "{}");
            File.WriteAllText(Path.Combine(dir.FullName, "prob_emit.json"), "{}");
            var e = Assert.Throws<SegmenterDataException>(() => ChineseSegmenter.ValidateDataDirectory(dir.FullName));
            Assert.Contains("dict.txt", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void JiebaDataIsEmbedded()
    {
        var files = ChineseSegmenter.EmbeddedDataFiles();
        Assert.Contains("dict.txt", files);
        Assert.Contains("prob_trans.json", files);
        Assert.Contains("prob_emit.json", files);
    }

    [Fact]
    public void ExtractedDataDirectoryHoldsTheFullDictionary()
    {
        _ = ChineseSegmenter.Shared;
        var dir = ChineseSegmenter.DataDirectory;
        Assert.NotNull(dir);
        Assert.True(Path.IsPathFullyQualified(dir), $"'{dir}' is not an absolute path");
        var dict = new FileInfo(Path.Combine(dir, "dict.txt"));
        Assert.True(dict.Exists, $"{dict.FullName} is missing");
        Assert.True(dict.Length > 1024 * 1024, $"dict.txt holds only {dict.Length} bytes");
        ChineseSegmenter.ValidateDataDirectory(dir);
    }

    [Fact]
    public void SegmentingFromManyThreadsGivesTheSameWords()
    {
        string[] texts =
        [
            "全年地区生产总值增长6.5%，城镇新增就业1.2万人。",
            "规模以上工业增加值增长8%，固定资产投资增长10%。",
            "城镇登记失业率控制在4.5%以内，居民消费价格涨幅3%左右。",
            "社会消费品零售总额增长9%，进出口总额增长5%。",
            "单位地区生产总值能耗下降3%，空气质量优良天数比例达到85%。",
            "新建高标准农田5万亩，粮食总产量稳定在60万吨以上。",
        ];
        var segmenter = ChineseSegmenter.Shared;
        var expected = texts.Select(t => string.Join("|", segmenter.Cut(t))).ToArray();

        var runs = Enumerable.Range(0, 8 * texts.Length).ToArray();
        var results = new string[runs.Length];
        Parallel.For(0, runs.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            k => results[k] = string.Join("|", segmenter.Cut(texts[k % texts.Length])));

        for (var k = 0; k < runs.Length; k++)
            Assert.Equal(expected[k % texts.Length], results[k]);
    }
}
