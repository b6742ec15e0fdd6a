using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Status;
using GovTextExtract.Text;

namespace GovTextExtract.Audit;

/// <summary><c>parts_sum</c>: an actual given as parts by level against a target counted over levels (the pairer sums
/// them), and parts that do not add up to their stated total: "N个X中a个…,b个…,c个…" (the parts should make N) and
/// "总数…其中a…,b…" (the parts may leave some out, so only an excess is a finding).</summary>
internal static class PartsCheck
{
    public static IEnumerable<Finding> Run(AuditDocument doc)
    {
        for (var i = 0; i < doc.Records.Count; i++)
            if (LevelParts(doc, i) is { } f) yield return f;
        var seen = new HashSet<SourceSpan>();
        foreach (var (whole, parts, exhaustive) in Breakdowns(doc))
        {
            if (!seen.Add(whole.Span)) continue;
            if (Judge(doc, whole, parts, exhaustive) is { } f) yield return f;
        }
    }

    // ------------------------------------------------------------------ parts by level, summed by the pairer

    private static Finding? LevelParts(AuditDocument doc, int i)
    {
        var r = doc.Records[i];
        if (r.Actual is not { Value: { } sum } actual || !actual.Text.Contains('+', StringComparison.Ordinal)) return null;
        var parts = actual.Text.Split('+', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return null;
        var aggregate = doc.Lex.LevelAggregates.FirstOrDefault(g => r.Indicator.Contains(g, StringComparison.Ordinal));
        var spans = new List<SourceSpan?> { doc.TargetSpans[i] };
        if (doc.ActualSpans[i] is { } region)
        {
            var from = region.Start;
            foreach (var p in parts)
            {
                var at = doc.Text.IndexOf(p, from, Math.Max(0, region.End - from), StringComparison.Ordinal);
                if (at < 0) continue;
                spans.Add(new SourceSpan(at, p.Length));
                from = at + p.Length;
            }
        }
        var unit = actual.Unit ?? "";
        var joined = string.Join(" + ", parts);
        var over = aggregate is null ? "" : $" counted over levels ({aggregate})";
        var overZh = aggregate is null ? "" : $"“{aggregate}”";
        var target = r.Target?.Text;
        var shortfall = r.Status == CompletionStatus.NotMet;
        var en = $"The actual is the sum of parts by level: {joined} = {Figures.Format(sum)}{unit}" +
                 (target is null ? "." : $", against the target {target}{over}.") +
                 (shortfall ? " The parts fall short of the target; a level may be unreported." : "");
        var zh = $"实际数为分级数字之和：{joined} = {Figures.Format(sum)}{unit}" +
                 (target is null ? "。" : $"，对照{overZh}目标{target}。") +
                 (shortfall ? "分项合计未达目标，可能有层级未报告。" : "");
        return new Finding(i, Finding.Make(AuditCodes.PartsSum, shortfall ? AuditSeverity.Warning : AuditSeverity.Info,
            en, zh, doc.Evidence(spans.ToArray())));
    }

    // ------------------------------------------------------------------ totals and their parts in the text

    private static IEnumerable<(Quantity Whole, List<Quantity> Parts, bool Exhaustive)> Breakdowns(AuditDocument doc)
    {
        var figs = doc.Figures;
        var t = doc.Text;
        var cues = doc.Lex.Audit;
        // "N个X中a个…,b个…": the whole's noun ends with a whole marker, then the parts open the clauses that follow.
        for (var wi = 0; wi < figs.Count; wi++)
        {
            var whole = figs[wi];
            if (!IsAmount(whole)) continue;
            var k = whole.Span.End;
            while (k < t.Length && k - whole.Span.End <= 20 && (AuditDocument.IsCjk(t[k]) || t[k] is '“' or '”' or '"')) k++;
            var noun = t[whole.Span.End..k];
            var marker = cues.WholeMarkers.FirstOrDefault(m => noun.Length > m.Length && noun.EndsWith(m, StringComparison.Ordinal));
            if (marker is null) continue;
            if (k < t.Length && !(char.IsAsciiDigit(t[k]) || t[k] is ',' or ':')) continue;
            var parts = ClauseHeadParts(doc, whole, k);
            if (parts.Count >= 2) yield return (whole, parts, true);
        }
        // "…N个。其中:a个,b个" and "N个(其中a个、b个)": the parts may leave some out, and which figure before 其中 is
        // their total is not always the nearest ("赤字1.2万亿元,比去年增加4000亿元,其中中央8500亿元,地方3500亿元").
        foreach (var opener in cues.SubsetOpeners)
        {
            var at = 0;
            while ((at = t.IndexOf(opener, at, StringComparison.Ordinal)) >= 0)
            {
                var openerAt = at;
                var start = at + opener.Length;
                at = start;
                var inParen = openerAt > 0 && t[openerAt - 1] == '(';
                // "其中:" opens a list that may run over semicolons; a plain 其中 ends with its clause group.
                var listed = start < t.Length && t[start] == ':';
                var end = start;
                while (end < t.Length && !(inParen ? t[end] == ')' : t[end] is '。' or '\n' or '!' or '?' || (!listed && t[end] == ';'))) end++;
                var candidates = doc.FiguresStartingIn(start, end).Where(f => f.Span.End <= end && IsAmount(f) && IsListItem(t, f, start, end)).ToList();
                // "项目144个,到位资金12.4亿元;项目37个,到位资金0.96亿元": each kind of figure is its own breakdown.
                while (candidates.Count >= 2)
                {
                    var first = candidates[0];
                    var group = candidates.Where(f => SameKind(first, f)).ToList();
                    candidates.RemoveAll(group.Contains);
                    var wholes = WholesBefore(doc, openerAt, first);
                    if (wholes.Count == 0) continue;
                    var largest = wholes.Max(w => w.Value!.Value);
                    var parts = new List<Quantity>();
                    foreach (var f in group)
                    {
                        // A figure larger than any total, or itself a total (总里程), is not a part: the breakdown ended.
                        if (f.Value > largest || IsTotal(doc, f, start)) break;
                        parts.Add(f);
                    }
                    if (parts.Count >= 2 && parts.Sum(f => f.Value!.Value) > largest) yield return (wholes[^1], parts, false);
                }
            }
        }
    }

    /// <summary>True when the words before a figure in its list item call it a total (总, 合计).</summary>
    private static bool IsTotal(AuditDocument doc, Quantity f, int floor)
    {
        var t = doc.Text;
        var k = f.Span.Start;
        while (k > floor && t[k - 1] is not ('、' or ',' or ';' or ':' or '(')) k--;
        var lead = t.AsSpan(k, f.Span.Start - k);
        foreach (var w in doc.Lex.Audit.TotalWords)
            if (lead.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Parts that open the clauses after a whole: each clause (to the end of the sentence) must begin, within a
    /// few characters, with a figure in the whole's unit; the first clause that does not ends the parts.</summary>
    private static List<Quantity> ClauseHeadParts(AuditDocument doc, Quantity whole, int from)
    {
        var t = doc.Text;
        var parts = new List<Quantity>();
        var pos = from;
        while (pos < t.Length && t[pos] is ',' or ':' or ' ') pos++;
        var prefixMax = doc.Lex.Audit.PartPrefixMax;
        while (pos < t.Length && !(t[pos] is '。' or '\n' or '!' or '?'))
        {
            var head = doc.FiguresStartingIn(pos, pos + prefixMax + 1).FirstOrDefault();
            if (head is null || !SameKind(whole, head) || t.AsSpan(pos, head.Span.Start - pos).IndexOfAny(",;:(") >= 0) break;
            parts.Add(head);
            // The next clause: past a comma or semicolon that is not inside parentheses.
            var depth = 0;
            var k = head.Span.End;
            for (; k < t.Length; k++)
            {
                var c = t[k];
                if (c == '(') depth++;
                else if (c == ')') depth = Math.Max(0, depth - 1);
                else if (depth == 0 && (c is ',' or ';' || c is '。' or '\n' or '!' or '?')) break;
            }
            if (k >= t.Length || t[k] is '。' or '\n' or '!' or '?') break;
            pos = k + 1;
        }
        return parts;
    }

    /// <summary>A figure that is an item of a breakdown list: it opens or closes its list item.</summary>
    private static bool IsListItem(string t, Quantity f, int start, int end)
    {
        var after = f.Span.End;
        if (after >= end || t[after] is '、' or ',' or ';' or '。' or ')') return true;
        var before = f.Span.Start - 1;
        return before < start || t[before] is '、' or ',' or ';' or ':';
    }

    /// <summary>The figures a "其中" may break down: those of the same kind as its parts before it, in its sentence
    /// or, when 其中 opens a sentence, the sentence before; nearest last.</summary>
    private static List<Quantity> WholesBefore(AuditDocument doc, int openerAt, Quantity part)
    {
        var sentence = doc.Sentence(Math.Max(0, openerAt));
        var floor = sentence.Start;
        if (openerAt <= sentence.Start + 1 && sentence.Start > 0)
            floor = doc.Sentence(Math.Max(0, sentence.Start - 2)).Start;
        return doc.FiguresStartingIn(floor, openerAt).Where(f => f.Span.End <= openerAt && IsAmount(f) && SameKind(f, part)).ToList();
    }

    private static bool IsAmount(Quantity q) =>
        q.Value is > 0 && q.Unit is not null && q.Unit is not ("%" or "个百分点" or "‰") && q.Period is null;

    private static bool SameKind(Quantity a, Quantity b) =>
        a.Unit is not null && b.Unit is not null && StatusEvaluator.UnitsCompatible(a.Unit, b.Unit) && IsAmount(b);

    private static Finding? Judge(AuditDocument doc, Quantity whole, List<Quantity> parts, bool exhaustive)
    {
        var sum = parts.Sum(p => p.Value!.Value);
        var total = whole.Value!.Value;
        if (sum == total || (!exhaustive && sum < total)) return null;
        var joined = string.Join(" + ", parts.Select(p => p.Text));
        var unit = whole.Unit;
        var record = RecordOf(doc, whole) ?? parts.Select(p => RecordOf(doc, p)).FirstOrDefault(r => r is not null);
        var evidence = doc.Evidence([whole.Span, .. parts.Select(p => (SourceSpan?)p.Span)]);
        string en, zh, severity;
        if (sum > total)
        {
            severity = AuditSeverity.Warning;
            en = $"The parts {joined} = {Figures.Format(sum)}{unit} add up to more than the stated total {whole.Text}.";
            zh = $"分项{joined} = {Figures.Format(sum)}{unit}，多于文中所称总数{whole.Text}。";
        }
        else
        {
            severity = AuditSeverity.Info;
            en = $"The parts {joined} = {Figures.Format(sum)}{unit} do not make up the stated total {whole.Text}; " +
                 $"{Figures.Format(total - sum)}{unit} are not accounted for.";
            zh = $"分项{joined} = {Figures.Format(sum)}{unit}，少于文中所称总数{whole.Text}，有{Figures.Format(total - sum)}{unit}未作说明。";
        }
        if (record is { } ri && doc.Records[ri].Target is { Value: { } tv } target && tv == sum && doc.ActualSpans[ri] is { } a && a.Overlaps(whole.Span))
        {
            en += $" They equal the target {target.Text}: the total may be misprinted.";
            zh += $"分项合计与目标{target.Text}相等，总数可能有误。";
        }
        return new Finding(record, Finding.Make(AuditCodes.PartsSum, severity, en, zh, evidence));
    }

    /// <summary>The record whose actual (else target) is the figure.</summary>
    private static int? RecordOf(AuditDocument doc, Quantity q)
    {
        for (var i = 0; i < doc.Records.Count; i++)
            if (doc.ActualSpans[i] is { } a && a.Overlaps(q.Span)) return i;
        for (var i = 0; i < doc.Records.Count; i++)
            if (doc.TargetSpans[i] is { } t && t.Overlaps(q.Span)) return i;
        return null;
    }
}
