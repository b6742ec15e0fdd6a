using System.CommandLine;

namespace GovTextExtract.Cli;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string> Format() => new Option<string>("--format", "-f")
    {
        Description = "Output format: json (one object, snake_case, indented) or csv (one row per record, " +
                      "UTF-8 with BOM so spreadsheets show Chinese).",
        DefaultValueFactory = _ => "json",
        HelpName = "json|csv",
    }.AcceptOnlyFromAmong("json", "csv");

    public static Option<string?> Out() => new("--out", "-o")
    {
        Description = "Write to this file instead of standard output. The file is replaced in one move, so it is " +
                      "never left half-written.",
        HelpName = "PATH",
    };
}
