using System.CommandLine;
using System.Globalization;
using GovTextExtract.Circulars;
using GovTextExtract.Evaluation;
using GovTextExtract.Training;

namespace GovTextExtract.Cli;

/// <summary><c>govtext train-reader</c>: trains the circular reader's role and link classifiers, or cross-validates
/// them over documents grouped by place against the rules alone.</summary>
internal static class TrainReaderCommand
{
    public static Command Create(CliContext context)
    {
        var corpus = new CorpusOptions();
        var output = new Option<string?>("--out", "-o")
        {
            Description = "The folder to save the two models in (circular-roles.zip, circular-links.zip); the library embeds models/.",
            HelpName = "DIR",
        };
        var cv = new Option<bool>("--cv")
        {
            Description = "Leave-one-group-out cross-validation: the documents of each place or series are read by " +
                          "classifiers trained on all the others; prints the rules alone, the classifiers without the " +
                          "rule votes and the classifiers with them, per document, per style and in total.",
        };
        var command = new DescribedCommand("train-reader",
            "Train the circular reader's role and link classifiers, or cross-validate them against the rules.",
            "Every prose figure of a circular gold file's document is a training row of the role classifier (label: the " +
            "role the gold records give it: target, actual, stated rate, difference, schedule comparison or other); " +
            "every candidate link between gold roles is a row of the link classifier (label: does one gold record tie " +
            "the two figures). L-BFGS on one thread with a fixed seed: the same corpus gives byte-identical models.\n" +
            "Examples: govtext train-reader --corpus corpus --out models\n" +
            "          govtext train-reader --corpus corpus --cv")
        {
            output, cv,
        };
        corpus.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(output) is null && !result.GetValue(cv))
                result.AddError("train-reader needs --out DIR, --cv, or both");
        });
        command.SetAction(parse =>
        {
            var documents = corpus.Load(context, parse);
            if (parse.GetValue(cv))
                WriteFolds(context.Out, CircularCrossValidation.Run(documents, context.Pipeline.Options));
            if (parse.GetValue(output) is { } dir)
            {
                var models = CircularTrainer.Train(documents);
                var roles = Path.Combine(dir, "circular-roles.zip");
                var links = Path.Combine(dir, "circular-links.zip");
                try
                {
                    models.Save(roles, links);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException(dir, "cannot be written: " + e.Message, ExitCodes.OutputFailed);
                }
                context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"govtext: trained on {documents.Count} document(s), {CircularTrainer.RoleRows(documents).Count} figure(s) and {CircularTrainer.LinkRows(documents).Count} candidate link(s); saved {roles} and {links}"));
            }
            context.Out.Flush();
            return ExitCodes.Success;
        });
        return command;
    }

    private static readonly string[] Readings =
        [CircularCrossValidation.Rules, CircularCrossValidation.WithoutVotes, CircularCrossValidation.Classifier];

    private static void WriteFolds(TextWriter w, IReadOnlyList<CircularFold> folds)
    {
        w.WriteLine("document                                                  group         style      gold    rules F1  no-votes F1  classifier F1");
        w.WriteLine(new string('-', 128));
        foreach (var f in folds)
        {
            var name = Path.GetFileNameWithoutExtension(f.Gold.Document!);
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-57} {f.Group,-13} {Style(f.Style),-9} {f.Scores[CircularCrossValidation.Rules].Gold,5}  {F1(f, CircularCrossValidation.Rules),10}  {F1(f, CircularCrossValidation.WithoutVotes),11}  {F1(f, CircularCrossValidation.Classifier),13}"));
        }
        w.WriteLine();
        var groups = folds.GroupBy(f => Style(f.Style)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (Label: g.Key, Items: g.ToArray()))
            .Append(("all", folds.ToArray()))
            .Append(("all but the dev circular", folds.Where(f => f.Group != "xianning").ToArray()));
        foreach (var (label, items) in groups)
        {
            foreach (var reading in Readings)
            {
                var s = Score.Sum(items.Select(f => f.Scores.TryGetValue(reading, out var x) ? x : Score.Zero));
                w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"CV {label,-25} {reading,-25} gold {s.Gold,4}  predicted {s.Predicted,4}  matched {s.Matched,4}  precision {Ratio(s.Precision)}  recall {Ratio(s.Recall)}  F1 {Ratio(s.F1)}  status accuracy {Ratio(s.StatusAccuracy)}"));
            }
        }
    }

    private static string F1(CircularFold f, string reading) => f.Scores.TryGetValue(reading, out var s) ? Ratio(s.F1) : "-";

    private static string Style(DocumentStyle s) => s switch
    {
        DocumentStyle.Tables => "tables",
        DocumentStyle.Progress => "progress",
        _ => "prose",
    };

    private static string Ratio(double? r) => r is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
