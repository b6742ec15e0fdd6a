using System.Diagnostics;
using GovTextExtract.Loading;
using GovTextExtract.Loading.Fuzzing;

namespace GovTextExtract.Tests.Loading;

/// <summary>Mutated real documents (HTML, DOCX, PDF, text) either load or fail with a typed error, in time.</summary>
public class LoaderFuzzTests
{
    private const int Cases = 550;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    [Fact]
    public void EveryMutatedDocumentLoadsOrIsATypedError()
    {
        var fuzzer = new LoaderFuzzer(new LoaderFuzzOptions { Seed = 4 });
        var options = new LoaderFuzzOptions().Load;
        var problems = new List<string>();
        var loaded = 0;
        var rejected = new Dictionary<LoadFailure, int>();
        var seeds = new HashSet<string>();
        for (var i = 0; i < Cases; i++)
        {
            var c = fuzzer.MakeCase(i);
            seeds.Add(c.Seed);
            var sw = Stopwatch.StartNew();
            try
            {
                var doc = DocumentLoader.FromBytes(c.Bytes, c.Seed, options);
                Assert.False(string.IsNullOrWhiteSpace(doc.Text));
                loaded++;
            }
            catch (DocumentLoadException e)
            {
                rejected[e.Failure] = rejected.GetValueOrDefault(e.Failure) + 1;
                if (!e.Message.Contains(c.Seed, StringComparison.Ordinal)) problems.Add($"case {i} ({c.Seed}, {c.Mutation}): error does not name the file: {e.Message}");
            }
#pragma warning disable CA1031 // The test records any other exception as a failure.
            catch (Exception e)
#pragma warning restore CA1031
            {
                problems.Add($"case {i} ({c.Seed}, {c.Mutation}): {e.GetType().FullName}: {e.Message}");
            }
            if (sw.Elapsed > options.TimeBudget + Grace)
                problems.Add($"case {i} ({c.Seed}, {c.Mutation}) took {sw.Elapsed} past the budget of {options.TimeBudget}");
        }
        Assert.Empty(problems);
        // Both outcomes occur, and every seed was mutated: the cases reach the parsers, not only the sniffer.
        Assert.True(loaded > Cases / 10, $"only {loaded} of {Cases} cases loaded");
        Assert.True(rejected.Values.Sum() > Cases / 10, $"only {rejected.Values.Sum()} of {Cases} cases were rejected");
        Assert.Equal(fuzzer.Seeds.Count, seeds.Count);
        Assert.Contains(LoadFailure.Corrupt, rejected.Keys);
        Assert.Contains(LoadFailure.ZipBomb, rejected.Keys);
        Assert.Contains(LoadFailure.Encrypted, rejected.Keys);
    }

    [Fact]
    public void TheFuzzerReportAccountsForEveryCase()
    {
        var report = new LoaderFuzzer(new LoaderFuzzOptions { Seed = 9 }).Run(60);
        Assert.Equal(60, report.Cases);
        Assert.Equal(report.Cases, report.Loaded + report.RejectedTotal + report.UnhandledTotal);
        Assert.Empty(report.Unhandled);
        Assert.Equal(0, report.OverBudget);
        Assert.Equal(60, report.CasesBySeed.Values.Sum());
    }

    [Fact]
    public void CasesAreDeterministic()
    {
        var a = new LoaderFuzzer(new LoaderFuzzOptions { Seed = 1 });
        var b = new LoaderFuzzer(new LoaderFuzzOptions { Seed = 1 });
        var c = new LoaderFuzzer(new LoaderFuzzOptions { Seed = 2 });
        for (var i = 0; i < 12; i++)
        {
            var (x, y) = (a.MakeCase(i), b.MakeCase(i));
            Assert.Equal((x.Index, x.Seed, x.Mutation), (y.Index, y.Seed, y.Mutation));
            Assert.Equal(x.Bytes, y.Bytes);
        }
        Assert.Contains(Enumerable.Range(0, 12), i => !a.MakeCase(i).Bytes.AsSpan().SequenceEqual(c.MakeCase(i).Bytes));
    }

    [Fact]
    public void TheBuiltInSeedsAreValidDocumentsOfEveryFormat()
    {
        var formats = new HashSet<string>();
        foreach (var seed in LoaderFuzzer.BuiltInSeeds())
        {
            if (seed.Name is "encrypted.pdf" or "bomb.docx") continue;
            formats.Add(DocumentLoader.FromBytes(seed.Bytes, seed.Name).Format);
        }
        Assert.Equal(["docx", "html", "pdf", "text"], formats.Order());
    }
}
