using System.Globalization;
using System.Runtime.ExceptionServices;

namespace GovTextExtract.Loading;

/// <summary>Runs a format reader under the time budget and turns what a third-party parser throws on damaged input
/// into a typed <see cref="DocumentLoadException"/>.</summary>
internal static class LoadGuard
{
    /// <summary>Stack of the watchdog thread: deep enough for parsers that recurse over nested structures.</summary>
    private const int StackBytes = 16 * 1024 * 1024;

    /// <summary>Runs <paramref name="load"/> on a watchdog thread and waits at most the time budget.</summary>
    /// <exception cref="DocumentLoadException">The reader failed, or took longer than the budget.</exception>
    public static LoadedDocument Run(string name, LoadOptions options, Func<CancellationToken, LoadedDocument> load)
    {
        var budget = options.TimeBudget;
        if (budget == Timeout.InfiniteTimeSpan)
            return load(CancellationToken.None);
        if (budget <= TimeSpan.Zero)
            throw new DocumentLoadException(name, LoadFailure.Timeout, "the time budget is zero");
        // Not disposed: after a timeout the abandoned reader may still look at the token.
        var cts = new CancellationTokenSource();
        LoadedDocument? result = null;
        ExceptionDispatchInfo? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = load(cts.Token);
            }
            catch (Exception e)
            {
                error = ExceptionDispatchInfo.Capture(e);
            }
        }, StackBytes)
        {
            IsBackground = true,
            Name = "govtext-load",
        };
        thread.Start();
        if (!thread.Join(budget))
        {
            cts.Cancel();
            throw new DocumentLoadException(name, LoadFailure.Timeout, string.Create(CultureInfo.InvariantCulture,
                $"loading took longer than the time budget of {budget.TotalSeconds:0.###} s"));
        }
        cts.Dispose();
        if (error is not null)
        {
            if (error.SourceException is OperationCanceledException)
                throw new DocumentLoadException(name, LoadFailure.Timeout, "loading was cancelled", error.SourceException);
            error.Throw();
        }
        return result!;
    }

    /// <summary>Calls into a third-party parser; anything it throws except our own typed errors becomes
    /// <see cref="LoadFailure.Corrupt"/>, naming the file, the format and the parser's complaint.</summary>
    public static T Library<T>(string name, string format, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not (DocumentLoadException or OperationCanceledException))
        {
            throw Corrupt(name, format, e);
        }
    }

    /// <summary>The typed error for a parser's exception.</summary>
    public static DocumentLoadException Corrupt(string name, string format, Exception e) =>
        new(name, LoadFailure.Corrupt, $"damaged or unsupported {format} ({e.GetType().Name}: {FirstLine(e.Message)})", e);

    private static string FirstLine(string message)
    {
        var i = message.IndexOfAny(['\r', '\n']);
        var line = i >= 0 ? message[..i] : message;
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
