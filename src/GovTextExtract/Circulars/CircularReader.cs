using GovTextExtract.Documents;
using GovTextExtract.Lexicons;
using GovTextExtract.Links;
using GovTextExtract.Records;
using GovTextExtract.Roles;

namespace GovTextExtract.Circulars;

/// <summary>What the circular reader made of a document: every mention's role (and the classifier's
/// probabilities), the links it chose, and the records they give.</summary>
public sealed record CircularReading
{
    /// <summary>The document read.</summary>
    public required GovDocument Document { get; init; }

    /// <summary>The rules' votes.</summary>
    public required RoleVotes Votes { get; init; }

    /// <summary>The role of every mention.</summary>
    public required IReadOnlyList<MentionRole> Roles { get; init; }

    /// <summary>How sure the reader is of each mention's role, 0..1.</summary>
    public required IReadOnlyList<float> RoleConfidence { get; init; }

    /// <summary>The links chosen, with their probability (1 for a rule's link read without the classifier).</summary>
    public required IReadOnlyList<(LinkCandidate Link, float Probability)> Links { get; init; }

    /// <summary>The records, in text order; evidence spans refer to the reading text.</summary>
    public required IReadOnlyList<CompletionRecord> Records { get; init; }
}

/// <summary>Reads a completion circular or progress report: named rules vote each figure's role; a classifier (or,
/// without one, the rules' precedence) decides it; candidate links tie rates, targets and differences to results, and
/// a second classifier (or the link rules) picks them; <see cref="RecordAssembler"/> makes the records.</summary>
/// <remarks>Immutable and thread-safe; one serves every document and thread.</remarks>
public sealed class CircularReader
{
    private readonly RoleRuleSet _rules;
    private readonly RoleFeatures _features;
    private readonly CircularModels? _models;
    private readonly RecordAssembler _assembler;
    private readonly IReadOnlyList<IVoteSource> _sources;

    /// <summary>Creates a reader.</summary>
    /// <param name="lexicons">Units, directions and bound words.</param>
    /// <param name="models">The classifiers; null to read by the rules alone.</param>
    /// <param name="rules">The role rules; null for the library's.</param>
    /// <param name="sources">Further vote sources (the earlier pairer); none by default.</param>
    public CircularReader(LexiconSet lexicons, CircularModels? models, RoleRuleSet? rules = null, IReadOnlyList<IVoteSource>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(lexicons);
        _sources = sources ?? [];
        _rules = rules ?? RoleRuleSet.Default;
        _features = rules is null ? RoleFeatures.Default : new RoleFeatures(_rules, CueGroups.Default);
        _models = models;
        _assembler = new RecordAssembler(lexicons);
    }

    /// <summary>Lowest probability of <see cref="MentionRole.Actual"/> at which a figure the classifier finds more
    /// likely none is read as a result all the same (results without links give no record).</summary>
    public const float ActualThreshold = 0.3f;

    /// <summary>Lowest probability at which a target already taken by one actual serves another too.</summary>
    public const float SharedTargetThreshold = 0.8f;

    /// <summary>Lowest link probability the classifier's reading accepts.</summary>
    public const float LinkThreshold = 0.5f;

    /// <summary>Reads <paramref name="doc"/>.</summary>
    public CircularReading Read(GovDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var votes = RoleVotes.Collect(doc, _rules, _sources);
        var roles = new MentionRole[doc.Mentions.Count];
        var confidence = new float[doc.Mentions.Count];
        foreach (var m in doc.Mentions)
        {
            if (m.InTable && !InProseCell(doc, m))
            {
                roles[m.Index] = MentionRole.Other;
                confidence[m.Index] = 1;
                continue;
            }
            if (_models is null)
            {
                roles[m.Index] = votes.RulesRole(m.Index);
                confidence[m.Index] = votes.For(m.Index).Count > 0 ? RuleConfidence(votes, m.Index) : 0.5f;
                continue;
            }
            var p = _models.Roles.Probabilities(_features.Compute(doc, votes, m, _models.WithVotes));
            var best = 0;
            for (var k = 1; k < p.Length; k++) if (p[k] > p[best]) best = k;
            // A result with no rate, target or difference gives no record, so a figure the classifier thinks may be
            // a result is read as one: the links decide.
            if (best == (int)MentionRole.Other && p[(int)MentionRole.Actual] >= ActualThreshold) best = (int)MentionRole.Actual;
            roles[m.Index] = (MentionRole)best;
            confidence[m.Index] = p[best];
        }
        var links = ChooseLinks(doc, roles, votes);
        var records = _assembler.Assemble(doc, roles, confidence, links, votes);
        return new CircularReading { Document = doc, Votes = votes, Roles = roles, RoleConfidence = confidence, Links = links, Records = records };
    }

