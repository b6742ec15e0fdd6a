using GovTextExtract.Tests.Evaluation;

namespace GovTextExtract.Tests.Pairing;

/// <summary>Every real document of the corpus goes through extraction without an exception, and no two recognised
/// quantities overlap (a regression: a prefix bound word was once taken from inside the previous figure).</summary>
public class CorpusRobustnessTests
{
    public static TheoryData<string> RawDocuments()
    {
        var data = new TheoryData<string>();
        var raw = Path.Combine(GoldFileTests.RepoRoot(), "..", "shared", "corpus", "raw");
        foreach (var file in Directory.EnumerateFiles(raw, "*.txt").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(RawDocuments))]
    public void ExtractsWithoutErrorAndQuantitiesDoNotOverlap(string name)
    {
        var path = Path.Combine(GoldFileTests.RepoRoot(), "..", "shared", "corpus", "raw", name);
        var result = GovText.ExtractFile(path);
        Assert.All(result.Records, r =>
        {
            foreach (var span in new[] { r.Evidence.Target, r.Evidence.Actual, r.Evidence.Rate })
                if (span is { } s) Assert.InRange(s.End, s.Start, result.SourceText.Length);
        });
        var quantities = GovText.Pipeline.RecognizeQuantities(result.SourceText, includeNonFigures: true);
        for (var i = 1; i < quantities.Count; i++)
            Assert.True(quantities[i].Span.Start >= quantities[i - 1].Span.End,
                $"'{quantities[i - 1].Text}' and '{quantities[i].Text}' overlap");
    }

    [Fact]
    public void PrefixBoundWordIsNotTakenFromThePreviousFigure()
    {
        var qs = GovText.Quantities("确保建一亩成一亩");
        Assert.Equal(2, qs.Count);
        Assert.Equal("成一亩".Length - 1, qs[1].Span.Length);
        Assert.Null(qs[1].Bound);
    }
}
