using System.CommandLine;
using System.Globalization;
using GovTextExtract.Evaluation;
using GovTextExtract.Records;

namespace GovTextExtract.Cli;

/// <summary><c>govtext eval</c>: runs the extractor on the documents of gold files and scores it.</summary>
internal static class EvalCommand
{
    public static Command Create(CliContext context)
    {
        var gold = new Option<string>("--gold", "-g")
        {
            Description = "A folder of gold files (*.json), or one gold file. A gold file of kind \"document\" (or " +
                          "no kind) names one circular, run through extract; one of kind \"cross-year\" names a " +
                          "target_document and an actual_document, run through pair.",
            HelpName = "DIR",
            Required = true,
        };
        var raw = new Option<string[]>("--raw", "-r")
        {
            Description = "A folder holding the documents the gold files name; repeat to search several, in order. " +
                          "Default: the gold folder's sibling raw/, the gold folder's parent, then ../shared/corpus/raw.",
            HelpName = "DIR",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the scores as one JSON object instead of a table.",
        };
        var misses = new Option<bool>("--misses")
        {
            Description = "Before the table, list each document's gold records not found, predictions not matched, " +
                          "matched records whose status differs, and matched records whose indicator name shares " +
                          "less than 40% with the gold one (named).",
        };
        var compare = new Option<bool>("--compare")
        {
            Description = "After the totals, the totals of the rules scorer and of the ML scorer (embedded model, or " +
                          "--model) side by side, per genre. (Leave-one-document-out figures: govtext train --cv.)",
        };
        var (scorer, threshold, model, reader) = (ScorerOptions.Scorer(), ScorerOptions.Threshold(), ScorerOptions.Model(), ScorerOptions.Reader());
        var command = new DescribedCommand("eval",
            "Score the extractor against hand-checked gold files: precision, recall, F1, status accuracy.",
            "A prediction matches a gold record when every value the gold " +
            "gives (target, actual) agrees within 0.5% relative, and, where the gold has no target, its " +
            "reported_rate agrees too; matching is one to one. Optional gold records are neither required nor " +
            "counted as spurious.\n" +
            "Per document and in total: gold (required) count, optional count, predicted count, matched, precision, " +
            "recall, F1 and status accuracy (over matched required pairs); in the totals, names: the mean share of " +
            "the gold indicator name the matched prediction's name keeps (Dice of character pairs). The last three lines are the totals for " +
            "circulars, for cross-year pairs and for all. A document that cannot be loaded is named on standard " +
            "error, counts as nothing found, and makes the exit code 1.\n" +
            "Example: govtext eval --gold corpus/gold --raw ../shared/corpus/raw")
        {
            gold, raw, json, misses, scorer, threshold, model, reader, compare,
        };
        command.SetAction(parse =>
        {
            var goldPath = parse.GetValue(gold)!;
            var rawDirs = parse.GetValue(raw) is { Length: > 0 } given ? given : DefaultRawDirectories(goldPath);
            var exitCode = ExitCodes.Success;

            var goldFiles = new List<GoldFile>();
            foreach (var path in GoldPaths(goldPath))
            {
                try
                {
                    goldFiles.Add(GoldFile.Load(path));
                }
                catch (GoldFileException e)
                {
                    context.Warn(e.Message);
                    exitCode = ExitCodes.InputFailed;
                }
            }

            var pipeline = ScorerOptions.Pipeline(context, parse, scorer, threshold, model, reader);
            var evaluations = new Evaluator(pipeline, rawDirs).Evaluate(goldFiles);
            foreach (var e in evaluations.Where(e => e.Error is not null))
            {
                context.Warn(e.Error!);
                exitCode = ExitCodes.InputFailed;
            }

            if (parse.GetValue(json))
                ExtractCommand.WriteJson(context.Out, Report(evaluations));
            else
            {
                if (parse.GetValue(misses))
                    WriteMisses(context.Out, evaluations);
                WriteTable(context.Out, evaluations);
                if (parse.GetValue(compare))
                    WriteComparison(context.Out, goldFiles, rawDirs, pipeline.Options);
            }
            context.Out.Flush();
            return exitCode;
        });
        return command;
    }

