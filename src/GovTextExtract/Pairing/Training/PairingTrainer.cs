using GovTextExtract.CrossYear;
using GovTextExtract.Evaluation;
using GovTextExtract.Loading;
using GovTextExtract.Normalization;
using GovTextExtract.Pairing.Features;
using GovTextExtract.Pairing.Scoring;
using GovTextExtract.Records;
using GovTextExtract.Segmentation;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace GovTextExtract.Pairing.Training;

/// <summary>The candidates of one gold file, labelled by its gold records.</summary>
public sealed record TrainingDocument
{
    /// <summary>The gold file.</summary>
    public required GoldFile Gold { get; init; }

    /// <summary>Why its documents could not be read, or null.</summary>
    public string? Error { get; init; }

    /// <summary>Labelled candidates: features and whether a gold record pairs the two figures.</summary>
    internal IReadOnlyList<(float[] Features, bool Label)> Examples { get; init; } = [];

    /// <summary>Candidates a gold record confirms.</summary>
    public int Positives => Examples.Count(e => e.Label);

    /// <summary>Candidates no gold record confirms.</summary>
    public int Negatives => Examples.Count(e => !e.Label);
}

/// <summary>Builds training data from gold files and trains the pairing classifier.</summary>
/// <remarks>Training is deterministic: a fixed seed, fixed FastTree options and one training thread, so the same
/// data gives the same model (and, saved with <see cref="PairingModel.Save(string)"/>, the same bytes).</remarks>
public static class PairingTrainer
{
    /// <summary>The seed of every ML context the library makes.</summary>
    public const int Seed = 20190401;

    /// <summary>The trees of the classifier; few and shallow, because the corpus is small.</summary>
    public const int Trees = 60;

    /// <summary>Leaves per tree.</summary>
    public const int Leaves = 6;

    /// <summary>The fewest candidates a leaf may hold.</summary>
    public const int MinLeafCount = 5;

    /// <summary>Runs the rules on the documents of each gold file, logs every candidate they consider with its
    /// features, and labels it: a candidate is positive when a gold record (optional ones too) has its target value
    /// and its actual value (for a record without a target: its actual value and stated rate).</summary>
    /// <param name="goldFiles">The gold files.</param>
    /// <param name="rawDirectories">Folders searched in order for the documents the gold files name.</param>
    /// <param name="options">Options of the pipeline (lexicons, load limits); the scorer is always the rules here.</param>
    /// <param name="maxParallelism">How many documents at once; -1 for no limit.</param>
    public static IReadOnlyList<TrainingDocument> Collect(IReadOnlyList<GoldFile> goldFiles, IReadOnlyList<string> rawDirectories,
        ExtractionOptions? options = null, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(goldFiles);
        ArgumentNullException.ThrowIfNull(rawDirectories);
        var rules = (options ?? ExtractionOptions.Default) with { Scorer = PairScorerKind.Rules };
        var pipeline = new ExtractionPipeline(rules);
        var locator = new Evaluator(pipeline, rawDirectories);
        var circular = new CircularPairer(pipeline.Lexicons, pipeline.Recognizer, rules, ChineseSegmenter.Shared);
        var crossYear = new CrossYearPairer(pipeline.Lexicons, pipeline.Recognizer, rules);
        var result = new TrainingDocument[goldFiles.Count];
        Parallel.For(0, goldFiles.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, i =>
        {
            var gold = goldFiles[i];
            var log = new CandidateLog();
            try
            {
                var paths = gold.Documents.Select(locator.Locate).ToArray();
                if (gold.Kind == GoldKind.Targets)
                {
                    // A report's targets alone: no pair to learn from.
                }
                else if (gold.Kind == GoldKind.CrossYear)
                {
                    crossYear.Pair(crossYear.Prepare(DocumentLoader.Load(paths[0], rules.Load)),
                        crossYear.Prepare(DocumentLoader.Load(paths[1], rules.Load)), log);
                }
                else
                {
                    var text = TextNormalizer.Normalize(DocumentLoader.Load(paths[0], rules.Load).Text).Text;
                    circular.Pair(text, log);
                }
            }
            catch (DocumentLoadException e)
            {
                result[i] = new TrainingDocument { Gold = gold, Error = e.Message };
                return;
            }
            result[i] = new TrainingDocument
            {
                Gold = gold,
                Examples = log.Items.Select(c => (c.Features, Label(c.Candidate, gold.Records))).ToArray(),
            };
        });
        return result;
    }

    private static float[] Hide(float[] features, int[] hidden)
    {
        if (hidden.Length == 0) return features;
        var copy = (float[])features.Clone();
        foreach (var i in hidden) copy[i] = 0;
        return copy;
    }

    /// <summary>True when a gold record pairs the candidate's figures.</summary>
    internal static bool Label(PairCandidate c, IReadOnlyList<CompletionRecord> gold)
    {
        foreach (var g in gold)
        {
            if (g.Actual?.Value is not { } actual || !Scorer.Agrees(actual, c.ActualValue)) continue;
            if (g.Target?.Value is { } target)
            {
                if (Scorer.Agrees(target, c.TargetValue)) return true;
            }
            else if (g.Target is null && !c.HasTarget && c.TargetValue is null)
            {
                if (g.ReportedRate is not { } rate || Scorer.Agrees(rate, c.StatedRate)) return true;
            }
        }
        return false;
    }

    /// <summary>Trains the classifier on the labelled candidates of the documents given.</summary>
    /// <param name="documents">The training documents.</param>
    /// <param name="withoutRuleFeatures">Hide the rules' own score and choice from the classifier (an ablation:
    /// how well the other features pair on their own). A feature constant in training is never split on, so the
    /// model ignores it when it predicts.</param>
    /// <exception cref="ArgumentException">The documents hold no positive or no negative candidate.</exception>
    public static PairingModel Train(IEnumerable<TrainingDocument> documents, bool withoutRuleFeatures = false)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var hidden = withoutRuleFeatures
            ? new[] { PairFeatures.IndexOf("rule_score"), PairFeatures.IndexOf("rule_choice") }
            : [];
        var rows = documents.SelectMany(d => d.Examples)
            .Select(e => new FeatureRow { Features = Hide(e.Features, hidden), Label = e.Label })
            .ToArray();
        if (!rows.Any(r => r.Label) || rows.All(r => r.Label))
            throw new ArgumentException(
                $"training needs both right and wrong candidates; got {rows.Count(r => r.Label)} right of {rows.Length}", nameof(documents));
        var ml = new MLContext(seed: Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Label),
            FeatureColumnName = nameof(FeatureRow.Features),
            NumberOfTrees = Trees,
            NumberOfLeaves = Leaves,
            MinimumExampleCountPerLeaf = MinLeafCount,
            LearningRate = 0.1,
            NumberOfThreads = 1,
            Seed = Seed,
        });
        var model = trainer.Fit(data);
        return new PairingModel(ml, model, data.Schema);
    }
}
