using GovTextExtract.Lexicons;
using GovTextExtract.Pairing.Features;
using GovTextExtract.Pairing.Scoring;
using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Segmentation;
using GovTextExtract.Status;
using GovTextExtract.Text;

namespace GovTextExtract.Pairing;

/// <summary>Pairs targets with actuals in a completion circular, where each item restates a task and then reports on it.
/// Rules generate the candidates: inline "增长8.1%(目标8%)"; numbered items whose first sentence states the targets
/// and whose following sentences report the results, paired by indicator, unit and magnitude; stated rates
/// ("完成年度目标任务的280%", "分别完成全年计划a%、b%"); "X项任务已完成Y个" and "计划X，已完成Y".</summary>
/// <remarks>Thread-safe: no state beyond read-only lexicons and the (thread-safe) pairing model. Each rule proposes
/// candidates with a rule score; the candidates of an item's task against its results are then assigned one to one,
/// by the rule score or, with the ML scorer (<see cref="ExtractionOptions.Scorer"/>), by the classifier's
/// probability over <see cref="PairFeatures"/>.</remarks>
public sealed class CircularPairer
{
    private readonly LexiconSet _lex;
    private readonly QuantityRecognizer _recognizer;
    private readonly ExtractionOptions _options;
    private readonly Lazy<ChineseSegmenter?> _lazySegmenter;
    private readonly PairingModel? _model;

    /// <summary>Creates the pairer.</summary>
    public CircularPairer(LexiconSet lexicons, QuantityRecognizer recognizer, ExtractionOptions options, ChineseSegmenter? segmenter = null)
        : this(lexicons, recognizer, options, new Lazy<ChineseSegmenter?>(segmenter))
    {
    }

    /// <summary>Creates the pairer with a segmenter made on first use (jieba's dictionary takes most of a cold start).</summary>
    internal CircularPairer(LexiconSet lexicons, QuantityRecognizer recognizer, ExtractionOptions options, Lazy<ChineseSegmenter?> segmenter)
    {
        _lex = lexicons ?? throw new ArgumentNullException(nameof(lexicons));
        _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _lazySegmenter = segmenter ?? throw new ArgumentNullException(nameof(segmenter));
        _model = options.ActiveModel;
    }

    private ChineseSegmenter? Segmenter => _lazySegmenter.Value;

    private static readonly bool Debug = Environment.GetEnvironmentVariable("GOVTEXT_DEBUG_PAIRING") == "1";

    private sealed class Fig(Quantity q, int index)
    {
        public Quantity Q { get; } = q;
        public int Index { get; } = index;
        public bool Used { get; set; }
        public bool IsRate { get; set; }
        public int Start => Q.Span.Start;
        public int End => Q.Span.End;
    }

    private sealed class Draft
    {
        public required string Indicator;
        public Fig? Target;
        /// <summary>The target as the record gives it, where it differs from the figure's reading ("高于300个" in a
        /// comparison: 300个, with no bound of its own).</summary>
        public Quantity? TargetAs;
        public Quantity? TargetQ => TargetAs ?? Target?.Q;
        public Fig? Actual;
        public Fig? Rate;
        public decimal? ActualValueOverride;
        public string? ActualTextOverride;
        public SourceSpan? ActualSpanOverride;
        public decimal? DerivedTarget;
        public string? DerivedTargetText;
        public SourceSpan? DerivedTargetSpan;
        public double Confidence;
        public CandidateSource Source = CandidateSource.Item;
        /// <summary>True when the item assignment chose (or left) its actual: it was scored there.</summary>
        public bool Assigned;
        public List<AuditFlag> Flags { get; } = [];
        public int Order => Target?.Start ?? Actual?.Start ?? Rate?.Start ?? 0;
    }

    /// <summary>Pairs the targets and actuals of a normalised text; evidence spans refer to that text.</summary>
    public IReadOnlyList<CompletionRecord> Pair(string text) => Pair(text, null);

    /// <summary>Pairs, and logs every candidate considered with its features (for training).</summary>
    internal IReadOnlyList<CompletionRecord> Pair(string text, CandidateLog? log)
    {
        ArgumentNullException.ThrowIfNull(text);
        var all = _recognizer.Recognize(text);
        var figs = all.Where(q => q.IsFigure).Select((q, i) => new Fig(q, i)).ToList();
        foreach (var f in figs) f.IsRate = IsStatedRate(text, f, figs);
        var drafts = new List<Draft>();

        InlineTargets(text, figs, drafts);
        var paragraphs = Paragraphs(text).ToList();
        for (var pi = 0; pi < paragraphs.Count; pi++)
        {
            var (ps, pe) = paragraphs[pi];
            int? forcedTaskEnd = null;
            string? itemName = null;
            int? bodyStart = ItemBodyStart(text, ps, pe);
            // "目标任务：…" then "完成情况：…" on the next line: one item whose task is the first line.
            if (LabelEnd(text, ps, pe, _lex.TargetLabels) is { } targetBody && pi + 1 < paragraphs.Count
                && LabelEnd(text, paragraphs[pi + 1].Start, paragraphs[pi + 1].End, _lex.ResultLabels) is not null)
            {
                bodyStart = targetBody;
                forcedTaskEnd = pe;
                pe = paragraphs[pi + 1].End;
                pi++;
            }
            else if (LabelEnd(text, bodyStart ?? ps, pe, _lex.TargetLabels) is { } labelled)
            {
                bodyStart = labelled;
            }
            else if (NamedLabel(text, bodyStart ?? ps, pe) is { } named)
            {
                // "1.农村饮水安全工程：目标任务：…。完成情况：…": the item's name, then its labelled task.
                bodyStart = named.Body;
                itemName = named.Name;
            }
            else if (bodyStart is null && TaskSentenceEnd(text, ps, pe, figs) is { } taskDot)
            {
                // "报告提出，全年新建农村公路800公里。落实结果显示，全年新建农村公路926公里。": a plain paragraph
                // that states its targets in its first sentence and reports on them after it.
                bodyStart = ps;
                forcedTaskEnd = taskDot;
            }
            else if (bodyStart is { } itemBody && IsTaskOnly(text, itemBody, pe) && FirstIn(figs, itemBody, pe) is not null)
            {
                // An item whose line holds only its task ("3.新建基站1000个。"): its results follow on the next
                // lines, up to the next item or heading.
                forcedTaskEnd = pe;
                while (pi + 1 < paragraphs.Count && IsContinuation(text, paragraphs[pi + 1].Start, paragraphs[pi + 1].End))
                {
                    pe = paragraphs[pi + 1].End;
                    pi++;
                }
            }
            var inPara = FiguresIn(figs, ps, pe);
            if (inPara.Count == 0) continue;
            if (inPara.Count > MaxFiguresPerParagraph)
            {
                // Text with hundreds of figures and no paragraph breaks is no prose (a flattened table, or junk):
                // its sentences are read one by one as plain paragraphs, and a sentence so full of figures not at all.
                foreach (var (ss, se) in Sentences(text, ps, pe))
                {
                    var inSentence = FiguresIn(figs, ss, se);
                    if (inSentence.Count is 0 or > MaxFiguresPerParagraph) continue;
                    NamedTargets(text, inSentence, ss, drafts, restatements: false);
                    PairInOneBreath(text, inSentence, drafts);
                    AttachRates(text, inSentence, drafts);
                }
                continue;
            }
            var resultsStart = ps;
            var itemStart = bodyStart ?? ps;
            // Comparisons that name their target ("…5.2万人，超过4.5万人的目标") come first: their figures are not an
            // item's task targets. One that restates its item's target is settled after the item is paired.
            NamedTargets(text, inPara, itemStart, drafts, restatements: false);
            var before = drafts.Count;
            if (bodyStart is { } body)
                resultsStart = PairItem(text, body, forcedTaskEnd, pe, inPara, drafts, log);
            if (itemName is not null)
                foreach (var d in drafts.Skip(before).Where(d => IsUnnamed(d.Indicator) || d.Indicator.Length <= 2)) d.Indicator = itemName;
            NamedTargets(text, inPara, itemStart, drafts, restatements: true);
            PairInOneBreath(text, inPara.Where(f => f.Start >= resultsStart).ToList(), drafts);
            AttachRates(text, inPara.Where(f => f.Start >= (bodyStart ?? ps)).ToList(), drafts);
        }
        // The drafts a rule formed alone (not in an item assignment) are candidates too: logged for training, and
        // with the ML scorer their confidence is the classifier's probability.
        if (log is not null || _model is not null)
        {
            foreach (var d in drafts.Where(d => !d.Assigned && d.Actual is not null))
            {
                var c = FixedCandidate(text, d, figs);
                var features = PairFeatures.Compute(c, Segmenter);
                log?.Add(c, features);
                if (_model is not null) d.Confidence = _model.Probability(features);
            }
        }
        return drafts.OrderBy(d => d.Order).Select(ToRecord).ToArray();
    }

    // ---------------------------------------------------------------- structure

