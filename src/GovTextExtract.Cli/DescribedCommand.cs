using System.CommandLine;

namespace GovTextExtract.Cli;

/// <summary>A command with a one-line summary, listed in <c>govtext --help</c>, and details that its own
/// <c>--help</c> adds.</summary>
internal sealed class DescribedCommand : Command
{
    private readonly string _details;

    public DescribedCommand(string name, string summary, string details) : base(name, summary) => _details = details;

    /// <summary>Shows the details too: called once the command line is known to be about this command.</summary>
    public void ExpandDescription() => Description += "\n\n" + _details;
}
