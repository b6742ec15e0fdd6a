using GovTextExtract.Pairing;
using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Segmentation;
using GovTextExtract.Text;

namespace GovTextExtract.Audit;

/// <summary><c>claim_contradiction</c> and <c>claim_unverified</c>: a sentence claims targets were met or exceeded
/// ("甲、乙等指标完成年度目标任务", "超额完成年度目标任务") while the figures of those targets fall short, or give
/// nothing to check. A claim lists its indicators in the clause before the claim word; they are split on 、 and, where
/// the source glued them together, before an opener (新增) or after a closer (增长) at a word boundary, and each is
/// matched to a record by character-bigram overlap with its indicator. A claim without a list covers the records its
/// sentence (else its paragraph) reports; in a paragraph without figures, a whole-document claim word (全面完成)
/// covers every record.</summary>
internal static class ClaimCheck
{
    /// <summary>Least bigram Dice for a listed phrase to name a record's indicator.</summary>
    private const double MinDice = 0.6;
    /// <summary>Least share of a record indicator's bigrams inside a listed phrase for the phrase to cover it whole.</summary>
    private const double MinContainment = 0.85;

    /// <summary>Most characters between a claim that lists what it covers and the records it may name, in a document
    /// of more than <see cref="NearRecords"/> records: a summary names items of its own part of the document, and the
    /// bound keeps the check linear in a very long one.</summary>
    private const int ClaimReach = 100_000;

    /// <summary>Up to this many records, every claim reads all of them.</summary>
    private const int NearRecords = 500;

    private sealed record Claim(int Start, int End, bool Exceeded);

    private sealed record Phrase(string Text, SourceSpan Span);

    public static IEnumerable<Finding> Run(AuditDocument doc, Lazy<ChineseSegmenter?> segmenter, IReadOnlySet<int> doubtful)
    {
        var all = Enumerable.Range(0, doc.Records.Count).ToArray();
        // The records in text order of their first evidence, so that a claim reads those near it by binary search.
        var first = all.Select(i => doc.SpansOf(i).Select(s => s.Start).DefaultIfEmpty(int.MaxValue).Min()).ToArray();
        var byPosition = all.OrderBy(i => first[i]).ToArray();
        var positions = byPosition.Select(i => first[i]).ToArray();
        int[] Near(int from, int to)
        {
            var lo = Array.BinarySearch(positions, from);
            if (lo < 0) lo = ~lo;
            while (lo > 0 && positions[lo - 1] >= from) lo--;
            var found = new List<int>();
            for (var k = lo; k < positions.Length && positions[k] <= to; k++) found.Add(byPosition[k]);
            found.Sort();
            return [.. found];
        }
        foreach (var claim in FindClaims(doc))
        {
            var para = doc.Paragraph(claim.Start);
            var nearby = doc.Records.Count <= NearRecords ? all : Near(claim.Start - ClaimReach, claim.End + ClaimReach);
            var inPara = nearby.Where(i => doc.SpansOf(i).Any(s => para.Contains(s))).ToArray();
            var (listStart, listEnd, phrases, listHasFigures) = ListOf(doc, claim, segmenter);
            var claimSpan = SourceSpan.FromBounds(listStart, claim.End);
            var listed = phrases.Count > 0 && !listHasFigures;
            var covered = listed ? Match(doc, phrases, nearby, inPara).ToList() : [];
            var general = false;
            // A list names what it covers. A single phrase that names no record ("全市上下攻坚克难,全面完成…") is no list:
            // such a claim covers what its sentence or paragraph reports, or, in a summary without figures, the document.
            if (covered.Count == 0 && !(listed && phrases.Count > 1))
            {
                if (inPara.Length == 0)
                {
                    var paraHasFigures = doc.FiguresStartingIn(para.Start, para.End).Any(f => para.Contains(f.Span) && f.Unit is not null);
                    var claimWords = doc.Text[claim.Start..claim.End];
                    if (paraHasFigures || !doc.Lex.Audit.WholeDocumentClaims.Any(w => claimWords.Contains(w, StringComparison.Ordinal)))
                        continue;
                    covered.AddRange(all.Select(i => (i, (Phrase?)null)));
                    general = true;
                }
                else
                {
                    var sentence = doc.Sentence(claim.Start);
                    var near = inPara.Where(i => doc.ActualSpans[i] is { } a && a.Start >= sentence.Start && a.End <= claim.Start).ToArray();
                    covered.AddRange((near.Length > 0 ? near : inPara).Select(i => (i, (Phrase?)null)));
                }
            }
            var done = new HashSet<int>();
            foreach (var (i, phrase) in covered)
            {
                if (!done.Add(i)) continue;
                var quote = Quote(doc, claim, claimSpan, listEnd, phrase);
                var f = Judge(doc, i, claim, phrase, claimSpan, quote, general, doubtful.Contains(i));
                if (f is not null) yield return new Finding(i, f);
            }
        }
    }

