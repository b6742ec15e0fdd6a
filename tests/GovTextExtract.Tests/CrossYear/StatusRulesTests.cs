using GovTextExtract.Status;
using GovTextExtract.CrossYear;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.CrossYear;

public sealed class StatusRulesTests
{
    private static CompletionStatus Status(string bound, decimal? target, decimal actual, Direction direction = Direction.HigherIsBetter,
        decimal? low = null, decimal? high = null) =>
        StatusEvaluator.Compare(new TargetValue { Text = "t", Value = target, Low = low, High = high, Bound = LexiconSet(bound) },
            actual, direction, 0.5m);

    private static BoundKind LexiconSet(string bound) => GovTextExtract.Lexicons.LexiconSet.ParseBound(bound);

    [Theory]
    [InlineData("about", 5, 5.4, "HigherIsBetter", CompletionStatus.Exceeded)]
    [InlineData("about", 5.5, 4.8, "HigherIsBetter", CompletionStatus.NotMet)]
    [InlineData("about", 7.5, 7.5, "HigherIsBetter", CompletionStatus.Met)]
    [InlineData("about", 616, 618, "HigherIsBetter", CompletionStatus.Met)] // 0.32 % off: equal within rounding
    [InlineData("about", 616, 620, "HigherIsBetter", CompletionStatus.Exceeded)] // 0.65 % off
    [InlineData("about", 2, 0.1, "LowerIsBetter", CompletionStatus.Exceeded)]
    [InlineData("about", 3, 3.3, "LowerIsBetter", CompletionStatus.NotMet)]
    [InlineData("at_most", 5, 4.1, "LowerIsBetter", CompletionStatus.Met)]
    [InlineData("at_most", 5.5, 5.5, "LowerIsBetter", CompletionStatus.Met)]
    [InlineData("at_most", 4.6, 4.7, "LowerIsBetter", CompletionStatus.NotMet)]
    [InlineData("at_least", 5.5, 5.5, "HigherIsBetter", CompletionStatus.Met)]
    [InlineData("at_least", 24.8, 24.85, "HigherIsBetter", CompletionStatus.Exceeded)]
    [InlineData("at_least", 21, 18.5, "HigherIsBetter", CompletionStatus.NotMet)]
    public void Status_follows_bound_and_direction(string bound, double target, double actual, string direction, CompletionStatus expected) =>
        Assert.Equal(expected, Status(bound, (decimal)target, (decimal)actual, Enum.Parse<Direction>(direction)));

    [Fact]
    public void A_range_target_is_met_inside_and_exceeded_beyond_the_better_end()
    {
        Assert.Equal(CompletionStatus.Met, Status("range", null, 5m, low: 5m, high: 5.5m));
        Assert.Equal(CompletionStatus.Exceeded, Status("range", null, 5.8m, low: 5m, high: 5.5m));
        Assert.Equal(CompletionStatus.NotMet, Status("range", null, 4.6m, low: 5m, high: 5.5m));
    }

    [Fact]
    public void A_stated_completion_rate_gives_the_status()
    {
        Assert.Equal(CompletionStatus.Exceeded, StatusEvaluator.FromRate(118.2m, 0.5m));
        Assert.Equal(CompletionStatus.Met, StatusEvaluator.FromRate(100m, 0.5m));
        Assert.Equal(CompletionStatus.NotMet, StatusEvaluator.FromRate(86.8m, 0.5m));
    }
}
