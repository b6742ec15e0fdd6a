using GovTextExtract.Documents;

namespace GovTextExtract.Roles;

/// <summary>Role rules that read their neighbours' votes: a list item takes its head's vote; the figure a stated rate,
/// a difference or a comparison reports on is an actual; the figures a 分别 list of rates reports on are actuals; a
/// count of projects that is the subject of another figure is none.</summary>
/// <remarks>Each rule is named (<see cref="Names"/>) and has examples in the tests, like the pattern rules.</remarks>
public static class RelationalRoleRules
{
    /// <summary>A list item (…、X, …和X) votes its head's pattern votes.</summary>
    public const string ListContinues = "list.continues";
    /// <summary>The nearest figure before a stated rate, in its sentence, is the result the rate measures.</summary>
    public const string RatedActual = "actual.rated";
    /// <summary>The figures before a 分别 list of rates, as many as the rates, are their results.</summary>
    public const string ListedForRates = "actual.listed_for_rates";
    /// <summary>The nearest figure before a difference to the target is the result it measures.</summary>
    public const string BeforeDifference = "actual.before_difference";
    /// <summary>The figure a comparison target follows (…4.1%,低于4.2%的控制目标) is the result.</summary>
    public const string ComparedWithTarget = "actual.compared_with_target";
    /// <summary>A count that is the subject of an amount in its clause (172个项目完成投资1434.9亿元) is none.</summary>
    public const string SubjectCount = "other.subject_count";
    /// <summary>A figure of an earlier sentence whose words a later sentence of the paragraph repeats with another
    /// figure of its unit is a target stated, then reported on (全年接待旅游人数7600万人次。…全市接待旅游人数7630万人次).</summary>
    public const string StatedThenReported = "target.stated_then_reported";
    /// <summary>The later figure of such a pair is the result.</summary>
    public const string ReportsStated = "actual.reports_stated";

    /// <summary>A figure of an item's first sentence, when that sentence reports nothing (no period, 已, 累计, 占 …)
    /// and later sentences of the item hold figures of its unit, is the item's task (1.新增就业5万人。全年新增就业5.3万人).</summary>
    public const string ItemTask = "target.item_task";
    /// <summary>A figure of a later sentence of such an item, of a task figure's unit, is a result.</summary>
    public const string ItemResult = "actual.item_result";

    /// <summary>A figure of a run of sentences that the next run repeats with other figures is a plan stated
    /// (<see cref="ParallelPassages"/>).</summary>
    public const string ParallelStated = "target.parallel_stated";
    /// <summary>The figure in the same place of the repeating run is its result.</summary>
    public const string ParallelReported = "actual.parallel_reported";

    /// <summary>A figure written right after a target with a bound sign, with nothing between, in a row of a table
    /// flattened without separators (目标值 | 实际完成值 | 完成率: 服务人次>=500人1700人340%), is its result.</summary>
    public const string GluedResult = "actual.glued_after_target";
    /// <summary>The percentage glued after such a result is its stated rate.</summary>
    public const string GluedRate = "rate.glued_after_result";

    /// <summary>A figure whose value, with a result's, gives the rate the document states for that result (1314万人,
    /// 完成目标任务的131.4% … 1000万人以上 earlier) is that result's target: the numbers agree.</summary>
    public const string RateAgrees = "target.rate_agrees";

