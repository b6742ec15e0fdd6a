using System.Text.Json;
using GovTextExtract.Lexicons;
using GovTextExtract.Quantities;

namespace GovTextExtract.Tests.Quantities;

/// <summary>Every example of models/lexicons/numerals.json does what its list says, and every entry of the lists that
/// decide against a value is needed by at least the data's own shape (no empty list, no duplicate).</summary>
public sealed class NumeralLexiconExampleTests
{
    private static readonly ExtractionPipeline Pipeline = new();

    private static JsonElement Read()
    {
        using var doc = JsonDocument.Parse(LexiconSet.ReadEmbedded("numerals.json"));
        return doc.RootElement.Clone();
    }

    private static TheoryData<string> Examples(string list)
    {
        var data = new TheoryData<string>();
        foreach (var e in Read().GetProperty(list).GetProperty("examples").EnumerateArray()) data.Add(e.GetString()!);
        return data;
    }

    public static TheoryData<string> FixedExpressionExamples() => Examples("fixed_expressions");

    public static TheoryData<string> NameFollowerExamples() => Examples("name_followers");

    public static TheoryData<string> ShareExamples() => Examples("share_not_before");

    [Theory]
    [MemberData(nameof(FixedExpressionExamples))]
    [MemberData(nameof(NameFollowerExamples))]
    public void ExampleHoldsNoFigure(string example)
    {
        var found = Pipeline.RecognizeQuantities(example);
        Assert.True(found.Count == 0, $"'{example}': {string.Join(" ", found.Select(QuantitySpec.Describe))}");
    }

    [Theory]
    [MemberData(nameof(ShareExamples))]
    public void ShareExampleHoldsNoPercent(string example)
    {
        var found = Pipeline.RecognizeQuantities(example).Where(q => q.Unit == "%").ToArray();
        Assert.True(found.Length == 0, $"'{example}': {string.Join(" ", found.Select(QuantitySpec.Describe))}");
    }

    [Fact]
    public void FixedExpressionsAreNeeded()
    {
        // Each fixed expression that holds a composed numeral (十四五 aside, which no parse reads) would be read
        // without the list: the list is what keeps 十九大 and 一带一路 out, not some other rule.
        var lex = NumeralLexicon.Default;
        Assert.Contains("一带一路", lex.FixedExpressions);
        Assert.True(lex.InFixedExpression("共建一带一路", 2));
        Assert.True(lex.InFixedExpression("共建一带一路", 4));
        Assert.False(lex.InFixedExpression("共建一个", 2));
        Assert.Equal(lex.FixedExpressions.Count, lex.FixedExpressions.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void DecreaseExamplesGiveANegativeChange()
    {
        foreach (var e in Read().GetProperty("decrease_words").GetProperty("examples").EnumerateArray())
        {
            var text = e.GetProperty("text").GetString()!;
            var q = Assert.Single(Pipeline.RecognizeQuantities(text));
            Assert.True(q.Decrease, text);
            Assert.Equal(e.GetProperty("value").GetDecimal(), q.Value);
            Assert.Equal(e.GetProperty("change").GetDecimal(), q.Change);
        }
    }

    [Fact]
    public void FlatExamplesGiveNoChange()
    {
        foreach (var e in Read().GetProperty("flat_words").GetProperty("examples").EnumerateArray())
        {
            var text = e.GetProperty("text").GetString()!;
            var q = Assert.Single(Pipeline.RecognizeQuantities(text, includeNonFigures: true));
            Assert.Equal(QuantityKind.NoChange, q.Kind);
            Assert.Equal(0m, q.Change);
            Assert.Equal(e.GetProperty("approximate").GetBoolean(), q.Approximate);
            // A no-change statement is no figure (the readers of figures handle 与上年持平 as a phrase of their own), but
            // a caller listing a text's quantities gets it by default.
            Assert.Equal(QuantityKind.NoChange, Assert.Single(Pipeline.RecognizeQuantities(text)).Kind);
        }
    }

    [Fact]
    public void DoublingExamplesGiveTheirFactor()
    {
        foreach (var e in Read().GetProperty("doubling").GetProperty("examples").EnumerateArray())
        {
            var text = e.GetProperty("text").GetString()!;
            var q = Assert.Single(Pipeline.RecognizeQuantities(text));
            Assert.Equal(e.GetProperty("value").GetDecimal(), q.Value);
            Assert.Equal("倍", q.Unit);
        }
    }
}
