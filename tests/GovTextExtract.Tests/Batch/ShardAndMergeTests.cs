using GovTextExtract.Batch;
using GovTextExtract.Cli;

namespace GovTextExtract.Tests.Batch;

public sealed class ShardAndMergeTests : BatchTestBase
{
    [Fact]
    public void ShardsOfOneCountCoverEveryFileExactlyOnce()
    {
        for (var i = 0; i < 40; i++)
            Write($"dir{i % 3}/report-{i}.txt", "x");
        var input = BatchInput.Open(Archive);
        var all = input.Enumerate().Select(f => f.Key).ToList();

        foreach (var count in new[] { 1, 2, 3, 7 })
        {
            var owners = all.ToDictionary(k => k, _ => new List<int>());
            for (var index = 1; index <= count; index++)
            {
                var shard = new Shard(index, count);
                foreach (var key in all.Where(shard.Contains))
                    owners[key].Add(index);
            }
            Assert.All(owners, o => Assert.Single(o.Value));
        }
        Assert.Equal(40, all.Count);
    }

    [Fact]
    public void AShardDependsOnTheRelativePathOnlyNotWhereTheArchiveLies()
    {
        Write("a/report.txt", "x");
        var copy = Path.Combine(Root, "elsewhere", "mounted");
        Directory.CreateDirectory(Path.Combine(copy, "a"));
        File.WriteAllText(Path.Combine(copy, "a", "report.txt"), "x");

        var here = Assert.Single(BatchInput.Open(Archive).Enumerate());
        var there = Assert.Single(BatchInput.Open(copy).Enumerate());

        Assert.Equal(here.Key, there.Key);
        Assert.Equal(Shard.Of(here.Key, 5), Shard.Of(there.Key, 5));
    }

    [Theory]
    [InlineData("1/1", 1, 1)]
    [InlineData("2/3", 2, 3)]
    [InlineData("10/10", 10, 10)]
    public void ShardParsesIOfN(string text, int index, int count) =>
        Assert.Equal(new Shard(index, count), Shard.Parse(text));

    [Theory]
    [InlineData("0/3")]
    [InlineData("4/3")]
    [InlineData("1/0")]
    [InlineData("1-3")]
    [InlineData("-1/3")]
    [InlineData("1/3/5")]
    public void ShardRejectsWhatIsNotIOfN(string text) => Assert.Throws<FormatException>(() => Shard.Parse(text));

    [Fact]
    public void MergeOfShardStoresEqualsOneRunOverTheWholeArchive()
    {
        Write("a.txt", TwoRecords);
        Write("b.txt", OneRecord);
        Write("c/c.txt", TwoRecords + OneRecord);
        Write("c/d.txt", OneRecord.Replace("612", "480", StringComparison.Ordinal));
        Write("e.txt", "");
        WriteBytes("f.bin", Binary(2000));
        Write("g.txt", TwoRecords.Replace("6.2%", "5.8%", StringComparison.Ordinal));
        Write("h.txt", "没有目标的一段话。");
        string Out(string name) => Path.Combine(Root, name);

        Run("batch", Archive, "--out", Out("whole.sqlite"), "--progress", "none");
        Run("batch", Archive, "--out", Out("part1.sqlite"), "--shard", "1/2", "--progress", "none");
        Run("batch", Archive, "--out", Out("part2.sqlite"), "--shard", "2/2", "--progress", "none");
        var (code, _, stderr) = Run("merge", Out("merged.sqlite"), Out("part1.sqlite"), Out("part2.sqlite"));

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("0 conflicts", stderr, StringComparison.Ordinal);
        var part1 = Content(Out("part1.sqlite"));
        var part2 = Content(Out("part2.sqlite"));
        Assert.NotEmpty(part1);
        Assert.NotEmpty(part2);
        var whole = Content(Out("whole.sqlite"));
        Assert.Equal(whole, Content(Out("merged.sqlite")));
        Assert.Equal(8, whole.Select(r => r.Split('\t')[0]).Distinct().Count());
    }

    [Fact]
    public void MergeKeepsTheExtractedOutcomeOverAFailedOne()
    {
        var path = Write("a.txt", "");
        Run("batch", Archive, "--out", Path.Combine(Root, "first.sqlite"), "--progress", "none");
        File.WriteAllText(path, OneRecord);
        Run("batch", Archive, "--out", Path.Combine(Root, "second.sqlite"), "--progress", "none");

        // The failed outcome comes first, the extracted one second; the merge keeps the extracted one either way.
        Run("merge", Path.Combine(Root, "m1.sqlite"), Path.Combine(Root, "first.sqlite"), Path.Combine(Root, "second.sqlite"));
        Run("merge", Path.Combine(Root, "m2.sqlite"), Path.Combine(Root, "second.sqlite"), Path.Combine(Root, "first.sqlite"));

        Assert.Equal(["a.txt\tok\t1"], Query(Path.Combine(Root, "m1.sqlite"), "SELECT path, status, (SELECT count(*) FROM records) FROM documents"));
        Assert.Equal(["a.txt\tok\t1"], Query(Path.Combine(Root, "m2.sqlite"), "SELECT path, status, (SELECT count(*) FROM records) FROM documents"));
    }

    [Fact]
    public void MergeWithABadSourceWritesNoOutputAndNoTemporaryFile()
    {
        Write("a.txt", OneRecord);
        Run("batch", Archive, "--out", Path.Combine(Root, "good.sqlite"), "--progress", "none");
        File.WriteAllText(Path.Combine(Root, "bad.sqlite"), "not a database at all, just some text to fill a page");
        var before = Directory.GetFileSystemEntries(Root).Order().ToArray();

        var (code, _, stderr) = Run("merge", Path.Combine(Root, "out.sqlite"), Path.Combine(Root, "good.sqlite"), Path.Combine(Root, "bad.sqlite"));

        Assert.Equal(ExitCodes.InputFailed, code);
        Assert.Contains("bad.sqlite", stderr, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFileSystemEntries(Root).Order().ToArray());
    }

    [Fact]
    public void MergeRefusesToReplaceAnExistingStoreWithoutForce()
    {
        Write("a.txt", OneRecord);
        Run("batch", Archive, "--out", Path.Combine(Root, "a.sqlite"), "--progress", "none");
        File.WriteAllText(Path.Combine(Root, "out.sqlite"), "old");

        var (code, _, _) = Run("merge", Path.Combine(Root, "out.sqlite"), Path.Combine(Root, "a.sqlite"));
        Assert.Equal(ExitCodes.OutputFailed, code);
        Assert.Equal("old", File.ReadAllText(Path.Combine(Root, "out.sqlite")));

        (code, _, _) = Run("merge", "--force", Path.Combine(Root, "out.sqlite"), Path.Combine(Root, "a.sqlite"));
        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal(["a.txt"], Query(Path.Combine(Root, "out.sqlite"), "SELECT path FROM documents"));
    }
}
