using GovTextExtract.Circulars;
using GovTextExtract.Records;
using GovTextExtract.Roles;
using GovTextExtract.Training;

namespace GovTextExtract.Evaluation;

/// <summary>The style of a circular gold document, for reporting: most of its records read from a table, most
/// pending (a progress report of part of the year), or prose.</summary>
public enum DocumentStyle
{
    /// <summary>Results and targets in running text.</summary>
    Prose,
    /// <summary>Most records come from a table.</summary>
    Tables,
    /// <summary>Most records are partial-period results (pending).</summary>
    Progress,
}

/// <summary>One held-out document's scores under each reading of a cross-validation.</summary>
public sealed record CircularFold
{
    /// <summary>The gold file.</summary>
    public required GoldFile Gold { get; init; }

    /// <summary>Its group (place or series); documents of one group are held out together.</summary>
    public required string Group { get; init; }

    /// <summary>Its style.</summary>
    public required DocumentStyle Style { get; init; }

    /// <summary>The score of each reading, by name (<c>rules</c>, <c>classifier</c>, <c>classifier-without-votes</c>).</summary>
    public required IReadOnlyDictionary<string, Score> Scores { get; init; }
}

/// <summary>Cross-validation of the circular reader over documents, grouped so that the documents of one place or
/// series (the file name's first word: <c>henan-2021-…</c> and <c>henan-2024-…</c>; <c>china-</c> and
/// <c>quanguo-</c> are both national) are held out together: each group is read by classifiers trained on all the
/// other groups. The rules alone need no training and read every document as they are.</summary>
public static class CircularCrossValidation
{
    /// <summary>The reading by the rules' votes alone.</summary>
    public const string Rules = "rules";

    /// <summary>The classifiers without the rule votes (an ablation).</summary>
    public const string WithoutVotes = "classifier-without-votes";

    /// <summary>The classifiers over the rules' votes.</summary>
    public const string Classifier = "classifier";

    /// <summary>The group a document belongs to: its name's first word, with national synonyms merged.</summary>
    public static string GroupOf(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var first = Path.GetFileNameWithoutExtension(document).Split('-')[0];
        return first switch
        {
            "china" or "cn" or "quanguo" => "national",
            _ => first,
        };
    }

    /// <summary>Runs leave-one-group-out cross-validation.</summary>
    /// <param name="documents">Prepared gold documents (<see cref="CircularTrainer.Prepare"/>).</param>
    /// <param name="options">The pipeline options every reading starts from.</param>
    /// <param name="ablation">Also score the classifiers trained without the rule votes.</param>
    public static IReadOnlyList<CircularFold> Run(IReadOnlyList<TrainingDocument> documents, ExtractionOptions options, bool ablation = true)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        var rulesPipeline = new ExtractionPipeline(options with { CircularReader = CircularReaderKind.Rules });
        var results = new List<CircularFold>();
        foreach (var group in documents.GroupBy(d => GroupOf(d.Gold.Document!)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var train = documents.Where(d => GroupOf(d.Gold.Document!) != group.Key).ToArray();
            var classifier = new ExtractionPipeline(options with { CircularReader = CircularReaderKind.Classifier, CircularModels = CircularTrainer.Train(train) });
            var without = ablation
                ? new ExtractionPipeline(options with { CircularReader = CircularReaderKind.Classifier, CircularModels = CircularTrainer.Train(train, withVotes: false) })
                : null;
            foreach (var d in group)
            {
                var scores = new Dictionary<string, Score>(StringComparer.Ordinal)
                {
                    [Rules] = Score(d, rulesPipeline),
                    [Classifier] = Score(d, classifier),
                };
                if (without is not null) scores[WithoutVotes] = Score(d, without);
                results.Add(new CircularFold { Gold = d.Gold, Group = group.Key, Style = StyleOf(d), Scores = scores });
            }
        }
        return results.OrderBy(r => r.Gold.Document, StringComparer.Ordinal).ToArray();
    }

    private static Score Score(TrainingDocument d, ExtractionPipeline pipeline) =>
        Scorer.Score(d.Gold.Records, pipeline.Extract(d.Loaded).Records).Score;

    /// <summary>The style of a prepared gold document (see <see cref="DocumentStyle"/>): tables when the table reader
    /// gives at least half as many records as the gold requires; progress when at least half the required gold
    /// records are pending; prose otherwise.</summary>
    public static DocumentStyle StyleOf(TrainingDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var required = d.Gold.Records.Count(r => !r.Optional);
        if (required == 0) return DocumentStyle.Prose;
        if (2 * Tables.TableRecordExtractor.Extract(d.Loaded).Count >= required) return DocumentStyle.Tables;
        var pending = d.Gold.Records.Count(r => !r.Optional && r.Status == CompletionStatus.Pending);
        return 2 * pending >= required ? DocumentStyle.Progress : DocumentStyle.Prose;
    }
}
