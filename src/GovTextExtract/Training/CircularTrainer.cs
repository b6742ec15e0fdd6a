using GovTextExtract.Circulars;
using GovTextExtract.Documents;
using GovTextExtract.Evaluation;
using GovTextExtract.Learning;
using GovTextExtract.Links;
using GovTextExtract.Loading;
using GovTextExtract.Roles;

namespace GovTextExtract.Training;

/// <summary>A gold file's document read and aligned: the training example of the circular reader.</summary>
/// <param name="Gold">The gold file.</param>
/// <param name="Loaded">The loaded document.</param>
/// <param name="Document">Its document model.</param>
/// <param name="Votes">The rules' votes.</param>
/// <param name="Alignment">The gold records over its mentions.</param>
public sealed record TrainingDocument(GoldFile Gold, LoadedDocument Loaded, GovDocument Document, RoleVotes Votes, GoldAlignment Alignment);

/// <summary>Trains the circular reader's classifiers from gold files: the role classifier on every prose mention
/// (label: the role the gold alignment gives it), the link classifier on every candidate link between gold roles
/// (label: whether one gold record ties the two figures). L-BFGS on one thread with a fixed seed: the same corpus
/// gives byte-identical models.</summary>
public static class CircularTrainer
{
    /// <summary>L2 weight of the role classifier.</summary>
    public const float RoleL2 = 1f;

    /// <summary>L2 weight of the link classifier.</summary>
    public const float LinkL2 = 1f;

    /// <summary>Loads, reads and aligns the documents of circular gold files (kind <see cref="GoldKind.Document"/>).</summary>
    /// <param name="goldFiles">Gold files; those of other kinds are skipped.</param>
    /// <param name="locate">Maps a document name to its path.</param>
    /// <param name="pipeline">The pipeline whose document reader and options to use.</param>
    public static IReadOnlyList<TrainingDocument> Prepare(IEnumerable<GoldFile> goldFiles, Func<string, string> locate, ExtractionPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(goldFiles);
        ArgumentNullException.ThrowIfNull(locate);
        ArgumentNullException.ThrowIfNull(pipeline);
        var result = new List<TrainingDocument>();
        foreach (var gold in goldFiles.Where(g => g.Kind == GoldKind.Document).OrderBy(g => g.Document, StringComparer.Ordinal))
        {
            var loaded = DocumentLoader.Load(locate(gold.Document!), pipeline.Options.Load);
            // The reading gives the document and every vote, of the rules and of the vote sources, as extraction sees them.
            var read = pipeline.ReadCircular(loaded);
            result.Add(new TrainingDocument(gold, loaded, read.Document, read.Votes, GoldAlignment.Align(read.Document, gold.Records)));
        }
        return result;
    }

    /// <summary>Trains both classifiers on <paramref name="documents"/>.</summary>
    /// <param name="documents">Prepared gold documents.</param>
    /// <param name="withVotes">False to train without the rule votes (the ablation).</param>
    public static CircularModels Train(IReadOnlyList<TrainingDocument> documents, bool withVotes = true)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var roleRows = RoleRows(documents, withVotes);
        var linkRows = LinkRows(documents, withVotes);
        var roles = LinearModel.Train(roleRows, RoleFeatures.Default.Count, RoleFeatures.RoleCount, RoleL2);
        var links = LinearModel.Train(linkRows, LinkFeatures.Count, 2, LinkL2);
        return new CircularModels(roles, links, withVotes);
    }

    /// <summary>The role classifier's training rows.</summary>
    public static IReadOnlyList<LabelledRow> RoleRows(IReadOnlyList<TrainingDocument> documents, bool withVotes = true)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var rows = new List<LabelledRow>();
        foreach (var d in documents)
            foreach (var m in d.Document.Mentions)
                if (!m.InTable)
                    rows.Add(new LabelledRow(RoleFeatures.Default.Compute(d.Document, d.Votes, m, withVotes), (int)d.Alignment.Roles[m.Index]));
        return rows;
    }

    /// <summary>The link classifier's training rows: candidates between gold roles.</summary>
    public static IReadOnlyList<LabelledRow> LinkRows(IReadOnlyList<TrainingDocument> documents, bool withVotes = true)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var rows = new List<LabelledRow>();
        foreach (var d in documents)
        {
            var roles = d.Alignment.Roles.Select((r, i) => d.Document.Mentions[i].InTable ? MentionRole.Other : r).ToArray();
            var truth = TrueLinks(d.Alignment);
            foreach (var c in LinkCandidates.For(d.Document, roles))
            {
                var fired = LinkRules.Votes(d.Document, roles, d.Votes, c);
                rows.Add(new LabelledRow(LinkFeatures.Compute(d.Document, roles, c, fired, withVotes), truth.Contains(c) ? 1 : 0));
            }
        }
        return rows;
    }

    /// <summary>The links the gold records make.</summary>
    public static HashSet<LinkCandidate> TrueLinks(GoldAlignment alignment)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        var set = new HashSet<LinkCandidate>();
        foreach (var r in alignment.Records)
        {
            if (r.Actual < 0) continue;
            if (r.Rate >= 0) set.Add(new LinkCandidate(LinkKind.Rate, r.Rate, r.Actual));
            if (r.Target >= 0) set.Add(new LinkCandidate(LinkKind.Target, r.Target, r.Actual));
            if (r.Difference >= 0) set.Add(new LinkCandidate(LinkKind.Difference, r.Difference, r.Actual));
        }
        return set;
    }
}
