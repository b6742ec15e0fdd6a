using GovTextExtract.Batch;

namespace GovTextExtract.Tests.Batch;

public sealed class BatchRunnerTests : BatchTestBase
{
    private static readonly ExtractionPipeline Pipeline = new();

    /// <summary>A store that stops the run after a number of documents, as an interrupted process would.</summary>
    private sealed class StoppingSink(BatchStore inner, int after, CancellationTokenSource stop) : IBatchSink
    {
        private int _written;

        public IBatchDoneIndex OpenIndex() => inner.OpenIndex();

        public void Write(BatchDocument document)
        {
            inner.Write(document);
            if (++_written == after)
                stop.Cancel();
        }

        public void Dispose() => inner.Dispose();
    }

    [Fact]
    public void AStoppedRunKeepsWhatItCommittedAndTheNextRunDoesTheRestWithoutDuplicates()
    {
        for (var i = 0; i < 12; i++)
            Write($"doc-{i:00}.txt", i % 2 == 0 ? TwoRecords : OneRecord);
        var storePath = Path.Combine(Root, "store.sqlite");
        var runner = new BatchRunner(Pipeline, new BatchOptions { Jobs = 2 });

        BatchSummary first;
        using (var stop = new CancellationTokenSource())
        using (var sink = new StoppingSink(BatchStore.Open(storePath), 3, stop))
            first = runner.Run(BatchInput.Open(Archive), sink, cancellationToken: stop.Token);

        Assert.True(first.Cancelled);
        Assert.Equal(3, first.Extracted);
        var committed = Query(storePath, "SELECT count(*) FROM documents");
        Assert.Equal(["3"], committed);

        BatchSummary second;
        using (var store = BatchStore.Open(storePath))
            second = runner.Run(BatchInput.Open(Archive), store);

        Assert.False(second.Cancelled);
        Assert.Equal(3, second.Skipped);
        Assert.Equal(9, second.Extracted);
        // 6 documents of two records and 6 of one.
        Assert.Equal(["12\t18"], Query(storePath, "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM records)"));
        Assert.Equal(["0"], Query(storePath, "SELECT count(*) FROM (SELECT document_id, ordinal FROM records GROUP BY document_id, ordinal HAVING count(*) > 1)"));
    }

    [Fact]
    public void A_document_past_its_extraction_budget_fails_as_time_budget_and_the_run_goes_on()
    {
        for (var i = 0; i < 3; i++)
            Write($"doc-{i}.txt", TwoRecords);
        var storePath = Path.Combine(Root, "budget.sqlite");
        // A budget already spent when the first check comes.
        var pipeline = new ExtractionPipeline(ExtractionOptions.Default with { TimeBudget = TimeSpan.FromTicks(1) });

        BatchSummary summary;
        using (var store = BatchStore.Open(storePath))
            summary = new BatchRunner(pipeline, new BatchOptions { Jobs = 1 }).Run(BatchInput.Open(Archive), store);

        Assert.Equal(3, summary.Failures.Count);
        Assert.All(summary.Failures, f => Assert.Equal("time_budget", f.Failure));
        Assert.All(summary.Failures, f => Assert.Contains("time budget", f.Error, StringComparison.Ordinal));
        Assert.Throws<ExtractionBudgetException>(() => pipeline.ExtractText(TwoRecords));
        Assert.NotEmpty(Pipeline.ExtractText(TwoRecords).Records);
    }

    [Fact]
    public void TheSameArchiveGivesTheSameStoreWithOneJobOrMany()
    {
        for (var i = 0; i < 8; i++)
            Write($"d{i}.txt", i % 3 == 0 ? TwoRecords : OneRecord + i);
        var one = Path.Combine(Root, "one.sqlite");
        var many = Path.Combine(Root, "many.sqlite");

        using (var store = BatchStore.Open(one))
            new BatchRunner(Pipeline, new BatchOptions { Jobs = 1 }).Run(BatchInput.Open(Archive), store);
        using (var store = BatchStore.Open(many))
            new BatchRunner(Pipeline, new BatchOptions { Jobs = 4 }).Run(BatchInput.Open(Archive), store);

        Assert.Equal(Content(one), Content(many));
    }

    [Fact]
    public void AFinishedStoreIsOneFileWithoutItsWriteAheadLog()
    {
        Write("a.txt", OneRecord);
        var path = Path.Combine(Root, "store.sqlite");

        using (var store = BatchStore.Open(path))
            new BatchRunner(Pipeline).Run(BatchInput.Open(Archive), store);

        Assert.False(File.Exists(path + "-wal"));
        Assert.False(File.Exists(path + "-shm"));
    }

    [Fact]
    public void AtomicWriteThatFailsLeavesTheOldFileAndNoTemporaryFile()
    {
        var path = Path.Combine(Root, "out.jsonl");
        File.WriteAllText(path, "old contents\n");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("{\"document\":\"half"u8);
            throw new InvalidOperationException("the export failed half way");
        }));

        Assert.Equal("old contents\n", File.ReadAllText(path));
        Assert.Equal([Archive, path], Directory.GetFileSystemEntries(Root).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AtomicWriteThatFailsWithoutAnOldFileLeavesNoFile()
    {
        var path = Path.Combine(Root, "new.csv");

        var e = Assert.Throws<BatchStoreException>(() => AtomicFile.Write(path, _ => throw new IOException("disk full")));

        Assert.Equal(path, e.Path);
        Assert.Contains("disk full", e.Message, StringComparison.Ordinal);

        Assert.Equal([Archive], Directory.GetFileSystemEntries(Root));
    }
}
