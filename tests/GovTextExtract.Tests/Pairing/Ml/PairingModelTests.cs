using GovTextExtract.Evaluation;
using GovTextExtract.Pairing.Features;
using GovTextExtract.Pairing.Scoring;
using GovTextExtract.Pairing.Training;
using GovTextExtract.Segmentation;
using GovTextExtract.Tests.Evaluation;

namespace GovTextExtract.Tests.Pairing.Ml;

/// <summary>Training, saving and loading on tiny synthetic data (the committed model is trained by the CLI).</summary>
public class PairingModelTests
{
    /// <summary>A tiny training set: right pairs share the indicator and a near magnitude; wrong ones do not.</summary>
    internal static TrainingDocument TinyData()
    {
        var examples = new List<(float[], bool)>();
        string[] names = ["新增城镇就业", "粮食产量", "旅游总收入", "新建幼儿园", "改造农村公路", "新增市场主体"];
        for (var i = 0; i < 24; i++)
        {
            var name = names[i % names.Length];
            var other = names[(i + 1) % names.Length];
            var t = 100m + i;
            examples.Add((PairFeatures.Compute(PairFeaturesTests.Candidate(name, "全市" + name, t, t * 1.1m), ChineseSegmenter.Shared), true));
            examples.Add((PairFeatures.Compute(PairFeaturesTests.Candidate(name, "全市" + other, t, t * 40m, ruleChoice: false, ruleScore: 0.3),
                ChineseSegmenter.Shared), false));
        }
        return new TrainingDocument
        {
            Gold = new GoldFile { Source = "tiny", Document = "tiny.txt", Records = [] },
            Examples = examples,
        };
    }

    private static readonly Lazy<PairingModel> Tiny = new(() => PairingTrainer.Train([TinyData()]));

    internal static PairingModel TinyModel => Tiny.Value;

    [Fact]
    public void Training_twice_gives_the_same_bytes()
    {
        using var a = new MemoryStream();
        using var b = new MemoryStream();
        PairingTrainer.Train([TinyData()]).Save(a);
        PairingTrainer.Train([TinyData()]).Save(b);
        Assert.Equal(a.ToArray(), b.ToArray());
    }

    [Fact]
    public void The_model_separates_the_tiny_data_and_survives_a_round_trip()
    {
        var right = PairFeatures.Compute(PairFeaturesTests.Candidate("新增城镇就业", "全市新增城镇就业", 100m, 108m), ChineseSegmenter.Shared);
        var wrong = PairFeatures.Compute(PairFeaturesTests.Candidate("新增城镇就业", "全市粮食产量", 100m, 4000m, ruleChoice: false, ruleScore: 0.3),
            ChineseSegmenter.Shared);
        Assert.True(TinyModel.Probability(right) > 0.5f);
        Assert.True(TinyModel.Probability(wrong) < 0.5f);

        var path = Path.Combine(Path.GetTempPath(), $"govtext-model-{Guid.NewGuid():N}.zip");
        try
        {
            TinyModel.Save(path);
            var loaded = PairingModel.Load(path);
            Assert.Equal(TinyModel.Probability(right), loaded.Probability(right));
            Assert.Equal(TinyModel.Probability(wrong), loaded.Probability(wrong));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Training_without_a_wrong_candidate_is_refused()
    {
        var onlyRight = TinyData() with { Examples = TinyData().Examples.Where(e => e.Label).ToArray() };
        var e = Assert.Throws<ArgumentException>(() => PairingTrainer.Train([onlyRight]));
        Assert.Contains("right and wrong", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_no_model_is_named_in_the_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"govtext-notamodel-{Guid.NewGuid():N}.zip");
        File.WriteAllText(path, "not a zip");
        try
        {
            var e = Assert.Throws<PairingModelException>(() => PairingModel.Load(path));
            Assert.Equal(path, e.SourceName);
            Assert.StartsWith("not a pairing model", e.Problem, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
        var missing = Assert.Throws<PairingModelException>(() => PairingModel.Load(path));
        Assert.Equal("file not found", missing.Problem);
    }

    [Fact]
    public void The_committed_model_is_embedded_and_has_this_librarys_features()
    {
        Assert.True(File.Exists(Path.Combine(GoldFileTests.RepoRoot(), "models", "pairing.zip")));
        Assert.NotNull(PairingModel.Embedded);
    }

    [Fact]
    public void Labels_come_from_gold_values()
    {
        var gold = new[]
        {
            new Records.CompletionRecord
            {
                Indicator = "新增城镇就业",
                Target = new Records.TargetValue { Text = "3.7万人", Value = 37000m, Unit = "人" },
                Actual = new Records.ActualValue { Text = "53303人", Value = 53303m, Unit = "人" },
                Status = Records.CompletionStatus.Exceeded,
            },
            new Records.CompletionRecord
            {
                Indicator = "城镇失业人员再就业",
                Actual = new Records.ActualValue { Text = "10387人", Value = 10387m, Unit = "人" },
                ReportedRate = 207.74m,
                Status = Records.CompletionStatus.Exceeded,
            },
        };
        Assert.True(PairingTrainer.Label(PairFeaturesTests.Candidate(target: 37000m, actual: 53303m), gold));
        Assert.False(PairingTrainer.Label(PairFeaturesTests.Candidate(target: 37000m, actual: 10387m), gold));
        // A record without a target: the actual and the stated rate.
        Assert.True(PairingTrainer.Label(PairFeaturesTests.Candidate(target: null, actual: 10387m, rate: 207.74m), gold));
        Assert.False(PairingTrainer.Label(PairFeaturesTests.Candidate(target: null, actual: 10387m, rate: 140.41m), gold));
    }
}
