using System.CommandLine;
using GovTextExtract.Evaluation;
using GovTextExtract.Training;

namespace GovTextExtract.Cli;

/// <summary>The --corpus and --raw options of the commands that read gold files and their documents, and the
/// loading they share.</summary>
internal sealed class CorpusOptions
{
    public Option<string> Corpus { get; } = new("--corpus", "-c")
    {
        Description = "The corpus folder: its gold/ (and gold-extra/) hold the gold files (*.json); the documents they " +
                      "name are looked for in the folder itself, its raw/, the --raw folders, then ../shared/corpus/raw.",
        HelpName = "DIR",
        Required = true,
    };

    public Option<string[]> Raw { get; } = new("--raw", "-r")
    {
        Description = "A further folder holding the documents the gold files name; repeat to search several.",
        HelpName = "DIR",
    };

    public void AddTo(Command command)
    {
        command.Add(Corpus);
        command.Add(Raw);
    }

    /// <summary>Reads the circular gold files of the corpus and their documents.</summary>
    public IReadOnlyList<TrainingDocument> Load(CliContext context, ParseResult parse)
    {
        var dir = parse.GetValue(Corpus)!;
        if (!Directory.Exists(dir))
            throw new CliException(dir, "corpus folder not found", ExitCodes.InputFailed);
        var gold = Directory.Exists(Path.Combine(dir, "gold")) ? GoldFile.LoadDirectory(Path.Combine(dir, "gold")) : [];
        if (!gold.Any(g => g.Kind == GoldKind.Document))
            throw new CliException(dir, "no circular gold files in gold/", ExitCodes.InputFailed);
        string[] rawDirs = [dir, Path.Combine(dir, "raw"), .. parse.GetValue(Raw) ?? [],
            Path.GetFullPath(Path.Combine("..", "shared", "corpus", "raw"))];
        var evaluator = new Evaluator(context.Pipeline, rawDirs);
        return CircularTrainer.Prepare(gold, evaluator.Locate, context.Pipeline);
    }
}