    /// <summary>The gold folder's sibling raw/, its parent (where the repository keeps its circular), then the
    /// shared corpus beside the repository.</summary>
    private static string[] DefaultRawDirectories(string goldPath)
    {
        var goldDir = Path.GetFullPath(Directory.Exists(goldPath) ? goldPath : Path.GetDirectoryName(Path.GetFullPath(goldPath))!);
        var parent = Path.GetDirectoryName(goldDir.TrimEnd(Path.DirectorySeparatorChar)) ?? goldDir;
        return [Path.Combine(parent, "raw"), parent, Path.GetFullPath(Path.Combine("..", "shared", "corpus", "raw"))];
    }

    private static IEnumerable<string> GoldPaths(string goldPath)
    {
        if (File.Exists(goldPath))
            return [goldPath];
        if (!Directory.Exists(goldPath))
            throw new CliException(goldPath, "gold folder or file not found", ExitCodes.InputFailed);
        var files = Directory.GetFiles(goldPath, "*.json");
        if (files.Length == 0)
            throw new CliException(goldPath, "no gold files (*.json) in this folder", ExitCodes.InputFailed);
        Array.Sort(files, StringComparer.Ordinal);
        return files;
    }

    private static string RowName(GoldEvaluation e) => Path.GetFileNameWithoutExtension(e.Gold.Source);

    /// <summary>The totals of circulars, of cross-year pairs and of all; null for a group with no gold file, whose
    /// measures would otherwise read as a perfect score.</summary>
    private static (string Label, Score? Score)[] Totals(IReadOnlyList<GoldEvaluation> evaluations)
    {
        Score? Sum(Func<GoldEvaluation, bool> include)
        {
            var group = evaluations.Where(include).ToArray();
            return group.Length == 0 ? null : Score.Sum(group.Select(e => e.Result.Score));
        }
        return
        [
            ("circulars", Sum(e => e.Gold.Kind == GoldKind.Document)),
            ("cross-year", Sum(e => e.Gold.Kind == GoldKind.CrossYear)),
            .. evaluations.Any(e => e.Gold.Kind == GoldKind.Targets)
                ? new (string, Score?)[] { ("targets", Sum(e => e.Gold.Kind == GoldKind.Targets)) } : [],
            ("all", Sum(_ => true)),
        ];
    }

