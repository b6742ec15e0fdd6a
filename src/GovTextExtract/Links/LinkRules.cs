using GovTextExtract.Documents;
using GovTextExtract.Roles;

namespace GovTextExtract.Links;

/// <summary>Named link votes: structural rules that say a candidate link is right, or abstain. Their names, in order
/// of precedence for the rules-alone reading, are <see cref="Names"/>; each has examples in the tests.</summary>
public static class LinkRules
{
    /// <summary>A rate of a 分别 list goes with the result in the same place of the list of results before it.</summary>
    public const string RateRespectively = "link.rate.respectively";
    /// <summary>A rate goes with the nearest result before it in its sentence.</summary>
    public const string RateNearest = "link.rate.nearest_actual";
    /// <summary>A target in brackets right after a result is its target (21家(任务数18家)).</summary>
    public const string TargetInBrackets = "link.target.in_brackets";
    /// <summary>A target a result is divided by in a formula (签约项目个数32÷30) is its target.</summary>
    public const string TargetDivisor = "link.target.divisor";
    /// <summary>A figure of a plan stated goes with the figure in its place of the run of sentences that repeats the
    /// plan as done (<see cref="ParallelPassages"/>).</summary>
    public const string TargetParallel = "link.target.parallel";
    /// <summary>A target named inside a rate phrase (完成全年目标任务7家的114.29%) is the target of the rate's result.</summary>
    public const string TargetInRatePhrase = "link.target.in_rate_phrase";
    /// <summary>A target whose figure, with the result's, gives the rate the document states for the result (44.82亿元,
    /// 为年计划的16.3% … 全年计划完成投资274.4亿元: 44.82 ÷ 274.4 = 16.3%).</summary>
    public const string TargetRateAgrees = "link.target.rate_agrees";

    /// <summary>A target named in a comparison after a result (…1186万人,超额完成900万人以上的目标) is its target.</summary>
    public const string TargetComparison = "link.target.comparison";
    /// <summary>A target list and a result list of one length pair in order (分别不少于7个、4个、1个 … 分别引进9个、4个、1个).</summary>
    public const string TargetRespectively = "link.target.respectively";
    /// <summary>The nearest target before a result in its sentence, of a compatible unit (计划投产项目55个,已投产54个).</summary>
    public const string TargetNearestInSentence = "link.target.nearest_in_sentence";
    /// <summary>An item's task target whose words the result's repeat best goes with the result of a later sentence of
    /// the item (新建学校8所、幼儿园15所。…新建学校9所…幼儿园16所).</summary>
    public const string TargetBestInItem = "link.target.best_in_item";
    /// <summary>A target stated in a paragraph before the result's (an opening that lists the year's plans, a section
    /// before the one that reports) whose words the result's repeat most, by at least
    /// <see cref="EarlierSimilarity"/> of them.</summary>
    public const string TargetStatedEarlier = "link.target.stated_earlier";

    /// <summary>How much of their words a result must share with a target of an earlier paragraph.</summary>
    public const double EarlierSimilarity = 0.4;

    /// <summary>The nearest target of a compatible unit in the result's paragraph, either side.</summary>
    public const string TargetNearestInBlock = "link.target.nearest_in_block";
    /// <summary>A target stated in an earlier sentence of the paragraph whose words the result's repeat.</summary>
    public const string TargetRestated = "link.target.restated";
    /// <summary>A difference goes with the nearest result before it in its sentence (or the same place of a list).</summary>
    public const string DifferenceNearest = "link.difference.nearest_actual";

