using System.Text.Json;
using GovTextExtract.Cli;
using GovTextExtract.Pairing.Scoring;
using GovTextExtract.Tests.Evaluation;

namespace GovTextExtract.Tests.Cli;

/// <summary><c>govtext train</c> and the scorer options of extract, pair and eval.</summary>
public sealed class TrainCliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govtext-train-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    private static string Circular => Path.Combine(GoldFileTests.RepoRoot(), "corpus", "xianning-2019-completion.txt");

    [Fact]
    public void Train_needs_an_output_or_cross_validation()
    {
        var (code, _, stderr) = Run("train", "--corpus", _dir);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_on_the_circular_saves_a_model_that_extract_can_use()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(_dir, "corpus")).FullName;
        Directory.CreateDirectory(Path.Combine(corpus, "gold"));
        File.Copy(Path.Combine(GoldFileTests.RepoRoot(), "corpus", "gold", "xianning-2019-completion.json"),
            Path.Combine(corpus, "gold", "xianning-2019-completion.json"));
        File.Copy(Circular, Path.Combine(corpus, "xianning-2019-completion.txt"));
        var model = Path.Combine(_dir, "m.zip");

        var (code, _, stderr) = Run("train", "--corpus", corpus, "--out", model);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("trained on 1 gold file(s)", stderr, StringComparison.Ordinal);
        Assert.NotNull(PairingModel.Load(model));

        var (extractCode, stdout, _) = Run("extract", Circular, "--scorer", "ml", "--model", model);
        Assert.Equal(ExitCodes.Success, extractCode);
        using var json = JsonDocument.Parse(stdout);
        var records = json.RootElement.GetProperty("records");
        Assert.True(records.GetArrayLength() > 0);
        Assert.All(records.EnumerateArray(), r => Assert.InRange(r.GetProperty("confidence").GetDouble(), 0, 1));
    }

    [Theory]
    [InlineData("--threshold", "1.5")]
    [InlineData("--threshold", "-0.1")]
    public void A_threshold_outside_zero_to_one_is_a_usage_error(string option, string value)
    {
        var (code, _, stderr) = Run("extract", Circular, "--scorer", "ml", option, value);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--threshold", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_scorer_is_a_usage_error()
    {
        var (code, _, _) = Run("extract", Circular, "--scorer", "bayes");
        Assert.Equal(ExitCodes.Usage, code);
    }

    [Fact]
    public void A_missing_model_file_is_named()
    {
        var missing = Path.Combine(_dir, "none.zip");
        var (code, stdout, stderr) = Run("extract", Circular, "--scorer", "ml", "--model", missing);
        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Empty(stdout);
        Assert.Contains("none.zip: file not found", stderr, StringComparison.Ordinal);
    }
}
