using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using GovTextExtract.Loading;

namespace GovTextExtract.Batch;

/// <summary>Options of a <see cref="BatchRunner"/>. Every default is the documented one.</summary>
public sealed record BatchOptions
{
    /// <summary>Documents processed at once. Default: <see cref="Environment.ProcessorCount"/>.</summary>
    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>The part of the archive to process. Default: all of it.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>How many failures the summary names; the rest are counted. Default 1000.</summary>
    public int MaxListedFailures { get; init; } = 1000;
}

/// <summary>Runs the extraction pipeline over many files in parallel and hands each outcome to a sink.</summary>
/// <remarks>
/// <para>Data flow: a producer walks the input (lazily) and keeps this shard's files → a bounded channel →
/// <see cref="BatchOptions.Jobs"/> workers (read, SHA-256, skip when done, load, extract) → a bounded channel → one
/// writer that commits each outcome to the sink. Both channels hold at most a few documents per worker, so memory is
/// bounded by the documents in flight, not by the size of the archive. A second walk only counts the files, for the
/// progress display.</para>
/// <para>A file that cannot be loaded or extracted is written as a failed document and the run goes on. A failure
/// of the sink (the output cannot be written) stops the run with a <see cref="BatchStoreException"/>.</para>
/// </remarks>
public sealed class BatchRunner
{
    private readonly ExtractionPipeline _pipeline;
    private readonly BatchOptions _options;

