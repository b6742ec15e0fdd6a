using System.Globalization;
using System.Text.Json;
using GovTextExtract.Output;
using Xunit.Abstractions;

namespace GovTextExtract.Tests.CrossYear;

/// <summary>Runs PairReports on every cross-year gold file of the shared corpus and scores the result with the
/// README's rule.</summary>
public sealed class CrossYearGoldTests
{
    private readonly ITestOutputHelper _output;

    public CrossYearGoldTests(ITestOutputHelper output) => _output = output;

    /// <summary>The shared corpus: ../shared/corpus beside the folder holding GovTextExtract.sln.</summary>
    internal static string CorpusDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "GovTextExtract.sln"))) continue;
            var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "corpus"));
            Assert.True(Directory.Exists(corpus), $"the shared corpus is missing: {corpus}");
            return corpus;
        }
        Assert.Fail("no folder holding GovTextExtract.sln above " + AppContext.BaseDirectory);
        return "";
    }

    [Fact]
    public void Aggregate_f1_and_status_accuracy_reach_the_bar_on_every_cross_year_gold_file()
    {
        var corpus = CorpusDirectory();
        var files = Directory.GetFiles(Path.Combine(corpus, "gold"), "*__*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(files);
        var pipeline = new ExtractionPipeline();
        var total = GoldScoring.Score.Zero;
        var scored = 0;
        foreach (var file in files)
        {
            using var gold = JsonDocument.Parse(File.ReadAllText(file));
            var root = gold.RootElement;
            if (!root.TryGetProperty("kind", out var kind) || kind.GetString() != "cross-year") continue;
            var targetDoc = root.GetProperty("target_document").GetString()!;
            var actualDoc = root.GetProperty("actual_document").GetString()!;
            var result = pipeline.PairReports(Path.Combine(corpus, "raw", targetDoc), Path.Combine(corpus, "raw", actualDoc));
            using var predicted = JsonDocument.Parse(JsonSerializer.Serialize(result, RecordJson.Options));
            var goldRecords = GoldScoring.ReadRecords(root.GetProperty("records"));
            var predictedRecords = GoldScoring.ReadRecords(predicted.RootElement.GetProperty("records"));
            var (score, _) = GoldScoring.ScoreDocument(goldRecords, predictedRecords);
            total += score;
            scored++;
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(file),-45} P={score.Precision:F2} R={score.Recall:F2} F1={score.F1:F2} status={score.StatusCorrect}/{score.StatusCounted}"));
            // Place and year come from the reports themselves.
            Assert.Equal(root.GetProperty("year").GetInt32(), result.Year);
            Assert.Equal(root.GetProperty("place").GetString(), result.Place);
        }
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"TOTAL ({scored} files) tp={total.TruePositives} fp={total.FalsePositives} fn={total.FalseNegatives} P={total.Precision:F3} R={total.Recall:F3} F1={total.F1:F3} status={total.StatusAccuracy:F3}"));
        Assert.True(scored >= 20, $"only {scored} cross-year gold files found");
        Assert.True(total.F1 >= 0.85, $"aggregate F1 {total.F1:F3} < 0.85");
        Assert.True(total.StatusAccuracy >= 0.85, $"status accuracy {total.StatusAccuracy:F3} < 0.85");
    }

    [Fact]
    public void The_scorer_matches_by_value_within_half_a_percent_and_ignores_optional_records()
    {
        static GoldScoring.Record R(decimal? target, decimal? actual, string status = "met", bool optional = false) =>
            new("x", target, null, null, true, actual, actual is not null, null, status, optional);
        var gold = new[] { R(5, 5.4m, "exceeded"), R(2, null, "unknown"), R(3, 3.38m, "exceeded", optional: true) };
        // 5.42 is within 0.5 % of 5.4; the second prediction has an actual where the gold has none (still a match,
        // the gold gives no actual value); the third matches nothing (3.5 is not 3.38): spurious.
        var predicted = new[] { R(5, 5.42m, "exceeded"), R(2, 1.9m, "exceeded"), R(3, 3.5m, "exceeded") };
        var (score, matching) = GoldScoring.ScoreDocument(gold, predicted);
        Assert.Equal(2, score.TruePositives);
        Assert.Equal(1, score.FalsePositives);
        Assert.Equal(0, score.FalseNegatives);
        Assert.Equal(1, score.StatusCorrect);
        Assert.Equal(2, score.StatusCounted);
        Assert.Equal(0, matching[0]);
        Assert.False(GoldScoring.Close(5.43m, 5.4m));
    }
}