    /// <summary>True when result ÷ target × 100 is the stated rate as written: within half a unit of the rate's last
    /// decimal (90 covers 89.5–90.5, 52.6 covers 52.55–52.65), plus 0.05 points for the rounding of the figures.</summary>
    public static bool RateAgreesWith(decimal result, decimal target, decimal rate)
    {
        if (target == 0) return false;
        var scale = (decimal.GetBits(rate)[3] >> 16) & 0xFF;
        var tolerance = 0.5m / Pow10(scale) + 0.05m;
        return Math.Abs(result / target * 100m - rate) <= tolerance;
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++) p *= 10m;
        return p;
    }

    /// <summary>How much of their words an item's result must share with its task.</summary>
    public const double ItemSimilarity = 0.25;

    /// <summary>Most characters between a figure stated and its restatement in one paragraph.</summary>
    public const int RestatementReach = 3000;

    /// <summary>How much of their words two figures' leads must share to be one indicator stated and reported.</summary>
    public const double RestatementSimilarity = 0.6;

    /// <summary>The names of the relational rules.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [ItemTask, RateAgrees, ParallelStated, ListContinues, SubjectCount, RatedActual, ListedForRates, BeforeDifference, ComparedWithTarget, StatedThenReported, ReportsStated, ItemResult, ParallelReported, GluedResult, GluedRate];

    /// <summary>Relational rules whose votes take precedence over the pattern rules (an item's task sentence is a task
    /// even where a verb of doing opens it: 5.完成荒山造林3万亩).</summary>
    public static IReadOnlyList<string> Leading { get; } = [RateAgrees, BeforeDifference, ItemTask, SubjectCount, ParallelStated, GluedResult, GluedRate];

    private const string ListSeparators = "、和及与或,， ";

    /// <summary>The relational votes of every mention, given the pattern votes.</summary>
    /// <param name="doc">The document.</param>
    /// <param name="pattern">The pattern rules' and the vote sources' votes.</param>
    /// <param name="sourceRules">The names of the vote sources' rules: a source's reading does not hide a figure from
    /// these rules (a figure the earlier pairer misreads as a target is still the one a rate measures).</param>
    /// <param name="parallel">The stated and reported figures of parallel passages (<see cref="ParallelPassages.Find"/>).</param>
    internal static List<RoleVote>[] Votes(GovDocument doc, IReadOnlyList<IReadOnlyList<RoleVote>> pattern, IReadOnlySet<string>? sourceRules = null,
        IReadOnlyList<(int Stated, int Reported)>? parallel = null)
    {
        sourceRules ??= new HashSet<string>();
        var n = doc.Mentions.Count;
        var votes = new List<RoleVote>[n];
        for (var i = 0; i < n; i++) votes[i] = [];
        ItemTasks(doc, pattern, votes);
        GluedRows(doc, pattern, votes);
        foreach (var (stated, reported) in parallel ?? [])
        {
            votes[stated].Add(new RoleVote(ParallelStated, MentionRole.Target));
            votes[reported].Add(new RoleVote(ParallelReported, MentionRole.Actual));
        }
        var head = new int[n];
        for (var i = 0; i < n; i++)
        {
            head[i] = i;
            if (i > 0 && ContinuesList(doc, doc.Mentions[i - 1], doc.Mentions[i]))
            {
                head[i] = head[i - 1];
                // Only a list of bare figures (95%、60%、97%) shares its head's reading; items that name their own
                // subject (A 2.86万人、B 1.8万人) are read each on its own words.
                if (!SeparatorsOnly(doc, doc.Mentions[i - 1], doc.Mentions[i])) continue;
                foreach (var v in pattern[head[i]])
                    if (!pattern[i].Any(p => p.Role == v.Role)) votes[i].Add(new RoleVote(ListContinues, v.Role));
            }
        }
        bool Has(int i, MentionRole role) => pattern[i].Any(v => v.Role == role && !sourceRules.Contains(v.Rule)) || votes[i].Any(v => v.Role == role);
        bool Marked(int i) => Has(i, MentionRole.Target) || Has(i, MentionRole.Rate) || Has(i, MentionRole.Other)
                              || Has(i, MentionRole.Difference) || Has(i, MentionRole.Schedule);
        void Vote(int i, string rule, MentionRole role)
        {
            if (!votes[i].Any(v => v.Rule == rule)) votes[i].Add(new RoleVote(rule, role));
        }

        for (var i = 0; i < n; i++)
        {
            var m = doc.Mentions[i];
            // A list of rates (分别…a%、b%、c%): as many results before the list's head as the list has rates.
            if (Has(i, MentionRole.Rate) && head[i] == i)
            {
                var length = 1;
                while (i + length < n && head[i + length] == i) length++;
                var before = Preceding(doc, m).Where(j => !Marked(j)).Take(length).ToArray();
                var respectively = doc.Text.AsSpan(doc.SentenceOf(m).Start, m.Span.Start - doc.SentenceOf(m).Start).Contains("分别", StringComparison.Ordinal);
                if (length > 1 || respectively)
                    foreach (var j in before) Vote(j, ListedForRates, MentionRole.Actual);
                else if (before.Length > 0) Vote(before[0], RatedActual, MentionRole.Actual);
            }
            if ((Has(i, MentionRole.Difference)) && head[i] == i)
            {
                var length = 1;
                while (i + length < n && head[i + length] == i) length++;
                // A difference in points measures a percentage (增长8.2%,增速高于目标0.2个百分点), whatever else reads it.
                var points = m.Quantity.Unit == "个百分点" || doc.Mentions[Math.Min(n - 1, i + length - 1)].Quantity.Unit == "个百分点";
                var measured = points
                    ? Preceding(doc, m).Where(j => doc.Mentions[j].Quantity.Unit == "%" && !Has(j, MentionRole.Rate) && !Has(j, MentionRole.Target) && !Has(j, MentionRole.Schedule))
                    : Preceding(doc, m).Where(j => !Marked(j));
                foreach (var j in measured.Take(length)) Vote(j, BeforeDifference, MentionRole.Actual);
            }
            if (pattern[i].Any(v => v.Rule.StartsWith("target.named_", StringComparison.Ordinal)) && head[i] == i)
            {
                var length = 1;
                while (i + length < n && head[i + length] == i) length++;
                foreach (var j in Preceding(doc, m).Where(j => !Marked(j)).Take(length)) Vote(j, ComparedWithTarget, MentionRole.Actual);
            }
            if (IsSubjectCount(doc, i)) Vote(i, SubjectCount, MentionRole.Other);
        }
        // Figures that give a stated rate: the rate's result ÷ the figure = the rate.
        for (var i = 0; i < n; i++)
        {
            if (!Has(i, MentionRole.Rate) || doc.Mentions[i].Quantity.Value is not { } rate || rate <= 0) continue;
            var result = Preceding(doc, doc.Mentions[i]).FirstOrDefault(j => !Marked(j), -1);
            if (result < 0 || doc.Mentions[result].Quantity.Value is not { } a || a <= 0) continue;
            var actual = doc.Mentions[result];
            for (var b = Math.Max(0, actual.Block - 3); b <= Math.Min(doc.Blocks.Count - 1, actual.Block + 1); b++)
                foreach (var t in doc.MentionsInBlock(b))
                {
                    if (t.Index == result || t.Index == i || t.Quantity.Value is not { } tv || tv <= 0) continue;
                    if (Has(t.Index, MentionRole.Rate) || !UnitClasses.Compatible(t, actual)) continue;
                    if (UnitClasses.Of(t.Quantity) is UnitClass.Percent or UnitClass.Points) continue;
                    if (RateAgreesWith(a, tv, rate)) Vote(t.Index, RateAgrees, MentionRole.Target);
                }
        }
        // A paragraph that states a figure and later reports on it in the same words.
        var reportWords = CueGroups.Default.WordsOf("report");
        // Whether each sentence states (a figure stated as a task, not reported: no period and no report word, and
        // no part of a breakdown: 其中:中央预算内项目144个…;省预算内项目37个…), read once per sentence.
        var states = new bool?[doc.Sentences.Count];
        bool States(int sentence)
        {
            if (states[sentence] is { } known) return known;
            var text = doc.Slice(doc.Sentences[sentence].Span);
            var result = PeriodWords.Find(text) is null && !reportWords.Any(w => text.Contains(w, StringComparison.Ordinal))
                         && !text.TrimStart().StartsWith("其中", StringComparison.Ordinal);
            states[sentence] = result;
            return result;
        }
        for (var i = 0; i < n; i++)
        {
            var later = doc.Mentions[i];
            if (Marked(i) && !Has(i, MentionRole.Actual)) continue;
            var best = -1;
            var bestSimilarity = RestatementSimilarity;
            foreach (var earlier in doc.MentionsInBlock(later.Block))
            {
                if (earlier.Sentence >= later.Sentence) break;
                // Read only the paragraph's last stretch before the figure: a restatement follows its statement
                // closely, and the bound keeps a one-paragraph document linear.
                if (later.Span.Start - earlier.Span.End > RestatementReach) continue;
                var j = earlier.Index;
                if (!States(earlier.Sentence)) continue;
                if (Has(j, MentionRole.Rate) || Has(j, MentionRole.Other) || Has(j, MentionRole.Difference) || Has(j, MentionRole.Schedule)) continue;
                if (!UnitClasses.Compatible(earlier, later)) continue;
                var similarity = MentionText.Similarity(doc, earlier, later);
                if (similarity >= bestSimilarity)
                {
                    bestSimilarity = similarity;
                    best = j;
                }
            }
            if (best < 0) continue;
            Vote(best, StatedThenReported, MentionRole.Target);
            Vote(i, ReportsStated, MentionRole.Actual);
        }
        return votes;
    }

    /// <summary>Votes <see cref="ItemTask"/> and <see cref="ItemResult"/> in numbered or marked items.</summary>
    private static void ItemTasks(GovDocument doc, IReadOnlyList<IReadOnlyList<RoleVote>> pattern, List<RoleVote>[] votes)
    {
        var reportWords = CueGroups.Default.WordsOf("report");
        var opening = new int[doc.Blocks.Count];
        Array.Fill(opening, -1);
        foreach (var s in doc.Sentences)
            if (opening[s.Block] < 0) opening[s.Block] = s.Index;
        foreach (var block in doc.Blocks)
        {
            if (block.Role != BlockRole.Item) continue;
            var mentions = doc.MentionsInBlock(block.Index).ToArray();
            if (mentions.Length < 2) continue;
            var task = mentions[0].Sentence;
            // The task is stated in the item's opening sentence; an item that opens with words alone
            // (2)深入开展扫黑除恶专项斗争。全市共抓获…) gives its account, not a task, in its figures.
            if (task != opening[block.Index]) continue;
            var taskText = doc.Slice(doc.Sentences[task].Span);
            if (PeriodWords.Find(taskText) is not null || reportWords.Any(w => taskText.Contains(w, StringComparison.Ordinal))) continue;
            var stated = mentions.Where(m => m.Sentence == task && !pattern[m.Index].Any(v => v.Role is MentionRole.Rate or MentionRole.Other or MentionRole.Difference or MentionRole.Schedule)).ToArray();
            var later = mentions.Where(m => m.Sentence > task).ToArray();
            var reportedOn = new HashSet<int>();
            var firstOfUnit = true;
            foreach (var r in later)
            {
                if (pattern[r.Index].Any(v => v.Role is MentionRole.Rate or MentionRole.Other or MentionRole.Difference or MentionRole.Schedule or MentionRole.Target)) continue;
                // A result repeats its task's words; the other figures of an item's account (activities, counts of
                // meetings) are none of its results. An item of one task figure whose next figure of the very same
                // unit stands in the first clause of the very next sentence, after the task's own verb, reports on it
                // in few words (新增托位1200个。已新增980个).
                var tasks = stated.Where(t => UnitClasses.Compatible(t, r) && MentionText.Similarity(doc, t, r) >= ItemSimilarity).ToArray();
                if (tasks.Length == 0 && firstOfUnit && r.Sentence == task + 1 && r.Clause == 0 && stated.Length == 1
                    && stated[0].Quantity.Unit is { } unit && r.Quantity.Unit == unit && RepeatsTaskVerb(doc, r, taskText))
                    tasks = stated;
                if (stated.Length == 1 && r.Quantity.Unit == stated[0].Quantity.Unit) firstOfUnit = false;
                if (tasks.Length == 0) continue;
                votes[r.Index].Add(new RoleVote(ItemResult, MentionRole.Actual));
                foreach (var t in tasks) reportedOn.Add(t.Index);
            }
            foreach (var t in reportedOn) votes[t].Add(new RoleVote(ItemTask, MentionRole.Target));
        }
    }

    /// <summary>True when the words before a figure in its clause, less 已 or 累计, are words of the task sentence (已新增
    /// after 新增托位1200个), not other work (召开推进会议 after 新建城市公园6个).</summary>
    private static bool RepeatsTaskVerb(GovDocument doc, Mention r, string taskText)
    {
        var clause = doc.ClauseOf(r);
        var lead = doc.Text.AsSpan(clause.Start, Math.Max(0, r.Span.Start - clause.Start)).Trim();
        foreach (var marker in (string[])["已经", "已", "累计", "共", "目前"])
            if (lead.StartsWith(marker, StringComparison.Ordinal)) { lead = lead[marker.Length..]; break; }
        return lead.Length >= 2 && taskText.Contains(lead, StringComparison.Ordinal);
    }

    /// <summary>The rule whose target a glued row opens with.</summary>
    private const string BoundTarget = "target.required_bound";

    /// <summary>Votes <see cref="GluedResult"/> and <see cref="GluedRate"/>: a bound target, a figure of its unit and a
    /// percentage, written with nothing between them.</summary>
    private static void GluedRows(GovDocument doc, IReadOnlyList<IReadOnlyList<RoleVote>> pattern, List<RoleVote>[] votes)
    {
        for (var i = 0; i + 1 < doc.Mentions.Count; i++)
        {
            if (!pattern[i].Any(v => v.Rule == BoundTarget)) continue;
            var (t, a) = (doc.Mentions[i], doc.Mentions[i + 1]);
            if (!Glued(doc, t, a) || !UnitClasses.Compatible(t, a) || a.Quantity.Bound is not null) continue;
            votes[i + 1].Add(new RoleVote(GluedResult, MentionRole.Actual));
            if (i + 2 < doc.Mentions.Count && doc.Mentions[i + 2] is var r && Glued(doc, a, r) && r.Quantity.Unit == "%")
                votes[i + 2].Add(new RoleVote(GluedRate, MentionRole.Rate));
        }
    }

    private static bool Glued(GovDocument doc, Mention a, Mention b) =>
        a.Sentence == b.Sentence && b.Span.Start == a.Span.End;

    /// <summary>Indices of the mentions before <paramref name="m"/> in its sentence, nearest first.</summary>
    private static IEnumerable<int> Preceding(GovDocument doc, Mention m)
    {
        for (var j = m.Index - 1; j >= 0 && doc.Mentions[j].Sentence == m.Sentence; j--)
            yield return j;
    }

    /// <summary>True when two mentions of one sentence are items of one list: only separators between them
    /// (95%、60%、97%), or, for figures of one unit class, a 、 and a few words naming the next item with no clause
    /// break (培训失业人员2.86万人、企业技术工人1.8万人).</summary>
    internal static bool ContinuesList(GovDocument doc, Mention previous, Mention next)
    {
        if (previous.Sentence != next.Sentence || previous.Clause != next.Clause) return false;
        var gap = doc.Text.AsSpan(previous.Span.End, next.Span.Start - previous.Span.End);
        // Rates glued together by a lost separator (分别完成全年计划144.06%207.74%309.2%) are a list too.
        if (gap.Length == 0) return previous.Quantity.Unit == "%" && next.Quantity.Unit == "%";
        if (gap.Length > MaxListGap) return false;
        if (gap.Length <= 3)
        {
            // "10.83个、12.88个百分点": the first item's unit is cut short; a gap of a bare 个 continues the list too.
            var separatorsOnly = true;
            foreach (var c in gap)
                if (!ListSeparators.Contains(c) && c != '个') separatorsOnly = false;
            if (separatorsOnly && gap.ContainsAny("、和及与或")) return true;
        }
        if (gap[0] != '、' || UnitClasses.Of(previous.Quantity) != UnitClasses.Of(next.Quantity)) return false;
        foreach (var c in gap[1..])
            if (!char.IsLetter(c) && c is not ('“' or '”' or '"')) return false;
        return true;
    }

    private static bool SeparatorsOnly(GovDocument doc, Mention previous, Mention next)
    {
        var gap = doc.Text.AsSpan(previous.Span.End, next.Span.Start - previous.Span.End);
        if (gap.Length == 0) return true;
        if (gap.Length > 3) return false;
        foreach (var c in gap)
            if (!ListSeparators.Contains(c) && c != '个') return false;
        return true;
    }

    /// <summary>Most characters between two items of one list.</summary>
    private const int MaxListGap = 12;

    /// <summary>A count whose clause goes on, with no break, to a verb and another figure: the count is the
    /// subject's size (全省172个在建重点项目完成投资1434.9亿元).</summary>
    private static bool IsSubjectCount(GovDocument doc, int i)
    {
        var m = doc.Mentions[i];
        if (UnitClasses.Of(m.Quantity) != UnitClass.Count || i + 1 >= doc.Mentions.Count) return false;
        var next = doc.Mentions[i + 1];
        if (next.Sentence != m.Sentence || next.Clause != m.Clause) return false;
        // A count followed by a count of its own kind is a whole and the part of it done (38项整改任务已整改完成33个).
        if (UnitClasses.Of(next.Quantity) is UnitClass.Count or UnitClass.Bare) return false;
        var gap = doc.Text.AsSpan(m.Span.End, next.Span.Start - m.Span.End);
        if (gap.Length < 2 || gap.Length > 16) return false;
        foreach (var c in gap)
            if (c is '、' or '(' or '（' or ')' or '）') return false;
        return gap.Contains("完成", StringComparison.Ordinal) || gap.Contains("实现", StringComparison.Ordinal)
               || gap.Contains("累计", StringComparison.Ordinal) || gap.Contains("投资", StringComparison.Ordinal)
               || gap.Contains("发放", StringComparison.Ordinal) || gap.Contains("筹资", StringComparison.Ordinal);
    }
}
