using System.Text;
using GovTextExtract.Cli;

namespace GovTextExtract.Tests.Cli;

/// <summary>The circular reader's commands (explain, rules, train-reader) on a small invented corpus.</summary>
public sealed class ReaderCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("govtext-reader-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRun.Run(args);

    /// <summary>Two documents of two places, each with one gold record (read off the text by hand).</summary>
    private string Corpus()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(_dir, "corpus")).FullName;
        var raw = Directory.CreateDirectory(Path.Combine(corpus, "raw")).FullName;
        var gold = Directory.CreateDirectory(Path.Combine(corpus, "gold")).FullName;
        File.WriteAllText(Path.Combine(raw, "placea-2020-progress.txt"), "1-9月,全县重点项目完成投资45.6亿元,为年计划的82.3%,同比增长12.1%。", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(raw, "placeb-2021-completion.txt"), "全年新增城镇就业6200人,完成目标任务5000人的124%。", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(gold, "placea-2020-progress.json"), """
            {"document": "placea-2020-progress.txt", "records": [
             {"indicator": "重点项目完成投资", "target": null,
              "actual": {"text": "45.6亿元", "value": 4560000000, "unit": "元"},
              "reported_rate": 82.3, "status": "pending"}]}
            """);
        File.WriteAllText(Path.Combine(gold, "placeb-2021-completion.json"), """
            {"document": "placeb-2021-completion.txt", "records": [
             {"indicator": "城镇新增就业",
              "target": {"text": "5000人", "value": 5000, "unit": "人", "bound": "at_least"},
              "actual": {"text": "6200人", "value": 6200, "unit": "人"},
              "reported_rate": 124, "status": "exceeded"}]}
            """);
        return corpus;
    }

    [Fact]
    public void Explain_lists_every_figure_with_its_votes_and_the_links()
    {
        var corpus = Corpus();

        var (code, stdout, _) = Run("explain", Path.Combine(corpus, "raw", "placea-2020-progress.txt"), "--reader", "rules");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains(stdout.Split('\n'), l => l.Contains("45.6亿元", StringComparison.Ordinal) && l.Contains("actual", StringComparison.Ordinal));
        Assert.Contains(stdout.Split('\n'), l => l.Contains("82.3%", StringComparison.Ordinal) && l.Contains("rate.of_plan:rate", StringComparison.Ordinal));
        Assert.Contains(stdout.Split('\n'), l => l.Contains("12.1%", StringComparison.Ordinal) && l.Contains("other.year_on_year:other", StringComparison.Ordinal));
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("link rate", StringComparison.Ordinal) && l.Contains("82.3%", StringComparison.Ordinal) && l.Contains("45.6亿元", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_prints_each_rule_with_its_accuracy_against_the_gold()
    {
        var (code, stdout, _) = Run("rules", "--corpus", Corpus());

        Assert.Equal(ExitCodes.Success, code);
        var rate = Assert.Single(stdout.Split('\n'), l => l.StartsWith("rate.of_plan ", StringComparison.Ordinal));
        // Both documents' stated rates are voted by rate.of_plan and are gold rates: 2 votes, 2 correct.
        Assert.Matches(@"^rate\.of_plan\s+role\s+2\s.*\s2\s+1\.000\s*$", rate.TrimEnd('\r'));
        Assert.Contains("2 document(s)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_reader_cross_validates_by_place_and_saves_deterministic_models()
    {
        var corpus = Corpus();
        var models = Path.Combine(_dir, "models");

        var (code, stdout, stderr) = Run("train-reader", "--corpus", corpus, "--cv", "--out", models);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("placea-2020-progress", StringComparison.Ordinal) && l.Contains("placea", StringComparison.Ordinal));
        Assert.Contains(stdout.Split('\n'), l => l.StartsWith("CV all ", StringComparison.Ordinal) && l.Contains("rules", StringComparison.Ordinal));
        Assert.Contains("saved", stderr, StringComparison.Ordinal);
        var first = File.ReadAllBytes(Path.Combine(models, "circular-roles.zip"));
        Assert.Equal(ExitCodes.Success, Run("train-reader", "--corpus", corpus, "--out", models).Code);
        Assert.Equal(first, File.ReadAllBytes(Path.Combine(models, "circular-roles.zip")));
    }

    [Fact]
    public void Train_reader_without_out_or_cv_is_a_usage_error()
    {
        var (code, _, stderr) = Run("train-reader", "--corpus", Corpus());
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }
}
