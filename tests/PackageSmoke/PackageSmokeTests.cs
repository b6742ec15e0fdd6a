using System.Text.Json;
using GovTextExtract;
using GovTextExtract.Records;

namespace PackageSmoke;

/// <summary>
/// Uses GovTextExtract the way a consumer of the NuGet package does: a PackageReference restored from the folder the
/// package was packed into, with no file of the repository at hand except the circular it reads. Every expected value
/// below was read from the circular by hand (corpus/xianning-2019-completion.txt).
/// </summary>
public class PackageSmokeTests
{
    private static readonly string Circular =
        Path.Combine(AppContext.BaseDirectory, "corpus", "xianning-2019-completion.txt");

    [Fact]
    public void The_library_comes_from_the_package_not_from_the_source_project()
    {
        // The consumer's deps.json says how each library was resolved: "package" for a PackageReference, "project"
        // for a ProjectReference.
        var depsFile = Path.Combine(AppContext.BaseDirectory, "PackageSmoke.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        var library = deps.RootElement.GetProperty("libraries").EnumerateObject()
            .Single(p => p.Name.StartsWith("GovTextExtract/", StringComparison.Ordinal));
        Assert.Equal("package", library.Value.GetProperty("type").GetString());
    }

    [Fact]
    public void No_data_file_is_needed_beside_the_consumer()
    {
        // The jieba dictionaries and the lexicons travel inside GovTextExtract.dll; nothing is copied next to it.
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "dict.txt")));
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "Resources")));
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "models")));

        var resources = typeof(GovText).Assembly.GetManifestResourceNames();
        Assert.Contains("GovTextExtract.Jieba.dict.txt", resources);
        Assert.Contains("GovTextExtract.Jieba.prob_trans.json", resources);
        Assert.Contains("GovTextExtract.Jieba.prob_emit.json", resources);
        Assert.Contains("GovTextExtract.Segmenter.userdict.txt", resources);
        Assert.Contains(resources, r => r.StartsWith("GovTextExtract.Lexicons.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_circular_yields_its_records()
    {
        var result = GovText.ExtractFile(Circular);

        // The circular states about 50 targets with their results (its gold file has 49 required records).
        Assert.True(result.Records.Count >= 40, $"expected at least 40 records, got {result.Records.Count}");

        // "3.全年接待旅游人数7600万人次…2019,全市接待旅游人数7630万人次": 7600万 = 76 000 000, 7630万 = 76 300 000.
        var tourism = Assert.Single(result.Records, r => r.Target?.Value == 76_000_000m);
        Assert.Equal("人次", tourism.Target!.Unit);
        Assert.Equal(76_300_000m, tourism.Actual?.Value);
        Assert.Equal(CompletionStatus.Exceeded, tourism.Status);
        var span = tourism.Evidence.Target;
        Assert.NotNull(span);
        Assert.StartsWith("7600万", result.SourceText.Substring(span.Value.Start, span.Value.Length));

        // "一般公共预算收入增长3.6%(目标9%)": below its growth target.
        var revenue = Assert.Single(result.Records,
            r => r.Target?.Value == 9m && r.Actual?.Value == 3.6m && r.Target.Unit == "%");
        Assert.Equal(CompletionStatus.NotMet, revenue.Status);

        // "城镇登记失业率2.3%(目标控制在4.5%以内)": a ceiling, kept.
        var unemployment = Assert.Single(result.Records, r => r.Target?.Value == 4.5m && r.Actual?.Value == 2.3m);
        Assert.Equal(BoundKind.AtMost, unemployment.Target!.Bound);
        Assert.Equal(CompletionStatus.Met, unemployment.Status);
    }

    [Fact]
    public void One_pipeline_serves_several_threads()
    {
        var pipeline = new ExtractionPipeline();
        var counts = new int[4];
        Parallel.For(0, counts.Length, i => counts[i] = pipeline.ExtractFile(Circular).Records.Count);
        Assert.All(counts, c => Assert.Equal(counts[0], c));
        Assert.True(counts[0] >= 40);
    }

    [Fact]
    public void The_ml_scorer_runs_on_the_model_inside_the_package()
    {
        // models/pairing.zip travels inside GovTextExtract.dll, and ML.NET comes in as a package dependency.
        Assert.NotNull(GovTextExtract.Pairing.Scoring.PairingModel.Embedded);
        var pipeline = new ExtractionPipeline(new ExtractionOptions { Scorer = GovTextExtract.Pairing.Scoring.PairScorerKind.Ml });
        var records = pipeline.ExtractFile(Circular).Records;
        // "城镇登记失业率2.3%(目标控制在4.5%以内)": an inline pair; its confidence is now the classifier's probability.
        var unemployment = Assert.Single(records, r => r.Target?.Value == 4.5m && r.Actual?.Value == 2.3m);
        Assert.InRange(unemployment.Confidence, 0.0, 1.0);
    }
}