    private static void WriteTable(TextWriter w, IReadOnlyList<GoldEvaluation> evaluations)
    {
        string[] header = ["document", "kind", "gold", "opt", "pred", "matched", "precision", "recall", "F1", "status", "note"];
        var rows = evaluations.Select(e => new[]
        {
            RowName(e), TrainCommand.Genre(e.Gold),
            Int(e.Result.Score.Gold), Int(e.Result.Score.OptionalGold), Int(e.Result.Score.Predicted),
            Int(e.Result.Score.Matched), Ratio(e.Result.Score.Precision), Ratio(e.Result.Score.Recall),
            Ratio(e.Result.Score.F1), Ratio(e.Result.Score.StatusAccuracy), e.Error is null ? "" : "not loaded",
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) =>
            i <= 1 || i == cells.Length - 1 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        w.WriteLine(Line(header));
        w.WriteLine(new string('-', widths.Sum() + 2 * (widths.Length - 1)));
        foreach (var row in rows)
            w.WriteLine(Line(row));
        w.WriteLine();

        // The totals close the output and name every figure, so the last lines read alone (tail -3).
        var totals = Totals(evaluations);
        var labelWidth = totals.Max(t => t.Label.Length);
        foreach (var (label, total) in totals)
        {
            var s = total ?? Score.Zero;
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"TOTAL {label.PadRight(labelWidth)}  gold {s.Gold,4} (+{s.OptionalGold} optional)  predicted {s.Predicted,4}  " +
                $"matched {s.Matched,4}  precision {Ratio(total?.Precision)}  recall {Ratio(total?.Recall)}  " +
                $"F1 {Ratio(total?.F1)}  status accuracy {Ratio(total?.StatusAccuracy)}  names {Ratio(total?.NameAgreement)}"));
        }
    }

    /// <summary>The totals of the rules and of the ML scorer, per genre.</summary>
    private static void WriteComparison(TextWriter w, IReadOnlyList<GoldFile> goldFiles, string[] rawDirs, ExtractionOptions options)
    {
        w.WriteLine();
        foreach (var kind in new[] { Pairing.Scoring.PairScorerKind.Rules, Pairing.Scoring.PairScorerKind.Ml })
        {
            var evaluations = new Evaluator(new ExtractionPipeline(options with { Scorer = kind }), rawDirs).Evaluate(goldFiles);
            foreach (var (label, total) in Totals(evaluations))
            {
                var s = total ?? Score.Zero;
                var name = kind == Pairing.Scoring.PairScorerKind.Ml ? "ml" : "rules";
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-5} {label,-10}  gold {s.Gold,4}  predicted {s.Predicted,4}  matched {s.Matched,4}  " +
                    $"precision {Ratio(total?.Precision)}  recall {Ratio(total?.Recall)}  F1 {Ratio(total?.F1)}  status accuracy {Ratio(total?.StatusAccuracy)}"));
            }
        }
    }

    /// <summary>A matched record whose indicator name shares less than this with the gold one is listed as named
    /// otherwise.</summary>
    private const double RenamedBelow = 0.4;

    private static void WriteMisses(TextWriter w, IReadOnlyList<GoldEvaluation> evaluations)
    {
        foreach (var e in evaluations)
        {
            var matchedGold = e.Result.Matches.Select(m => m.GoldIndex).ToHashSet();
            var matchedPredicted = e.Result.Matches.Select(m => m.PredictedIndex).ToHashSet();
            var missed = e.Gold.Records.Where((_, i) => !matchedGold.Contains(i) && !e.Gold.Records[i].Optional).ToArray();
            var spurious = e.Predicted.Where((_, i) => !matchedPredicted.Contains(i)).ToArray();
            var wrongStatus = e.Result.Matches.Where(m => !m.Optional && !m.StatusAgrees).ToArray();
            var renamed = e.Result.Matches.Where(m => !m.Optional && m.NameOverlap < RenamedBelow).ToArray();
            if (missed.Length + spurious.Length + wrongStatus.Length + renamed.Length == 0)
                continue;
            w.WriteLine($"== {RowName(e)}");
            foreach (var r in missed)
                w.WriteLine($"  missed    {Describe(r)}");
            foreach (var r in spurious)
                w.WriteLine($"  spurious  {Describe(r)}");
            foreach (var m in wrongStatus)
                w.WriteLine($"  status    {Describe(e.Gold.Records[m.GoldIndex])}: predicted {Snake(e.Predicted[m.PredictedIndex].Status)}");
            foreach (var m in renamed)
                w.WriteLine($"  named     {e.Gold.Records[m.GoldIndex].Indicator}: predicted {e.Predicted[m.PredictedIndex].Indicator}");
        }
        w.WriteLine();
    }

    private static string Describe(CompletionRecord r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Indicator} | target {r.Target?.Text ?? "-"} | actual {r.Actual?.Text ?? "-"} | rate {r.ReportedRate?.ToString(CultureInfo.InvariantCulture) ?? "-"} | {Snake(r.Status)}");

    private static string Snake(CompletionStatus s) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(s.ToString());

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(double? r) => r is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static object Report(IReadOnlyList<GoldEvaluation> evaluations) => new
    {
        Documents = evaluations.Select(e => new
        {
            Name = RowName(e),
            Kind = e.Gold.Kind switch { GoldKind.CrossYear => "cross-year", GoldKind.Targets => "targets", _ => "document" },
            Documents = e.Gold.Documents,
            e.Result.Score,
            e.Error,
        }),
        Totals = Totals(evaluations).ToDictionary(t => t.Label, t => t.Score),
    };
}