    /// <summary>The words of the claim about one record: the listed phrase, then the claim ("工业投资增长…等指标完成年度目标任务").</summary>
    private static string Quote(AuditDocument doc, Claim claim, SourceSpan claimSpan, int listEnd, Phrase? phrase)
    {
        var t = doc.Text;
        if (phrase is not { } p) return Figures.Quote(t[claimSpan.Start..claimSpan.End]);
        var tail = t[listEnd..claim.End];
        return p.Span.End == listEnd ? t[p.Span.Start..claim.End] : t[p.Span.Start..p.Span.End] + "…" + tail;
    }

    private static AuditFlag? Judge(AuditDocument doc, int i, Claim claim, Phrase? phrase, SourceSpan claimSpan, string quote,
        bool general, bool doubtful)
    {
        var r = doc.Records[i];
        var claimEvidence = phrase is { } p ? new SourceSpan?[] { p.Span, SourceSpan.FromBounds(claim.Start, claim.End) } : [claimSpan];
        var evidence = doc.Evidence([.. claimEvidence, doc.TargetSpans[i], doc.ActualSpans[i], doc.RateSpans[i]]);
        var says = claim.Exceeded ? "exceeded its target" : "met its target";
        var saysZh = claim.Exceeded ? "超额完成目标任务" : "完成目标任务";
        var actual = r.Actual?.Text ?? (r.ReportedRate is { } rr ? $"{Figures.Format(rr)}% of the target" : "?");
        var actualZh = r.Actual?.Text ?? (r.ReportedRate is { } rz ? $"完成目标的{Figures.Format(rz)}%" : "?");
        var target = r.Target?.Text ?? "?";
        if (r.Status == CompletionStatus.NotMet)
        {
            var rate = r.ComputedRate is { } c && r.Actual is not null ? $" ({Figures.Format(c)}% of the target)" : "";
            var rateZh = r.ComputedRate is { } cz && r.Actual is not null ? $"，为目标的{Figures.Format(cz)}%" : "";
            var severity = general || doubtful ? AuditSeverity.Warning : AuditSeverity.Error;
            return Finding.Make(AuditCodes.ClaimContradiction, severity,
                $"The document says {r.Indicator} {says} (“{quote}”), but the figures fall short: {actual} against a target of {target}{rate}.",
                $"文中称“{r.Indicator}”{saysZh}（“{quote}”），但数据未达目标：实际{actualZh}，目标{target}{rateZh}。",
                evidence);
        }
        if (claim.Exceeded && r.Status == CompletionStatus.Met && !general)
        {
            return Finding.Make(AuditCodes.ClaimContradiction, AuditSeverity.Warning,
                $"The document says {r.Indicator} exceeded its target (“{quote}”), but the figures only meet it: {actual} against {target}.",
                $"文中称“{r.Indicator}”超额完成目标任务（“{quote}”），但数据仅与目标持平：实际{actualZh}，目标{target}。",
                evidence);
        }
        if (phrase is not null && r.Actual is null && r.ReportedRate is null)
        {
            return Finding.Make(AuditCodes.ClaimUnverified, AuditSeverity.Info,
                $"The document says {r.Indicator} {says} (“{quote}”), but reports no figure to check it against the target {target}.",
                $"文中称“{r.Indicator}”{saysZh}（“{quote}”），但未报告可与目标{target}核对的数据。",
                evidence);
        }
        return null;
    }

    // ------------------------------------------------------------------ claims

    /// <summary>The spans of the claims of completion in a text (for tests of the lexicon's examples).</summary>
    internal static IReadOnlyList<SourceSpan> ClaimSpans(string text, Lexicons.LexiconSet lexicons)
    {
        var doc = new AuditDocument(text, [], lexicons, new QuantityRecognizer(lexicons));
        return FindClaims(doc).Select(c => doc.ToOriginal(SourceSpan.FromBounds(c.Start, c.End))).ToArray();
    }

