using System.Diagnostics;

namespace GovTextExtract.Batch;

/// <summary>The live counters of a batch run; written by the run, read from any thread.</summary>
public sealed class BatchProgress
{
    private long _total = -1;
    private long _extracted;
    private long _failed;
    private long _skipped;
    private long _records;
    private long _bytes;
    private long _startTicks;
    private long _endTicks;

    /// <summary>The counters as they are now.</summary>
    public BatchProgressSnapshot Snapshot()
    {
        var start = Volatile.Read(ref _startTicks);
        var end = Volatile.Read(ref _endTicks);
        var elapsed = start == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(start, end != 0 ? end : Stopwatch.GetTimestamp());
        var total = Volatile.Read(ref _total);
        return new BatchProgressSnapshot(
            total < 0 ? null : total,
            Volatile.Read(ref _extracted),
            Volatile.Read(ref _failed),
            Volatile.Read(ref _skipped),
            Volatile.Read(ref _records),
            Volatile.Read(ref _bytes),
            elapsed,
            end != 0);
    }

    internal void Start()
    {
        Interlocked.CompareExchange(ref _startTicks, Stopwatch.GetTimestamp(), 0);
        Volatile.Write(ref _endTicks, 0);
    }

    internal void Finish() => Volatile.Write(ref _endTicks, Stopwatch.GetTimestamp());

    internal void SetTotal(long total) => Volatile.Write(ref _total, total);

    internal void Skip() => Interlocked.Increment(ref _skipped);

    internal void Committed(BatchDocument document)
    {
        Interlocked.Add(ref _bytes, document.Size);
        Interlocked.Add(ref _records, document.Records.Count);
        if (document.Status == BatchStatus.Ok)
            Interlocked.Increment(ref _extracted);
        else
            Interlocked.Increment(ref _failed);
    }
}

/// <summary>The counters of a batch run at one moment.</summary>
/// <param name="Total">Files in this shard of the input; null until counted.</param>
/// <param name="Extracted">Documents extracted and committed.</param>
/// <param name="Failed">Documents that failed, committed.</param>
/// <param name="Skipped">Documents skipped because an earlier run did them.</param>
/// <param name="Records">Records committed.</param>
/// <param name="Bytes">Bytes of the documents committed (extracted or failed).</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="Finished">True once the run has ended.</param>
public sealed record BatchProgressSnapshot(
    long? Total, long Extracted, long Failed, long Skipped, long Records, long Bytes, TimeSpan Elapsed, bool Finished)
{
    /// <summary>Documents done: extracted, failed or skipped.</summary>
    public long Processed => Extracted + Failed + Skipped;

    /// <summary>Documents processed (not skipped) per second.</summary>
    public double DocumentsPerSecond => Elapsed.TotalSeconds > 0 ? (Extracted + Failed) / Elapsed.TotalSeconds : 0;

    /// <summary>Megabytes (10^6 bytes) of documents processed per second.</summary>
    public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / 1e6 / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time to the end, from the rate so far; null while the total or the rate is unknown.</summary>
    public TimeSpan? Remaining
    {
        get
        {
            if (Total is not { } total || Elapsed.TotalSeconds <= 0 || Processed == 0)
                return null;
            var rate = Processed / Elapsed.TotalSeconds;
            return TimeSpan.FromSeconds(Math.Max(0, total - Processed) / rate);
        }
    }
}

/// <summary>The outcome of a batch run.</summary>
public sealed record BatchSummary
{
    /// <summary>Documents of this shard the run got to: extracted, failed or skipped.</summary>
    public long Seen { get; init; }
    /// <summary>Documents extracted in this run.</summary>
    public long Extracted { get; init; }
    /// <summary>Documents that failed in this run.</summary>
    public long Failed { get; init; }
    /// <summary>Documents skipped because an earlier run extracted the same content under the same key.</summary>
    public long Skipped { get; init; }
    /// <summary>Records written in this run.</summary>
    public long Records { get; init; }
    /// <summary>Bytes of the documents processed in this run (not of those skipped).</summary>
    public long Bytes { get; init; }
    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; init; }
    /// <summary>The failed documents, up to <see cref="BatchOptions.MaxListedFailures"/>.</summary>
    public IReadOnlyList<BatchFailure> Failures { get; init; } = [];
    /// <summary>How the bytes of documents extracted in this run became text, where that needs saying (invalid bytes
    /// replaced, a declared charset overruled), one entry a warning (<see cref="BatchFailure.Failure"/> is
    /// <c>warning</c>), up to <see cref="BatchOptions.MaxListedFailures"/>.</summary>
    public IReadOnlyList<BatchFailure> Warnings { get; init; } = [];
    /// <summary>True when the run was stopped before the end of the input.</summary>
    public bool Cancelled { get; init; }
}
