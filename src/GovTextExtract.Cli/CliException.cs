namespace GovTextExtract.Cli;

/// <summary>A failure the CLI reports as one line <c>govtext: &lt;subject&gt;: &lt;problem&gt;</c> and an exit code.</summary>
internal sealed class CliException(string subject, string problem, int exitCode, Exception? inner = null)
    : Exception($"{subject}: {problem}", inner)
{
    public int ExitCode { get; } = exitCode;
}