    private static List<Claim> FindClaims(AuditDocument doc)
    {
        var t = doc.Text;
        var hits = new List<Claim>();
        void Add(IEnumerable<string> words, bool exceeded)
        {
            foreach (var w in words)
            {
                if (w.Length == 0) continue;
                for (var at = t.IndexOf(w, StringComparison.Ordinal); at >= 0; at = t.IndexOf(w, at + 1, StringComparison.Ordinal))
                    hits.Add(new Claim(at, at + w.Length, exceeded));
            }
        }
        Add(doc.Lex.ExceededClaims, true);
        Add(doc.Lex.MetClaims, false);
        var merged = new List<Claim>();
        foreach (var h in hits.OrderBy(h => h.Start).ThenByDescending(h => h.End))
        {
            if (merged.Count > 0 && h.Start < merged[^1].End)
            {
                var last = merged[^1];
                merged[^1] = new Claim(last.Start, Math.Max(last.End, h.End), last.Exceeded || h.Exceeded);
                continue;
            }
            merged.Add(h);
        }
        return merged.Where(c => !IsStatedRate(t, c) && !IsNegated(doc, c) && !IsHedged(doc, c)).ToList();
    }

    /// <summary>"完成年度目标任务的280%" states a rate; it claims nothing.</summary>
    private static bool IsStatedRate(string t, Claim c)
    {
        var k = c.End;
        while (k < t.Length && k - c.End < 3 && t[k] is '的' or ' ' or '达' or '为') k++;
        return k < t.Length && (char.IsAsciiDigit(t[k]) || ChineseNumeral.IsDigit(t[k]));
    }

    private static bool IsNegated(AuditDocument doc, Claim c) =>
        doc.Lex.Audit.Negations.Any(n => c.Start >= n.Length && string.CompareOrdinal(doc.Text, c.Start - n.Length, n, 0, n.Length) == 0);

    private static bool IsHedged(AuditDocument doc, Claim c)
    {
        var from = Math.Max(doc.ClauseStart(c.Start), c.Start - doc.Lex.Audit.HedgeWindow);
        var before = doc.Text.AsSpan(from, c.Start - from);
        foreach (var h in doc.Lex.Audit.Hedges)
            if (before.Contains(h, StringComparison.Ordinal)) return true;
        return false;
    }

    // ------------------------------------------------------------------ the list a claim covers

    private static bool IsQuote(char c) => c is '“' or '”' or '"' or '‘' or '’' or '《' or '》' or '\'' or ' ';

    /// <summary>The listed phrases before a claim word: the clause before it (or, when that holds only list tails, the
    /// clause before that), its tails trimmed.</summary>
    private static (int Start, int End, List<Phrase> Phrases, bool HasFigures) ListOf(AuditDocument doc, Claim claim, Lazy<ChineseSegmenter?> segmenter)
    {
        var t = doc.Text;
        var start = doc.ClauseStart(claim.Start);
        var end = TrimTails(doc, start, claim.Start);
        if (end <= start && start > 0 && t[start - 1] == ',')
        {
            var previous = doc.ClauseStart(start - 1);
            end = TrimTails(doc, previous, start - 1);
            start = previous;
        }
        if (end <= start) return (start, Math.Max(start, end), [], false);
        var hasFigures = false;
        for (var k = start; k < end; k++)
            if (char.IsAsciiDigit(t[k])) hasFigures = true;
        var phrases = new List<Phrase>();
        var segStart = start;
        for (var k = start; k <= end; k++)
        {
            if (k < end && t[k] is not ('、' or ',' or '/')) continue;
            foreach (var (s, e) in SplitGlued(doc, segStart, k, segmenter))
            {
                var (ts, te) = Trim(t, s, e);
                var text = new string(t[ts..te].Where(ch => !IsQuote(ch)).ToArray());
                if (text.Length >= 2) phrases.Add(new Phrase(text, SourceSpan.FromBounds(ts, te)));
            }
            segStart = k + 1;
        }
        return (start, end, phrases, hasFigures);
    }

