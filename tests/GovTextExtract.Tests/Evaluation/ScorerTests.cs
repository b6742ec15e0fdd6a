using GovTextExtract.Evaluation;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Evaluation;

public class ScorerTests
{
    // A record as a gold file or the extractor would give it; only the fields the scorer reads matter.
    private static CompletionRecord R(
        string indicator, decimal? target, decimal? actual, CompletionStatus status = CompletionStatus.Exceeded,
        decimal? rate = null, bool optional = false, bool hasTarget = true, bool hasActual = true) => new()
    {
        Indicator = indicator,
        Target = hasTarget ? new TargetValue { Text = $"{target}", Value = target, Unit = "%" } : null,
        Actual = hasActual ? new ActualValue { Text = $"{actual}", Value = actual, Unit = "%" } : null,
        ReportedRate = rate,
        Status = status,
        Optional = optional,
    };

    [Fact]
    public void ExactMatchScoresOne()
    {
        var gold = new[] { R("地区生产总值增长", 8m, 8.1m) };
        var predicted = new[] { R("地区生产总值增长", 8m, 8.1m) };

        var s = Scorer.Score(gold, predicted).Score;

        Assert.Equal(1, s.Matched);
        Assert.Equal(1.0, s.Precision);
        Assert.Equal(1.0, s.Recall);
        Assert.Equal(1.0, s.F1);
        Assert.Equal(1.0, s.StatusAccuracy);
    }

