using GovTextExtract.Pairing.Scoring;
using GovTextExtract.Pairing.Training;

namespace GovTextExtract.Evaluation;

/// <summary>One held-out gold file of a cross-validation: the rules' score and the score of a model trained without it.</summary>
public sealed record FoldResult
{
    /// <summary>The held-out gold file.</summary>
    public required GoldFile Gold { get; init; }

    /// <summary>The rules scorer on it.</summary>
    public required Score Rules { get; init; }

    /// <summary>The ML scorer on it, with a model trained on the other gold files.</summary>
    public required Score Ml { get; init; }

    /// <summary>How many gold files the fold's model was trained on.</summary>
    public int TrainedOn { get; init; }

    /// <summary>Why the fold could not be scored (a document not loaded, no training data), or null.</summary>
    public string? Error { get; init; }
}

/// <summary>Leave-one-document-out cross-validation of the ML pairing scorer against the rules.</summary>
/// <remarks>Each gold file is scored by a model trained on the others, less every gold file that reads one of its
/// documents (a work report is the actual side of one pair and the target side of the next, and may have a
/// targets-only gold file too): no text of the held-out task is seen in training. Nothing is tuned inside a fold:
/// the trainer's options and the threshold are fixed beforehand.</remarks>
public static class CrossValidation
{
    /// <summary>Runs the folds.</summary>
    /// <param name="goldFiles">The gold files, each scored once as the held-out file.</param>
    /// <param name="rawDirectories">Folders searched in order for the documents the gold files name.</param>
    /// <param name="options">Pipeline options (threshold, lexicons); the scorer and model are set per fold.</param>
    /// <param name="maxParallelism">How many folds at once; -1 for no limit.</param>
    /// <param name="withoutRuleFeatures">Train every fold without the rules' score and choice (an ablation).</param>
    public static IReadOnlyList<FoldResult> LeaveOneDocumentOut(IReadOnlyList<GoldFile> goldFiles,
        IReadOnlyList<string> rawDirectories, ExtractionOptions? options = null, int maxParallelism = -1,
        bool withoutRuleFeatures = false)
    {
        ArgumentNullException.ThrowIfNull(goldFiles);
        ArgumentNullException.ThrowIfNull(rawDirectories);
        options ??= ExtractionOptions.Default;
        var training = PairingTrainer.Collect(goldFiles, rawDirectories, options, maxParallelism);
        var rules = new Evaluator(new ExtractionPipeline(options with { Scorer = PairScorerKind.Rules }), rawDirectories);
        var results = new FoldResult[goldFiles.Count];
        Parallel.For(0, goldFiles.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, i =>
        {
            var held = goldFiles[i];
            var heldDocs = held.Documents.ToHashSet(StringComparer.Ordinal);
            var fold = training.Where(d => d.Error is null && !d.Gold.Documents.Any(heldDocs.Contains)).ToArray();
            var ruleEval = rules.Evaluate(held);
            PairingModel model;
            try
            {
                model = PairingTrainer.Train(fold, withoutRuleFeatures);
            }
            catch (ArgumentException e)
            {
                results[i] = new FoldResult { Gold = held, Rules = ruleEval.Result.Score, Ml = Score.Zero, TrainedOn = fold.Length, Error = e.Message };
                return;
            }
            var ml = new Evaluator(new ExtractionPipeline(options with { Scorer = PairScorerKind.Ml, PairingModel = model }), rawDirectories)
                .Evaluate(held);
            results[i] = new FoldResult
            {
                Gold = held,
                Rules = ruleEval.Result.Score,
                Ml = ml.Result.Score,
                TrainedOn = fold.Length,
                Error = ruleEval.Error ?? ml.Error,
            };
        });
        return results;
    }
}