    /// <summary>Creates a runner.</summary>
    public BatchRunner(ExtractionPipeline pipeline, BatchOptions? options = null)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline));
        _options = options ?? new BatchOptions();
        if (_options.Jobs < 1)
            throw new ArgumentOutOfRangeException(nameof(options), _options.Jobs, "Jobs must be at least 1");
    }

    /// <summary>Processes the files of an input.</summary>
    /// <param name="input">The input.</param>
    /// <param name="sink">Where outcomes go; also tells which documents are already done.</param>
    /// <param name="progress">Live counters, readable from any thread while the run goes on; null for none.</param>
    /// <param name="cancellationToken">Stops the run: documents committed stay, those in flight are dropped.</param>
    /// <returns>The summary; <see cref="BatchSummary.Cancelled"/> says whether the run was stopped.</returns>
    /// <exception cref="BatchStoreException">The sink failed.</exception>
    /// <exception cref="BatchInputException">The input cannot be read (e.g. its folder vanished).</exception>
    public BatchSummary Run(BatchInput input, IBatchSink sink, BatchProgress? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(sink);
        progress ??= new BatchProgress();
        progress.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        var jobs = _options.Jobs;
        var files = Channel.CreateBounded<BatchFile>(new BoundedChannelOptions(jobs * 2) { SingleWriter = true });
        var outcomes = Channel.CreateBounded<BatchDocument>(new BoundedChannelOptions(jobs * 2) { SingleReader = true });
        var failures = new List<BatchFailure>();
        var warnings = new List<BatchFailure>();
        Exception? fault = null;

        void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref fault, e, null);
            stop.Cancel();
        }

        var counter = Task.Run(() =>
        {
            try
            {
                long n = 0;
                foreach (var file in input.Enumerate())
                {
                    token.ThrowIfCancellationRequested();
                    if (_options.Shard.Contains(file.Key))
                        n++;
                }
                progress.SetTotal(n);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or UnauthorizedAccessException)
            {
                // Only the progress display needs the count; the producer reports a walk that fails.
            }
        }, CancellationToken.None);

        var producer = Task.Run(async () =>
        {
            try
            {
                foreach (var file in input.Enumerate())
                {
                    if (_options.Shard.Contains(file.Key))
                        await files.Writer.WriteAsync(file, token).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Fail(new BatchInputException(input.Description, "cannot be read: " + e.Message, e));
            }
            finally
            {
                files.Writer.TryComplete();
            }
        }, CancellationToken.None);

        var indexes = new ConcurrentBag<IBatchDoneIndex>();
        var allIndexes = new ConcurrentBag<IBatchDoneIndex>();
        var workers = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(files.Reader.ReadAllAsync(token),
                    new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = token },
                    async (file, ct) =>
                    {
                        if (!indexes.TryTake(out var index))
                        {
                            index = sink.OpenIndex();
                            allIndexes.Add(index);
                        }
                        BatchDocument? outcome;
                        try
                        {
                            outcome = Process(file, index, progress);
                        }
                        finally
                        {
                            indexes.Add(index);
                        }
                        if (outcome is not null)
                            await outcomes.Writer.WriteAsync(outcome, ct).ConfigureAwait(false);
                    }).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception e)
            {
                Fail(e);
            }
            finally
            {
                outcomes.Writer.TryComplete();
            }
        }, CancellationToken.None);

        var writer = Task.Factory.StartNew(() =>
        {
            try
            {
                var reader = outcomes.Reader;
                while (reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
                {
                    while (reader.TryRead(out var doc))
                    {
                        if (token.IsCancellationRequested)
                            continue;
                        sink.Write(doc);
                        progress.Committed(doc);
                        if (doc.Status == BatchStatus.Failed && failures.Count < _options.MaxListedFailures)
                            failures.Add(new BatchFailure(doc.Key, doc.Failure ?? "failed", doc.Error ?? ""));
                        foreach (var warning in doc.Warnings)
                            if (warnings.Count < _options.MaxListedFailures)
                                warnings.Add(new BatchFailure(doc.Key, "warning", warning));
                    }
                }
            }
            catch (Exception e)
            {
                Fail(e);
                // Drain so that no worker waits on a full channel.
                while (outcomes.Reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
                    while (outcomes.Reader.TryRead(out _)) { }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            Task.WaitAll(producer, workers, writer);
        }
        finally
        {
            stop.Cancel();
            try
            {
                counter.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The count only serves the progress display.
            }
            foreach (var index in allIndexes)
                index.Dispose();
            progress.Finish();
        }
        if (fault is not null)
            throw fault is BatchStoreException or BatchInputException ? fault : new BatchStoreException("batch", fault.Message, fault);
        var snapshot = progress.Snapshot();
        return new BatchSummary
        {
            Seen = snapshot.Processed,
            Extracted = snapshot.Extracted,
            Failed = snapshot.Failed,
            Skipped = snapshot.Skipped,
            Records = snapshot.Records,
            Bytes = snapshot.Bytes,
            Elapsed = snapshot.Elapsed,
            Failures = failures,
            Warnings = warnings,
            Cancelled = cancellationToken.IsCancellationRequested,
        };
    }

    /// <summary>Reads, hashes and extracts one file; null when it is already done.</summary>
    private BatchDocument? Process(BatchFile file, IBatchDoneIndex index, BatchProgress progress)
    {
        var start = Stopwatch.GetTimestamp();
        long size = 0;
        string? sha256 = null;
        try
        {
            byte[] bytes;
            // By type first: a FIFO, a device or a socket (or a link to one) is refused before it is opened.
            var type = FileTypes.Of(file.FullPath);
            if (type == FileType.Directory)
                return Failed(file, LoadFailure.Unreadable, "is a folder, not a file", 0, null, start);
            if (FileTypes.IsSpecial(type))
                return Failed(file, LoadFailure.NotRegularFile,
                    $"is {FileTypes.Describe(type)}; only regular files are read", 0, null, start);
            var info = new FileInfo(file.FullPath);
            if (type == FileType.Missing || !info.Exists)
                return Failed(file, LoadFailure.NotFound, "file not found", 0, null, start);
            size = info.Length;
            var limit = _pipeline.Options.Load.MaxFileBytes;
            if (size > limit)
            {
                using (var stream = File.OpenRead(file.FullPath))
                    sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
                return Failed(file, LoadFailure.TooLarge, $"file is {size} bytes, more than the limit of {limit}", size, sha256, start);
            }
            bytes = DocumentLoader.ReadAtMost(file.FullPath, limit)
                    ?? throw new DocumentLoadException(file.Key, LoadFailure.TooLarge, $"file is more than the limit of {limit} bytes");
            size = bytes.LongLength;
            sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (index.IsDone(file.Key, sha256))
            {
                progress.Skip();
                return null;
            }
            var read = Stopwatch.GetTimestamp();
            var loaded = DocumentLoader.FromBytes(bytes, file.Key, _pipeline.Options.Load);
            var load = Stopwatch.GetTimestamp();
            var result = _pipeline.Extract(loaded);
            var end = Stopwatch.GetTimestamp();
            return new BatchDocument
            {
                Key = file.Key,
                Size = size,
                Sha256 = sha256,
                Format = loaded.Format,
                Encoding = loaded.EncodingName,
                Status = BatchStatus.Ok,
                Warnings = result.Warnings,
                Records = result.Records,
                ReadMs = Stopwatch.GetElapsedTime(start, read).TotalMilliseconds,
                LoadMs = Stopwatch.GetElapsedTime(read, load).TotalMilliseconds,
                ExtractMs = Stopwatch.GetElapsedTime(load, end).TotalMilliseconds,
                TotalMs = Stopwatch.GetElapsedTime(start, end).TotalMilliseconds,
                ProcessedAt = DateTimeOffset.UtcNow,
            };
        }
        catch (DocumentLoadException e)
        {
            var prefix = e.SourceName + ": ";
            var reason = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
            return Failed(file, e.Failure, reason, size, sha256, start);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(file, LoadFailure.Unreadable, "cannot be read: " + e.Message, size, sha256, start);
        }
        catch (ExtractionBudgetException e)
        {
            return Failed(file, e.Kind == ExtractionBudget.TooLarge ? "too_large" : "time_budget", e.Reason, size, sha256, start);
        }
        catch (Exception e) when (e is not (OutOfMemoryException or OperationCanceledException))
        {
            // A bug in a stage must not stop the archive: the document is recorded with the exception's type and text.
            return Failed(file, "extraction_error", $"{e.GetType().Name}: {e.Message}{Where(e)}", size, sha256, start);
        }
    }

    /// <summary>Where in this library an exception was thrown (<c> (at GovTextExtract.Pairing.CircularPairer.Pair)</c>),
    /// so that a failure in the store is enough to file a bug; empty when no frame is ours.</summary>
    private static string Where(Exception e)
    {
        foreach (var frame in new StackTrace(e).GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            if (type?.FullName is { } name && name.StartsWith("GovTextExtract.", StringComparison.Ordinal))
                return $" (at {name}.{method!.Name})";
        }
        return "";
    }

    private static BatchDocument Failed(BatchFile file, LoadFailure failure, string reason, long size, string? sha256, long start) =>
        Failed(file, RecordRow.Snake(failure.ToString()), reason, size, sha256, start);

    private static BatchDocument Failed(BatchFile file, string failure, string reason, long size, string? sha256, long start) => new()
    {
        Key = file.Key,
        Size = size,
        Sha256 = sha256,
        Status = BatchStatus.Failed,
        Failure = failure,
        // One line per failure in the summary, whatever the exception's message holds.
        Error = reason.ReplaceLineEndings(" "),
        TotalMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds,
        ProcessedAt = DateTimeOffset.UtcNow,
    };
}
