using GovTextExtract.Tests.Pairing;
using System.Text.Json;
using GovTextExtract.Lexicons;

namespace GovTextExtract.Tests.Lexicons;

/// <summary>The examples of the pairing rules in cues.json pair as the file says; the counter-examples pair nothing.</summary>
public sealed class PairingCueExampleTests
{
    private static readonly string[] Keys = ["derived_targets", "named_targets", "cued_targets", "task_sentences", "item_titles"];

    private static JsonElement Cues()
    {
        using var doc = JsonDocument.Parse(LexiconSet.ReadEmbedded("cues.json"));
        return doc.RootElement.Clone();
    }

    public static TheoryData<string, string, decimal, decimal> Examples()
    {
        var data = new TheoryData<string, string, decimal, decimal>();
        foreach (var key in Keys)
            foreach (var e in Cues().GetProperty(key).GetProperty("examples").EnumerateArray())
                data.Add(key, e.GetProperty("text").GetString()!, e.GetProperty("target").GetDecimal(), e.GetProperty("actual").GetDecimal());
        return data;
    }

    public static TheoryData<string> CounterExamples()
    {
        var data = new TheoryData<string>();
        foreach (var key in Keys)
            if (Cues().GetProperty(key).TryGetProperty("counter_examples", out var list))
                foreach (var e in list.EnumerateArray()) data.Add(e.GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void AnExamplePairsItsTargetWithItsActual(string key, string text, decimal target, decimal actual)
    {
        var records = LegacyReader.Pipeline.ExtractText(text).Records;
        var record = Assert.Single(records);
        Assert.True(target == record.Target?.Value, $"{key}: target {record.Target?.Value} in {text}");
        Assert.True(actual == record.Actual?.Value, $"{key}: actual {record.Actual?.Value} in {text}");
    }

    [Theory]
    [MemberData(nameof(CounterExamples))]
    public void ACounterExamplePairsNothing(string text) =>
        Assert.DoesNotContain(LegacyReader.Pipeline.ExtractText(text).Records, r => r.Target is not null && r.Actual is not null);

    [Fact]
    public void EveryPairingRuleHasExamples()
    {
        foreach (var key in Keys)
            Assert.True(Cues().GetProperty(key).GetProperty("examples").GetArrayLength() > 0, key);
    }
}
