using GovTextExtract.Evaluation;
using GovTextExtract.Learning;

namespace GovTextExtract.Tests.Circulars;

/// <summary>The classifiers train deterministically and keep class order; documents group by place.</summary>
public class LearningTests
{
    private static IReadOnlyList<LabelledRow> Rows(int classes)
    {
        var random = new Random(7);
        var rows = new List<LabelledRow>();
        for (var i = 0; i < 300; i++)
        {
            var label = i % classes;
            var f = new float[4];
            f[label % 4] = 1;
            f[3] = (float)random.NextDouble();
            rows.Add(new LabelledRow(f, label));
        }
        return rows;
    }

    [Fact]
    public void Training_twice_on_the_same_rows_gives_the_same_bytes()
    {
        byte[] Save()
        {
            using var stream = new MemoryStream();
            LinearModel.Train(Rows(3), 4, 3).Save(stream);
            return stream.ToArray();
        }
        Assert.Equal(Save(), Save());
    }

    [Fact]
    public void The_probability_of_class_k_is_in_slot_k_even_when_a_class_never_occurs()
    {
        // Class 3 of 4 never occurs; class 1 is marked by feature 1.
        var rows = Rows(3);
        var model = LinearModel.Train(rows, 4, 4);
        var p = model.Probabilities([0, 1, 0, 0.5f]);
        Assert.Equal(4, p.Length);
        Assert.Equal(1, Array.IndexOf(p, p.Max()));
    }

    [Fact]
    public void A_model_saved_and_loaded_predicts_the_same()
    {
        var model = LinearModel.Train(Rows(2), 4, 2);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = LinearModel.Load(stream, "test", 4, 2);
        Assert.Equal(model.Probabilities([1, 0, 0, 0.3f]), loaded.Probabilities([1, 0, 0, 0.3f]));
    }

    [Fact]
    public void A_model_of_other_features_is_refused_with_its_name()
    {
        var model = LinearModel.Train(Rows(2), 4, 2);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var e = Assert.Throws<InvalidDataException>(() => LinearModel.Load(stream, "old.zip", 5, 2));
        Assert.Contains("old.zip", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("henan-2021-minsheng-progress-q1.txt", "henan")]
    [InlineData("henan-zhen-2005-progress-h1.txt", "henan")]
    [InlineData("china-2007-provincial-energy-saving-targets.txt", "national")]
    [InlineData("quanguo-2018-zhengfugongzuobaogao-completion.txt", "national")]
    public void Documents_of_one_place_share_a_fold(string document, string group)
    {
        Assert.Equal(group, CircularCrossValidation.GroupOf(document));
    }
}

/// <summary>The classifiers shipped in models/ read this build's features: a rule added or removed without
/// retraining (govtext train-reader --corpus corpus --out models) fails here, not silently at run time.</summary>
public class EmbeddedModelTests
{
    [Fact]
    public void The_embedded_circular_models_read_this_builds_features()
    {
        var models = GovTextExtract.Circulars.CircularModels.Embedded;
        Assert.NotNull(models);
        Assert.Equal(GovTextExtract.Roles.RoleFeatures.Default.Count, models!.Roles.FeatureCount);
        Assert.Equal(GovTextExtract.Links.LinkFeatures.Count, models.Links.FeatureCount);
    }
}
