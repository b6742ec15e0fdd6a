using GovTextExtract.Loading;
using System.CommandLine;
using GovTextExtract.CrossYear;
using GovTextExtract.Output;

namespace GovTextExtract.Cli;

/// <summary><c>govtext pair</c>: year N's targets against the results year N+1's work report gives.</summary>
internal static class PairCommand
{
    public static Command Create(CliContext context)
    {
        var targetReport = new Argument<string?>("REPORT_N")
        {
            Description = "The year-N government work report (政府工作报告), whose 主要预期目标 give the targets.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var actualReport = new Argument<string?>("REPORT_N1")
        {
            Description = "The year-N+1 report of the same place, which reports what year N achieved.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var archive = new Option<string?>("--archive")
        {
            Description = "Instead of two reports: a folder of work reports. Each is placed (place and year from its " +
                          "title and first lines) and every same-place consecutive-year pair is paired; files that " +
                          "cannot be placed or have no neighbour year are named on standard error.",
            HelpName = "DIR",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Pair two reports even when they are not year N's and year N+1's of one place (the same " +
                          "document twice, two places, years out of order): every record then carries a " +
                          "pair_mismatch flag. Without it such a pair is a usage error (exit 2).",
        };
        var format = CommonOptions.Format();
        var output = CommonOptions.Out();
        var (scorer, threshold, model) = (ScorerOptions.Scorer(), ScorerOptions.Threshold(), ScorerOptions.Model());
        var command = new DescribedCommand("pair",
            "Pair the targets of a year-N work report with the results the year-N+1 report gives.",
            "One record per quantitative target of year N's 主要预期目标.\n" +
            "JSON: {\"kind\": \"cross-year\", \"target_document\", \"actual_document\", \"place\", \"year\", " +
            "\"records\": [...]}; with --archive, a JSON array of such objects. CSV: one row per record with " +
            "target_document and actual_document columns.\n" +
            "Examples: govtext pair hailar-2012.txt hailar-2013.txt\n" +
            "          govtext pair --archive reports/ --format csv --out pairs.csv")
        {
            targetReport, actualReport, archive, force, format, output, scorer, threshold, model,
        };
        command.Validators.Add(result =>
        {
            var reports = (result.GetValue(targetReport) is null ? 0 : 1) + (result.GetValue(actualReport) is null ? 0 : 1);
            var hasArchive = result.GetValue(archive) is not null;
            if (hasArchive && reports > 0)
                result.AddError("give either two reports or --archive DIR, not both");
            else if (!hasArchive && reports != 2)
                result.AddError("pair needs two reports, REPORT_N and REPORT_N1 (or --archive DIR)");
        });
        command.SetAction(parse =>
        {
            var csv = parse.GetValue(format) == "csv";
            var pipeline = ScorerOptions.Pipeline(context, parse, scorer, threshold, model);
            var folder = parse.GetValue(archive);
            IReadOnlyList<CrossYearResult> pairs;
            var exitCode = ExitCodes.Success;
            if (folder is null)
            {
                try
                {
                    var first = DocumentLoader.Load(parse.GetValue(targetReport)!, pipeline.Options.Load);
                    var second = DocumentLoader.Load(parse.GetValue(actualReport)!, pipeline.Options.Load);
                    CommonOptions.WriteLoadWarnings(context, first);
                    CommonOptions.WriteLoadWarnings(context, second);
                    pairs = [pipeline.PairReports(first, second, parse.GetValue(force))];
                }
                catch (ReportPairException e)
                {
                    throw new CliException($"{e.TargetDocument}, {e.ActualDocument}", e.Reason + " (give --force to pair them all the same)", ExitCodes.Usage, e);
                }
            }
            else
            {
                if (!Directory.Exists(folder))
                    throw new CliException(folder, "folder not found", ExitCodes.InputFailed);
                var archived = pipeline.PairArchive(folder);
                foreach (var left in archived.Unpaired)
                    context.Warn($"{left.Path}: not paired: {left.Reason}");
                if (archived.Pairs.Count == 0 && archived.Unpaired.Count > 0)
                    exitCode = ExitCodes.InputFailed;
                pairs = archived.Pairs;
            }

            OutputTarget.Write(parse.GetValue(output), context.Out, writer =>
            {
                if (csv)
                {
                    var rows = new RecordCsvWriter(writer, "target_document", "actual_document");
                    rows.WriteHeader();
                    foreach (var pair in pairs)
                        rows.WriteAll(pair.Records, pair.TargetDocument, pair.ActualDocument);
                }
                else if (folder is null)
                {
                    ExtractCommand.WriteJson(writer, pairs[0]);
                }
                else
                {
                    ExtractCommand.WriteJson(writer, pairs);
                }
            }, parse.GetValue(targetReport), parse.GetValue(actualReport));
            if (folder is not null)
                context.Error.WriteLine($"govtext: {pairs.Count} pair(s), {pairs.Sum(p => p.Records.Count)} record(s)");
            return exitCode;
        });
        return command;
    }
}
