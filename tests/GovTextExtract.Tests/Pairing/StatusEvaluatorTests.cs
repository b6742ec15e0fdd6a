using GovTextExtract.Records;
using GovTextExtract.Status;

namespace GovTextExtract.Tests.Pairing;

public class StatusEvaluatorTests
{
    private static TargetValue T(decimal v, BoundKind b = BoundKind.AtLeast, string unit = "%") =>
        new() { Text = v + unit, Value = v, Unit = unit, Bound = b };

    private static ActualValue A(decimal v, string unit = "%", string? period = null) =>
        new() { Text = v + unit, Value = v, Unit = unit, Period = period };

    [Theory]
    [InlineData(8, 8.1, BoundKind.AtLeast, Direction.HigherIsBetter, CompletionStatus.Exceeded)]
    [InlineData(8, 8, BoundKind.AtLeast, Direction.HigherIsBetter, CompletionStatus.Met)]
    [InlineData(9, 3.6, BoundKind.AtLeast, Direction.HigherIsBetter, CompletionStatus.NotMet)]
    [InlineData(3.5, 2.8, BoundKind.AtMost, Direction.LowerIsBetter, CompletionStatus.Met)]
    [InlineData(3.5, 3.6, BoundKind.AtMost, Direction.LowerIsBetter, CompletionStatus.NotMet)]
    [InlineData(4, 2.6, BoundKind.About, Direction.LowerIsBetter, CompletionStatus.Exceeded)]
    [InlineData(4, 4.4, BoundKind.About, Direction.LowerIsBetter, CompletionStatus.NotMet)]
    [InlineData(5, 5.4, BoundKind.About, Direction.HigherIsBetter, CompletionStatus.Exceeded)]
    public void ComparesInTheBetterDirection(double target, double actual, BoundKind bound, Direction direction, CompletionStatus expected)
    {
        var status = StatusEvaluator.Evaluate(T((decimal)target, bound), A((decimal)actual), null, direction);
        Assert.Equal(expected, status);
    }

    [Fact]
    public void PartialPeriodIsPending() =>
        Assert.Equal(CompletionStatus.Pending,
            StatusEvaluator.Evaluate(T(10), A(12, period: "1-11月"), null, Direction.HigherIsBetter));

    [Fact]
    public void RateAloneDecides()
    {
        Assert.Equal(CompletionStatus.NotMet, StatusEvaluator.Evaluate(null, A(67, "元"), 99.11m, Direction.HigherIsBetter));
        Assert.Equal(CompletionStatus.Met, StatusEvaluator.Evaluate(null, A(1118, "套"), 100m, Direction.HigherIsBetter));
        Assert.Equal(CompletionStatus.Unknown, StatusEvaluator.Evaluate(T(5), null, null, Direction.HigherIsBetter));
    }

    [Fact]
    public void CountUnitsCompareAndRateIsComputed()
    {
        var t = T(38, unit: "项");
        var a = A(33, "个");
        Assert.True(StatusEvaluator.UnitsCompatible("项", "个"));
        Assert.False(StatusEvaluator.UnitsCompatible("%", "个百分点"));
        Assert.Equal(86.84m, StatusEvaluator.ComputedRate(t, a));
        Assert.Null(StatusEvaluator.ComputedRate(T(5), A(5, "个百分点")));
    }
}
