using System.Text.Json;
using GovTextExtract.Quantities;

namespace GovTextExtract.Tests.Quantities;

/// <summary>Runs every case of the quantity spec files (Specs/quantities/*.json) as its own test.</summary>
public sealed class QuantitySpecTests
{
    private static readonly ExtractionPipeline Pipeline = new();

    public static TheoryData<string, int, string> AllCases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var file in QuantitySpec.Files())
        {
            var cases = QuantitySpec.Cases(file);
            for (var i = 0; i < cases.Length; i++)
                data.Add(file, i, cases[i].GetProperty("input").GetString()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Case(string file, int index, string input)
    {
        var spec = QuantitySpec.Cases(file)[index];
        var all = spec.TryGetProperty("include_non_figures", out var inf) && inf.GetBoolean();
        var expected = spec.GetProperty("expected").EnumerateArray().ToArray();

        var found = Pipeline.RecognizeQuantities(input, includeNonFigures: all);

        foreach (var q in found)
        {
            // Spans point into the input as given (before normalisation).
            Assert.True(q.Span.Start >= 0 && q.Span.End <= input.Length, $"span {q.Span} outside the input");
            Assert.Equal(input.Substring(q.Span.Start, q.Span.Length), q.Text);
            Assert.True(q.Span.Contains(q.CoreSpan), $"core span {q.CoreSpan} not inside span {q.Span} of '{q.Text}'");
            if (!all) Assert.True(q.IsFigure || q.Kind == QuantityKind.NoChange, $"'{q.Text}' is {q.Kind}, no figure");
        }

        var report = "found: " + (found.Count == 0 ? "(none)" : string.Join(" ", found.Select(QuantitySpec.Describe)));
        Assert.True(expected.Length == found.Count,
            $"{file}#{index} '{input}': expected {expected.Length} quantities, {report}");
        for (var k = 0; k < expected.Length; k++)
        {
            var problems = QuantitySpec.Mismatches(expected[k], found[k]).ToArray();
            Assert.True(problems.Length == 0,
                $"{file}#{index} '{input}', quantity {k + 1}: {string.Join("; ", problems)}; {report}");
        }
    }

    [Fact]
    public void SpecFilesHoldEnoughWellFormedCases()
    {
        var files = QuantitySpec.Files().ToArray();
        Assert.Contains("non-figures.json", files);
        var total = 0;
        foreach (var file in files)
        {
            var cases = QuantitySpec.Cases(file);
            Assert.NotEmpty(cases);
            foreach (var c in cases)
            {
                var input = c.GetProperty("input").GetString();
                Assert.False(string.IsNullOrWhiteSpace(input), $"{file}: empty input");
                foreach (var p in c.EnumerateObject())
                    Assert.True(QuantitySpec.CaseFields.Contains(p.Name), $"{file} '{input}': unknown case field '{p.Name}'");
                foreach (var e in c.GetProperty("expected").EnumerateArray())
                {
                    Assert.Equal(JsonValueKind.Object, e.ValueKind);
                    foreach (var p in e.EnumerateObject())
                        Assert.True(QuantitySpec.FigureFields.Contains(p.Name), $"{file} '{input}': unknown field '{p.Name}'");
                    // The expected text must occur in the input, or the case cannot pass.
                    if (e.TryGetProperty("text", out var t))
                        Assert.Contains(t.GetString()!, input, StringComparison.Ordinal);
                }
            }
            total += cases.Length;
        }
        Assert.True(total >= 180, $"only {total} spec cases");
    }

    [Fact]
    public void NonFigureCasesExpectNoFigureForTheNonFigure()
    {
        // The "NOT a figure" assertions live in non-figures.json: an empty expected list must be allowed and used.
        var cases = QuantitySpec.Cases("non-figures.json");
        Assert.Contains(cases, c => c.GetProperty("expected").GetArrayLength() == 0);
    }
}
