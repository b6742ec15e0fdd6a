using GovTextExtract.Pairing.Scoring;
using GovTextExtract.Tests.Evaluation;

namespace GovTextExtract.Tests.Pairing.Ml;

/// <summary>The pipeline with the ML scorer: thread-safe, and the rules untouched when they are chosen.</summary>
public class MlScorerPipelineTests
{
    private static string Circular => Path.Combine(GoldFileTests.RepoRoot(), "corpus", "xianning-2019-completion.txt");

    private static string Key(ExtractionResult r) => string.Join("\n", r.Records.Select(x =>
        $"{x.Indicator}|{x.Target?.Value}|{x.Actual?.Value}|{x.ReportedRate}|{x.Status}|{x.Confidence}"));

    [Fact]
    public void Extraction_with_the_ml_scorer_is_the_same_from_many_threads()
    {
        var pipeline = new ExtractionPipeline(new ExtractionOptions { Scorer = PairScorerKind.Ml, PairingModel = PairingModelTests.TinyModel });
        var expected = Key(pipeline.ExtractFile(Circular));
        var results = new string[8];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = Key(pipeline.ExtractFile(Circular)));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void The_ml_scorer_gives_probabilities_as_confidence_and_the_threshold_withholds_pairs()
    {
        var loose = new ExtractionPipeline(new ExtractionOptions { Scorer = PairScorerKind.Ml, PairingModel = PairingModelTests.TinyModel, MlThreshold = 0 })
            .ExtractFile(Circular).Records;
        var strict = new ExtractionPipeline(new ExtractionOptions { Scorer = PairScorerKind.Ml, PairingModel = PairingModelTests.TinyModel, MlThreshold = 1.01 })
            .ExtractFile(Circular).Records;
        Assert.All(loose, r => Assert.InRange(r.Confidence, 0, 1));
        // Above any probability, no item target takes an actual; the rules' own single pairs stay.
        Assert.True(strict.Count(r => r.Target is not null && r.Actual is not null) < loose.Count(r => r.Target is not null && r.Actual is not null));
    }

    [Fact]
    public void Rules_are_the_default_and_use_no_model()
    {
        Assert.Equal(PairScorerKind.Rules, ExtractionOptions.Default.Scorer);
        Assert.Null(ExtractionOptions.Default.ActiveModel);
        Assert.Equal(0.5, ExtractionOptions.Default.MlThreshold);
    }
}
