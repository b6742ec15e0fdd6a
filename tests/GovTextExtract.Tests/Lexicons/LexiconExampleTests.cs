using System.Text.Json;
using GovTextExtract.Lexicons;
using GovTextExtract.Quantities;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Lexicons;

/// <summary>Every example written in the embedded lexicons (units.json, bounds.json, indicators.json) does what its
/// entry says. The tests read the JSON themselves, so a new entry is tested by adding its examples.</summary>
public sealed class LexiconExampleTests
{
    private static readonly ExtractionPipeline Pipeline = new();

    private static JsonElement Read(string file)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip };
        using var doc = JsonDocument.Parse(LexiconSet.ReadEmbedded(file), options);
        return doc.RootElement.Clone();
    }

    private static IEnumerable<string> Strings(JsonElement e, string property) =>
        e.TryGetProperty(property, out var a) ? a.EnumerateArray().Select(x => x.GetString()!) : [];

    /// <summary>The one figure an example holds; its text must be the whole example or end it.</summary>
    private static Quantity SingleFigure(string example)
    {
        var found = Pipeline.RecognizeQuantities(example);
        Assert.True(found.Count == 1,
            $"'{example}': expected one figure, found {found.Count}: {string.Join(" ", found.Select(q => q.Text))}");
        return found[0];
    }

    public static TheoryData<string, string, decimal> UnitExamples()
    {
        var data = new TheoryData<string, string, decimal>();
        foreach (var unit in Read("units.json").GetProperty("units").EnumerateArray())
            foreach (var ex in unit.GetProperty("examples").EnumerateArray())
                data.Add(unit.GetProperty("unit").GetString()!, ex.GetProperty("text").GetString()!, ex.GetProperty("value").GetDecimal());
        return data;
    }

    [Theory]
    [MemberData(nameof(UnitExamples))]
    public void UnitExampleGivesItsValueAndUnit(string unit, string text, decimal value)
    {
        var q = SingleFigure(text);
        Assert.Equal(text, q.Text);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Fact]
    public void EveryUnitHasAnExampleAndEveryFormIsUnique()
    {
        var units = Read("units.json").GetProperty("units").EnumerateArray().ToArray();
        Assert.All(units, u => Assert.True(u.GetProperty("examples").GetArrayLength() > 0,
            $"unit {u.GetProperty("unit").GetString()} has no example"));
        var forms = units.SelectMany(u => Strings(u, "forms")).ToArray();
        Assert.Equal(forms.Length, forms.Distinct(StringComparer.Ordinal).Count());
    }

    public static TheoryData<string> SetPhraseExamples()
    {
        var data = new TheoryData<string>();
        foreach (var ex in Strings(Read("units.json").GetProperty("set_phrases"), "examples")) data.Add(ex);
        return data;
    }

    [Theory]
    [MemberData(nameof(SetPhraseExamples))]
    public void SetPhraseExampleHoldsNoFigure(string example)
    {
        var found = Pipeline.RecognizeQuantities(example);
        Assert.True(found.Count == 0, $"'{example}': found {string.Join(" ", found.Select(q => q.Text))}");
    }

    [Fact]
    public void EverySetPhraseHasAnExample()
    {
        var sp = Read("units.json").GetProperty("set_phrases");
        var examples = Strings(sp, "examples").ToArray();
        foreach (var p in Strings(sp, "phrases"))
            Assert.True(examples.Any(e => e.Contains(p, StringComparison.Ordinal)), $"set phrase {p} has no example");
    }

    public static TheoryData<string, string, string, bool> BoundExamples()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var b in Read("bounds.json").GetProperty("bounds").EnumerateArray())
        {
            var approximate = b.TryGetProperty("approximate", out var a) && a.GetBoolean();
            foreach (var ex in Strings(b, "examples"))
                data.Add(b.GetProperty("text").GetString()!, b.GetProperty("bound").GetString()!, ex, approximate);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BoundExamples))]
    public void BoundExampleGivesItsBound(string word, string bound, string example, bool approximate)
    {
        var q = SingleFigure(example);
        Assert.Equal(LexiconSet.ParseBound(bound), q.Bound);
        Assert.NotNull(q.BoundText);
        Assert.Contains(word, q.BoundText, StringComparison.Ordinal);
        Assert.Contains(word, q.Text, StringComparison.Ordinal);
        if (approximate) Assert.True(q.Approximate, $"'{example}' should be approximate");
    }

    [Fact]
    public void EveryBoundWordHasAnExample()
    {
        foreach (var b in Read("bounds.json").GetProperty("bounds").EnumerateArray())
            Assert.True(Strings(b, "examples").Any(), $"bound word {b.GetProperty("text").GetString()} has no example");
    }

    [Fact]
    public void NotInWordsMakeNoBound()
    {
        // Each 'not_in' word of an entry, put right before a figure, must not lend it that entry's bound.
        foreach (var b in Read("bounds.json").GetProperty("bounds").EnumerateArray())
        {
            var word = b.GetProperty("text").GetString()!;
            var prefix = b.GetProperty("position").GetString() == "prefix";
            foreach (var other in Strings(b, "not_in"))
            {
                var text = prefix ? other + "12个" : "12个" + other;
                var found = Pipeline.RecognizeQuantities(text);
                Assert.True(found.Count == 1 && found[0].Bound is null,
                    $"'{text}': {word} inside {other} bound the figure: {string.Join(" ", found.Select(q => q.Text + ":" + q.Bound))}");
            }
        }
    }

    public static TheoryData<string, string> ApproximationExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var a in Read("bounds.json").GetProperty("approximations").EnumerateArray())
            foreach (var ex in Strings(a, "examples"))
                data.Add(a.GetProperty("text").GetString()!, ex);
        return data;
    }

    [Theory]
    [MemberData(nameof(ApproximationExamples))]
    public void ApproximationExampleIsApproximate(string word, string example)
    {
        var q = SingleFigure(example);
        Assert.True(q.Approximate, $"'{example}' ({word}) should be approximate");
        Assert.Contains(word, q.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string> EstimateExamples()
    {
        var data = new TheoryData<string>();
        foreach (var ex in Strings(Read("bounds.json").GetProperty("estimates"), "examples")) data.Add(ex);
        return data;
    }

    [Theory]
    [MemberData(nameof(EstimateExamples))]
    public void EstimateExampleIsAnEstimate(string example) => Assert.True(SingleFigure(example).Estimate);

    public static TheoryData<string> DecreaseExamples()
    {
        var data = new TheoryData<string>();
        foreach (var ex in Strings(Read("bounds.json").GetProperty("decreases"), "examples")) data.Add(ex);
        return data;
    }

    [Theory]
    [MemberData(nameof(DecreaseExamples))]
    public void DecreaseExampleIsADecrease(string example)
    {
        var q = SingleFigure(example);
        Assert.True(q.Decrease);
        Assert.True(q.Value > 0, "a decrease keeps its value positive");
    }

    [Fact]
    public void EveryEstimateAndDecreaseWordIsExercisedSomewhere()
    {
        // Words without an example of their own are checked here in a generic clause.
        foreach (var w in LexiconSet.Default.EstimateWords)
            Assert.True(SingleFigure("全年" + w + "增长6%").Estimate, w);
        foreach (var w in LexiconSet.Default.DecreaseWords)
            Assert.True(SingleFigure("比上年" + w + "6%").Decrease, w);
    }

    public static TheoryData<string, string> IndicatorExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var i in Read("indicators.json").GetProperty("indicators").EnumerateArray())
            foreach (var ex in Strings(i, "examples"))
                data.Add(i.GetProperty("name").GetString()!, ex);
        return data;
    }

    [Theory]
    [MemberData(nameof(IndicatorExamples))]
    public void IndicatorExampleResolvesToItsName(string name, string example)
    {
        var entry = LexiconSet.Default.ResolveIndicator(example);
        Assert.NotNull(entry);
        Assert.Equal(name, entry.Name);
    }

    [Fact]
    public void EveryIndicatorHasAnExample()
    {
        foreach (var i in Read("indicators.json").GetProperty("indicators").EnumerateArray())
            Assert.True(Strings(i, "examples").Any(), $"indicator {i.GetProperty("name").GetString()} has no example");
    }

    [Theory]
    [InlineData("城镇登记失业率", Direction.LowerIsBetter)]
    [InlineData("城镇调查失业率", Direction.LowerIsBetter)]
    [InlineData("居民消费价格涨幅", Direction.LowerIsBetter)]
    [InlineData("单位地区生产总值能耗", Direction.LowerIsBetter)]
    [InlineData("单位地区生产总值能耗降低", Direction.LowerIsBetter)]
    [InlineData("细颗粒物平均浓度", Direction.LowerIsBetter)]
    [InlineData("工程建设项目审批时限", Direction.LowerIsBetter)]
    [InlineData("空气质量优良天数比例", Direction.HigherIsBetter)]
    [InlineData("地区生产总值增长", Direction.HigherIsBetter)]
    [InlineData("城镇新增就业", Direction.HigherIsBetter)]
    [InlineData("森林覆盖率", Direction.HigherIsBetter)]
    [InlineData("农产品抽检合格率", Direction.HigherIsBetter)]
    public void DirectionOfIndicator(string indicator, Direction expected) =>
        Assert.Equal(expected, LexiconSet.Default.DirectionOf(indicator));

    [Fact]
    public void EveryLowerIsBetterKeywordGivesLowerUnlessOverridden()
    {
        var lex = LexiconSet.Default;
        foreach (var keyword in Strings(Read("indicators.json"), "lower_is_better"))
        {
            var expected = lex.HigherOverrides.Any(o => keyword.Contains(o, StringComparison.Ordinal))
                ? Direction.HigherIsBetter : Direction.LowerIsBetter;
            Assert.True(expected == lex.DirectionOf(keyword), keyword);
        }
    }
}