    [Theory]
    [InlineData("100.4", "200", true)]   // target 0.4 % off
    [InlineData("100.6", "200", false)]  // target 0.6 % off
    [InlineData("99.6", "200", true)]
    [InlineData("99.4", "200", false)]
    [InlineData("100", "200.8", true)]   // actual 0.4 % off
    [InlineData("100", "201.2", false)]  // actual 0.6 % off
    [InlineData("100.5", "200", true)]   // exactly 0.5 % agrees
    public void ValuesAgreeWithinHalfAPercentRelative(string target, string actual, bool matches)
    {
        var gold = R("指标", 100m, 200m);
        var predicted = R("指标", decimal.Parse(target, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(actual, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(matches, Scorer.Matches(gold, predicted));
    }

    [Fact]
    public void ZeroGoldValueUsesAnAbsoluteTolerance()
    {
        Assert.True(Scorer.Agrees(0m, 0m));
        Assert.True(Scorer.Agrees(0m, 0.004m));
        Assert.True(Scorer.Agrees(0m, -0.005m));
        Assert.False(Scorer.Agrees(0m, 0.006m));
        Assert.False(Scorer.Agrees(0m, null));
    }

    [Fact]
    public void AMissingPredictedValueDoesNotAgree()
    {
        var gold = R("地区生产总值增长", 8m, 8.1m);

        Assert.False(Scorer.Matches(gold, R("地区生产总值增长", 8m, null, hasActual: false)));
        Assert.False(Scorer.Matches(gold, R("地区生产总值增长", null, 8.1m, hasTarget: false)));
    }

    [Fact]
    public void NullGoldActualImposesNothingOnTheActual()
    {
        // A target nobody reported on: only the target must agree.
        var gold = new[] { R("固定资产投资", 19400000000m, null, CompletionStatus.Unknown, hasActual: false) };

        Assert.Equal(1, Scorer.Score(gold, [R("固定资产投资", 19400000000m, null, CompletionStatus.Unknown, hasActual: false)]).Score.Matched);
        Assert.Equal(1, Scorer.Score(gold, [R("固定资产投资", 19400000000m, 18000000000m, CompletionStatus.NotMet)]).Score.Matched);
        Assert.Equal(0, Scorer.Score(gold, [R("固定资产投资", 19000000000m, null, hasActual: false)]).Score.Matched);
    }

    [Fact]
    public void NullGoldValueInsideATargetImposesNothing()
    {
        // A range target: value null, the bounds only in low/high.
        var gold = R("地区生产总值增长", null, 5.6m);

        Assert.True(Scorer.Matches(gold, R("地区生产总值增长", 5m, 5.6m)));
        Assert.False(Scorer.Matches(gold, R("地区生产总值增长", 5m, 5.9m)));
    }

    [Fact]
    public void TargetlessGoldNeedsTheReportedRate()
    {
        // 完成年度目标任务的207.74%: the target is known only through the stated rate.
        var gold = R("城镇失业人员再就业", null, 10387m, rate: 207.74m, hasTarget: false);

        Assert.True(Scorer.Matches(gold, R("城镇失业人员再就业", null, 10387m, rate: 207.74m, hasTarget: false)));
        Assert.True(Scorer.Matches(gold, R("城镇失业人员再就业", null, 10387m, rate: 208.5m, hasTarget: false)));   // 0.37 % off
        Assert.False(Scorer.Matches(gold, R("城镇失业人员再就业", null, 10387m, rate: null, hasTarget: false)));
        Assert.False(Scorer.Matches(gold, R("城镇失业人员再就业", null, 10387m, rate: 210m, hasTarget: false)));      // 1.1 % off
    }

    [Fact]
    public void GoldWithATargetDoesNotAskForTheRate()
    {
        var gold = R("引进项目", 3m, 8m, rate: 266.67m);

        Assert.True(Scorer.Matches(gold, R("引进项目", 3m, 8m, rate: null)));
    }

    [Fact]
    public void OptionalGoldIsNeitherRequiredNorSpurious()
    {
        var gold = new[]
        {
            R("地区生产总值增长", 8m, 8.1m),
            R("审批时限", 20m, 67m, optional: true),
        };

        var withoutOptional = Scorer.Score(gold, [R("地区生产总值增长", 8m, 8.1m)]).Score;
        Assert.Equal(1, withoutOptional.Gold);
        Assert.Equal(1, withoutOptional.OptionalGold);
        Assert.Equal(1.0, withoutOptional.Recall);
        Assert.Equal(1.0, withoutOptional.Precision);

        var withOptional = Scorer.Score(gold, [R("地区生产总值增长", 8m, 8.1m), R("审批时限", 20m, 67m)]).Score;
        Assert.Equal(1, withOptional.Matched);
        Assert.Equal(1, withOptional.MatchedOptional);
        Assert.Equal(1.0, withOptional.Recall);
        Assert.Equal(1.0, withOptional.Precision);
    }

    [Fact]
    public void ASpuriousPredictionLowersPrecision()
    {
        var gold = new[] { R("地区生产总值增长", 8m, 8.1m) };
        var predicted = new[] { R("地区生产总值增长", 8m, 8.1m), R("进出口总额增长", 10m, 69m) };

        var s = Scorer.Score(gold, predicted).Score;

        Assert.Equal(0.5, s.Precision);
        Assert.Equal(1.0, s.Recall);
        Assert.Equal(2 * 0.5 * 1.0 / 1.5, s.F1, 10);
    }

    [Fact]
    public void MatchingIsOneToOne()
    {
        var gold = new[] { R("地区生产总值增长", 8m, 8.1m) };
        var predicted = new[] { R("地区生产总值增长", 8m, 8.1m), R("地区生产总值增长", 8m, 8.1m) };

        var result = Scorer.Score(gold, predicted);

        Assert.Single(result.Matches);
        Assert.Equal(0.5, result.Score.Precision);
    }

    [Fact]
    public void StatusAccuracyCountsMatchedRequiredPairs()
    {
        var gold = new[]
        {
            R("地区生产总值增长", 8m, 8.1m, CompletionStatus.Exceeded),
            R("一般公共预算收入增长", 9m, 3.6m, CompletionStatus.NotMet),
            R("审批时限", 20m, 67m, CompletionStatus.NotMet, optional: true),
        };
        var predicted = new[]
        {
            R("地区生产总值增长", 8m, 8.1m, CompletionStatus.Exceeded),
            R("一般公共预算收入增长", 9m, 3.6m, CompletionStatus.Met),
            R("审批时限", 20m, 67m, CompletionStatus.Met),   // optional: its status does not count
        };

        var s = Scorer.Score(gold, predicted).Score;

        Assert.Equal(2, s.Matched);
        Assert.Equal(1, s.StatusCorrect);
        Assert.Equal(0.5, s.StatusAccuracy);
    }

    [Fact]
    public void NoMatchLeavesStatusAccuracyUndefined()
    {
        var s = Scorer.Score([R("地区生产总值增长", 8m, 8.1m)], []).Score;

        Assert.Null(s.StatusAccuracy);
        Assert.Equal(0.0, s.Recall);
        Assert.Equal(0.0, s.Precision);
        Assert.Equal(0.0, s.F1);
    }

    [Fact]
    public void EqualFiguresPairByIndicator()
    {
        // Two targets of 8 % with no actual: only the indicator tells them apart.
        var gold = new[]
        {
            R("地区生产总值增长", 8m, null, CompletionStatus.Unknown, hasActual: false),
            R("规模以上工业增加值增长", 8m, null, CompletionStatus.Unknown, hasActual: false),
        };
        var predicted = new[]
        {
            R("规上工业增加值增长", 8m, null, CompletionStatus.Unknown, hasActual: false),
            R("地区生产总值", 8m, null, CompletionStatus.Unknown, hasActual: false),
        };

        var matches = Scorer.Score(gold, predicted).Matches;

        Assert.Equal(2, matches.Count);
        Assert.Equal((0, 1), (matches[0].GoldIndex, matches[0].PredictedIndex));
        Assert.Equal((1, 0), (matches[1].GoldIndex, matches[1].PredictedIndex));
    }

    [Fact]
    public void TotalsAreMicroAveraged()
    {
        var a = new Score { Gold = 10, Predicted = 4, Matched = 4, StatusCorrect = 2 };
        var b = new Score { Gold = 2, Predicted = 4, Matched = 0 };

        var total = Score.Sum([a, b]);

        Assert.Equal(12, total.Gold);
        Assert.Equal(8, total.Predicted);
        Assert.Equal(4.0 / 8, total.Precision);
        Assert.Equal(4.0 / 12, total.Recall);
        Assert.Equal(0.5, total.StatusAccuracy);
    }

    [Fact]
    public void NothingToFindAndNothingFoundIsPerfect()
    {
        var s = Scorer.Score([], []).Score;

        Assert.Equal(1.0, s.Precision);
        Assert.Equal(1.0, s.Recall);
    }

    [Fact]
    public void NameAgreementIsTheMeanOverlapOfMatchedRequiredNames()
    {
        // The same name (in the other script) shares all of it; a name with none of the gold's characters shares none;
        // the optional pair is not counted.
        var gold = new[] { R("國內生產總值增長", 8m, 8.1m), R("城镇登记失业率", 4.5m, 2.3m), R("旅游收入", 1m, 2m, optional: true) };
        var predicted = new[] { R("国内生产总值增长", 8m, 8.1m), R("完成", 4.5m, 2.3m), R("旅游", 1m, 2m) };

        var s = Scorer.Score(gold, predicted).Score;

        Assert.Equal(2, s.Matched);
        Assert.Equal(0.5, s.NameAgreement);
        Assert.Equal(1.0, Scorer.IndicatorOverlap("國內生產總值", "国内生产总值"));
        Assert.Null(Scorer.Score([R("a", 1m, 1m)], []).Score.NameAgreement);
    }
}
