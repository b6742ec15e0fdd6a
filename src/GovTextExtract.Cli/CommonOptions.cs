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

    /// <summary>--jobs: documents processed at once, 1 to 256, by default the number of processors.</summary>
    public static Option<int> Jobs(string what)
    {
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = $"Documents {what} at once. Default: the number of processors.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
            HelpName = "N",
        };
        // Option validators see the value given; a command validator would see 0 for an option left out.
        jobs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 256)
                r.AddError("--jobs must be between 1 and 256");
        });
        return jobs;
    }

    /// <summary>--progress: how a long run shows its progress on standard error.</summary>
    public static Option<string> Progress()
    {
        var progress = new Option<string>("--progress")
        {
            Description = "auto: a live bar when standard error is a terminal, else a plain line every " +
                          "--progress-interval seconds; bar; lines; none.",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|bar|lines|none",
        };
        progress.AcceptOnlyFromAmong("auto", "bar", "lines", "none");
        return progress;
    }

    /// <summary>--progress-interval: seconds between plain progress lines, at most a day.</summary>
    public static Option<double> ProgressInterval()
    {
        var interval = new Option<double>("--progress-interval")
        {
            Description = "Seconds between plain progress lines.",
            DefaultValueFactory = _ => 10,
            HelpName = "SECONDS",
        };
        interval.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 86400 or double.NaN)
                r.AddError("--progress-interval must be a positive number of seconds, at most 86400");
        });
        return interval;
    }

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

    /// <summary>--max-text: the most characters of text one document may give (LoadOptions.MaxTextCharacters and
    /// ExtractionOptions.MaxTextCharacters).</summary>
    public static Option<long?> MaxText()
    {
        var option = new Option<long?>("--max-text")
        {
            Description = "The most characters of text one document may give after decoding or decompression; a longer " +
                          "one fails as too large while it is read, before it is all in memory (batch: recorded as " +
                          "failed, too_large, and the run goes on). Default 16000000.",
            HelpName = "CHARACTERS",
        };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is { } v && v <= 0)
                r.AddError("--max-text must be a positive number of characters");
        });
        return option;
    }

    /// <summary>The pipeline with the budgets --max-seconds and --max-text give, or the same pipeline when they give
    /// none.</summary>
    public static ExtractionPipeline WithBudget(ExtractionPipeline pipeline, double? seconds, long? maxText = null)
    {
        if (seconds is null && maxText is null) return pipeline;
        var options = pipeline.Options;
        if (seconds is { } s) options = options with { TimeBudget = TimeSpan.FromSeconds(s) };
        if (maxText is { } m) options = options with { MaxTextCharacters = m, Load = options.Load with { MaxTextCharacters = m } };
        return new ExtractionPipeline(options);
    }

    /// <summary>Writes how the bytes of a document became text (invalid bytes replaced, a charset declaration
    /// overruled) to standard error, as notes: the records on standard output keep their shape.</summary>
    public static void WriteLoadWarnings(CliContext context, Loading.LoadedDocument document)
    {
        foreach (var warning in document.Warnings)
            context.Error.WriteLine($"govtext: {document.Name}: warning: {warning}");
    }
}
