using System.CommandLine;
using System.CommandLine.Help;
using GovTextExtract.Evaluation;
using GovTextExtract.Loading;

namespace GovTextExtract.Cli;

/// <summary>The <c>govtext</c> command line: <c>extract</c>, <c>quantities</c>, <c>pair</c>, <c>eval</c> and <c>audit</c>.</summary>
/// <remarks>Machine output goes to the standard-output writer, messages to the standard-error writer. A failure is
/// one line <c>govtext: &lt;file&gt;: &lt;problem&gt;</c>, never a stack trace, with an exit code from
/// <see cref="ExitCodes"/>.</remarks>
public static class GovTextCli
{
    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="stdout">Where machine output (JSON, CSV, tables, help) goes.</param>
    /// <param name="stderr">Where messages and errors go.</param>
    /// <returns>The exit code (see <see cref="ExitCodes"/>).</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var context = new CliContext(stdout, stderr);
        var root = CreateRoot(context);
        // "@file" is a legitimate file name here, not a response file.
        var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parsed.Errors.Count > 0 && parsed.Action is not HelpAction)
        {
            foreach (var error in parsed.Errors)
                stderr.WriteLine("govtext: " + error.Message);
            var command = parsed.CommandResult.Command;
            var name = command == root ? "govtext" : "govtext " + command.Name;
            stderr.WriteLine($"Run '{name} --help' for usage.");
            return ExitCodes.Usage;
        }
        if (parsed.CommandResult.Command is DescribedCommand described)
            described.ExpandDescription();
        try
        {
            var code = parsed.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
            });
            // Output still buffered must reach its reader; an error here is an error of the run.
            stdout.Flush();
            return code;
        }
        catch (StandardOutputException e)
        {
            return context.Fail("standard output: cannot write: " + e.Message, ExitCodes.OutputFailed);
        }
        catch (CliException e)
        {
            return context.Fail(e.Message, e.ExitCode);
        }
        catch (DocumentLoadException e)
        {
            return context.Fail(Describe(e), ExitCodes.InputFailed);
        }
        catch (GoldFileException e)
        {
            return context.Fail(e.Message, ExitCodes.InputFailed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return context.Fail($"internal error: {e.GetType().Name}: {e.Message}", ExitCodes.InternalError);
        }
    }

    /// <summary>The line that names the file and the problem of a load failure (<c>a.txt: empty: …</c>).</summary>
    public static string Describe(DocumentLoadException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var prefix = error.SourceName + ": ";
        var detail = error.Message.StartsWith(prefix, StringComparison.Ordinal) ? error.Message[prefix.Length..] : error.Message;
        var label = error.Failure switch
        {
            LoadFailure.NotFound => "not found",
            LoadFailure.Unreadable => "unreadable",
            LoadFailure.Empty => "empty",
            LoadFailure.TooLarge => "too large",
            LoadFailure.NotText => "not text",
            LoadFailure.Corrupt => "corrupt",
            LoadFailure.Timeout => "timed out",
            LoadFailure.Encrypted => "encrypted",
            LoadFailure.NoText => "no text",
            LoadFailure.ZipBomb => "zip bomb",
            LoadFailure.NotRegularFile => "not a regular file",
            _ => "cannot be loaded",
        };
        var problem = detail.Contains(label, StringComparison.OrdinalIgnoreCase) ? detail : $"{label}: {detail}";
        return error.SourceName + ": " + problem;
    }

    private static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand(
            "govtext: turns the targets (目标) of Chinese government reports and the results reported against them " +
            "into completion records (indicator, target, actual, rate, status, evidence offsets).\n\n" +
            "Exit codes: 0 success, 1 some input failed, 2 usage error, 3 output not written, 4 internal error, " +
            "130 interrupted.");
        root.Add(ExtractCommand.Create(context));
        root.Add(QuantitiesCommand.Create(context));
        root.Add(PairCommand.Create(context));
        root.Add(EvalCommand.Create(context));
        root.Add(TrainCommand.Create(context));
        root.Add(TrainReaderCommand.Create(context));
        root.Add(ExplainCommand.Create(context));
        root.Add(RulesCommand.Create(context));
        root.Add(AuditCommand.Create(context));
        root.Add(FuzzCommand.Create(context));
        root.Add(BatchCommand.Create(context));
        root.Add(MergeCommand.Create(context));
        root.Add(ReviewCommand.Create(context));
        root.Add(PanelCommand.Create(context));
        return root;
    }
}

/// <summary>The writers and the pipeline the commands share during one run.</summary>
internal sealed class CliContext(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;

    public ExtractionPipeline Pipeline => GovText.Pipeline;

    /// <summary>Writes the one-line failure message and returns the exit code.</summary>
    public int Fail(string message, int exitCode)
    {
        Error.WriteLine("govtext: " + message);
        return exitCode;
    }

    /// <summary>Writes a warning that does not change the outcome.</summary>
    public void Warn(string message) => Error.WriteLine("govtext: " + message);
}
