using System.CommandLine;
using System.Globalization;
using System.Text;
using GovTextExtract.Batch;
using GovTextExtract.Loading;
using GovTextExtract.Panel;
using Spectre.Console;

namespace GovTextExtract.Cli;

/// <summary><c>govtext panel ARCHIVE --out panel.(csv|xlsx|parquet|sqlite)</c>: the research panel of an archive of
/// work reports (one row per place × year × indicator), and <c>--merge</c> of its shards.</summary>
internal static class PanelCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string[]>("ARCHIVE")
        {
            Description = "A folder of government work reports (政府工作报告), sub-folders included; with --merge, the " +
                          "panel files (CSV or Parquet) of its shards.",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = CommonOptions.Out();
        var format = new Option<string?>("--format", "-f")
        {
            Description = "csv, xlsx, parquet or sqlite. Default: from the --out extension, else csv.",
            HelpName = "csv|xlsx|parquet|sqlite",
        };
        format.AcceptOnlyFromAmong("csv", "xlsx", "parquet", "sqlite");
        var shard = new Option<string?>("--shard")
        {
            Description = "Write only part i of n (1 <= i <= n) of the places, chosen by a hash of the normalised place " +
                          "name, so a place and all its years stay in one part. Join the parts with --merge.",
            HelpName = "i/n",
        };
        var merge = new Option<bool>("--merge")
        {
            Description = "Merge the panels given as ARCHIVE (the shards of one archive, CSV or Parquet) into one, in " +
                          "panel order: the same rows as one run over the whole archive.",
        };
        var jobs = CommonOptions.Jobs("read");
        var progress = CommonOptions.Progress();
        var interval = CommonOptions.ProgressInterval();
        var gold = new Option<string?>("--gold")
        {
            Description = "A folder of cross-year gold files (corpus/gold): after the run, say on standard error how many " +
                          "gold records have a row with the same target and actual values (the scorer's tolerance), the " +
                          "gold's bound, and, for GDP growth, CPI and unemployment, their indicator_id; list the misses.",
            HelpName = "DIR",
        };
        var noCodebook = new Option<bool>("--no-codebook")
        {
            Description = "Do not write codebook.json and codebook.md beside --out.",
        };
        var command = new DescribedCommand("panel",
            "A research panel from an archive of work reports: targets and results by place, year and indicator.",
            "Every file of ARCHIVE is placed by place (normalised: 湖北 = 湖北省), administrative level and year from its " +
            "title and first lines. Each year's main targets (主要预期目标) are read and paired with the results the " +
            "next year's report gives; a year whose next report is missing gives its rows with the actual empty. One " +
            "row per place × year × indicator: place, level, year, item, indicator_id (a canonical indicator; empty " +
            "outside the lexicon), indicator_raw, target_presence (stated, or absent where the report sets no figure: " +
            "不设…具体目标), target text/value/low/high/unit/bound, actual text/value/unit, status, gap (actual − " +
            "target), the documents and the evidence offsets. Rows are sorted by place, year and item.\n" +
            "Files that cannot be placed or loaded are named on standard error; two files of one place and year are " +
            "reported there and in the duplicates column (the first by name is read), never merged.\n" +
            "Formats: csv (UTF-8 with BOM; standard output without --out), xlsx, parquet, sqlite. With --out, the " +
            "codebook (codebook.json and codebook.md: every column and every indicator_id) is written beside it.\n" +
            "Memory is bounded by the documents in flight: a first pass reads only each file's place and year, a second " +
            "reads each place's years in order, two reports at a time.\n" +
            "Examples: govtext panel reports/ --out panel.parquet\n" +
            "          govtext panel reports/ --shard 1/2 --out part1.csv; govtext panel reports/ --shard 2/2 --out part2.csv\n" +
            "          govtext panel --merge part1.csv part2.csv --out panel.parquet")
        {
            input, output, format, shard, merge, jobs, progress, interval, gold, noCodebook,
        };
        command.Validators.Add(result =>
        {
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
            if (!result.GetValue(merge) && result.GetValue(input) is { Length: > 1 } many)
                result.AddError($"panel takes one ARCHIVE folder, got {many.Length} (give --merge to merge panel files)");
            if (result.GetValue(merge) && result.GetValue(shard) is not null)
                result.AddError("--shard makes a part of a panel; --merge joins parts: give one or the other");
        });
        command.SetAction((parse, cancellationToken) => Task.Run(() => Execute(context, parse, input, output, format, shard, merge, jobs,
            progress, interval, gold, noCodebook, cancellationToken), CancellationToken.None));
        return command;
    }

    private static int Execute(CliContext context, ParseResult parse, Argument<string[]> input, Option<string?> output,
        Option<string?> format, Option<string?> shardOption, Option<bool> merge, Option<int> jobs, Option<string> progressOption,
        Option<double> interval, Option<string?> goldOption, Option<bool> noCodebook, CancellationToken cancellationToken)
    {
        var goldDir = parse.GetValue(goldOption);
        if (goldDir is not null && !Directory.Exists(goldDir))
            throw new CliException(goldDir, "gold folder not found", ExitCodes.InputFailed);
        // Kept only for --gold: the check needs every row.
        var kept = goldDir is null ? null : new List<PanelRow>();
        var inputs = parse.GetValue(input)!;
        var outPath = parse.GetValue(output);
        var toStdout = outPath is null or "-";
        PanelFormat panelFormat;
        if (parse.GetValue(format) is { } f) panelFormat = Enum.Parse<PanelFormat>(f, ignoreCase: true);
        else if (!toStdout && PanelWriter.FormatOf(outPath!) is { } byName) panelFormat = byName;
        else if (!toStdout && FileTypes.IsSpecial(FileTypes.Of(outPath!))) panelFormat = PanelFormat.Csv;
        else if (!toStdout)
            throw new CliException(outPath!, "unknown extension: give --out a .csv, .xlsx, .parquet or .sqlite file, or --format", ExitCodes.Usage);
        else panelFormat = PanelFormat.Csv;
        if (toStdout && panelFormat != PanelFormat.Csv)
            throw new CliException("--out", $"--format {panelFormat.ToString().ToLowerInvariant()} needs a file: give --out PATH (standard output takes csv)", ExitCodes.Usage);

        var exitCode = ExitCodes.Success;
        long rows = 0;
        void Write(Stream stream, Func<Action<PanelRow>, long> produce)
        {
            using var writer = PanelWriter.Create(stream, panelFormat);
            rows = produce(kept is null ? writer.Write : row =>
            {
                kept.Add(row);
                writer.Write(row);
            });
            writer.Complete();
        }
        void Run(Func<Action<PanelRow>, long> produce)
        {
            if (toStdout)
            {
                // Standard output is a TextWriter: the CSV is written as text (without the BOM a file gets).
                var stdout = context.Out;
                Write(new TextWriterStream(stdout), produce);
                stdout.Flush();
            }
            else
            {
                try
                {
                    OutputTarget.WriteStream(outPath!, stream => Write(stream, produce), inputs);
                }
                catch (PanelOutputException e)
                {
                    throw new CliException(outPath!, e.Message, ExitCodes.OutputFailed, e);
                }
            }
        }

        if (parse.GetValue(merge))
        {
            try
            {
                Run(write =>
                {
                    long n = 0;
                    foreach (var row in PanelMerge.Merge(inputs))
                    {
                        write(row);
                        n++;
                    }
                    return n;
                });
            }
            catch (PanelFileException e)
            {
                throw new CliException(e.Path, e.Problem, ExitCodes.InputFailed, e);
            }
            context.Warn(string.Create(CultureInfo.InvariantCulture, $"panel: merged {inputs.Length} panels: {rows} rows"));
        }
        else
        {
            var archive = inputs[0];
            if (!Directory.Exists(archive))
                throw new CliException(archive, File.Exists(archive) ? "is a file; give the folder of the archive" : "folder not found", ExitCodes.InputFailed);
            var options = new PanelOptions
            {
                MaxDegreeOfParallelism = parse.GetValue(jobs),
                Shard = parse.GetValue(shardOption) is { } s ? Shard.Parse(s) : Shard.All,
            };
            // Ctrl+C or SIGTERM stops the run cleanly: the temporary output is removed, an earlier --out file stays, the
            // exit code is 130. A second signal ends the process at once.
            using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var signals = 0;
            void OnSignal(System.Runtime.InteropServices.PosixSignalContext c)
            {
                if (Interlocked.Increment(ref signals) > 1) return;
                c.Cancel = true;
                interrupt.Cancel();
            }
            using var sigint = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, OnSignal);
            using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, OnSignal);
            cancellationToken = interrupt.Token;
            var progress = new PanelProgress();
            var panel = new ResearchPanel(context.Pipeline);
            PanelSummary? summary = null;
            var mode = Enum.Parse<ProgressMode>(parse.GetValue(progressOption)!, ignoreCase: true);
            try
            {
                Run(write =>
                {
                    var work = Task.Run(() => panel.Build(archive, write, options, progress, cancellationToken), CancellationToken.None);
                    summary = Show(work, progress, mode, context.Error, TimeSpan.FromSeconds(parse.GetValue(interval)));
                    return summary.Rows;
                });
            }
            catch (DocumentLoadException e)
            {
                throw new CliException(e.SourceName, e.Message, ExitCodes.InputFailed, e);
            }
            catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
            {
                // The output is written to a temporary file moved into place at the end: nothing half-written stays.
                throw new CliException(archive, "interrupted: no panel written (an earlier --out file is left as it was)",
                    ExitCodes.Interrupted, e);
            }
            foreach (var issue in summary!.Issues) context.Warn($"{issue.Path}: {issue.Reason}");
            var shard = options.Shard.Count > 1 ? $" (shard {options.Shard})" : "";
            context.Warn(string.Create(CultureInfo.InvariantCulture,
                $"panel{shard}: {summary.Documents} files, {summary.Placed} placed, {summary.Places} places, " +
                $"{summary.PlaceYears} place-years, {summary.Rows} rows, {summary.Issues.Count} files named above; " +
                $"{Duration(progress.Snapshot().Elapsed)}"));
            if (summary.Placed == 0 && summary.Documents > 0) exitCode = ExitCodes.InputFailed;
        }

        if (kept is not null) ReportGold(context, kept, goldDir!);

        // The codebook goes beside a file, not beside a device (--out /dev/null) or a pipe.
        if (!toStdout && !parse.GetValue(noCodebook) && FileTypes.Of(outPath!) == FileType.Regular)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(outPath!))!;
            OutputTarget.Write(Path.Combine(dir, "codebook.json"), context.Out, w => w.Write(PanelCodebook.ToJson()), inputs);
            OutputTarget.Write(Path.Combine(dir, "codebook.md"), context.Out, w => w.Write(PanelCodebook.ToMarkdown()), inputs);
        }
        return exitCode;
    }

    private static string Duration(TimeSpan t) => BatchProgressDisplay.Duration(t);

    private static void ReportGold(CliContext context, IReadOnlyList<PanelRow> rows, string goldDir)
    {
        PanelGoldReport report;
        try
        {
            report = PanelGoldCheck.Check(rows, goldDir);
        }
        catch (GovTextExtract.Evaluation.GoldFileException e)
        {
            throw new CliException(e.SourceName, e.Problem, ExitCodes.InputFailed, e);
        }
        foreach (var miss in report.Misses) context.Warn("panel: gold: " + miss);
        context.Warn(string.Create(CultureInfo.InvariantCulture,
            $"panel: gold: {report.Matched} of {report.GoldRecords} cross-year gold records have a row with the same target " +
            $"and actual values, {report.BoundsRight} with the gold's bound; GDP growth, CPI and unemployment: " +
            $"{report.HeadlineRight} of {report.Headline} with their indicator_id and bound"));
    }

    /// <summary>Waits for the run, showing its counters on standard error meanwhile.</summary>
    private static T Show<T>(Task<T> work, PanelProgress progress, ProgressMode mode, TextWriter stderr, TimeSpan interval)
    {
        if (mode == ProgressMode.Auto)
            mode = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? ProgressMode.Bar : ProgressMode.Lines;
        if (mode == ProgressMode.Lines)
        {
            while (!((IAsyncResult)work).AsyncWaitHandle.WaitOne(interval))
            {
                stderr.WriteLine("govtext: panel: " + Line(progress.Snapshot()));
                stderr.Flush();
            }
        }
        else if (mode == ProgressMode.Bar)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
            console.Progress().AutoClear(false).HideCompleted(false)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                    new RemainingTimeColumn(), new SpinnerColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("panel", autoStart: true, maxValue: 1);
                    void Update()
                    {
                        var s = progress.Snapshot();
                        // The first pass (placing) counts as one half, the second (reading) as the other.
                        var placing = s.Documents is > 0 ? (double)s.Identified / s.Documents.Value : 0;
                        var reading = s.PlaceYears is > 0 ? (double)s.Read / s.PlaceYears.Value : s.PlaceYears == 0 ? 1 : 0;
                        task.Value = Math.Min(1, (placing + reading) / 2);
                        task.Description = Markup.Escape(Line(s));
                    }
                    while (!((IAsyncResult)work).AsyncWaitHandle.WaitOne(TimeSpan.FromMilliseconds(250))) Update();
                    Update();
                    task.StopTask();
                });
        }
        return work.GetAwaiter().GetResult();
    }

    /// <summary>The counters in one line: <c>placed 120/1000 files · read 30/400 place-years · 310 rows · 0:35</c>.</summary>
    internal static string Line(PanelProgressSnapshot s) => string.Create(CultureInfo.InvariantCulture,
        $"placed {s.Identified}/{(s.Documents is { } d ? d.ToString(CultureInfo.InvariantCulture) : "?")} files · " +
        $"read {s.Read}/{(s.PlaceYears is { } y ? y.ToString(CultureInfo.InvariantCulture) : "?")} place-years · " +
        $"{s.Rows} rows · {Duration(s.Elapsed)}");

    /// <summary>A write-only stream over a TextWriter (standard output) for UTF-8 CSV bytes.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
        private bool _first = true;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => writer.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            var span = buffer.AsSpan(offset, count);
            // The text writer encodes on its own: the BOM of a file is left out.
            if (_first && span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
            _first = false;
            var chars = new char[_decoder.GetCharCount(span, flush: false)];
            _decoder.GetChars(span, chars, flush: false);
            writer.Write(chars);
        }
    }
}
