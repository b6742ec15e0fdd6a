using GovTextExtract.Pairing.Features;
using GovTextExtract.Segmentation;

namespace GovTextExtract.Tests.Pairing.Ml;

public class PairFeaturesTests
{
    internal static PairCandidate Candidate(string indicator = "新增城镇就业", string context = "全市新增城镇就业",
        decimal? target = 37000m, decimal? actual = 53303m, string? targetUnit = "人", string? actualUnit = "人",
        decimal? rate = null, bool ruleChoice = true, double ruleScore = 0.9) => new()
    {
        Source = CandidateSource.Item,
        TargetIndicator = indicator,
        ActualContext = context,
        TargetValue = target,
        TargetUnit = targetUnit,
        HasTarget = target is not null,
        ActualValue = actual,
        ActualUnit = actualUnit,
        StatedRate = rate,
        SameItem = true,
        RuleScore = ruleScore,
        RuleChoice = ruleChoice,
    };

    private static float Feature(float[] f, string name) => f[PairFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void Every_feature_has_a_name()
    {
        Assert.Equal(PairFeatures.Count, PairFeatures.Names.Count);
        Assert.Equal(PairFeatures.Count, PairFeatures.Names.Distinct().Count());
        Assert.Equal(PairFeatures.Count, PairFeatures.Compute(Candidate(), ChineseSegmenter.Shared).Length);
    }

    [Fact]
    public void Overlap_on_words_and_characters()
    {
        var f = PairFeatures.Compute(Candidate(), ChineseSegmenter.Shared);
        // Every word and every bigram of 新增城镇就业 stands in 全市新增城镇就业.
        Assert.Equal(1f, Feature(f, "token_overlap"));
        Assert.Equal(1f, Feature(f, "char_containment"));
        var none = PairFeatures.Compute(Candidate(context: "粮食产量"), ChineseSegmenter.Shared);
        Assert.Equal(0f, Feature(none, "token_overlap"));
        Assert.Equal(0f, Feature(none, "char_containment"));
    }

    [Fact]
    public void Units_magnitude_and_stated_rate()
    {
        var f = PairFeatures.Compute(Candidate(rate: 144.06m), ChineseSegmenter.Shared);
        Assert.Equal(1f, Feature(f, "unit_same"));
        // log10(53303 / 37000) = 0.1585
        Assert.Equal(0.1585f, Feature(f, "log_ratio"), 3);
        // 53303 / 37000 = 144.06 %: the stated rate agrees.
        Assert.Equal(1f, Feature(f, "rate_agrees"));
        var wrongRate = PairFeatures.Compute(Candidate(rate: 280m), ChineseSegmenter.Shared);
        Assert.Equal(0f, Feature(wrongRate, "rate_agrees"));

        var percentAgainstCount = PairFeatures.Compute(Candidate(targetUnit: "%", target: 8m, actual: 91m, actualUnit: "家"), ChineseSegmenter.Shared);
        Assert.Equal(1f, Feature(percentAgainstCount, "percent_mismatch"));
        Assert.Equal(0f, Feature(percentAgainstCount, "unit_compatible"));

        var lost = PairFeatures.Compute(Candidate(actualUnit: null), ChineseSegmenter.Shared);
        Assert.Equal(1f, Feature(lost, "actual_unit_missing"));
    }

    [Fact]
    public void Log_ratio_is_null_for_a_missing_or_opposite_sign_figure()
    {
        Assert.Null(PairFeatures.LogRatio(null, 5m));
        Assert.Null(PairFeatures.LogRatio(5m, 0m));
        Assert.Null(PairFeatures.LogRatio(5m, -3.2m));
        Assert.Equal(6, PairFeatures.LogRatio(1m, 100_000_000m));   // clamped
        Assert.Equal(1, PairFeatures.LogRatio(10m, 100m)!.Value, 9);
    }

    [Fact]
    public void Cue_words_between_or_before_the_actual()
    {
        var f = PairFeatures.Compute(Candidate(context: "累计完成新增城镇就业"), ChineseSegmenter.Shared);
        Assert.Equal(1f, Feature(f, "cue_done"));
        Assert.Equal(1f, Feature(f, "cue_cumulative"));
        Assert.Equal(0f, Feature(f, "cue_plan"));
    }
}

public class PairAssignmentTests
{
    [Fact]
    public void Greedy_takes_the_likeliest_pair_first_one_to_one_and_none_below_the_threshold()
    {
        // Target 0 wants actual "a" (0.9) and "b" (0.8); target 1 wants "a" (0.85) and "b" (0.3);
        // target 2 has only "c" at 0.2, below the threshold.
        (int, string, double, double, int)[] candidates =
        [
            (0, "a", 0.9, 0.5, 1), (0, "b", 0.8, 0.5, 2),
            (1, "a", 0.85, 0.5, 1), (1, "b", 0.3, 0.5, 2),
            (2, "c", 0.2, 0.9, 3),
        ];
        var chosen = GovTextExtract.Pairing.Scoring.PairAssignment.Greedy(3, candidates, 0.25);
        Assert.Equal(0, chosen[0]);    // 0 ↔ a
        Assert.Equal(3, chosen[1]);    // a is taken: 1 ↔ b at 0.3
        Assert.Equal(-1, chosen[2]);   // 0.2 < 0.25
    }

    [Fact]
    public void Equal_probabilities_go_to_the_higher_rule_score()
    {
        (int, string, double, double, int)[] candidates = [(0, "a", 0.7, 0.2, 1), (0, "b", 0.7, 0.6, 2)];
        Assert.Equal(1, GovTextExtract.Pairing.Scoring.PairAssignment.Greedy(1, candidates, 0.5)[0]);
    }
}
