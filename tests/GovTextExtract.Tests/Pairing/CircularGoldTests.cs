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
        var predicted = LegacyReader.Pipeline.ExtractFile(Path.Combine(root, "corpus", "xianning-2019-completion.txt")).Records;
        var score = Scorer.Score(gold.Records, predicted).Score;
        Assert.True(score.F1 >= 0.90, $"F1 {score.F1:0.000} (P {score.Precision:0.000}, R {score.Recall:0.000})");
        Assert.True(score.StatusAccuracy >= 0.90, $"status accuracy {score.StatusAccuracy:0.000}");
    }

    [Fact]
    public void LabelledSectionsFixture()
    {
        var path = Fixture.PathOf("labelled-sections.txt");
        var records = LegacyReader.Pipeline.ExtractFile(path).Records;
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
        var records = LegacyReader.Pipeline.ExtractFile(path).Records;
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

    [Fact]
    public void RunningTextFixture()
    {
        // A circular in running text: targets named in comparisons (超过…的目标, 高于…的年度目标, 低于…的控制目标),
        // lists compared in order (分别…分别), differences to the target in the figure's own unit (超任务25元), a
        // paragraph that states its targets first (报告提出…。落实结果显示…) and 其一是/其二是 items.
        var records = LegacyReader.Pipeline.ExtractFile(Fixture.PathOf("running-text.txt")).Records;
        // (target, actual, rate, status) read off the fixture by hand; derived targets: 98.5 - 3.5 and 310 - 25.
        (decimal? Target, decimal? Actual, decimal? Rate, CompletionStatus Status)[] expected =
        [
            (6.5m, 6.8m, null, CompletionStatus.Exceeded),
            (10m, 9.2m, null, CompletionStatus.NotMet),
            (1_200_000_000m, 1_260_000_000m, null, CompletionStatus.Exceeded),
            (11_000m, 12_600m, null, CompletionStatus.Exceeded),
            (4m, 3.2m, null, CompletionStatus.Met),
            (3m, 2.1m, null, CompletionStatus.Exceeded),
            (5m, 5.6m, null, CompletionStatus.Exceeded),
            (7m, 7.4m, null, CompletionStatus.Exceeded),
            (null, 126m, 126m, CompletionStatus.Exceeded),
            (null, 42m, 105m, CompletionStatus.Exceeded),
            (95m, 98.5m, null, CompletionStatus.Exceeded),
            (285m, 310m, null, CompletionStatus.Exceeded),
            (1500m, 1560m, null, CompletionStatus.Exceeded),
            (25_000m, 28_000m, null, CompletionStatus.Exceeded),
            (35m, 31m, null, CompletionStatus.Met),
            (12m, 11m, null, CompletionStatus.NotMet),
            (30m, 32.4m, null, CompletionStatus.Exceeded),
        ];
        Assert.Equal(expected, Fixture.Outline(records));
        // A relational word before a named target is the comparison's, not the target's bound; 控制目标 is a ceiling.
        Assert.Equal("1500套", records[12].Target!.Text);
        Assert.Equal(BoundKind.AtMost, records[4].Target!.Bound);
        Assert.Equal("4%", records[4].Target!.Text);
        Assert.Equal(["地区生产总值增长", "规模以上工业增加值增长", "一般公共预算收入", "城镇新增就业", "城镇登记失业率"],
            records.Take(5).Select(r => r.Indicator));
        Assert.Equal("植树造林", records[13].Indicator);
    }

    [Fact]
    public void ItemCuesFixture()
    {
        // Items that open with their result and name the target with a plan word beside it (年度目标40家, 目标2亿美元,
        // 年度任务为3万亩), or inside the stated rate (完成省下达任务50万吨的105.2%, 是年度目标2万户的105%).
        var records = LegacyReader.Pipeline.ExtractFile(Fixture.PathOf("item-cues.txt")).Records;
        // (target, actual, rate, status) read off the fixture by hand.
        (decimal? Target, decimal? Actual, decimal? Rate, CompletionStatus Status)[] expected =
        [
            (15_000_000_000m, 16_230_000_000m, 108.2m, CompletionStatus.Exceeded),
            (10m, 11.2m, null, CompletionStatus.Exceeded),
            (500_000m, 526_000m, 105.2m, CompletionStatus.Exceeded),
            (20_000m, 21_000m, 105m, CompletionStatus.Exceeded),
            (30_000m, 36_000m, null, CompletionStatus.Exceeded),
            (15_000m, 16_200m, null, CompletionStatus.Exceeded),
            (200_000_000m, 230_000_000m, 115m, CompletionStatus.Exceeded),
            (1000m, 1200m, 120m, CompletionStatus.Exceeded),
            (8m, 6.2m, null, CompletionStatus.NotMet),
            (40m, 45m, null, CompletionStatus.Exceeded),
        ];
        Assert.Equal(expected, Fixture.Outline(records));
        // A label or heading names an item whose figures carry only plan words (年度目标150亿元, 计划1.5万人).
        Assert.Equal("招商引资到位资金", records[0].Indicator);
        Assert.Equal("城镇新增就业", records[5].Indicator);
    }

    [Fact]
    public void ProgressItemsFixture()
    {
        // Plans and their completed parts (计划…已开工…开工率, N项任务中已完成M项), a name before a labelled task
        // (农村饮水安全工程：目标任务：…完成情况：…), 下达任务 beside 竣工, and 超序时进度 that names no target.
        var records = LegacyReader.Pipeline.ExtractFile(Fixture.PathOf("progress-items.txt")).Records;
        // (target, actual, rate, status) read off the fixture by hand.
        (decimal? Target, decimal? Actual, decimal? Rate, CompletionStatus Status)[] expected =
        [
            (50m, 48m, 96m, CompletionStatus.NotMet),
            (null, 8_650_000_000m, 103.6m, CompletionStatus.Exceeded),
            (35m, 33m, 94.3m, CompletionStatus.NotMet),
            (25_000m, 26_800m, null, CompletionStatus.Exceeded),
            (12m, 10m, 83.3m, CompletionStatus.NotMet),
            (1200m, 1260m, 105m, CompletionStatus.Exceeded),
            (6m, 8m, null, CompletionStatus.Exceeded),
        ];
        Assert.Equal(expected, Fixture.Outline(records));
        Assert.Equal(["改革任务", "新建农村饮水安全工程", "城镇老旧小区改造"], new[] { records[2], records[3], records[5] }.Select(r => r.Indicator));
    }

    [Fact]
    public void QuotedTasksFixture()
    {
        // A mid-year report that quotes each task, says how it stands (未如期完成, 未达进度, 已提前完成) and reports
        // the figure in the next sentence; a figure of part of the year leaves the status pending.
        var records = LegacyReader.Pipeline.ExtractFile(Fixture.PathOf("quoted-tasks.txt")).Records;
        (decimal? Target, decimal? Actual, decimal? Rate, CompletionStatus Status)[] expected =
        [
            (50m, 38m, null, CompletionStatus.NotMet),
            (20m, 14m, null, CompletionStatus.Pending),
            (30m, 33m, null, CompletionStatus.Pending),
        ];
        Assert.Equal(expected, Fixture.Outline(records));
        Assert.Equal("新建、改建城市公厕", records[0].Indicator);
    }

    [Fact]
    public void TitledItemsFixture()
    {
        // Items that open with a topic title ((三)基础设施。), labelled tasks after a title (年度目标：…；完成情况：…),
        // thousands separators (1,250亿元), Chinese numerals (五十公顷) and full-width digits (８所, １．２万个).
        var records = LegacyReader.Pipeline.ExtractFile(Fixture.PathOf("titled-items.txt")).Records;
        (decimal? Target, decimal? Actual, decimal? Rate, CompletionStatus Status)[] expected =
        [
            (7.5m, 7.8m, null, CompletionStatus.Exceeded),
            (125_000_000_000m, 131_260_000_000m, 105m, CompletionStatus.Exceeded),
            (3000m, 3520m, null, CompletionStatus.Exceeded),
            (200m, 215m, null, CompletionStatus.Exceeded),
            (50m, 48m, null, CompletionStatus.NotMet),
            (8m, 9m, null, CompletionStatus.Exceeded),
            (12_000m, 13_500m, null, CompletionStatus.Exceeded),
        ];
        Assert.Equal(expected, Fixture.Outline(records));
        Assert.Equal(["地区生产总值增长", "固定资产投资"], records.Take(2).Select(r => r.Indicator));
    }

    [Fact]
    public void InlineVariantsFixture()
    {
        // One-line items that state result and target together: in brackets, after a plan word, as a rate before the
        // figure it measures (完成目标的110%，达到2.2亿美元), and as differences (较目标提高, 比目标多降, 增速高于目标).
        var records = LegacyReader.Pipeline.ExtractFile(Fixture.PathOf("inline-variants.txt")).Records;
        // (target, actual, rate, status) read off the fixture by hand; derived: 45.2 - 0.2, 3.1 - 0.1 (a fall), 8.2 - 0.2.
        (decimal? Target, decimal? Actual, decimal? Rate, CompletionStatus Status)[] expected =
        [
            (7m, 7.5m, null, CompletionStatus.Exceeded),
            (8m, 8.6m, null, CompletionStatus.Exceeded),
            (12m, 10m, null, CompletionStatus.NotMet),
            (31_000_000_000m, 32_000_000_000m, null, CompletionStatus.Exceeded),
            (null, 220_000_000m, 110m, CompletionStatus.Exceeded),
            (10_000m, 12_000m, 120m, CompletionStatus.Exceeded),
            (45m, 45.2m, null, CompletionStatus.Exceeded),
            (3m, 3.1m, null, CompletionStatus.Exceeded),
            (8m, 8.2m, null, CompletionStatus.Exceeded),
        ];
        Assert.Equal(expected, Fixture.Outline(records));
        Assert.Equal("实际利用外资", records[4].Indicator);
    }

    [Fact]
    public void ImplementationLinesFixture()
    {
        // Quantified tasks with their implementation: after 落实情况：, after a dash (——), or in the next sentence;
        // reduction targets (减少1000万, 降低20%) are met by a larger fall.
        var records = LegacyReader.Pipeline.ExtractFile(Fixture.PathOf("implementation-lines.txt")).Records;
        (decimal? Target, decimal? Actual, decimal? Rate, CompletionStatus Status)[] expected =
        [
            (11_000_000m, 13_520_000m, null, CompletionStatus.Exceeded),
            (200_000m, 290_000m, null, CompletionStatus.Exceeded),
            (10_000_000m, 11_090_000m, null, CompletionStatus.Exceeded),
            (20m, 41m, null, CompletionStatus.Exceeded),
        ];
        Assert.Equal(expected, Fixture.Outline(records));
        Assert.Equal("新建改建农村公路", records[1].Indicator);
    }
}