    private static int TrimTails(AuditDocument doc, int start, int end)
    {
        var t = doc.Text;
        var changed = true;
        while (changed && end > start)
        {
            changed = false;
            while (end > start && (IsQuote(t[end - 1]) || t[end - 1] is ',' or '、')) end--;
            foreach (var tail in doc.Lex.Audit.ListTails)
            {
                if (end - tail.Length >= start && string.CompareOrdinal(t, end - tail.Length, tail, 0, tail.Length) == 0)
                {
                    end -= tail.Length;
                    changed = true;
                    break;
                }
            }
        }
        return end;
    }

    private static (int Start, int End) Trim(string t, int s, int e)
    {
        while (s < e && IsQuote(t[s])) s++;
        while (e > s && IsQuote(t[e - 1])) e--;
        return (s, e);
    }

    /// <summary>Cuts a list item the source glued together ("收入增长工业投资增长", "企业新增城镇就业") before an opener
    /// or after a closer, where a word boundary stands there and each side keeps at least three characters.</summary>
    private static IEnumerable<(int Start, int End)> SplitGlued(AuditDocument doc, int start, int end, Lazy<ChineseSegmenter?> segmenter)
    {
        const int MinSide = 3;
        var t = doc.Text;
        var cues = doc.Lex.Audit;
        if (end - start < 2 * MinSide)
        {
            yield return (start, end);
            yield break;
        }
        var boundaries = WordBoundaries(t, start, end, segmenter.Value);
        var cuts = new SortedSet<int>();
        for (var p = start + MinSide; p <= end - MinSide; p++)
        {
            if (!boundaries.Contains(p)) continue;
            var opens = cues.PhraseOpeners.Any(w => string.CompareOrdinal(t, p, w, 0, w.Length) == 0 && p + w.Length <= end)
                        || (t[p] is '“' or '"' && p + 1 < end && cues.PhraseOpeners.Any(w => string.CompareOrdinal(t, p + 1, w, 0, w.Length) == 0));
            var closes = cues.PhraseClosers.Any(w => p - w.Length >= start && string.CompareOrdinal(t, p - w.Length, w, 0, w.Length) == 0);
            if (opens || closes) cuts.Add(p);
        }
        var s = start;
        foreach (var c in cuts)
        {
            if (c - s < MinSide) continue;
            yield return (s, c);
            s = c;
        }
        yield return (s, end);
    }

    /// <summary>Offsets in [start, end] where a word begins or ends; every offset when there is no segmenter.</summary>
    private static HashSet<int> WordBoundaries(string t, int start, int end, ChineseSegmenter? segmenter)
    {
        var set = new HashSet<int>();
        if (segmenter is null)
        {
            for (var k = start; k <= end; k++) set.Add(k);
            return set;
        }
        var pos = start;
        set.Add(pos);
        foreach (var w in segmenter.Cut(t[start..end]))
        {
            pos += w.Length;
            set.Add(pos);
        }
        return set;
    }

    // ------------------------------------------------------------------ phrases to records

    private static IEnumerable<(int Record, Phrase? Phrase)> Match(AuditDocument doc, List<Phrase> phrases, int[] all, int[] inPara)
    {
        var local = inPara.ToHashSet();
        foreach (var p in phrases)
        {
            var scored = new List<(int Record, double Score, bool Whole)>();
            foreach (var i in all)
            {
                var indicator = doc.Records[i].Indicator;
                var dice = Dice(p.Text, indicator);
                var whole = IndicatorSimilarity.Bigrams(indicator).Count >= 3 && IndicatorSimilarity.Containment(indicator, p.Text) >= MinContainment;
                var score = Math.Max(dice, whole ? MinContainment : 0) + (local.Contains(i) ? 0.01 : 0);
                if (score >= MinDice) scored.Add((i, score, whole));
            }
            if (scored.Count == 0) continue;
            var best = scored.Max(s => s.Score);
            foreach (var s in scored.Where(s => s.Score >= best - 1e-9 || (s.Whole && scored.Count(o => o.Whole) > 1)))
                yield return (s.Record, p);
        }
    }

    private static double Dice(string a, string b)
    {
        var x = IndicatorSimilarity.Bigrams(a);
        var y = IndicatorSimilarity.Bigrams(b);
        if (x.Count + y.Count == 0) return 0;
        return 2.0 * x.Count(y.Contains) / (x.Count + y.Count);
    }
}
