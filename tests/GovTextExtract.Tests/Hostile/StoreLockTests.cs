using System.Diagnostics;
using GovTextExtract.Batch;
using GovTextExtract.Cli;
using Microsoft.Data.Sqlite;

namespace GovTextExtract.Tests.Hostile;

/// <summary>Issue 17, row 13: one writer per store. A second batch on a store in use fails at once with a clear
/// message; it never half-creates the schema or does the work twice.</summary>
public sealed class StoreLockTests : HostileTestBase
{
    [Fact]
    public void A_second_writer_in_the_same_process_is_refused_at_once()
    {
        var path = P("s.sqlite");
        using (BatchStore.Open(path))
        {
            var watch = Stopwatch.StartNew();
            var e = Assert.Throws<BatchStoreException>(() => BatchStore.Open(path));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "the second open waited instead of failing at once");
            Assert.Equal(path, e.Path);
            Assert.Contains("in use by another govtext batch or merge", e.Problem, StringComparison.Ordinal);
        }
        // Closed: the lock is released and its file removed; the store opens again.
        Assert.False(File.Exists(path + ".lock"));
        using (BatchStore.Open(path))
        {
        }
    }

    [Fact]
    public void A_batch_process_on_a_store_another_process_holds_fails_at_once_then_runs_when_it_is_free()
    {
        Write("in/a.txt", OneRecord);
        Write("in/b.txt", OneRecord);
        var path = P("s.sqlite");

        using (BatchStore.Open(path))
        {
            var (code, _, stderr) = Shell("exec dotnet \"$0\" batch in --out s.sqlite --progress none", Root);
            Assert.True(code == ExitCodes.OutputFailed, stderr);
            Assert.Equal($"govtext: {path}: the store is in use by another govtext batch or merge (it holds the store's lock); " +
                         "wait for it to finish, or give another --out\n", stderr);
        }

        var (again, _, err) = Shell("exec dotnet \"$0\" batch in --out s.sqlite --progress none", Root);
        Assert.True(again == ExitCodes.Success, err);
        Assert.Equal(["a.txt\tok", "b.txt\tok"], Query(path, "SELECT path, status FROM documents ORDER BY path"));
    }

    [Fact]
    public void Two_batch_processes_started_together_on_a_new_store_never_clash_nor_duplicate()
    {
        for (var i = 0; i < 6; i++)
            Write($"in/{i}.txt", OneRecord);
        for (var round = 0; round < 2; round++)
        {
            var store = $"s{round}.sqlite";
            var script = $"dotnet \"$0\" batch in --out {store} --progress none -j 1 2> e1.txt & " +
                         $"dotnet \"$0\" batch in --out {store} --progress none -j 1 2> e2.txt & " +
                         "wait %1; echo \"$?\"; wait %2; echo \"$?\"";
            var (code, stdout, _) = Shell(script, Root);
            Assert.Equal(0, code);
            var codes = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToArray();
            var errors = File.ReadAllText(P("e1.txt")) + File.ReadAllText(P("e2.txt"));
            Assert.DoesNotContain("already exists", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("SQLite Error", errors, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", errors, StringComparison.Ordinal);
            Assert.All(codes, c => Assert.True(c is ExitCodes.Success or ExitCodes.OutputFailed, errors));
            Assert.Contains(ExitCodes.Success, codes);
            if (codes.Contains(ExitCodes.OutputFailed))
                Assert.Contains("in use by another govtext batch", errors, StringComparison.Ordinal);
            Assert.Equal(["6\t6"], Query(P(store), "SELECT count(*), count(DISTINCT path) FROM documents"));
            Assert.Equal(["6"], Query(P(store), "SELECT count(*) FROM records"));
        }
    }

    [Fact]
    public void Merge_does_not_replace_a_store_a_batch_is_writing()
    {
        var source = P("part.sqlite");
        using (BatchStore.Open(source))
        {
        }
        var target = P("all.sqlite");
        using (BatchStore.Open(target))
        {
            var e = Assert.Throws<BatchStoreException>(() => BatchMerge.Merge(target, [source], overwrite: true));
            Assert.Equal(target, e.Path);
            Assert.Contains("in use by another govtext batch or merge", e.Problem, StringComparison.Ordinal);
        }
        BatchMerge.Merge(target, [source], overwrite: true);
    }

    [Theory]
    [InlineData(14, "cannot open or create the store file: its folder is read-only, or the file cannot be read")]
    [InlineData(8, "the store is read-only: its file or folder may not be written")]
    [InlineData(13, "the disk is full")]
    [InlineData(5, "the store is locked by another process (is another batch writing to it?)")]
    public void SQLite_errors_read_in_the_users_terms(int code, string expected) =>
        Assert.Equal(expected, BatchStore.Describe(new SqliteException("SQLite Error " + code, code)));
}
