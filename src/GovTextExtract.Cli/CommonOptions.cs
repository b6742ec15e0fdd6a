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

    /// <summary>--max-seconds: the extraction time budget of one document (ExtractionOptions.TimeBudget).</summary>
    public static Option<double?> MaxSeconds()
    {
        var option = new Option<double?>("--max-seconds")
        {
            Description = "How long the extraction of one document may run, loading apart; past it the document fails " +
                          "(batch: recorded as failed, time_budget, and the run goes on). Default 300.",
            HelpName = "SECONDS",
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } v && (v <= 0 || v > 86400 || double.IsNaN(v)))
                r.AddError("--max-seconds must be a positive number of seconds, at most 86400");
        });
        return option;
    }

    /// <summary>The pipeline with the time budget --max-seconds gives, or the same pipeline when it gives none.</summary>
    public static ExtractionPipeline WithBudget(ExtractionPipeline pipeline, double? seconds) =>
        seconds is { } s ? new ExtractionPipeline(pipeline.Options with { TimeBudget = TimeSpan.FromSeconds(s) }) : pipeline;
}
