using GovTextExtract.Evaluation;
using GovTextExtract.Records;

namespace GovTextExtract.Tests.Evaluation;

public class GoldFileTests
{
    private const string Circular = """
        {
         "document": "circular.txt",
         "place": "某市",
         "year": 2019,
         "genre": "completion-circular",
         "records": [
          {"indicator": "地区生产总值增长",
           "target": {"text": "8%", "value": 8, "unit": "%", "bound": "at_least"},
           "actual": {"text": "8.1%", "value": 8.1, "unit": "%", "estimate": true},
           "reported_rate": null, "status": "exceeded"},
          {"indicator": "城镇失业人员再就业", "target": null,
           "actual": {"text": "10387人", "value": 10387, "unit": "人"},
           "reported_rate": 207.74, "status": "exceeded"},
          {"indicator": "审批时限",
           "target": {"text": "压缩到20个工作日内", "value": 20, "unit": "个工作日", "bound": "at_most"},
           "actual": {"text": "20-67个工作日", "value": null, "unit": "个工作日"},
           "reported_rate": null, "status": "not_met", "optional": true, "note": "a range"}
         ]
        }
        """;

    private const string CrossYear = """
        {
         "kind": "cross-year",
         "target_document": "place-2012.txt",
         "actual_document": "place-2013.txt",
         "place": "某区",
         "year": 2012,
         "records": [
          {"indicator": "固定资产投资",
           "target": {"text": "194亿元", "value": 19400000000, "unit": "元", "bound": "at_least"},
           "actual": null, "reported_rate": null, "status": "unknown", "optional": false},
          {"indicator": "地区生产总值增长",
           "target": {"text": "5.0%—5.5%", "value": null, "unit": "%", "bound": "range", "low": 5.0, "high": 5.5},
           "actual": {"text": "5.6%", "value": 5.6, "unit": "%", "estimate": false},
           "reported_rate": null, "status": "exceeded", "optional": false}
         ]
        }
        """;

    [Fact]
    public void ReadsACircularGoldFile()
    {
        var gold = GoldFile.Parse(Circular, "circular.json");

        Assert.Equal(GoldKind.Document, gold.Kind);
        Assert.Equal("circular.txt", gold.Document);
        Assert.Equal(["circular.txt"], gold.Documents);
        Assert.Equal(2019, gold.Year);
        Assert.Equal(3, gold.Records.Count);

        var first = gold.Records[0];
        Assert.Equal("地区生产总值增长", first.Indicator);
        Assert.Equal(8m, first.Target!.Value);
        Assert.Equal(BoundKind.AtLeast, first.Target.Bound);
        Assert.Equal(8.1m, first.Actual!.Value);
        Assert.True(first.Actual.Estimate);
        Assert.Null(first.ReportedRate);
        Assert.Equal(CompletionStatus.Exceeded, first.Status);
        Assert.False(first.Optional);

        Assert.Null(gold.Records[1].Target);
        Assert.Equal(207.74m, gold.Records[1].ReportedRate);

        var third = gold.Records[2];
        Assert.True(third.Optional);
        Assert.Equal(CompletionStatus.NotMet, third.Status);
        Assert.Equal(BoundKind.AtMost, third.Target!.Bound);
        Assert.Null(third.Actual!.Value);
        Assert.Equal("a range", third.Note);
    }

    [Fact]
    public void ReadsACrossYearGoldFile()
    {
        var gold = GoldFile.Parse(CrossYear, "pair.json");

        Assert.Equal(GoldKind.CrossYear, gold.Kind);
        Assert.Equal(["place-2012.txt", "place-2013.txt"], gold.Documents);
        Assert.Equal("某区", gold.Place);
        Assert.Null(gold.Records[0].Actual);
        Assert.Equal(19400000000m, gold.Records[0].Target!.Value);
        Assert.Equal(CompletionStatus.Unknown, gold.Records[0].Status);
        Assert.Equal(BoundKind.Range, gold.Records[1].Target!.Bound);
        Assert.Null(gold.Records[1].Target!.Value);
        Assert.Equal(5.0m, gold.Records[1].Target!.Low);
        Assert.Equal(5.5m, gold.Records[1].Target!.High);
    }

    [Theory]
    [InlineData("""{"kind": "survey", "document": "a.txt", "records": []}""", "unknown kind")]
    [InlineData("""{"records": []}""", "\"document\"")]
    [InlineData("""{"kind": "cross-year", "target_document": "a.txt", "records": []}""", "actual_document")]
    [InlineData("""{"document": "a.txt"}""", "records")]
    [InlineData("""{"document": "a.txt", "records": [{"target": null}]}""", "not a valid gold file")]
    [InlineData("""{"document": "a.txt", "records": [""", "not a valid gold file")]
    public void RejectsAnInvalidGoldFileNamingTheFile(string json, string problem)
    {
        var e = Assert.Throws<GoldFileException>(() => GoldFile.Parse(json, "bad.json"));

        Assert.Equal("bad.json", e.SourceName);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingGoldFileNamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-gold-{Guid.NewGuid():N}.json");

        var e = Assert.Throws<GoldFileException>(() => GoldFile.Load(path));

        Assert.Equal(path, e.SourceName);
        Assert.Contains("not found", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRepositoryGoldFilesAllLoad()
    {
        var dir = Path.Combine(RepoRoot(), "corpus", "gold");

        var files = GoldFile.LoadDirectory(dir);

        Assert.NotEmpty(files);
        foreach (var gold in files)
        {
            // The corpus names a pair's gold file <stemN>__<stemN+1>.json and a circular's <stem>.json.
            var stem = Path.GetFileNameWithoutExtension(gold.Source);
            var expected = stem.Contains("__", StringComparison.Ordinal)
                ? stem.Split("__").Select(s => s + ".txt").ToArray()
                : [stem + ".txt"];
            Assert.Equal(expected, gold.Documents);
            Assert.NotEmpty(gold.Records);
            Assert.All(gold.Records, r => Assert.False(string.IsNullOrWhiteSpace(r.Indicator)));
        }
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GovTextExtract.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("GovTextExtract.sln not found above " + AppContext.BaseDirectory);
    }
}
