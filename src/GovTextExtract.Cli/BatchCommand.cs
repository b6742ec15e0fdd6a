using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using GovTextExtract.Batch;
using GovTextExtract.Loading;

namespace GovTextExtract.Cli;

/// <summary><c>govtext batch INPUT --out PATH</c>: extracts every document of an archive, in parallel, resumably.</summary>
internal static class BatchCommand
{
    /// <summary>The suffix of the state store kept beside a JSON Lines or CSV output.</summary>
    public const string StateSuffix = ".state.sqlite";

    public static Command Create(CliContext context)
    {
        var input = new Argument<string[]>("INPUT")
        {
            Description = "A folder (every file below it, recursively; hidden files skipped), a glob pattern in " +
                          "quotes ('reports/**/*.txt': * within a folder name, ** across folders), or a list file " +
                          "(one path a line, relative to the list's folder; # comments). A file whose first line " +
                          "does not name an existing file is itself the one document to process. Symbolic links to " +
                          "files are followed (not to folders); a FIFO, device or socket is recorded as failed " +
                          "(not_regular_file) without being opened.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The store or file to write (through a symbolic link to its target); - streams JSON " +
                          "Lines (or CSV) to standard output, and so does a device or FIFO (written to, never " +
                          "replaced). One batch at a time per store: a second fails at once.",
            HelpName = "PATH",
            Required = true,
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "sqlite, jsonl, csv or xlsx. Default: from the extension of --out (.jsonl/.ndjson, .csv, " +
                          ".xlsx; anything else is sqlite), jsonl for --out -.",
            HelpName = "sqlite|jsonl|csv|xlsx",
        };
        format.AcceptOnlyFromAmong("sqlite", "jsonl", "csv", "xlsx");
        var jobs = CommonOptions.Jobs("processed");
        var shard = new Option<string?>("--shard")
        {
            Description = "Process only part i of n (1 <= i <= n) of the archive, chosen by a hash of each file's " +
                          "path relative to INPUT, the same on every machine. Merge the n stores with govtext merge.",
            HelpName = "i/n",
        };
        var progress = CommonOptions.Progress();
        var interval = CommonOptions.ProgressInterval();
        var maxSeconds = CommonOptions.MaxSeconds();
        var maxText = CommonOptions.MaxText();
        var review = new Option<string?>("--review")
        {
            Description = "Also write an auditor's review page for every document into this folder, and an index.html " +
                          "that lists the documents with their counts and links to the pages (see govtext review). " +
                          "Needs a store or file for --out.",
            HelpName = "DIR",
        };
        var command = new DescribedCommand("batch",
            "Extract the records of every document of an archive: parallel, resumable, crash-safe.",
            "Stores: sqlite (default) writes a documents table (path relative to INPUT, size, sha256, format, " +
            "encoding, status ok|failed, failure, error, record_count, read_ms, load_ms, extract_ms, total_ms, " +
            "processed_at) and a records table (document_id, ordinal, the CSV columns of extract, and json, the " +
            "whole record). jsonl: one line per document {document, sha256, size, format, status, failure, error, " +
            "records}. csv: one row per record with a document column. xlsx: a Records sheet (the csv columns) and a " +
            "Documents sheet (one row per document, failures included).\n" +
            "Resuming: every document is committed to the SQLite store in its own transaction (write-ahead log), so " +
            "a run stopped at any moment, even by SIGKILL, keeps every document it committed and no part of any " +
            "other (after a power failure the last few commits may be lost; the store stays consistent). Running the same command again skips each document whose path and " +
            "content (SHA-256) were already extracted, retries failed ones, re-extracts changed ones (replacing " +
            "their records) and never duplicates a record.\n" +
            "jsonl, csv and xlsx files are exported from a state store kept beside them (PATH" + StateSuffix + ") when " +
            "the run ends, into a temporary file that is then moved over PATH: PATH is never half-written; a run " +
            "that is stopped leaves the old PATH (or none) and the state store, and the next run resumes from it. " +
            "Delete the state store to start over. With --out - nothing is kept and nothing skipped; documents " +
            "appear in the order they finish.\n" +
            "One bad file never stops the run: it is recorded as failed with its reason, and the summary on " +
            "standard error names it. Exit code 0 when every document was extracted (or already done), 1 when any " +
            "failed, 2 when --out is the input, 3 when the output cannot be written or the store is in use by " +
            "another batch, 130 when interrupted.\n" +
            "Examples: govtext batch archive/ --out archive.sqlite\n" +
            "          govtext batch 'reports/**/*.txt' --out records.jsonl --jobs 4\n" +
            "          govtext batch archive/ --shard 2/3 --out part2.sqlite   (then: govtext merge all.sqlite part*.sqlite)")
        {
            input, output, format, jobs, shard, progress, interval, maxSeconds, maxText, review,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(input) is { Length: > 1 } many)
                result.AddError($"batch takes one INPUT, got {many.Length}; quote a glob pattern ('dir/*.txt') so the shell does not expand it");
            if (result.GetValue(shard) is { } s)
            {
                try
                {
                    Shard.Parse(s);
                }
                catch (FormatException e)
                {
                    result.AddError("--shard: " + e.Message);
                }
            }
            var o = result.GetValue(output);
            if (o == "-" && result.GetValue(format) is "sqlite" or "xlsx")
                result.AddError($"--format {result.GetValue(format)} needs a file: give --out PATH (standard output takes jsonl or csv)");
            if (o == "-" && result.GetValue(review) is not null)
                result.AddError("--review reads the records from the store: give --out PATH, not -");
        });
        // The work runs off the invoking thread so that Ctrl+C or SIGTERM (which cancel the token) get the summary
        // printed: documents in flight are dropped, committed ones stay.
        command.SetAction((parse, cancellationToken) => Task.Run(() => Execute(context, new Settings(
            parse.GetValue(input)![0],
            parse.GetValue(output)!,
            parse.GetValue(format),
            parse.GetValue(jobs),
            parse.GetValue(shard) is { } s ? Shard.Parse(s) : Shard.All,
            Enum.Parse<ProgressMode>(parse.GetValue(progress)!, ignoreCase: true),
            TimeSpan.FromSeconds(parse.GetValue(interval)), parse.GetValue(maxSeconds), parse.GetValue(maxText), parse.GetValue(review)), cancellationToken), CancellationToken.None));
        return command;
    }

    private sealed record Settings(
        string Input, string Out, string? Format, int Jobs, Shard Shard, ProgressMode Progress, TimeSpan Interval, double? MaxSeconds, long? MaxText, string? Review);

    private static int Execute(CliContext context, Settings settings, CancellationToken cancellationToken)
    {
        var toStdout = settings.Out == "-";
        var format = settings.Format ?? InferFormat(settings.Out);
        BatchInput input;
        try
        {
            input = BatchInput.Open(settings.Input);
        }
        catch (BatchInputException e)
        {
            throw new CliException(e.Input, e.Problem, ExitCodes.InputFailed, e);
        }

        string? outFull = null;
        IBatchSink sink;
        Stream? device = null;
        var outType = toStdout ? FileType.Missing : FileTypes.Of(settings.Out);
        if (FileTypes.IsSpecial(outType))
        {
            // A FIFO or device is written to directly as a stream, never replaced by a file.
            if (settings.Review is not null)
                throw new CliException(settings.Out, "--review reads the records from a store: give --out a file", ExitCodes.Usage);
            if (settings.Format is null)
                format = "jsonl";
            if (format is "sqlite" or "xlsx")
                throw new CliException(settings.Out, $"is {FileTypes.Describe(outType)}: --format {format} needs a regular " +
                                                     "file; stream jsonl or csv to it", ExitCodes.Usage);
            try
            {
                // Unbuffered: the writer flushes each document; nothing is left to fail again on close.
                device = new FileStream(settings.Out, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException(settings.Out, "cannot open for writing: " + e.Message, ExitCodes.OutputFailed, e);
            }
        }
        else if (!toStdout && File.Exists(settings.Input) && !Directory.Exists(settings.Input)
                 && FileTypes.SameFile(settings.Out, settings.Input))
        {
            throw new CliException(settings.Out, $"is the input {settings.Input}: writing it would destroy the input; " +
                                                 "give --out another file", ExitCodes.Usage);
        }
        try
        {
            if (device is not null)
            {
                sink = new StreamSink(new StreamWriter(device, new System.Text.UTF8Encoding(false), 1 << 16),
                    format == "csv" ? StreamFormat.Csv : StreamFormat.JsonLines, settings.Out);
            }
            else if (toStdout)
            {
                sink = new StreamSink(context.Out, format == "csv" ? StreamFormat.Csv : StreamFormat.JsonLines);
            }
            else
            {
                outFull = AtomicFile.FullPath(settings.Out);
                // The output, its sidecars (-wal, -shm, .state.sqlite) and its temporary files are never input.
                input = WithExclusions(input, outFull, settings.Out);
                if (settings.Review is { } pages)
                    input = input.With([Path.TrimEndingDirectorySeparator(Path.GetFullPath(pages)) + Path.DirectorySeparatorChar]);
                sink = BatchStore.Open(format == "sqlite" ? outFull : outFull + StateSuffix);
            }
        }
        catch (BatchStoreException e)
        {
            throw new CliException(e.Path, e.Problem, ExitCodes.OutputFailed, e);
        }

        // Ctrl+C or SIGTERM stops the run cleanly: documents in flight are dropped, committed ones stay, the summary
        // is printed and the exit code is 130. A second signal ends the process at once (still safe: every commit
        // is whole).
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var signals = 0;
        void OnSignal(PosixSignalContext c)
        {
            if (Interlocked.Increment(ref signals) > 1)
                return;
            c.Cancel = true;
            interrupt.Cancel();
        }
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        cancellationToken = interrupt.Token;

        BatchSummary summary;
        using (device)
        using (sink)
        {
            var runner = new BatchRunner(CommonOptions.WithBudget(context.Pipeline, settings.MaxSeconds, settings.MaxText), new BatchOptions { Jobs = settings.Jobs, Shard = settings.Shard });
            var progress = new BatchProgress();
            var work = Task.Run(() => runner.Run(input, sink, progress, cancellationToken), CancellationToken.None);
            try
            {
                summary = BatchProgressDisplay.Show(work, progress, settings.Progress, context.Error, settings.Interval);
            }
            catch (BatchStoreException e)
            {
                throw new CliException(e.Path, e.Problem, ExitCodes.OutputFailed, e);
            }
            catch (BatchInputException e)
            {
                throw new CliException(e.Input, e.Problem, ExitCodes.InputFailed, e);
            }

            if (!summary.Cancelled && outFull is not null && format != "sqlite")
            {
                try
                {
                    var store = (BatchStore)sink;
                    AtomicFile.Write(outFull!, stream =>
                    {
                        switch (format)
                        {
                            case "csv":
                                BatchExport.WriteCsv(store, stream);
                                break;
                            case "xlsx":
                                XlsxExport.Write(store, stream);
                                break;
                            default:
                                BatchExport.WriteJsonLines(store, stream);
                                break;
                        }
                    });
                }
                catch (BatchStoreException e)
                {
                    throw new CliException(e.Path, e.Problem, ExitCodes.OutputFailed, e);
                }
            }
            if (!summary.Cancelled && settings.Review is { } reviewDir)
                WriteReview(context, (BatchStore)sink, input, reviewDir, context.Pipeline.Options.Load);
        }

        WriteSummary(context, summary, settings, toStdout ? null : outFull ?? settings.Out);
        if (summary.Cancelled)
            return ExitCodes.Interrupted;
        return summary.Failed > 0 ? ExitCodes.InputFailed : ExitCodes.Success;
    }

    private static void WriteReview(CliContext context, BatchStore store, BatchInput input, string directory, LoadOptions load)
    {
        try
        {
            var written = Review.BatchReview.Write(store, input, directory, load);
            foreach (var problem in written.Problems)
                context.Warn("batch: review: no page: " + problem);
            context.Warn($"batch: review: {written.Pages} page(s) of {written.Documents} document(s); index {written.IndexPath}");
        }
        catch (BatchStoreException e)
        {
            throw new CliException(e.Path, e.Problem, ExitCodes.OutputFailed, e);
        }
    }

    private static BatchInput WithExclusions(BatchInput input, string outFull, string given) => input.With(
        [outFull, Path.GetFullPath(given), AtomicFile.TempPrefix(outFull), AtomicFile.TempPrefix(outFull + StateSuffix)]);

    /// <summary>The format an output path implies: .jsonl/.ndjson, .csv, .xlsx, else sqlite; jsonl for standard
    /// output.</summary>
    public static string InferFormat(string output)
    {
        if (output == "-")
            return "jsonl";
        var ext = Path.GetExtension(output).ToLowerInvariant();
        return ext switch
        {
            ".jsonl" or ".ndjson" => "jsonl",
            ".csv" => "csv",
            ".xlsx" => "xlsx",
            _ => "sqlite",
        };
    }

    private static void WriteSummary(CliContext context, BatchSummary s, Settings settings, string? output)
    {
        var shard = settings.Shard.Count > 1 ? $" (shard {settings.Shard})" : "";
        var mb = s.Bytes / 1e6;
        var seconds = s.Elapsed.TotalSeconds;
        context.Warn(string.Create(CultureInfo.InvariantCulture,
            $"batch: {s.Seen} documents{shard}: {s.Extracted} extracted ({s.Records} records), {s.Skipped} already done, " +
            $"{s.Failed} failed, in {seconds:0.0} s ({(seconds > 0 ? (s.Extracted + s.Failed) / seconds : 0):0.0} documents/s, " +
            $"{(seconds > 0 ? mb / seconds : 0):0.00} MB/s of {mb:0.0} MB)"));
        foreach (var failure in s.Failures)
            context.Warn("batch: failed: " + failure);
        foreach (var warning in s.Warnings)
            context.Warn("batch: " + warning);
        if (s.Failed > s.Failures.Count)
            context.Warn($"batch: ... and {s.Failed - s.Failures.Count} more failed (see the documents table, status 'failed')");
        if (s.Cancelled)
            context.Warn("batch: interrupted; what was committed is kept: run the same command again to resume");
        else if (output is not null)
            context.Warn("batch: wrote " + output);
    }
}