    private static IEnumerable<(int Start, int End)> Paragraphs(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                if (i > start) yield return (start, i);
                start = i + 1;
            }
        }
    }

    /// <summary>Most figures a paragraph may hold to be paired as prose; pairing is quadratic in them.</summary>
    private const int MaxFiguresPerParagraph = 400;

    /// <summary>The index of the first figure that starts at or after <paramref name="start"/> (figures are in text
    /// order), by binary search.</summary>
    private static int LowerBound(List<Fig> figs, int start)
    {
        int lo = 0, hi = figs.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (figs[mid].Start < start) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The first figure within [start, end) that satisfies <paramref name="match"/> (any, when null), or null:
    /// what figs.FirstOrDefault(f => f.Start >= start &amp;&amp; f.End &lt;= end &amp;&amp; match(f)) gives, without reading the
    /// whole document's figures.</summary>
    private static Fig? FirstIn(List<Fig> figs, int start, int end, Func<Fig, bool>? match = null)
    {
        for (var i = LowerBound(figs, start); i < figs.Count && figs[i].Start < end; i++)
            if (figs[i].End <= end && (match is null || match(figs[i]))) return figs[i];
        return null;
    }

    /// <summary>The figures within [start, end), by binary search over figures in text order.</summary>
    private static List<Fig> FiguresIn(List<Fig> figs, int start, int end)
    {
        var result = new List<Fig>();
        for (var i = LowerBound(figs, start); i < figs.Count && figs[i].Start < end; i++)
            if (figs[i].End <= end) result.Add(figs[i]);
        return result;
    }

    /// <summary>The sentences of [start, end): spans between sentence breaks.</summary>
    private static IEnumerable<(int Start, int End)> Sentences(string t, int start, int end)
    {
        var s = start;
        for (var i = start; i < end; i++)
        {
            if (!IsSentenceBreak(t[i])) continue;
            if (i > s) yield return (s, i);
            s = i + 1;
        }
        if (end > s) yield return (s, end);
    }

    /// <summary>Where the body of a numbered item begins ("12.", "3)", "(4)", "5、"), or null for a plain paragraph.</summary>
    private static int? ItemBodyStart(string t, int ps, int pe)
    {
        var i = ps;
        while (i < pe && t[i] == ' ') i++;
        var paren = i < pe && t[i] == '(';
        if (paren) i++;
        var d = i;
        while (i < pe && char.IsAsciiDigit(t[i])) i++;
        if (i == d)
        {
            // Chinese item numbers: "(一)" and "一、".
            while (i < pe && i - d < 3 && ChineseNumeral.IsNumeralChar(t[i])) i++;
            if (i == d && !paren && i < pe && t[i] == '其')
            {
                // "其一是…": the enumeration of running text.
                var j = i + 1;
                while (j < pe && j - i <= 3 && ChineseNumeral.IsNumeralChar(t[j])) j++;
                return j > i + 1 && j < pe && t[j] == '是' ? j + 1 : null;
            }
            if (i == d || i >= pe) return null;
            if (paren) return t[i] == ')' ? i + 1 : null;
            // "一、…" (not "一是…；二是…", which enumerates within one paragraph).
            return t[i] == '、' ? i + 1 : null;
        }
        if (i == d || i - d > 3 || i >= pe) return null;
        if (paren) return t[i] == ')' ? i + 1 : null;
        if (t[i] is '、' or ')') return i + 1;
        if (t[i] == '.' && (i + 1 >= pe || !char.IsAsciiDigit(t[i + 1]))) return i + 1;
        // "16.6月底前…": the item number runs into a date where the source lost a separator.
        if (t[i] == '.')
        {
            var j = i + 1;
            while (j < pe && char.IsAsciiDigit(t[j])) j++;
            if (j < pe && j - i <= 3 && t[j] is '月' or '日') return i + 1;
        }
        return null;
    }

    private static bool IsContextBreak(char c) => c is ',' or ';' or '。' or ':' or '\n' or '!' or '?';

    private static bool IsSentenceBreak(char c) => c is '。' or ';' or '\n' or '!' or '?';

    private static bool IsListBreak(char c) => IsContextBreak(c) || c == '、';

    /// <summary>The farthest a clause, list or sentence start is looked for behind a position: text without a break
    /// over this many characters is no sentence, and an unbounded look would make pairing quadratic in it.</summary>
    private const int MaxLookback = 1000;

    /// <summary>The start of the line holding <paramref name="pos"/>, at most <see cref="MaxLookback"/> back.</summary>
    private static int LineStart(string t, int pos)
    {
        var from = Math.Max(0, pos - MaxLookback);
        var k = pos - 1;
        while (k >= from && t[k] != '\n') k--;
        return k + 1;
    }

    private static int ClauseStart(string t, int pos, int floor)
    {
        floor = Math.Max(floor, pos - MaxLookback);
        var k = pos - 1;
        while (k >= floor && !IsContextBreak(t[k])) k--;
        return k + 1;
    }

    private static int ListStart(string t, int pos, int floor)
    {
        floor = Math.Max(floor, pos - MaxLookback);
        var k = pos - 1;
        while (k >= floor && !IsListBreak(t[k])) k--;
        return k + 1;
    }

    private static int SentenceStart(string t, int pos, int floor)
    {
        floor = Math.Max(floor, pos - MaxLookback);
        var k = pos - 1;
        while (k >= floor && !IsSentenceBreak(t[k])) k--;
        return k + 1;
    }

    private static bool IsCjk(char c) => c >= '\u4E00' && c <= '\u9FFF';

    // ---------------------------------------------------------------- stated rates

    private bool IsStatedRate(string t, Fig f, List<Fig> figs)
    {
        if (f.Q.Unit != "%" || f.Q.Value is null) return false;
        var s = f.Q.CoreSpan.Start;
        var cs = ClauseStart(t, s, 0);
        var from = Math.Max(cs, s - _lex.RateMaxSpan);
        var seg = t.AsSpan(from, s - from);
        foreach (var name in _lex.RateNames)
        {
            var at = seg.LastIndexOf(name, StringComparison.Ordinal);
            if (at >= 0 && seg.Length - (at + name.Length) <= 2) return true;
        }
        var clause = t.AsSpan(cs, s - cs).Trim();
        foreach (var name in _lex.RateClauseNames)
            if (clause.StartsWith(name, StringComparison.Ordinal) && clause.Length - name.Length <= 2) return true;
        foreach (var verb in _lex.RateVerbs)
        {
            var iv = seg.IndexOf(verb, StringComparison.Ordinal);
            if (iv < 0) continue;
            var rest = seg[(iv + verb.Length)..];
            foreach (var obj in _lex.RateObjects)
                if (rest.Contains(obj, StringComparison.Ordinal)) return true;
        }
        // "分别完成全年计划144.06%、207.74%": a percentage listed right after a stated rate is one too.
        var prev = f.Index > 0 && figs[f.Index - 1].End <= s ? figs[f.Index - 1] : null;
        if (prev is { IsRate: true } && IsRateListGap(t.AsSpan(prev.End, s - prev.End))) return true;
        return false;
    }

    /// <summary>Rates of a list stand apart by 、 — or by nothing where the source lost the mark ("144.06%207.74%").</summary>
    private static bool IsRateListGap(ReadOnlySpan<char> gap)
    {
        var g = gap.Trim();
        return g.IsEmpty || g.SequenceEqual("、") || g.SequenceEqual(",");
    }

    // ---------------------------------------------------------------- inline "(目标…)"

    private void InlineTargets(string t, List<Fig> figs, List<Draft> drafts)
    {
        foreach (var actual in figs)
        {
            var p = actual.End;
            if (p >= t.Length || t[p] != '(') continue;
            var close = t.IndexOf(')', p);
            if (close < 0 || close - p > 40) continue;
            var opener = _lex.InlineTargetOpeners.FirstOrDefault(w => string.CompareOrdinal(t, p + 1, w, 0, w.Length) == 0);
            if (opener is null) continue;
            var target = FirstIn(figs, p + 1, close, g => !g.Used);
            if (target is null || actual.Used) continue;
            var cs = ClauseStart(t, actual.Start, 0);
            var indicator = NameIndicator(t, actual.Start, t[cs..actual.Q.CoreSpan.Start]);
            actual.Used = target.Used = true;
            drafts.Add(new Draft { Indicator = indicator, Target = target, Actual = actual, Confidence = 0.95, Source = CandidateSource.Inline });
        }
    }

    // ---------------------------------------------------------------- items: task sentence, then results

    /// <summary>True when an item's line is one sentence: its task with nothing reported after it.</summary>
    private static bool IsTaskOnly(string t, int body, int pe)
    {
        var dot = t.IndexOf('。', body, pe - body);
        return dot < 0 ? pe - body < 80 : t.AsSpan(dot + 1, pe - dot - 1).Trim().IsEmpty;
    }

    /// <summary>The full stop that ends a plain paragraph's first sentence when that sentence states targets (a task
    /// opener such as 提出 or 要求 before its first figure) and a later sentence reports results (实际, 结果 …); else null.</summary>
    private int? TaskSentenceEnd(string t, int ps, int pe, List<Fig> figs)
    {
        var dot = t.IndexOf('。', ps, pe - ps);
        if (dot < 0 || dot + 1 >= pe) return null;
        var first = FirstIn(figs, ps, dot);
        if (first is null) return null;
        var lead = t.AsSpan(ps, first.Start - ps);
        if (!Words.ContainsAny(lead, _lex.TaskSentences.Openers)) return null;
        var rest = t.AsSpan(dot + 1, pe - dot - 1);
        return Words.ContainsAny(rest, _lex.TaskSentences.ResultCues) && FirstIn(figs, dot + 1, pe) is not null ? dot : null;
    }

    /// <summary>A line that carries on the item above it: not an item, a label or a short heading.</summary>
    private bool IsContinuation(string t, int ps, int pe)
    {
        if (ItemBodyStart(t, ps, pe) is not null || LabelEnd(t, ps, pe, _lex.TargetLabels) is not null) return false;
        var line = t.AsSpan(ps, pe - ps).Trim();
        if (line.IsEmpty) return false;
        // A heading is short and has no sentence mark.
        return !(line.Length <= 20 && line.IndexOfAny("。,;") < 0);
    }

    /// <summary>Where the text after a label such as "目标任务：" begins, or null when the span does not open with one.</summary>
    /// <summary>An item that opens with its name and then a target label ("农村饮水安全工程：目标任务：…"): the name and
    /// where the labelled task begins; null otherwise.</summary>
    private (string Name, int Body)? NamedLabel(string t, int start, int end)
    {
        var colon = t.IndexOfAny([':', '：'], start, Math.Min(end - start, 24));
        if (colon <= start) return null;
        var name = CleanIndicator(t[start..colon]);
        if (name.Length < 2 || name.AsSpan().ContainsAny("0123456789。,;")) return null;
        return LabelEnd(t, colon + 1, end, _lex.TargetLabels) is { } body ? (name, body) : null;
    }

    private static int? LabelEnd(string t, int start, int end, IReadOnlyList<string> labels)
    {
        var i = start;
        while (i < end && t[i] == ' ') i++;
        foreach (var label in labels)
        {
            var j = i + label.Length;
            if (j < end && string.CompareOrdinal(t, i, label, 0, label.Length) == 0 && t[j] is ':' or '：')
                return j + 1;
        }
        return null;
    }

    private int PairItem(string t, int bodyStart, int? forcedTaskEnd, int pe, List<Fig> inPara, List<Draft> drafts, CandidateLog? log)
    {
        if (forcedTaskEnd is null)
        {
            // "(三)基础设施。新建5G基站3000个…": a short title without figures opens the item; its task follows when
            // it opens with a target label, or when it has figures, reports nothing and a later sentence reports
            // ("1)落实减税政策。全年办结…" opens with its task, reported at once).
            var first = t.IndexOf('。', bodyStart, pe - bodyStart);
            if (first > bodyStart && first - bodyStart <= _lex.ItemTitles.MaxLength && first + 1 < pe
                && !inPara.Any(f => f.Start >= bodyStart && f.End <= first)
                && !_lex.ItemTitles.TaskVerbs.Any(v => t.AsSpan(bodyStart, first - bodyStart).TrimStart().StartsWith(v, StringComparison.Ordinal)))
            {
                var next = t.IndexOf('。', first + 1, pe - first - 1) is var n && n > 0 ? n : pe;
                var task = t.AsSpan(first + 1, next - first - 1);
                var reports = inPara.Any(f => f.Start > first && f.End <= next && f.Q.Period is not null)
                              || Words.ContainsAny(task, _lex.ItemTitles.ReportCues);
                var reportedLater = next + 1 < pe && Words.ContainsAny(t.AsSpan(next + 1, pe - next - 1), _lex.ItemTitles.ReportCues);
                if (LabelEnd(t, first + 1, pe, _lex.TargetLabels) is not null
                    || (!reports && reportedLater && inPara.Any(f => f.Start > first && f.End <= next)))
                    bodyStart = first + 1;
            }
            // "年度目标：增长7.5%；完成情况：增长7.8%": the results label ends the labelled task.
            if (LabelEnd(t, bodyStart, pe, _lex.TargetLabels) is { } labelled)
            {
                bodyStart = labelled;
                foreach (var label in _lex.ResultLabels)
                {
                    var at = t.IndexOf(label, bodyStart, pe - bodyStart, StringComparison.Ordinal);
                    if (at > bodyStart && at + label.Length < pe && t[at + label.Length] is ':' && t[at - 1] is ';' or '。' or ',')
                        forcedTaskEnd = Math.Min(forcedTaskEnd ?? int.MaxValue, at - 1);
                }
            }
        }
        {
            // "新建改建农村公路20万公里——全年新建改建农村公路29万公里": a dash (folded to "--") ends the task, with
            // figures on both sides of it in the first sentence.
            var first = t.IndexOf('。', bodyStart, pe - bodyStart) is var fs && fs >= 0 ? fs : pe;
            if (forcedTaskEnd is { } forced && forced < first) first = bodyStart;
            var dash = t.IndexOf("--", bodyStart, first - bodyStart, StringComparison.Ordinal);
            if (dash > bodyStart && inPara.Any(f => f.Start >= bodyStart && f.End <= dash) && inPara.Any(f => f.Start > dash + 1 && f.End <= first))
                forcedTaskEnd = dash;
        }
        var dot = forcedTaskEnd ?? t.IndexOf('。', bodyStart, pe - bodyStart);
        var taskEnd = dot < 0 ? pe : dot;
        // A percentage glued to the next words lost its full stop in the source ("比重达到11%组织申报…").
        foreach (var f in inPara.Where(f => f.Start >= bodyStart && f.End <= taskEnd))
        {
            if (f.Q.Unit is "%" && f.End < taskEnd && IsCjk(t[f.End]) && t[f.End] is not ('的' or '以' or '左' or '之' or '上' or '内'))
            {
                taskEnd = f.End;
                break;
            }
        }
        // "计划X，实际完成Y" or "X个问题已整改Y个" in the task sentence itself: plan and result in one breath.
        var draftsBefore = drafts.Count;
        PairInOneBreath(t, inPara.Where(f => f.Start >= bodyStart && f.End <= taskEnd).ToList(), drafts);
        // A sentence that reports against its target ("收入21500元，增长8.2%，增速高于目标0.2个百分点") states no
        // other target: its other figures are results.
        var reportingSentences = drafts.Skip(draftsBefore).Where(d => d.Actual is not null)
            .Select(d => SentenceStart(t, d.Actual!.Start, bodyStart)).ToHashSet();
        var targets = new List<(Fig Fig, string Indicator)>();
        var prevEnd = bodyStart;
        var reported = new List<Fig>();
        foreach (var f in inPara.Where(f => f.Start >= bodyStart && f.End <= taskEnd && !f.Used && !f.IsRate))
        {
            if (reportingSentences.Contains(SentenceStart(t, f.Start, bodyStart)))
            {
                reported.Add(f);
                continue;
            }
            if (!IsTargetFigure(t, f, taskEnd, inPara)) continue;
            // An item that opens with its result ("3.新增就业5.2万人，完成年度目标的104%。"): a figure followed by a
            // stated rate or a claim of completion is an actual, not a target.
            if (IsReportedFigure(t, f, taskEnd, inPara))
            {
                reported.Add(f);
                continue;
            }
            var prevCount = inPara.LastOrDefault(g => g.End <= f.Start && g.Start >= bodyStart && StatusEvaluator.IsCountUnit(g.Q.Unit));
            var cs = Math.Max(Math.Max(ListStart(t, f.Start, bodyStart), prevEnd), prevCount?.End ?? 0);
            // A quoted task is named by its quotation, list marks and all ("“新建、改建城市公厕超过50座”").
            var quote = t.LastIndexOf('“', f.Start, f.Start - bodyStart + 1);
            if (quote >= 0 && quote >= prevEnd && t.IndexOf('”', quote, f.Start - quote) < 0) cs = quote + 1;
            var before = CleanIndicator(t[cs..f.Q.CoreSpan.Start]);
            var after = NounAfter(t, f, taskEnd, inPara);
            var indicator = StatusEvaluator.IsCountUnit(f.Q.Unit) && after.Length > 0 ? CleanIndicator(before + after) : before;
            if (indicator.Length == 0) indicator = CleanIndicator(after);
            if (IsUnnamed(indicator)) indicator = NameIndicator(t, f.Start, indicator);
            targets.Add((f, indicator));
            prevEnd = f.End;
        }
        var resultsStart = Math.Min(pe, taskEnd + (dot == taskEnd ? 1 : 0));
        if (targets.Count == 0) return bodyStart;

        var partDrafts = new Dictionary<int, Draft>();
        for (var ti = 0; ti < targets.Count; ti++)
        {
            var d = new Draft { Indicator = targets[ti].Indicator, Target = targets[ti].Fig };
            PartsSum(t, d, resultsStart, pe, inPara);
            if (d.Actual is not null) partDrafts[ti] = d;
        }
        var actuals = reported.Where(f => f.Start > targets[0].Fig.Start)
            .Concat(inPara.Where(f => f.Start >= resultsStart))
            .Where(f => !f.Used && !f.IsRate && IsActualCandidate(t, f)).ToList();
        var candidates = new List<(double Score, int T, Fig A)>();
        for (var ti = 0; ti < targets.Count; ti++)
        {
            var (tf, ind) = targets[ti];
            if (partDrafts.ContainsKey(ti)) continue;
            foreach (var a in actuals)
            {
                var s = PairScore(t, tf, ind, a, resultsStart, inPara, ti, targets.Count, actuals);
                if (Debug) Console.Error.WriteLine($"pair? {ind} {tf.Q.Text} ~ {a.Q.Text}: {s:0.000}");
                if (s > 0) candidates.Add((s, ti, a));
            }
        }
        // The rules' assignment: the best rule score first, one to one. It is also the rule_choice feature.
        var pairedActual = new Fig?[targets.Count];
        var scores = new double[targets.Count];
        var ruleTaken = new HashSet<Fig>();
        var ruleChoice = new HashSet<(int, Fig)>();
        foreach (var c in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.A.Start))
        {
            if (pairedActual[c.T] is not null || ruleTaken.Contains(c.A)) continue;
            pairedActual[c.T] = c.A;
            scores[c.T] = c.Score;
            ruleTaken.Add(c.A);
            ruleChoice.Add((c.T, c.A));
        }
        double?[] unpairedConfidence = new double?[targets.Count];
        if (log is not null || _model is not null)
        {
            var scored = new List<(int Target, Fig Actual, double Probability, double RuleScore, int Order)>();
            foreach (var c in candidates)
            {
                var pc = ItemCandidate(t, targets[c.T].Fig, targets[c.T].Indicator, c.A, c.Score, ruleChoice.Contains((c.T, c.A)),
                    resultsStart, inPara, c.T, targets.Count, actuals, candidates.Count(x => x.T == c.T));
                var features = PairFeatures.Compute(pc, Segmenter);
                log?.Add(pc, features);
                if (_model is not null) scored.Add((c.T, c.A, _model.Probability(features), c.Score, c.A.Start));
            }
            if (_model is not null)
            {
                var chosen = PairAssignment.Greedy(targets.Count, scored, _options.MlThreshold);
                for (var ti = 0; ti < targets.Count; ti++)
                {
                    pairedActual[ti] = chosen[ti] >= 0 ? scored[chosen[ti]].Actual : null;
                    scores[ti] = chosen[ti] >= 0 ? scored[chosen[ti]].Probability : 0;
                    var mine = scored.Where(x => x.Target == ti).Select(x => x.Probability).ToArray();
                    if (chosen[ti] < 0 && mine.Length > 0) unpairedConfidence[ti] = 1 - mine.Max();
                }
            }
        }
        foreach (var a in pairedActual)
            if (a is not null) a.Used = true;
        for (var ti = 0; ti < targets.Count; ti++)
        {
            var (tf, ind) = targets[ti];
            tf.Used = true;
            if (partDrafts.TryGetValue(ti, out var pd))
            {
                drafts.Add(pd);
                continue;
            }
            var d = new Draft
            {
                Indicator = ind,
                Target = tf,
                Actual = pairedActual[ti],
                // Rules: a fixed confidence mapped from the rule score. ML: the calibrated probability of the pair
                // taken, or for a target left without one, the probability that none of its candidates was right.
                Confidence = _model is not null
                    ? (pairedActual[ti] is null ? unpairedConfidence[ti] ?? 0.6 : scores[ti])
                    : pairedActual[ti] is null ? 0.6 : Math.Clamp(0.5 + scores[ti] / 2, 0.5, 0.97),
                Assigned = true,
            };
            drafts.Add(d);
        }
        return resultsStart;
    }

    // ---------------------------------------------------------------- candidates for the scorer

    /// <summary>The record-level value of an actual: "下降3.2%" against a growth target is a growth of −3.2%.</summary>
    private static decimal? RecordActualValue(Fig? target, Fig actual, decimal? overrideValue)
    {
        var value = overrideValue ?? actual.Q.Value;
        var targetIsReduction = target?.Q.Decrease == true;
        if (actual.Q.Decrease && !targetIsReduction && value is { } v && actual.Q.Unit == "%" && target?.Q.Unit == "%") value = -v;
        return value;
    }

    /// <summary>A stated rate right after an actual in its sentence ("…53303人，完成年度目标任务的144.06%").</summary>
    private static Fig? RateAfter(string t, Fig actual, List<Fig> figs)
    {
        var ss = SentenceStart(t, actual.Start, 0);
        return figs.FirstOrDefault(f => f.IsRate && f.Start >= actual.End && f.Start - actual.End <= 24
                                        && SentenceStart(t, f.Start, 0) == ss);
    }

    private static bool SameSentence(string t, int a, int b) => SentenceStart(t, a, 0) == SentenceStart(t, b, 0);

    private static bool SameLine(string t, int a, int b) =>
        t.IndexOf('\n', Math.Min(a, b), Math.Abs(b - a)) < 0;

    /// <summary>True when no section heading ("二、…", "(三)…") opens a line between two offsets.</summary>
    private static bool SameSection(string t, int a, int b)
    {
        var (lo, hi) = (Math.Min(a, b), Math.Max(a, b));
        for (var nl = t.IndexOf('\n', lo, hi - lo); nl >= 0 && nl < hi; nl = nl + 1 < hi ? t.IndexOf('\n', nl + 1, hi - nl - 1) : -1)
        {
            var i = nl + 1;
            var paren = i < t.Length && t[i] == '(';
            if (paren) i++;
            var d = i;
            while (i < t.Length && i - d < 3 && ChineseNumeral.IsNumeralChar(t[i])) i++;
            if (i > d && i < t.Length && (paren ? t[i] == ')' : t[i] == '、')) return false;
        }
        return true;
    }

    private static string Window(string t, int from, int to) => to - from is > 0 and <= 60 ? t[from..to] : "";

    private PairCandidate ItemCandidate(string t, Fig tf, string indicator, Fig a, double ruleScore, bool ruleChoice,
        int floor, List<Fig> inPara, int ti, int tCount, List<Fig> actuals, int competitors)
    {
        var before = ActualContext(t, a, floor, inPara, out var after);
        var actualIndex = actuals.IndexOf(a);
        return new PairCandidate
        {
            Source = CandidateSource.Item,
            TargetIndicator = indicator,
            ActualContext = CleanIndicator(before) + after,
            Between = Window(t, tf.End, a.Start),
            TargetValue = tf.Q.Value,
            TargetUnit = tf.Q.Unit,
            HasTarget = true,
            ActualValue = RecordActualValue(tf, a, null),
            ActualUnit = a.Q.Unit,
            StatedRate = RateAfter(t, a, inPara)?.Q.Value,
            SameSentence = SameSentence(t, tf.Start, a.Start),
            SameItem = true,
            SameSection = true,
            Distance = Math.Abs(a.Start - tf.End),
            OrderDelta = Math.Min(1.0, Math.Abs((double)ti / Math.Max(1, tCount) - (double)actualIndex / Math.Max(1, actuals.Count))),
            Competitors = competitors,
            Estimate = a.Q.Estimate,
            PartialPeriod = a.Q.Period is not null,
            Approximate = a.Q.Approximate,
            RuleScore = Math.Clamp(ruleScore, 0, 1),
            RuleChoice = ruleChoice,
        };
    }

    private PairCandidate FixedCandidate(string t, Draft d, List<Fig> figs)
    {
        var a = d.Actual!;
        var before = ActualContext(t, a, 0, figs, out var after);
        var targetStart = d.Target?.Start ?? d.DerivedTargetSpan?.Start;
        var targetEnd = d.Target?.End ?? d.DerivedTargetSpan?.End;
        return new PairCandidate
        {
            Source = d.Source,
            TargetIndicator = d.Indicator,
            ActualContext = CleanIndicator(before) + after,
            Between = targetEnd is { } te ? Window(t, Math.Min(te, a.End), Math.Max(targetStart ?? te, a.Start)) : "",
            TargetValue = d.Target?.Q.Value ?? d.DerivedTarget,
            TargetUnit = d.Target?.Q.Unit ?? (d.DerivedTarget is null ? null : a.Q.Unit),
            HasTarget = d.Target is not null,
            ActualValue = RecordActualValue(d.Target, a, d.ActualValueOverride),
            ActualUnit = a.Q.Unit,
            StatedRate = d.Rate?.Q.Value,
            SameSentence = targetStart is { } ts && SameSentence(t, ts, a.Start),
            SameItem = targetStart is { } ts2 && SameLine(t, ts2, a.Start),
            SameSection = targetStart is { } ts3 && SameSection(t, ts3, a.Start),
            Distance = targetStart is { } ts4 ? Math.Abs(a.Start - ts4) : null,
            Estimate = a.Q.Estimate,
            PartialPeriod = a.Q.Period is not null,
            Approximate = a.Q.Approximate,
            RuleScore = d.Confidence,
            RuleChoice = true,
        };
    }

    /// <summary>A figure of a task sentence states a target when it ends its phrase ("…新增就业3.7万人。"), or when a
    /// count stands before its noun ("推进28个重大事项"); a figure that qualifies a noun counted later in the same
    /// phrase ("5亿元以上企业20家") or follows 以 ("以10个村为重点") does not.</summary>
    private static bool IsTargetFigure(string t, Fig f, int taskEnd, List<Fig> inPara)
    {
        if (f.Start > 0 && t[f.Start - 1] == '以') return false;
        // 一批, 一次, 一个 before a noun are articles, not counts.
        if (f.Q.CoreSpan.Length == 2 && t[f.Q.CoreSpan.Start] == '一' && f.End < taskEnd && IsCjk(t[f.End])) return false;
        var p = f.End;
        // "——" (folded to "--") separates a task from its result as a comma does.
        if (p >= taskEnd || IsListBreak(t[p]) || (t[p] == '-' && p + 1 < taskEnd && t[p + 1] == '-')) return true;
        // The quoted task an item opens with, which the figure closes ("3.“新建公厕超过50座”未如期完成").
        if (t[p] == '”' && f.Q.Unit is not null && char.IsAsciiDigit(t[f.Q.CoreSpan.Start]))
        {
            var ls = LineStart(t, f.Start);
            var open = f.Start > ls ? t.LastIndexOf('“', f.Start - 1, f.Start - ls) : -1;
            if (open >= 0 && ItemBodyStart(t, ls, f.Start) is { } body && t.AsSpan(body, open - body).Trim().IsEmpty) return true;
        }
        if (f.Q.Unit == "%" ) return true;
        var laterInPhrase = inPara.Any(g => g.Start > f.End && g.Start < NextListBreak(t, f.End, taskEnd));
        if (laterInPhrase) return false;
        // A number of people, the only figure of its task sentence, is its target ("解决2.5万人饮水安全问题").
        var taskStart = SentenceStart(t, f.Start, 0);
        if (f.Q.Unit is "人" or "人次" && !inPara.Any(g => g != f && g.Start >= taskStart && g.End <= taskEnd)) return true;
        return StatusEvaluator.IsCountUnit(f.Q.Unit) && IsCjk(t[p]);
    }

    /// <summary>True when the next figure of the task sentence is a stated rate, or a claim of completion
    /// (完成年度目标, 超额完成) follows the figure before any other figure.</summary>
    private bool IsReportedFigure(string t, Fig f, int taskEnd, List<Fig> inPara)
    {
        var next = inPara.FirstOrDefault(g => g.Start >= f.End && g.End <= taskEnd);
        if (next is { IsRate: true } && t.AsSpan(f.End, next.Start - f.End).IndexOfAny("。;") < 0) return true;
        // "完成目标的110%，达到2.2亿美元": a figure right after a stated rate, in its sentence, is what the rate measures.
        var prev = f.Index > 0 ? inPara.FirstOrDefault(g => g.Index == f.Index - 1) : null;
        if (prev is { IsRate: true } && SameSentence(t, prev.Start, f.Start) && f.Start - prev.End <= 8) return true;
        var until = next?.Start ?? taskEnd;
        var tail = t.AsSpan(f.End, until - f.End);
        foreach (var claim in _lex.MetClaims.Concat(_lex.ExceededClaims))
            if (tail.Contains(claim, StringComparison.Ordinal)) return true;
        return false;
    }

    private static int NextListBreak(string t, int from, int limit)
    {
        var k = from;
        while (k < limit && !IsListBreak(t[k])) k++;
        return k;
    }

    private static string NounAfter(string t, Fig f, int limit, List<Fig> inPara)
    {
        var end = NextListBreak(t, f.End, limit);
        var close = t.IndexOf('”', f.End, end - f.End);
        if (close >= 0) end = close;
        var next = inPara.FirstOrDefault(g => g.Start > f.End && g.Start < end);
        if (next is not null) end = next.Start;
        return t[f.End..end];
    }

    private static bool IsActualCandidate(string t, Fig f)
    {
        // A restated target ("突破1000家的目标") is not a result.
        var p = f.End;
        if (p < t.Length && (t.AsSpan(p).StartsWith("的目标") || t.AsSpan(p).StartsWith("目标"))) return false;
        // A figure inside "(其中…)" breaks down the figure before it.
        var open = f.Start > 0 ? t.LastIndexOf('(', f.Start - 1, Math.Min(f.Start, 30)) : -1;
        if (open >= 0 && t.IndexOf(')', open, Math.Min(t.Length - open, f.End - open + 60)) is var close && close > f.Start
            && t.AsSpan(open + 1).StartsWith("其中")) return false;
        return f.Q.Value is not null || f.Q.Low is not null;
    }

    private string ActualContext(string t, Fig a, int floor, List<Fig> inPara, out string after)
    {
        var cs = ClauseStart(t, a.Start, floor);
        var prevUnit = inPara.LastOrDefault(g => g.End <= a.Start && g.End > cs
            && (g.Q.Unit is null || StatusEvaluator.IsCountUnit(g.Q.Unit) || (g.End < t.Length && IsListBreak(t[g.End]))));
        if (prevUnit is not null) cs = Math.Max(cs, prevUnit.End);
        var before = t[cs..a.Q.CoreSpan.Start];
        var ae = a.End;
        while (ae < t.Length && !IsContextBreak(t[ae]) && ae - a.End < 30) ae++;
        var next = inPara.FirstOrDefault(g => g.Start >= a.End && g.Start < ae);
        if (next is not null) ae = next.Start;
        after = t[a.End..ae];
        return before;
    }

    private double PairScore(string t, Fig tf, string indicator, Fig a, int floor, List<Fig> inPara, int ti, int tCount, List<Fig> actuals)
    {
        var tu = tf.Q.Unit;
        var au = a.Q.Unit;
        if (!StatusEvaluator.UnitsCompatible(tu, au)) return 0;
        if ((tu == "%") != (au == "%") && au is not null) return 0;
        if (tu == "%" && au is null) return 0;
        var before = ActualContext(t, a, floor, inPara, out var after);
        if (LevelConflict(indicator, before + after)) return 0;
        var beforeEmpty = CleanIndicator(before).Length == 0;
        var afterWeight = beforeEmpty ? 1.0 : au is null ? 0.85 : 0.5;
        var contain = Math.Max(IndicatorSimilarity.Containment(indicator, before), afterWeight * IndicatorSimilarity.Containment(indicator, after));
        var dice = Math.Max(IndicatorSimilarity.CharDice(indicator, CleanIndicator(before)), afterWeight * IndicatorSimilarity.CharDice(indicator, CleanIndicator(after)));
        var tokenSim = TokenSimilarity(indicator, before + after);
        // A lone target may pair with an unnamed figure when that is the only one of its unit, or the first of its
        // unit and a done verb stands right before it ("目前已建成8个").
        var lone = tCount == 1 && au == tu && (actuals.Count == 1
            || (actuals.First(x => x.Q.Unit == tu) == a && _lex.DoneCues.Any(c => before.EndsWith(c, StringComparison.Ordinal))));
        if (Math.Max(contain, tokenSim) < 0.2 && !lone) return 0;
        var sim = 0.5 * Math.Max(contain, tokenSim) + 0.5 * dice;
        var unitScore = au == tu ? 1.0 : au is null ? 0.4 : 0.8;
        var mag = 0.5;
        if (tf.Q.Value is { } tv && a.Q.Value is { } av && tv != 0)
        {
            var r = (double)(av / tv);
            mag = r is >= 0.2 and <= 5 ? 1 : r is >= 0.05 and <= 20 ? 0.5 : 0.1;
        }
        var actualIndex = actuals.IndexOf(a);
        var order = 1.0 - Math.Min(1.0, Math.Abs((double)ti / Math.Max(1, tCount) - (double)actualIndex / Math.Max(1, actuals.Count)));
        var score = 0.5 * sim + 0.2 * unitScore + 0.15 * mag + 0.15 * order;
        if (a.Q.Period is not null) score -= 0.15;
        if (a.Q.Bound == BoundKind.Range && tf.Q.Bound != BoundKind.Range) score -= 0.05;
        return score;
    }

    private double TokenSimilarity(string indicator, string context)
    {
        if (Segmenter is not { } segmenter) return 0;
        var a = segmenter.Cut(indicator).Where(w => w.Length > 1).ToHashSet();
        if (a.Count == 0) return 0;
        var b = segmenter.Cut(context).ToHashSet();
        return (double)a.Count(b.Contains) / a.Count;
    }

    private bool LevelConflict(string indicator, string context)
    {
        var li = _lex.Levels.Where(l => indicator.Contains(l, StringComparison.Ordinal)).ToList();
        var lc = _lex.Levels.Where(l => context.Contains(l, StringComparison.Ordinal)).ToList();
        if (li.Count == 0 || lc.Count == 0) return false;
        if (_lex.LevelAggregates.Any(g => indicator.Contains(g, StringComparison.Ordinal))) return false;
        return !li.Intersect(lc).Any();
    }

    /// <summary>A target counted over levels ("省级以上…12家") reported as parts per level ("国家级…1家，省级…8家").</summary>
    private void PartsSum(string t, Draft d, int from, int pe, List<Fig> inPara)
    {
        if (!_lex.LevelAggregates.Any(g => d.Indicator.Contains(g, StringComparison.Ordinal))) return;
        var parts = new List<Fig>();
        foreach (var f in inPara.Where(f => f.Start >= from && !f.Used && !f.IsRate && f.Q.Value is not null
                                            && StatusEvaluator.UnitsCompatible(d.Target!.Q.Unit, f.Q.Unit) && f.Q.Unit is not null))
        {
            var cs = ClauseStart(t, f.Start, from);
            var ctx = t[cs..f.Start];
            if (_lex.Levels.Any(l => ctx.Contains(l, StringComparison.Ordinal)) && !ctx.Contains("总", StringComparison.Ordinal))
                parts.Add(f);
        }
        if (parts.Count < 2) return;
        var levels = parts.Select(p => _lex.Levels.First(l => t[ClauseStart(t, p.Start, from)..p.Start].Contains(l, StringComparison.Ordinal))).ToList();
        if (levels.Distinct().Count() != parts.Count) return;
        var sum = parts.Sum(p => p.Q.Value!.Value);
        d.Actual = parts[0];
        d.ActualValueOverride = sum;
        d.ActualTextOverride = string.Join(" + ", parts.Select(p => p.Q.Text));
        d.ActualSpanOverride = SourceSpan.FromBounds(parts[0].Start, parts[^1].End);
        d.Flags.Add(new AuditFlag("parts_sum", "info",
            $"actual is the sum of {parts.Count} parts by level: {string.Join(" + ", parts.Select(p => p.Q.Text))} = {sum}"));
        d.Confidence = 0.6;
        d.Source = CandidateSource.PartsSum;
        foreach (var p in parts) p.Used = true;
    }

    /// <summary>The rules that pair a target and its result stated in one breath: a plan and its completion, a
    /// difference to the target, a plan word beside a reported figure. The order matters: each takes its figures.</summary>
    private void PairInOneBreath(string t, List<Fig> figs, List<Draft> drafts)
    {
        PlanCompletion(t, figs, drafts);
        DerivedTargets(t, figs, drafts);
        CuedTargets(t, figs, drafts);
    }

    // ---------------------------------------------------------------- "X项任务已完成Y个", "计划X，已完成Y"

    private void PlanCompletion(string t, List<Fig> figs, List<Draft> drafts)
    {
        for (var i = 0; i + 1 < figs.Count; i++)
        {
            var f1 = figs[i];
            var f2 = figs[i + 1];
            if (f1.Used || f2.Used || f1.IsRate || f2.IsRate || f1.Q.Value is null || f2.Q.Value is null) continue;
            if (f1.Q.Unit is null || f2.Q.Unit is null || !StatusEvaluator.UnitsCompatible(f1.Q.Unit, f2.Q.Unit)) continue;
            if ((f1.Q.Unit == "%") != (f2.Q.Unit == "%")) continue;
            var between = t.Substring(f1.End, f2.Start - f1.End);
            if (between.AsSpan().IndexOfAny("。;\n") >= 0) continue;
            var done = _lex.DoneCues.FirstOrDefault(c => between.EndsWith(c, StringComparison.Ordinal)
                || (between.Length > c.Length && between[..^1].EndsWith(c, StringComparison.Ordinal)));
            var doneNear = done ?? _lex.DoneCues.FirstOrDefault(c => between.Length <= 12 && between.Contains(c, StringComparison.Ordinal)
                && between.Length - between.LastIndexOf(c, StringComparison.Ordinal) - c.Length <= 3);
            if (doneNear is null) continue;
            var commas = between.Count(',');
            var cs = ClauseStart(t, f1.Start, 0);
            var lead = t.Substring(Math.Max(cs, f1.Start - 8), f1.Start - Math.Max(cs, f1.Start - 8));
            var planBefore = _lex.PlanCues.Any(c => lead.Contains(c, StringComparison.Ordinal));
            var planAfter = _lex.PlanCues.Any(c => between.Contains(c, StringComparison.Ordinal)) || between.Contains("问题", StringComparison.Ordinal);
            // "新建幼儿园12所，已建成10所": a done cue with 已 and the same unit also marks the first figure as the plan.
            // The done verb must echo the plan's verb (新建…已建成), else "共受理申请169件，已完成101件" would pair.
            var doneVerb = doneNear.Where(c => c is not ('已' or '完' or '成')).ToArray();
            var doneAlready = doneNear.StartsWith('已') && f1.Q.Unit == f2.Q.Unit && f2.Q.Value <= f1.Q.Value * 1.5m
                && doneVerb.Length > 0 && t.AsSpan(cs, f1.Start - cs).IndexOfAny(doneVerb) >= 0;
            // "35项改革任务中，已完成33项": the completed part of a planned total.
            var comma = between.IndexOf(',');
            var subset = commas == 1 && planAfter && _lex.SubsetMarkers.Any(m => between.AsSpan(0, comma).EndsWith(m, StringComparison.Ordinal));
            if (!(commas == 0 && (planAfter || planBefore)) && !(commas == 1 && (planBefore || doneAlready || subset))) continue;
            // A percentage pairs this way only when the plan word stands right before it ("年度目标增长7%，实际增长7.2%").
            if (f1.Q.Unit == "%" && !planBefore) continue;
            var indicator = subset
                ? CleanIndicator(between[..comma].TrimEnd(',')[..^(_lex.SubsetMarkers.First(m => between.AsSpan(0, comma).EndsWith(m, StringComparison.Ordinal)).Length)])
                : NameIndicator(t, f1.Start, t[cs..f1.Q.CoreSpan.Start] + (commas == 0 ? between[..between.IndexOf(doneNear, StringComparison.Ordinal)] : ""));
            f1.Used = f2.Used = true;
            drafts.Add(new Draft { Indicator = indicator.Length > 0 ? indicator : CleanIndicator(between), Target = f1, Actual = f2, Confidence = 0.8, Source = CandidateSource.PlanCompletion });
        }
    }

    /// <summary>The phrase that opens the sentence or item holding <paramref name="pos"/>: the name of what it reports on.</summary>
    private static string Heading(string t, int pos)
    {
        var ps = LineStart(t, pos);
        if (ItemBodyStart(t, ps, pos) is { } body) ps = body;
        // The heading of an item ("(一)地区生产总值。…") or, in running text, the subject opening the sentence.
        var dot = t.IndexOf('。', ps, pos - ps);
        var itemTitle = dot > ps && dot - ps <= 20 && !t.AsSpan(ps, dot - ps).ContainsAny("0123456789");
        if (!itemTitle) ps = SentenceStart(t, pos, ps);
        var k = ps;
        while (k < pos && !IsListBreak(t[k]) && t[k] != '(' && !char.IsAsciiDigit(t[k])) k++;
        return k > ps ? t[ps..k] : "";
    }

    // ---------------------------------------------------------------- "比目标高出1.6个百分点"

    private void DerivedTargets(string t, List<Fig> figs, List<Draft> drafts)
    {
        for (var i = 1; i < figs.Count; i++)
        {
            var diff = figs[i];
            if (diff.Used || diff.Q.Unit is null || diff.Q.Value is not { } x) continue;
            var actual = figs[i - 1];
            if (actual.Used || actual.IsRate || actual.Q.Value is not { } a) continue;
            // A percentage differs from its target in 个百分点; any other figure in its own unit ("超任务25元").
            if (!(actual.Q.Unit == "%" ? diff.Q.Unit == "个百分点" : actual.Q.Unit == diff.Q.Unit && diff.Q.Unit != "个百分点")) continue;
            var between = t.Substring(actual.End, diff.Q.CoreSpan.Start - actual.End);
            if (between.AsSpan().IndexOfAny("。;\n") >= 0 || between.Count(',') > 1 || between.Length > 16) continue;
            if (!_lex.PlanCues.Any(c => between.Contains(c, StringComparison.Ordinal))) continue;
            var higher = _lex.DerivedHigher.Any(w => between.Contains(w, StringComparison.Ordinal));
            var lower = _lex.DerivedLower.Any(w => between.Contains(w, StringComparison.Ordinal));
            if (higher == lower) continue;
            var cs = ClauseStart(t, actual.Start, 0);
            var indicator = NameIndicator(t, actual.Start, t[cs..actual.Q.CoreSpan.Start]);
            actual.Used = diff.Used = true;
            var lead = between.Length - between.TrimStart(',', '、', ' ').Length;
            drafts.Add(new Draft
            {
                Indicator = indicator,
                Actual = actual,
                DerivedTarget = higher ? a - x : a + x,
                DerivedTargetText = t[(actual.End + lead)..diff.End],
                DerivedTargetSpan = SourceSpan.FromBounds(actual.End + lead, diff.End),
                Confidence = 0.75,
                Source = CandidateSource.Derived,
            });
        }
    }

    // ---------------------------------------------------------------- "…5.2万人，超过4.5万人以上的目标"

    /// <summary>Where the target noun phrase after a figure ends ("…的年度目标任务"), or -1 when none follows it.</summary>
    private int NamedTargetEnd(string t, Fig f, out bool ceiling)
    {
        ceiling = false;
        var cues = _lex.NamedTargets;
        var p = f.End;
        if (p >= t.Length || t[p] != '的') return -1;
        for (var k = p + 1; k <= p + 1 + cues.MaxModifier && k < t.Length; k++)
        {
            foreach (var noun in cues.Nouns)
            {
                if (string.CompareOrdinal(t, k, noun, 0, noun.Length) != 0) continue;
                var modifier = t.AsSpan(p + 1, k - p - 1);
                foreach (var w in cues.Ceiling)
                    if (modifier.Contains(w, StringComparison.Ordinal)) ceiling = true;
                return k + noun.Length;
            }
            if (!IsCjk(t[k])) return -1;
        }
        return -1;
    }

    /// <summary>Figures of one unit listed right before <paramref name="last"/> ("分别为5.6%、3.6%", "6%和5.5%"), in order.</summary>
    private static List<Fig> ListEndingAt(string t, List<Fig> figs, Fig last)
    {
        var list = new List<Fig> { last };
        for (var i = figs.IndexOf(last) - 1; i >= 0; i--)
        {
            var f = figs[i];
            var gap = t.AsSpan(f.End, list[0].Q.CoreSpan.Start - f.End).Trim();
            var joined = gap.IsEmpty || gap.SequenceEqual("、") || gap.SequenceEqual("和") || gap.SequenceEqual("及")
                         || gap.SequenceEqual("与") || gap.SequenceEqual(",");
            if (!joined || f.Used || f.IsRate || f.Q.Unit != last.Q.Unit) break;
            list.Insert(0, f);
        }
        return list;
    }

    private static bool Comparable(Fig a, Fig b) =>
        StatusEvaluator.UnitsCompatible(a.Q.Unit, b.Q.Unit) && (a.Q.Unit == "%") == (b.Q.Unit == "%") && a.Q.Unit is not null && b.Q.Unit is not null;

    /// <summary>A target named in a comparison with its actual: "城镇新增就业5.2万人，超额完成4.5万人以上的目标",
    /// "涨幅为1.8%，控制在3%的目标内", "增长7%左右的目标，实际增长7.6%". With <paramref name="restatements"/>, only
    /// the comparisons that restate a target already paired in the item ("…有望新增115家，实现突破1000家的目标"):
    /// the figure compared with it becomes that target's actual.</summary>
    private void NamedTargets(string t, List<Fig> figs, int itemStart, List<Draft> drafts, bool restatements)
    {
        var cues = _lex.NamedTargets;
        for (var i = 0; i < figs.Count; i++)
        {
            var tf = figs[i];
            if (tf.Used || tf.IsRate || tf.Q.Value is null || tf.Q.Unit is null) continue;
            if (NamedTargetEnd(t, tf, out var ceiling) is var nounEnd && nounEnd < 0) continue;
            // The same target stated earlier in the item: this one restates it.
            var stated = figs.FirstOrDefault(g => g != tf && g.Start >= itemStart && g.End <= tf.Start && g.Q.Value == tf.Q.Value && g.Q.Unit == tf.Q.Unit);
            if ((stated is not null) != restatements) continue;
            var targets = ListEndingAt(t, figs, tf);
            var ss = SentenceStart(t, targets[0].Start, itemStart);

            // The actuals before it, with a compare word between: "5.2万人，超额完成4.5万人的目标".
            var actuals = new List<Fig>();
            var lastBefore = figs.LastOrDefault(g => g.End <= targets[0].Start && g.Start >= ss && !g.IsRate);
            if (lastBefore is not null && !lastBefore.Used && Comparable(lastBefore, tf))
            {
                var gap = t.AsSpan(lastBefore.End, targets[0].Q.CoreSpan.Start - lastBefore.End);
                if (gap.Count(',') <= 1 && gap.Length <= 24 && Words.ContainsAny(gap, cues.Compare))
                    actuals = ListEndingAt(t, figs, lastBefore);
            }
            var forward = false;
            if (actuals.Count == 0 && !restatements)
            {
                // The actual after it: "…增长7%左右的目标，实际全年增长7.6%" (in its sentence or the next).
                var next = figs.FirstOrDefault(g => g.Start >= nounEnd && !g.IsRate && Comparable(g, tf));
                if (next is not null && !next.Used && next.Start - nounEnd <= 40)
                {
                    var gap = t.AsSpan(nounEnd, next.Q.CoreSpan.Start - nounEnd);
                    var sentences = gap.Count('。') + gap.Count(';') + gap.Count('\n');
                    var between = figs.Any(g => g.Start >= nounEnd && g.Start < next.Start);
                    if (sentences <= 1 && !between && Words.ContainsAny(gap, cues.Actual))
                    {
                        actuals = [next];
                        forward = true;
                    }
                }
            }
            if (actuals.Count == 0) continue;
            if (targets.Count != actuals.Count && targets.Count != 1) continue;
            if (restatements)
            {
                // Only a single comparison restates: its actual replaces the one the item chose.
                var owner = drafts.FindLast(d => d.Target == stated);
                if (owner is null || actuals.Count != 1 || targets.Count != 1) continue;
                if (owner.Actual is { } previous) previous.Used = false;
                owner.Actual = actuals[0];
                owner.Confidence = Math.Max(owner.Confidence, 0.85);
                actuals[0].Used = tf.Used = true;
                continue;
            }
            for (var k = 0; k < actuals.Count; k++)
            {
                var a = actuals[k];
                var target = targets[targets.Count == 1 ? 0 : k];
                var phraseFrom = forward ? targets[0] : actuals[0];
                var cs = ClauseStart(t, phraseFrom.Start, 0);
                var phrase = t[cs..phraseFrom.Q.CoreSpan.Start];
                // "报告提出地区生产总值增长7%左右的目标": the name follows the word that states the target.
                var opener = forward ? _lex.TaskSentences.Openers.Select(o => phrase.LastIndexOf(o, StringComparison.Ordinal) is var at && at >= 0 ? at + o.Length : -1).Max() : -1;
                if (opener > 0) phrase = phrase[opener..];
                var indicator = NameIndicator(t, phraseFrom.Start, phrase);
                drafts.Add(new Draft
                {
                    Indicator = indicator,
                    Target = target,
                    TargetAs = AsNamedTarget(t, target.Q, ceiling),
                    Actual = a,
                    Confidence = 0.85,
                    Source = CandidateSource.Named,
                });
                a.Used = true;
            }
            foreach (var target in targets) target.Used = true;
        }
    }

    /// <summary>A named target as the record gives it: a relational word before it ("高于300个") is the comparison's,
    /// not the target's bound; a ceiling word in its noun ("4%的控制目标") makes it a ceiling.</summary>
    private Quantity AsNamedTarget(string t, Quantity q, bool ceiling)
    {
        var prefix = t[q.Span.Start..q.CoreSpan.Start];
        var relational = _lex.NamedTargets.Relational.FirstOrDefault(w => prefix.StartsWith(w, StringComparison.Ordinal));
        if (relational is null && !ceiling) return q;
        var boundFromPrefix = relational is not null && q.BoundText == relational;
        var start = q.Span.Start + (relational?.Length ?? 0);
        while (start < q.CoreSpan.Start && t[start] == ' ') start++;
        var span = SourceSpan.FromBounds(start, q.Span.End);
        return q with
        {
            Span = span,
            Text = t.Substring(span.Start, span.Length),
            Bound = ceiling ? BoundKind.AtMost : boundFromPrefix ? null : q.Bound,
            BoundText = boundFromPrefix ? null : q.BoundText,
        };
    }

    // ---------------------------------------------------------------- "新增45家，年度目标40家"

    /// <summary>True when a plan word names the figure as a target: it stands in the figure's clause with only
    /// connectives after it ("年度目标为增长8%", "完成省下达任务50万吨的105.2%", "计划1.5万人"); not a completed task
    /// ("完成建设任务104万亩"), a difference ("优于考核目标19.8个百分点") or a name ("预期性指标19项").</summary>
    private bool IsCuedTarget(string t, Fig f)
    {
        var cues = _lex.CuedTargets;
        var s = f.Q.CoreSpan.Start;
        var cs = ClauseStart(t, s, 0);
        var seg = t.AsSpan(cs, s - cs);
        var cueAt = -1;
        var cueEnd = -1;
        foreach (var cue in _lex.PlanCues)
        {
            var at = seg.LastIndexOf(cue, StringComparison.Ordinal);
            if (at >= 0 && at + cue.Length > cueEnd) (cueAt, cueEnd) = (at, at + cue.Length);
        }
        if (cueAt < 0) return false;
        var gap = seg[cueEnd..].Trim().ToString();
        while (gap.Length > 0)
        {
            var next = cues.Connectives.FirstOrDefault(w => gap.StartsWith(w, StringComparison.Ordinal));
            if (next is null) return false;
            gap = gap[next.Length..].TrimStart();
        }
        var lead = seg[..cueAt];
        if (Words.ContainsAny(lead, cues.Difference)) return false;
        var rateFollows = f.End < t.Length && t[f.End] == '的';
        return rateFollows || !Words.ContainsAny(lead, cues.Done);
    }

    /// <summary>Within one sentence, a figure a plan word names as the target and a figure of its unit reported beside
    /// it: "高新技术企业新增45家，年度目标40家", "实际利用外资完成2.3亿美元，目标2亿美元", "增长6.2%，年度目标为增长8%",
    /// "完成棚户区改造1200套，占年度目标任务1000套的120%". Each cued target takes the nearest such figure.</summary>
    private void CuedTargets(string t, List<Fig> figs, List<Draft> drafts)
    {
        var free = figs.Where(f => !f.Used && !f.IsRate && f.Q.Value is not null && f.Q.Unit is not null).ToList();
        var cued = free.Where(f => IsCuedTarget(t, f)).ToList();
        foreach (var tf in cued)
        {
            if (tf.Used) continue;
            var ss = SentenceStart(t, tf.Start, 0);
            var ownClause = ClauseStart(t, tf.Start, 0);
            var a = free.Where(g => !g.Used && !cued.Contains(g) && SentenceStart(t, g.Start, 0) == ss && Comparable(g, tf) && IsActualCandidate(t, g)
                                    && (g.End <= ownClause || g.Start > tf.End))
                .OrderBy(g => Math.Abs(g.Start - tf.Start)).FirstOrDefault();
            if (a is null) continue;
            var cs = ClauseStart(t, a.Start, 0);
            var indicator = NameIndicator(t, a.Start, t[cs..a.Q.CoreSpan.Start]);
            var rate = figs.FirstOrDefault(r => r.IsRate && !r.Used && SentenceStart(t, r.Start, 0) == ss && r.Start > Math.Max(a.Start, tf.Start)
                && !figs.Any(g => !g.IsRate && g.Start > Math.Max(a.Start, tf.Start) && g.Start < r.Start));
            if (rate is not null) rate.Used = true;
            tf.Used = a.Used = true;
            drafts.Add(new Draft { Indicator = indicator, Target = tf, Actual = a, Rate = rate, Confidence = 0.8, Source = CandidateSource.Cued });
        }
    }

    // ---------------------------------------------------------------- stated rates to records

    private void AttachRates(string t, List<Fig> figs, List<Draft> drafts)
    {
        var rates = figs.Where(f => f.IsRate && !f.Used).ToList();
        var i = 0;
        while (i < rates.Count)
        {
            // A run of rates joined by 、 ("分别完成全年计划a%、b%、c%") pairs with as many figures before it, in order.
            var run = new List<Fig> { rates[i] };
            while (i + run.Count < rates.Count && rates[i + run.Count].Index == run[^1].Index + 1
                   && IsRateListGap(t.AsSpan(run[^1].End, rates[i + run.Count].Start - run[^1].End)))
                run.Add(rates[i + run.Count]);
            i += run.Count;
            var ss = SentenceStart(t, run[0].Start, 0);
            var before = figs.Where(f => f.End <= run[0].Start && f.Start >= ss && !f.IsRate && f.Q.Unit != "%" && f.Q.Value is not null).ToList();
            // "实际利用外资完成目标的110%，达到2.2亿美元": a lone rate with nothing before it measures the figure
            // right after it.
            if (before.Count == 0 && run.Count == 1 && figs.FirstOrDefault(f => f.Index == run[0].Index + 1) is { IsRate: false } after
                && after.Q.Unit != "%" && after.Q.Value is not null && SameSentence(t, run[0].Start, after.Start) && after.Start - run[0].End <= 8)
                before = [after];
            if (before.Count < run.Count) continue;
            var owners = before.Skip(before.Count - run.Count).ToList();
            for (var k = 0; k < run.Count; k++)
            {
                var owner = owners[k];
                var rate = run[k];
                rate.Used = true;
                // Only a used figure can be a draft's actual; the draft is a recent one.
                var existing = owner.Used ? drafts.FindLast(d => d.Actual == owner) : null;
                if (existing is not null)
                {
                    existing.Rate ??= rate;
                    continue;
                }
                if (owner.Used) continue;
                owner.Used = true;
                var cs = ClauseStart(t, owner.Start, ss);
                var ind = CleanIndicator(t[cs..owner.Start]);
                if (IsUnnamed(ind) && owner.Start > rate.Start)
                {
                    // "实际利用外资完成目标的110%，达到2.2亿美元": the name stands before the rate's verb.
                    var rc = ClauseStart(t, rate.Start, ss);
                    var clause = t[rc..rate.Q.CoreSpan.Start];
                    var verb = _lex.RateVerbs.Select(v => clause.IndexOf(v, StringComparison.Ordinal)).Where(i => i > 0).DefaultIfEmpty(-1).Min();
                    if (verb > 0) ind = CleanIndicator(clause[..verb]);
                }
                drafts.Add(new Draft { Indicator = ind, Actual = owner, Rate = rate, Confidence = 0.8, Source = CandidateSource.RateOnly });
            }
        }
    }

    // ---------------------------------------------------------------- indicator names

    /// <summary>An indicator phrase; where it is a bare verb (增长), the heading of its item or sentence goes before it.</summary>
    private string NameIndicator(string t, int pos, string phrase)
    {
        var cleaned = CleanIndicator(phrase);
        if (IsUnnamed(cleaned))
        {
            var head = CleanIndicator(Heading(t, pos));
            if (head.Length > 0)
                return head.EndsWith(cleaned, StringComparison.Ordinal) ? head : head + (_lex.BareVerbs.Contains(cleaned) ? cleaned : "");
        }
        return cleaned;
    }

    /// <summary>True for a cleaned phrase that names nothing by itself: a bare verb (增长), or scaffolding alone (年度目标, 计划).</summary>
    private bool IsUnnamed(string cleaned) =>
        cleaned.Length <= 2 || _lex.BareVerbs.Contains(cleaned) || _lex.BareVerbs.Any(v => cleaned == "目标" + v)
        || _lex.IndicatorStripPrefixes.Contains(cleaned);

    private string CleanIndicator(string raw)
    {
        var s = new string(raw.Where(c => c is not ('“' or '”' or '"' or '‘' or '’' or '《' or '》' or ' ' or '\t')).ToArray());
        if (ItemBodyStart(s, 0, s.Length) is { } body) s = s[body..];
        // "一是…", "二是…": enumerations of running text.
        var e = 0;
        while (e < s.Length && e < 3 && ChineseNumeral.IsNumeralChar(s[e])) e++;
        if (e > 0 && e < s.Length && s[e] == '是') s = s[(e + 1)..];
        foreach (var w in _lex.EstimateWords.Concat(_lex.IndicatorStripInfixes)) s = s.Replace(w, "", StringComparison.Ordinal);
        // Drop a leading time phrase ("2019年", "1-12月").
        var changed = true;
        while (changed && s.Length > 0)
        {
            changed = false;
            var k = 0;
            while (k < s.Length && (char.IsAsciiDigit(s[k]) || s[k] is '-' or '~')) k++;
            if (k > 0 && k < s.Length && s[k] is '年' or '月')
            {
                s = s[(k + 1)..].TrimStart('底', '末', '份', ',', ' ');
                changed = true;
                continue;
            }
            foreach (var p in _lex.IndicatorStripPrefixes)
            {
                if (s.Length > p.Length + 1 && s.StartsWith(p, StringComparison.Ordinal))
                {
                    s = s[p.Length..];
                    changed = true;
                    break;
                }
            }
        }
        changed = true;
        while (changed && s.Length > 0)
        {
            changed = false;
            foreach (var p in _lex.IndicatorStripSuffixes)
            {
                if (s.Length > p.Length + 1 && s.EndsWith(p, StringComparison.Ordinal))
                {
                    s = s[..^p.Length];
                    changed = true;
                    break;
                }
            }
        }
        return s.Trim(',', '、', '(', ')', ':', ';');
    }

    // ---------------------------------------------------------------- records

    private CompletionRecord ToRecord(Draft d)
    {
        TargetValue? target = d.TargetQ is { } tq ? new TargetValue
        {
            Text = tq.Text,
            Value = tq.Value,
            Low = tq.Low,
            High = tq.High,
            Unit = tq.Unit,
            Bound = tq.Bound ?? BoundKind.AtLeast,
        } : d.DerivedTarget is { } derived ? new TargetValue
        {
            Text = d.DerivedTargetText ?? derived.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Value = derived,
            Unit = d.Actual?.Q.Unit,
            Bound = BoundKind.AtLeast,
            Derived = true,
        } : null;
        ActualValue? actual = null;
        if (d.Actual is { } af)
        {
            var value = d.ActualValueOverride ?? af.Q.Value;
            // "下降3.2%" against a growth target is a growth of -3.2%; against a reduction target ("下降3%", or one
            // derived from a fall: "下降3.1%，比目标多降0.1个百分点") it is 3.2 of reduction.
            var targetIsReduction = d.Target?.Q.Decrease == true || (d.DerivedTarget is not null && af.Q.Decrease);
            if (af.Q.Decrease && !targetIsReduction && value is { } v && af.Q.Unit == "%" && target?.Unit == "%") value = -v;
            actual = new ActualValue
            {
                Text = d.ActualTextOverride ?? af.Q.Text,
                Value = value,
                Unit = af.Q.Unit ?? target?.Unit,
                Estimate = af.Q.Estimate,
                Approximate = af.Q.Approximate,
                Period = af.Q.Period,
            };
        }
        var direction = _lex.DirectionOf(d.Indicator);
        // A reduction target counts an amount of fall, and a fall is what it asks for: the more, the better
        // (能耗下降3%, 贫困人口减少1000万, 资费降低20%), whatever the indicator's own direction.
        if (d.Target?.Q.Decrease == true || (d.DerivedTarget is not null && d.Actual?.Q.Decrease == true))
            direction = Direction.HigherIsBetter;
        var flags = new List<AuditFlag>(d.Flags);
        if (d.DerivedTarget is not null)
            flags.Add(new AuditFlag("derived_target", "info", "the target is not stated; it is derived from the stated difference to it"));
        var status = StatusEvaluator.Evaluate(target, actual, d.Rate?.Q.Value, direction, _options.MetTolerancePercent);
        if (actual is { Estimate: true } && status is not (CompletionStatus.Exceeded or CompletionStatus.Unknown))
            status = CompletionStatus.Pending;
        if (target?.Value is { } tv2 && actual?.Value is { } av2 && tv2 != 0 && StatusEvaluator.UnitsCompatible(target.Unit, actual.Unit)
            && target.Unit is not ("%" or "个百分点"))
        {
            var ratio = av2 / tv2;
            if (ratio < 0.01m || ratio > 100m)
            {
                flags.Add(new AuditFlag("unit_suspect", "warning",
                    $"actual {actual.Text} is {ratio:0.####} times the target {target.Text}: a multiplier (万/亿) may be lost in the source"));
                status = CompletionStatus.Unknown;
            }
        }
        if (actual is null && d.Rate is null)
            flags.Add(new AuditFlag("not_reported", "warning", "no sentence reports an actual figure for this target"));
        if (actual is { Estimate: true })
            flags.Add(new AuditFlag("estimate", "info", "the actual is an expectation (预计/有望), not a final figure"));
        if (actual is { Period: { } period })
            flags.Add(new AuditFlag("partial_period", "info", $"the actual covers part of the year only ({period})"));
        return new CompletionRecord
        {
            Indicator = d.Indicator,
            Target = target,
            Actual = actual,
            ReportedRate = d.Rate?.Q.Value,
            ComputedRate = StatusEvaluator.ComputedRate(target, actual),
            Status = status,
            Flags = flags,
            Confidence = Math.Round(d.Confidence, 3),
            Evidence = new RecordEvidence
            {
                Target = d.TargetQ?.Span ?? d.DerivedTargetSpan,
                Actual = d.ActualSpanOverride ?? d.Actual?.Q.Span,
                Rate = d.Rate?.Q.Span,
            },
        };
    }
}