    /// <summary>Every link rule, in order of precedence; <see cref="Circulars.LegacyPairerVotes.Link"/> is the earlier
    /// pairer's link, proposed through <see cref="RoleVotes.SuggestedLinks"/>.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        RateRespectively, RateNearest, Circulars.LegacyPairerVotes.Link, TargetInBrackets, TargetDivisor, TargetInRatePhrase, TargetRateAgrees, TargetRespectively, TargetParallel, TargetComparison,
        TargetNearestInSentence, TargetBestInItem, TargetRestated, TargetNearestInBlock, TargetStatedEarlier, DifferenceNearest,
    ];

    /// <summary>The rules that vote for a candidate, given every mention's role and the role votes.</summary>
    public static List<string> Votes(GovDocument doc, IReadOnlyList<MentionRole> roles, RoleVotes votes, LinkCandidate c)
    {
        var fired = new List<string>(votes.SuggestedRules(c));
        var from = doc.Mentions[c.From];
        var to = doc.Mentions[c.To];
        switch (c.Kind)
        {
            case LinkKind.Rate:
            {
                var (rank, length) = ListPlace(doc, roles, from, MentionRole.Rate);
                // A part in brackets after its whole (1.51亿元(其中…0.3亿元)) is not what a rate outside them measures.
                var head = ListHead(doc, roles, from, MentionRole.Rate);
                var results = Before(doc, roles, head, MentionRole.Actual)
                    .Where(j => InBrackets(doc, head) || !InBrackets(doc, doc.Mentions[j])).ToArray();
                if ((length > 1 || Respectively(doc, from)) && results.Length >= length && length >= 1
                    && Array.IndexOf(results, c.To) == length - 1 - rank)
                    fired.Add(RateRespectively);
                if (length <= 1 && results.Length > 0 && results[0] == c.To) fired.Add(RateNearest);
                break;
            }
            case LinkKind.Target:
            {
                if (from.Sentence == to.Sentence && from.Index > to.Index)
                {
                    var gap = doc.Text.AsSpan(to.Span.End, from.Span.Start - to.Span.End);
                    if ((gap.StartsWith("(") || gap.StartsWith("（")) && gap.Length <= 8) fired.Add(TargetInBrackets);
                    if (gap.Trim().StartsWith("÷") && gap.Length <= 8 && from.Index == to.Index + 1) fired.Add(TargetDivisor);
                    var nearestActual = Before(doc, roles, from, MentionRole.Actual).FirstOrDefault(-1);
                    if (nearestActual == c.To)
                    {
                        if (votes.For(from.Index).Any(v => v.Rule == "target.inside_rate_phrase")) fired.Add(TargetInRatePhrase);
                        if (votes.For(from.Index).Any(v => v.Rule.StartsWith("target.named_", StringComparison.Ordinal))) fired.Add(TargetComparison);
                    }
                }
                if (RateAgrees(doc, roles, from, to)) fired.Add(TargetRateAgrees);
                var (tRank, tLength) = ListPlace(doc, roles, from, MentionRole.Target);
                var (aRank, aLength) = ListPlace(doc, roles, to, MentionRole.Actual);
                if (tLength > 1 && tLength == aLength && tRank == aRank && from.Block == to.Block) fired.Add(TargetRespectively);
                // "…5.6%,…为3.62%,分别优于6%和5.5%左右的预期目标": a 分别 list of targets goes in order with the results
                // before it in its sentence, as a 分别 list of rates does.
                else if (tLength > 1 && Respectively(doc, ListHead(doc, roles, from, MentionRole.Target)) && from.Sentence == to.Sentence)
                {
                    var results = Before(doc, roles, ListHead(doc, roles, from, MentionRole.Target), MentionRole.Actual).ToArray();
                    if (results.Length >= tLength && Array.IndexOf(results, c.To) == tLength - 1 - tRank) fired.Add(TargetRespectively);
                }
                if (from.Sentence == to.Sentence && from.Index < to.Index && Compatible(from, to)
                    && Before(doc, roles, to, MentionRole.Target).Where(j => Compatible(doc.Mentions[j], to)).FirstOrDefault(-1) == c.From)
                    fired.Add(TargetNearestInSentence);
                if (from.Block == to.Block && from.Sentence < to.Sentence && Compatible(from, to)
                    && Similarity(doc, from, to) >= 0.3) fired.Add(TargetRestated);
                if (from.Block == to.Block && Compatible(from, to) && NearestCompatibleTarget(doc, roles, to) == c.From)
                    fired.Add(TargetNearestInBlock);
                if (from.Block < to.Block && BestEarlier(doc, roles, to) == c.From) fired.Add(TargetStatedEarlier);
                if (from.Block == to.Block && from.Sentence < to.Sentence && doc.Blocks[to.Block].Role == BlockRole.Item
                    && BestInItem(doc, roles, to) == c.From)
                    fired.Add(TargetBestInItem);
                break;
            }
            case LinkKind.Difference:
            {
                var (rank, length) = ListPlace(doc, roles, from, MentionRole.Difference);
                var results = Before(doc, roles, ListHead(doc, roles, from, MentionRole.Difference), MentionRole.Actual).ToArray();
                if (results.Length >= length && Array.IndexOf(results, c.To) == length - 1 - rank) fired.Add(DifferenceNearest);
                break;
            }
        }
        return fired;
    }

    internal static bool Compatible(Mention target, Mention actual) => UnitClasses.Compatible(target, actual);

    /// <summary>True when a stated rate in the result's sentence is result ÷ target × 100 as written
    /// (<see cref="RelationalRoleRules.RateAgreesWith"/>).</summary>
    internal static bool RateAgrees(GovDocument doc, IReadOnlyList<MentionRole> roles, Mention target, Mention actual)
    {
        if (target.Quantity.Value is not { } t || actual.Quantity.Value is not { } a || t == 0) return false;
        if (UnitClasses.Of(target.Quantity) is UnitClass.Percent or UnitClass.Points) return false;
        foreach (var m in doc.MentionsInSentence(actual.Sentence))
            if (m.Index > actual.Index && roles[m.Index] == MentionRole.Rate && m.Quantity.Value is { } r && RelationalRoleRules.RateAgreesWith(a, t, r))
                return true;
        return false;
    }

    /// <summary>True when a mention stands inside brackets within its sentence.</summary>
    internal static bool InBrackets(GovDocument doc, Mention m)
    {
        var sentence = doc.SentenceOf(m);
        var depth = 0;
        for (var i = sentence.Start; i < m.Span.Start; i++)
        {
            if (doc.Text[i] is '(' or '（') depth++;
            else if (doc.Text[i] is ')' or '）') depth = Math.Max(0, depth - 1);
        }
        return depth > 0;
    }

    /// <summary>Mentions of a role before <paramref name="m"/> in its sentence, nearest first.</summary>
    internal static IEnumerable<int> Before(GovDocument doc, IReadOnlyList<MentionRole> roles, Mention m, MentionRole role)
    {
        for (var j = m.Index - 1; j >= 0 && doc.Mentions[j].Sentence == m.Sentence; j--)
            if (roles[j] == role) yield return j;
    }

    /// <summary>A mention's place in the list of same-role mentions it belongs to (…、…、…), and the list's length.</summary>
    internal static (int Rank, int Length) ListPlace(GovDocument doc, IReadOnlyList<MentionRole> roles, Mention m, MentionRole role)
    {
        var first = m.Index;
        while (first > 0 && roles[first - 1] == role && RelationalRoleRules.ContinuesList(doc, doc.Mentions[first - 1], doc.Mentions[first])) first--;
        var last = m.Index;
        while (last + 1 < doc.Mentions.Count && roles[last + 1] == role && RelationalRoleRules.ContinuesList(doc, doc.Mentions[last], doc.Mentions[last + 1])) last++;
        return (m.Index - first, last - first + 1);
    }

    private static Mention ListHead(GovDocument doc, IReadOnlyList<MentionRole> roles, Mention m, MentionRole role)
    {
        var (rank, _) = ListPlace(doc, roles, m, role);
        return doc.Mentions[m.Index - rank];
    }

    private static bool Respectively(GovDocument doc, Mention m)
    {
        var clause = doc.ClauseOf(m);
        return doc.Text.AsSpan(clause.Start, Math.Max(0, m.Span.Start - clause.Start)).Contains("分别", StringComparison.Ordinal);
    }

    private static int NearestCompatibleTarget(GovDocument doc, IReadOnlyList<MentionRole> roles, Mention actual)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        foreach (var t in doc.MentionsInBlock(actual.Block))
        {
            if ( roles[t.Index] != MentionRole.Target || !Compatible(t, actual)) continue;
            var d = Math.Abs(t.Span.Start - actual.Span.Start);
            if (d < bestDistance)
            {
                bestDistance = d;
                best = t.Index;
            }
        }
        return best;
    }

    internal static double Similarity(GovDocument doc, Mention a, Mention b) => MentionText.Similarity(doc, a, b);

    /// <summary>The target of an earlier paragraph (within <see cref="LinkCandidates.BlocksBack"/>) whose words the
    /// result's share most, by at least <see cref="EarlierSimilarity"/>, or -1.</summary>
    private static int BestEarlier(GovDocument doc, IReadOnlyList<MentionRole> roles, Mention actual)
    {
        var best = -1;
        var bestScore = EarlierSimilarity;
        for (var b = Math.Max(0, actual.Block - LinkCandidates.BlocksBack); b < actual.Block; b++)
        {
            foreach (var t in doc.MentionsInBlock(b))
            {
                if (roles[t.Index] != MentionRole.Target || !Compatible(t, actual)) continue;
                var score = MentionText.SentenceSimilarity(doc, t, actual);
                if (score >= bestScore)
                {
                    bestScore = score;
                    best = t.Index;
                }
            }
        }
        return best;
    }

    /// <summary>The target of an earlier sentence of the result's item, of compatible unit, whose words the result's
    /// share most (ties: the nearer), or -1.</summary>
    private static int BestInItem(GovDocument doc, IReadOnlyList<MentionRole> roles, Mention actual)
    {
        var best = -1;
        var bestScore = RelationalRoleRules.ItemSimilarity;
        foreach (var t in doc.MentionsInBlock(actual.Block))
        {
            if (t.Sentence >= actual.Sentence || roles[t.Index] != MentionRole.Target || !Compatible(t, actual)) continue;
            var score = Similarity(doc, t, actual);
            if (score >= bestScore)
            {
                bestScore = score;
                best = t.Index;
            }
        }
        return best;
    }
}