    private List<(LinkCandidate Link, float Probability)> ChooseLinks(GovDocument doc, MentionRole[] roles, RoleVotes votes)
    {
        var scored = new List<(LinkCandidate Link, float Probability, int Precedence, int Distance)>();
        var verified = new HashSet<LinkCandidate>();
        foreach (var c in LinkCandidates.For(doc, roles))
        {
            if (c.Kind == LinkKind.Target && !Plausible(doc, doc.Mentions[c.From], doc.Mentions[c.To])) continue;
            var fired = LinkRules.Votes(doc, roles, votes, c);
            var distance = Math.Abs(doc.Mentions[c.From].Span.Start - doc.Mentions[c.To].Span.Start);
            if (_models is null)
            {
                if (fired.Count == 0) continue;
                if (fired.Contains(LinkRules.TargetRateAgrees)) verified.Add(c);
                var precedence = fired.Select(f => IndexOf(f)).Min();
                scored.Add((c, 1f, precedence, distance));
            }
            else
            {
                var p = _models.Links.Probabilities(LinkFeatures.Compute(doc, roles, c, fired, _models.WithVotes))[1];
                if (p >= LinkThreshold) scored.Add((c, p, 0, distance));
            }
        }
        // Best first: a rule of higher precedence (rules alone), or a higher probability; then the nearer.
        scored.Sort((a, b) =>
        {
            var x = a.Precedence.CompareTo(b.Precedence);
            if (x == 0) x = b.Probability.CompareTo(a.Probability);
            if (x == 0) x = a.Distance.CompareTo(b.Distance);
            return x;
        });
        var chosen = new List<(LinkCandidate, float)>();
        var fromTaken = new HashSet<int>();
        var targetOf = new HashSet<int>();
        var targetUsed = new HashSet<int>();
        foreach (var (c, p, _, _) in scored)
        {
            if (c.Kind == LinkKind.Target)
            {
                // An actual takes one target; a target may serve several actuals (全年10万人搬迁任务 … 动工 … 竣工)
                // only where the classifier is sure of each, or, read by the rules, where the figures give the rate
                // stated for each.
                if (targetOf.Contains(c.To)) continue;
                if (!targetUsed.Add(c.From) && (_models is null ? !verified.Contains(c) : p < SharedTargetThreshold)) continue;
                targetOf.Add(c.To);
            }
            else if (!fromTaken.Add(c.From))
            {
                continue; // a rate or a difference measures one actual
            }
            chosen.Add((c, p));
        }
        return chosen;
    }

    /// <summary>How sure the rules alone are of a mention's role: a target only the earlier pairer names, with no
    /// result of its own, is what it reports as unreported (培育省级示范企业5家, then nothing of them); other lone targets are plan figures
    /// more often than tasks, and give no record of their own.</summary>
    private static float RuleConfidence(RoleVotes votes, int mention)
    {
        var role = votes.RulesRole(mention);
        if (role != MentionRole.Target) return 0.8f;
        return votes.For(mention).Any(v => v.Rule == LegacyPairerVotes.Target) ? 0.8f : 0.5f;
    }

    /// <summary>Most times a result may be larger or smaller than a target of another sentence in other words: beyond
    /// it the two measure different things (a subsidy of 50元 a head against 10.17亿元 of funds sent down). Within a
    /// sentence a formula's bare figure (177.7÷54亿元), and in the same words a unit lost in the source (市场主体达到21万户
    /// … 市场主体23户), may make them differ so.</summary>
    public const decimal MaxTargetRatio = 1000m;

    /// <summary>How much of their words a target and a result of far apart sizes must share to pair all the same.</summary>
    public const double SameWords = 0.5;

    private static bool Plausible(GovDocument doc, Mention target, Mention actual)
    {
        if (target.Sentence == actual.Sentence) return true;
        if (target.Quantity.Value is not { } t || actual.Quantity.Value is not { } a || t <= 0 || a <= 0) return true;
        return (a / t <= MaxTargetRatio && t / a <= MaxTargetRatio) || MentionText.Similarity(doc, target, actual) >= SameWords;
    }

    /// <summary>Fewest Chinese characters of a sentence in a table cell that make it prose the table reader does not
    /// read (指标完成情况: 得分=…项目签约个数28÷27…; 分别引进7个、4个、1个).</summary>
    public const int ProseCellCharacters = 12;

    /// <summary>True when a figure of a table stands in a sentence of a cell that is prose: no cell separator in it, and
    /// at least <see cref="ProseCellCharacters"/> Chinese characters.</summary>
    private static bool InProseCell(GovDocument doc, Mention m)
    {
        var sentence = doc.Text.AsSpan(doc.SentenceOf(m).Start, doc.SentenceOf(m).Length);
        if (sentence.ContainsAny("|\t｜")) return false;
        var chinese = 0;
        foreach (var c in sentence)
            if (c is >= '\u4e00' and <= '\u9fff') chinese++;
        return chinese >= ProseCellCharacters;
    }

    private static int IndexOf(string rule)
    {
        for (var i = 0; i < LinkRules.Names.Count; i++)
            if (LinkRules.Names[i] == rule) return i;
        return int.MaxValue;
    }
}
