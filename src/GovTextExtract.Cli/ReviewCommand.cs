using System.CommandLine;
using GovTextExtract.CrossYear;
using GovTextExtract.Loading;
using GovTextExtract.Review;

namespace GovTextExtract.Cli;

/// <summary><c>govtext review FILE</c> or <c>govtext review REPORT_N REPORT_N1</c>: an auditor's review page.</summary>
internal static class ReviewCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE")
        {
            Description = "One document (a circular, or a work report read alone), or two work reports, year N's and " +
                          "year N+1's of one place, shown side by side with year N's targets paired with year N+1's results.",
            Arity = new ArgumentArity(1, 2),
        };
        var output = CommonOptions.Out();
        output.Description = "Write the page to this file (e.g. page.html) instead of standard output; replaced in one " +
                             "move, never left half-written.";
        var title = new Option<string?>("--title")
        {
            Description = "The page's title. Default: the document's name (a pair: both names).",
            HelpName = "TEXT",
        };
        var force = new Option<bool>("--force")
        {
            Description = "With two reports: pair them even when they are not year N's and year N+1's of one place " +
                          "(every record then carries a pair_mismatch flag).",
        };
        var (scorer, threshold, model, reader) = (ScorerOptions.Scorer(), ScorerOptions.Threshold(), ScorerOptions.Model(), ScorerOptions.Reader());
        var maxSeconds = CommonOptions.MaxSeconds();
        var command = new DescribedCommand("review",
            "Write an auditor's review page: the document with every figure marked, beside its records.",
            "One self-contained HTML file (inline style and script; a Content-Security-Policy that loads nothing; every " +
            "piece of document text escaped) that opens from disk in any current browser. The text shows each record's " +
            "target, actual and stated-rate figures marked in their role's colour, underlined by the severity of the " +
            "record's worst flag; hovering or focusing a figure shows its record. The records table sorts by any column " +
            "and filters by status, flag and confidence; selecting a row scrolls to its figures and highlights them. At " +
            "the top: counts by status and flag, the targets with no reported result, the stated rates the figures " +
            "contradict. Keys: n / p next / previous flagged record, j / k next / previous record, f the selected " +
            "record's first figure, Esc close the card. Printing gives the summary and the flagged records.\n" +
            "Examples: govtext review corpus/xianning-2019-completion.txt --out xianning.html\n" +
            "          govtext review hailar-2012.txt hailar-2013.txt --out hailar.html\n" +
            "For every document of an archive: govtext batch INPUT --out STORE --review DIR")
        {
            files, output, title, force, scorer, threshold, model, reader, maxSeconds,
        };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!;
            var outPath = parse.GetValue(output);
            if (outPath is not null and not "-")
                OutputTarget.CheckNotInput(outPath, paths);
            var pipeline = CommonOptions.WithBudget(ScorerOptions.Pipeline(context, parse, scorer, threshold, model, reader), parse.GetValue(maxSeconds));
            var options = new ReviewOptions { Title = parse.GetValue(title) };
            var loaded = paths.Select(p => DocumentLoader.Load(p, pipeline.Options.Load)).ToArray();
            foreach (var document in loaded)
                foreach (var warning in document.Warnings)
                    context.Error.WriteLine($"govtext: {document.Name}: warning: {warning}");
            Action<TextWriter> write;
            int records;
            if (loaded.Length == 1)
            {
                ExtractionResult result;
                try
                {
                    result = pipeline.Extract(loaded[0]);
                }
                catch (ExtractionBudgetException e)
                {
                    throw new CliException(paths[0], e.Reason, ExitCodes.InputFailed, e);
                }
                records = result.Records.Count;
                write = w => ReviewPage.Write(result, w, options);
            }
            else
            {
                CrossYearResult pair;
                try
                {
                    pair = pipeline.PairReports(loaded[0], loaded[1], parse.GetValue(force));
                }
                catch (ReportPairException e)
                {
                    throw new CliException($"{e.TargetDocument}, {e.ActualDocument}", e.Reason + " (give --force to pair them all the same)", ExitCodes.Usage, e);
                }
                records = pair.Records.Count;
                write = w => ReviewPage.Write(pair, loaded[0].Text, loaded[1].Text, w, options);
            }
            OutputTarget.Write(outPath, context.Out, write, paths);
            if (outPath is not null and not "-")
                context.Warn($"review: {records} record(s); wrote {outPath}");
            return ExitCodes.Success;
        });
        return command;
    }
}
