using System.Globalization;
using GovTextExtract.Batch;
using Spectre.Console;

namespace GovTextExtract.Cli;

/// <summary>How <c>govtext batch</c> shows its progress on standard error.</summary>
internal enum ProgressMode
{
    /// <summary>A live bar when standard error is a terminal, plain lines otherwise.</summary>
    Auto,
    /// <summary>A live bar (Spectre.Console).</summary>
    Bar,
    /// <summary>One plain line every interval.</summary>
    Lines,
    /// <summary>Nothing until the summary.</summary>
    None,
}

/// <summary>Shows the counters of a running batch until its work ends.</summary>
internal static class BatchProgressDisplay
{
    /// <summary>Waits for <paramref name="work"/>, showing <paramref name="progress"/> meanwhile.</summary>
    public static T Show<T>(Task<T> work, BatchProgress progress, ProgressMode mode, TextWriter stderr, TimeSpan interval)
    {
        if (mode == ProgressMode.Auto)
        {
            var terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
            mode = terminal ? ProgressMode.Bar : ProgressMode.Lines;
        }
        switch (mode)
        {
            case ProgressMode.Bar:
                ShowBar(work, progress, stderr);
                break;
            case ProgressMode.Lines:
                while (!work.Wait(interval))
                {
                    stderr.WriteLine("govtext: batch: " + Line(progress.Snapshot()));
                    stderr.Flush();
                }
                break;
        }
        return work.GetAwaiter().GetResult();
    }

    /// <summary>The counters in one line: <c>120/1000 documents (12%), 3 failed, 10 already done, 25.1
    /// documents/s, 1.20 MB/s, ETA 0:35</c>.</summary>
    public static string Line(BatchProgressSnapshot s)
    {
        var total = s.Total is { } t ? t.ToString(CultureInfo.InvariantCulture) : "?";
        var percent = s.Total is > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({100.0 * s.Processed / s.Total.Value:0}%)") : "";
        var eta = s.Remaining is { } r ? ", ETA " + Duration(r) : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{s.Processed}/{total} documents{percent}, {s.Failed} failed, {s.Skipped} already done, " +
            $"{s.DocumentsPerSecond:0.0} documents/s, {s.MegabytesPerSecond:0.00} MB/s{eta}");
    }

    /// <summary>A duration as <c>h:mm:ss</c> or <c>m:ss</c>.</summary>
    public static string Duration(TimeSpan t) => t.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes}:{t.Seconds:00}");

    private static void ShowBar<T>(Task<T> work, BatchProgress progress, TextWriter stderr)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("documents", autoStart: true, maxValue: 1);
                task.IsIndeterminate = true;
                void Update()
                {
                    var s = progress.Snapshot();
                    if (s.Total is { } total)
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = Math.Max(1, total);
                    }
                    task.Value = Math.Min(task.MaxValue, s.Processed);
                    task.Description = Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                        $"{s.Processed}/{(s.Total is { } t ? t.ToString(CultureInfo.InvariantCulture) : "?")} documents · " +
                        $"{s.DocumentsPerSecond:0.0}/s · {s.MegabytesPerSecond:0.00} MB/s · {s.Failed} failed"));
                }
                while (!work.Wait(TimeSpan.FromMilliseconds(250)))
                    Update();
                Update();
                task.StopTask();
            });
    }
}
