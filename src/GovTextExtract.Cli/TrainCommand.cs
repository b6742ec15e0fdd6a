using System.CommandLine;
using System.Globalization;
using GovTextExtract.Evaluation;
using GovTextExtract.Pairing.Scoring;
using GovTextExtract.Pairing.Training;

namespace GovTextExtract.Cli;

/// <summary><c>govtext train</c>: trains the ML pairing scorer on gold files, or cross-validates it against the rules.</summary>
internal static class TrainCommand
{
    public static Command Create(CliContext context)
    {
        var corpus = new Option<string>("--corpus", "-c")
        {
            Description = "The corpus folder: its gold/ and gold-extra/ hold the gold files (*.json); the documents " +
                          "they name are looked for in the folder itself, its raw/, the --raw folders, then " +
                          "../shared/corpus/raw.",
            HelpName = "DIR",
            Required = true,
        };
        var raw = new Option<string[]>("--raw", "-r")
        {
            Description = "A further folder holding the documents the gold files name; repeat to search several.",
            HelpName = "DIR",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where to save the trained model (a zip; the library embeds models/pairing.zip).",
            HelpName = "PATH",
        };
        var cv = new Option<bool>("--cv")
        {
            Description = "Leave-one-document-out cross-validation instead of (or with --out, before) training: each " +
                          "gold file is scored by a model trained on the others (less those reading one of its " +
                          "documents); prints rules against ML per file, per genre and in total.",
        };
        var ablate = new Option<bool>("--without-rule-features")
        {
            Description = "Hide the rules' own score and choice from the classifier (an ablation: what the other " +
                          "features achieve alone). With --out the saved model is trained so too.",
        };
        var threshold = ScorerOptions.Threshold("With --cv, for the ML scorer of every fold");
        var command = new DescribedCommand("train",
            "Train the ML pairing scorer of work reports (and of the earlier circular pairer), or cross-validate it.",
            "Every candidate pair the rules consider in a gold file's documents becomes a training row: its features " +
            "(indicator overlap on words and characters, units, magnitude, order and distance, cue words, stated " +
            "rate, the rule score) and a label (does a gold record pair these two figures). A FastTree binary " +
            "classifier is trained with a fixed seed on one thread, so the same corpus gives the same model.\n" +
            "Examples: govtext train --corpus corpus --out models/pairing.zip\n" +
            "          govtext train --corpus corpus --cv")
        {
            corpus, raw, output, cv, threshold, ablate,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(output) is null && !result.GetValue(cv))
                result.AddError("train needs --out PATH, --cv, or both");
        });
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(corpus)!;
            if (!Directory.Exists(dir))
                throw new CliException(dir, "corpus folder not found", ExitCodes.InputFailed);
            var goldFiles = new List<GoldFile>();
            foreach (var sub in new[] { "gold", "gold-extra" })
            {
                var path = Path.Combine(dir, sub);
                if (Directory.Exists(path)) goldFiles.AddRange(GoldFile.LoadDirectory(path));
            }
            if (goldFiles.Count == 0)
                throw new CliException(dir, "no gold files in gold/ or gold-extra/", ExitCodes.InputFailed);
            string[] rawDirs = [dir, Path.Combine(dir, "raw"), .. parse.GetValue(raw) ?? [],
                Path.GetFullPath(Path.Combine("..", "shared", "corpus", "raw"))];
            var p = parse.GetValue(threshold);
            if (p is < 0 or > 1 || double.IsNaN(p))
                throw new CliException("--threshold", "must lie between 0 and 1", ExitCodes.Usage);
            var options = ExtractionOptions.Default with { MlThreshold = p };
            var exitCode = ExitCodes.Success;

            if (parse.GetValue(cv))
            {
                var folds = CrossValidation.LeaveOneDocumentOut(goldFiles, rawDirs, options, maxParallelism: 2,
                    withoutRuleFeatures: parse.GetValue(ablate));
                foreach (var f in folds.Where(f => f.Error is not null))
                {
                    context.Warn($"{f.Gold.Name}: {f.Error}");
                    exitCode = ExitCodes.InputFailed;
                }
                WriteFolds(context.Out, folds);
            }

            if (parse.GetValue(output) is { } outPath)
            {
                var training = PairingTrainer.Collect(goldFiles, rawDirs, options);
                foreach (var d in training.Where(d => d.Error is not null))
                {
                    context.Warn($"{d.Gold.Name}: {d.Error}");
                    exitCode = ExitCodes.InputFailed;
                }
                var usable = training.Where(d => d.Error is null).ToArray();
                PairingModel model;
                try
                {
                    model = PairingTrainer.Train(usable, parse.GetValue(ablate));
                }
                catch (ArgumentException e)
                {
                    throw new CliException(dir, e.Message, ExitCodes.InputFailed);
                }
                try
                {
                    model.Save(outPath);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException(outPath, "cannot be written: " + e.Message, ExitCodes.OutputFailed);
                }
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"govtext: trained on {usable.Length} gold file(s), {usable.Sum(d => d.Positives)} right and {usable.Sum(d => d.Negatives)} wrong candidate(s); saved {outPath}"));
            }
            context.Out.Flush();
            return exitCode;
        });
        return command;
    }

    private static void WriteFolds(TextWriter w, IReadOnlyList<FoldResult> folds)
    {
        string[] header = ["document", "genre", "gold", "train", "rules P", "R", "F1", "status", "ml P", "R", "F1", "status"];
        var rows = folds.Select(f => new[]
        {
            Path.GetFileNameWithoutExtension(f.Gold.Source), Genre(f.Gold), Int(f.Rules.Gold), Int(f.TrainedOn),
            Ratio(f.Rules.Precision), Ratio(f.Rules.Recall), Ratio(f.Rules.F1), Ratio(f.Rules.StatusAccuracy),
            Ratio(f.Ml.Precision), Ratio(f.Ml.Recall), Ratio(f.Ml.F1), Ratio(f.Ml.StatusAccuracy),
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => i <= 1 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
        w.WriteLine(Line(header));
        w.WriteLine(new string('-', widths.Sum() + 2 * (widths.Length - 1)));
        foreach (var row in rows) w.WriteLine(Line(row));
        w.WriteLine();
        var groups = folds.GroupBy(f => Genre(f.Gold)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Items: g.ToArray()))
            .Append(("all", folds.ToArray()));
        foreach (var (label, items) in groups)
        {
            foreach (var (name, pick) in new (string, Func<FoldResult, Score>)[] { ("rules", f => f.Rules), ("ml", f => f.Ml) })
            {
                var s = Score.Sum(items.Select(pick));
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"LODO {label,-10} {name,-5}  gold {s.Gold,4}  predicted {s.Predicted,4}  matched {s.Matched,4}  precision {Ratio(s.Precision)}  recall {Ratio(s.Recall)}  F1 {Ratio(s.F1)}  status accuracy {Ratio(s.StatusAccuracy)}"));
            }
        }
    }

    internal static string Genre(GoldFile gold) => gold.Kind switch
    {
        GoldKind.CrossYear => "cross-year",
        GoldKind.Targets => "targets",
        _ => "circular",
    };

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Ratio(double? r) => r is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}

