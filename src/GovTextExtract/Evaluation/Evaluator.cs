using GovTextExtract.Loading;
using GovTextExtract.Records;

namespace GovTextExtract.Evaluation;

/// <summary>The evaluation of one gold file: what the extractor predicted for its document(s) and how it scored.</summary>
public sealed record GoldEvaluation
{
    /// <summary>The gold file.</summary>
    public required GoldFile Gold { get; init; }

    /// <summary>The predicted records (empty when a document could not be loaded).</summary>
    public required IReadOnlyList<CompletionRecord> Predicted { get; init; }

    /// <summary>The score and the pairs matched.</summary>
    public required ScoringResult Result { get; init; }

    /// <summary>Why the task's document(s) could not be read, or null. A failed task still counts its gold records
    /// (as not found), so a missing document lowers recall rather than vanishing from the total.</summary>
    public string? Error { get; init; }
}

/// <summary>Runs the extractor on the documents of gold files and scores the output.</summary>
/// <remarks>Thread-safe: the pipeline is, and the evaluator keeps no state beyond its settings.</remarks>
public sealed class Evaluator
{
    private readonly ExtractionPipeline _pipeline;
    private readonly IReadOnlyList<string> _rawDirectories;
    private readonly ScoringOptions _options;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="pipeline">The pipeline to evaluate.</param>
    /// <param name="rawDirectories">Folders searched in order for the documents the gold files name.</param>
    /// <param name="options">Scoring tolerances; null for the README's.</param>
    public Evaluator(ExtractionPipeline pipeline, IReadOnlyList<string> rawDirectories, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(rawDirectories);
        _pipeline = pipeline;
        _rawDirectories = rawDirectories.ToArray();
        _options = options ?? ScoringOptions.Default;
    }

    /// <summary>Evaluates gold files, several at once; results come back in the order given.</summary>
    public IReadOnlyList<GoldEvaluation> Evaluate(IReadOnlyList<GoldFile> goldFiles, int maxParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(goldFiles);
        var results = new GoldEvaluation[goldFiles.Count];
        Parallel.For(0, goldFiles.Count, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism },
            i => results[i] = Evaluate(goldFiles[i]));
        return results;
    }

    /// <summary>Runs the extractor on one gold file's document(s) (a circular through
    /// <see cref="ExtractionPipeline.ExtractFile"/>, a pair of reports through
    /// <see cref="ExtractionPipeline.PairReports(string, string)"/>, a targets-only report through the cross-year
    /// reader of main targets) and scores its records.</summary>
    public GoldEvaluation Evaluate(GoldFile gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        IReadOnlyList<CompletionRecord> predicted = [];
        string? error = null;
        try
        {
            var paths = gold.Documents.Select(Locate).ToArray();
            predicted = gold.Kind switch
            {
                GoldKind.CrossYear => _pipeline.PairReports(paths[0], paths[1]).Records,
                GoldKind.Targets => new CrossYear.CrossYearPairer(_pipeline.Lexicons, _pipeline.Recognizer, _pipeline.Options)
                    .TargetRecords(DocumentLoader.Load(paths[0], _pipeline.Options.Load)),
                _ => _pipeline.ExtractFile(paths[0]).Records,
            };
        }
        catch (DocumentLoadException e)
        {
            error = e.Message;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // One document that trips the extractor must not end an evaluation of many; it is reported instead.
            error = $"{gold.Name}: the extractor failed: {e.GetType().Name}: {e.Message}";
        }
        return new GoldEvaluation
        {
            Gold = gold,
            Predicted = predicted,
            Result = Scorer.Score(gold.Records, predicted, _options),
            Error = error,
        };
    }

    /// <summary>The path of a document in the first raw folder that holds it.</summary>
    /// <exception cref="DocumentLoadException">No raw folder holds the document.</exception>
    public string Locate(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var dir in _rawDirectories)
        {
            var path = Path.Combine(dir, document);
            if (File.Exists(path))
                return path;
        }
        throw new DocumentLoadException(document, LoadFailure.NotFound,
            "not found in " + (_rawDirectories.Count == 0 ? "any raw folder (none given)" : string.Join(", ", _rawDirectories)));
    }
}
