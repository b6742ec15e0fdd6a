using GovTextExtract.Evaluation;
using GovTextExtract.Records;
using GovTextExtract.Tests.Evaluation;

namespace GovTextExtract.Tests.Pairing;

/// <summary>The bar on the real circular, scored by the corpus README's rule against the hand-checked gold.</summary>
public class CircularGoldTests
{
    [Fact]
    public void CircularReachesF1AndStatusAccuracyOfNinetyPercent()
    {
        var root = GoldFileTests.RepoRoot();
        var gold = GoldFile.Load(Path.Combine(root, "corpus", "gold", "xianning-2019-completion.json"));
        var predicted = GovText.ExtractFile(Path.Combine(root, "corpus", "xianning-2019-completion.txt")).Records;
        var score = Scorer.Score(gold.Records, predicted).Score;
        Assert.True(score.F1 >= 0.90, $"F1 {score.F1:0.000} (P {score.Precision:0.000}, R {score.Recall:0.000})");
        Assert.True(score.StatusAccuracy >= 0.90, $"status accuracy {score.StatusAccuracy:0.000}");
    }

    [Fact]
    public void LabelledSectionsFixture()
    {
        var path = Fixture.PathOf("labelled-sections.txt");
        var records = GovText.ExtractFile(path).Records;
        // (target, actual, rate, status) read off the fixture by hand; derived targets: 7.5 - 0.5 and 9.1 + 0.9.
        (decimal? Target, decimal? Actual, decimal? Rate, CompletionStatus Status)[] expected =
        [
            (30m, 32m, 106.7m, CompletionStatus.Exceeded),
            (8_000_000_000m, 8_560_000_000m, 107m, CompletionStatus.Exceeded),
            (7m, 7.5m, null, CompletionStatus.Exceeded),
            (10m, 9.1m, null, CompletionStatus.NotMet),
            (null, 15_600_000_000m, 86.7m, CompletionStatus.Pending),
            (12m, 10m, null, CompletionStatus.NotMet),
            (null, 6500m, 108.3m, CompletionStatus.Exceeded),
        ];
        Assert.Equal(expected, Fixture.Outline(records));
        Assert.Equal(["引进亿元以上项目", "实际到位资金", "地区生产总值增长", "社会消费品零售总额增长"],
            records.Take(4).Select(r => r.Indicator));
        Assert.Equal("高于年度目标0.5个百分点", records[2].Target!.Text);
    }

    [Fact]
    public void PublicServicesFixture()
    {
        var path = Fixture.PathOf("public-services.txt");
        var records = GovText.ExtractFile(path).Records;
        // (target, actual, rate, status) read off the fixture by hand.
        (decimal? Target, decimal? Actual, decimal? Rate, CompletionStatus Status)[] expected =
        [
            (15m, 16m, null, CompletionStatus.Exceeded),
            (12_000m, 13_500m, null, CompletionStatus.Exceeded),
            (20_000m, 23_000m, null, CompletionStatus.Exceeded),
            (70m, 72.5m, null, CompletionStatus.Exceeded),
            (10m, 8m, null, CompletionStatus.NotMet),
            (95m, 96.2m, null, CompletionStatus.Exceeded),
            (30_000m, 32_600m, 108.7m, CompletionStatus.Exceeded),
            (4m, 2.9m, null, CompletionStatus.Met),
            (60m, 62m, null, CompletionStatus.Exceeded),
            (20_000m, 21_000m, null, CompletionStatus.Exceeded),
            (5_000m, 4_280m, 85.6m, CompletionStatus.NotMet),
        ];
        Assert.Equal(expected, Fixture.Outline(records));
        Assert.Equal("城乡居民基本养老保险参保率", records[5].Indicator);
    }
}