/// <summary>The scorer options of extract, pair and eval.</summary>
internal static class ScorerOptions
{
    public static Option<string> Scorer() => new Option<string>("--scorer")
    {
        Description = "How candidate pairs are scored: rules (hand-written weights) or ml (the trained classifier " +
                      "embedded in the library, or --model; falls back to the rules when no model is available).",
        DefaultValueFactory = _ => "rules",
        HelpName = "rules|ml",
    }.AcceptOnlyFromAmong("rules", "ml");

    public static Option<double> Threshold(string scope = "With --scorer ml") => new Option<double>("--threshold")
    {
        Description = scope + ": the lowest calibrated probability at which a candidate pair is taken; below it " +
                      "the target stands without an actual.",
        DefaultValueFactory = _ => ExtractionOptions.Default.MlThreshold,
        HelpName = "P",
    };

    public static Option<string> Reader() => new Option<string>("--reader")
    {
        Description = "How circulars and progress reports are read: classifier (the role and link classifiers over " +
                      "the rules' votes), rules (the votes alone) or legacy (the earlier pairer). Default: the pipeline's.",
        HelpName = "classifier|rules|legacy",
    }.AcceptOnlyFromAmong("classifier", "rules", "legacy");

    public static Option<string?> Model() => new("--model")
    {
        Description = "With --scorer ml: a model file saved by govtext train, instead of the embedded one.",
        HelpName = "PATH",
    };

    /// <summary>The pipeline the options ask for: the shared default one when they ask for nothing else.</summary>
    public static ExtractionPipeline Pipeline(CliContext context, ParseResult parse, Option<string> scorer,
        Option<double> threshold, Option<string?> model, Option<string>? reader = null)
    {
        var readerKind = (reader is null ? null : parse.GetValue(reader)) switch
        {
            "classifier" => Circulars.CircularReaderKind.Classifier,
            "rules" => Circulars.CircularReaderKind.Rules,
            "legacy" => Circulars.CircularReaderKind.Legacy,
            _ => context.Pipeline.Options.CircularReader,
        };
        var kind = parse.GetValue(scorer) == "ml" ? PairScorerKind.Ml : PairScorerKind.Rules;
        var p = parse.GetValue(threshold);
        if (p is < 0 or > 1 || double.IsNaN(p))
            throw new CliException("--threshold", "must lie between 0 and 1", ExitCodes.Usage);
        var modelPath = parse.GetValue(model);
        if (kind == context.Pipeline.Options.Scorer && p == context.Pipeline.Options.MlThreshold && modelPath is null
            && readerKind == context.Pipeline.Options.CircularReader)
            return context.Pipeline;
        PairingModel? loaded = null;
        if (modelPath is not null)
        {
            try
            {
                loaded = PairingModel.Load(modelPath);
            }
            catch (PairingModelException e)
            {
                throw new CliException(modelPath, e.Problem, ExitCodes.InputFailed);
            }
        }
        if (kind == PairScorerKind.Ml && loaded is null && PairingModel.Embedded is null)
            context.Warn("no pairing model is embedded in this build; the rules score instead");
        return new ExtractionPipeline(context.Pipeline.Options with { Scorer = kind, MlThreshold = p, PairingModel = loaded, CircularReader = readerKind });
    }
}
