using System.Text.RegularExpressions;
using GovTextExtract.Text;

namespace GovTextExtract.CrossYear;

/// <summary>Which period a sentence of a report speaks of.</summary>
internal enum Period
{
    /// <summary>The past year (or no marker seen yet).</summary>
    Year,
    /// <summary>A plan period or several years (十四五时期, 过去五年).</summary>
    FiveYear,
    /// <summary>Another year (the coming one).</summary>
    Other,
}

/// <summary>Where a report's main-target statement stands.</summary>
/// <param name="SentenceStart">Start of the sentence holding the cue (the review part ends before it).</param>
/// <param name="Start">First character of the statement after the cue's colon.</param>
/// <param name="End">End of the statement.</param>
/// <param name="Cue">The cue phrase found.</param>
internal sealed record StatementLocation(int SentenceStart, int Start, int End, string Cue);

/// <summary>Finds the parts of a work report: the main-target statement, and the period each sentence of the
/// review part speaks of.</summary>
internal sealed class ReportLayout
{
    private static readonly Regex Heading = new(@"^\s*[一二三四五六七八九十]+、", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    private static readonly Regex ListItem = new(
        @"^\s*(?:[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[一二三四五六七八九十]+是|[-—]{1,2}|[①②③④⑤⑥⑦⑧⑨⑩])",
        RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private readonly CrossYearLexicon _lex;

    public ReportLayout(CrossYearLexicon lexicon) => _lex = lexicon;

    /// <summary>The year's main-target statement: the first cue (预期目标) with a connector and a colon whose
    /// sentence names no plan period, and whose statement holds at least one figure; failing that, the first weak cue
    /// (主要目标) so placed; failing that, the same with a connector (是, 为) and no colon.</summary>
    public StatementLocation? FindStatement(ReportText report)
    {
        var strong = Hits(report.Text, _lex.StatementCues);
        var weak = Hits(report.Text, _lex.StatementWeakCues)
            .Where(w => !strong.Any(h => h.Pos < w.Pos + w.Cue.Length && w.Pos < h.Pos + h.Cue.Length)).ToList();
        foreach (var withColon in new[] { true, false })
            foreach (var hits in new[] { strong, weak })
                if (FirstStatement(report, hits, withColon) is { } found) return found;
        return null;
    }

    private static List<(int Pos, string Cue)> Hits(string t, IReadOnlyList<string> cues)
    {
        var hits = new List<(int Pos, string Cue)>();
        foreach (var cue in cues)
        {
            for (var i = t.IndexOf(cue, StringComparison.Ordinal); i >= 0; i = t.IndexOf(cue, i + 1, StringComparison.Ordinal))
            {
                if (hits.Any(h => h.Pos <= i && i < h.Pos + h.Cue.Length || i <= h.Pos && h.Pos < i + cue.Length)) continue;
                hits.Add((i, cue));
            }
        }
        hits.Sort((a, b) => a.Pos.CompareTo(b.Pos));
        return hits;
    }

    private StatementLocation? FirstStatement(ReportText report, List<(int Pos, string Cue)> hits, bool withColon)
    {
        var t = report.Text;
        foreach (var (pos, cue) in hits)
        {
            var after = pos + cue.Length;
            var connector = _lex.StatementConnectors.FirstOrDefault(c =>
                (withColon || c.Length > 0) && string.CompareOrdinal(t, after, c, 0, c.Length) == 0
                && (!withColon || IsColonAt(t, after + c.Length)));
            if (connector is null) continue;
            var bodyStart = after + connector.Length;
            while (bodyStart < t.Length && t[bodyStart] == ' ') bodyStart++;
            if (withColon) bodyStart++;
            if (bodyStart >= t.Length) continue;
            var sentenceStart = pos;
            while (sentenceStart > 0 && !ReportText.IsSentenceBreak(t[sentenceStart - 1])) sentenceStart--;
            if (NamesPlanPeriod(report, sentenceStart, pos)) continue;
            var (start, end) = Extent(t, bodyStart);
            end = CutAtEndCue(t, start, end);
            if (!report.FiguresIn(start, end).Any()) continue;
            return new StatementLocation(sentenceStart, start, end, cue + connector);
        }
        return null;
    }

    /// <summary>True when the words before a cue name a plan period: in the cue's own clause ("“十五五”时期…主要目标
    /// 是"), or earlier in its sentence when the sentence does not also name the year ("今后五年，…预期目标是"; not
    /// "今年是“十三五”开局之年，主要预期目标是").</summary>
    private bool NamesPlanPeriod(ReportText report, int sentenceStart, int cue)
    {
        var t = report.Text;
        var clauseStart = cue;
        while (clauseStart > sentenceStart && !ReportText.IsClauseBreak(t[clauseStart - 1])) clauseStart--;
        if (MentionReader.ContainsAny(t[clauseStart..cue], _lex.StatementFiveYearMarkers)) return true;
        var sentence = t[sentenceStart..clauseStart];
        if (!MentionReader.ContainsAny(sentence, _lex.StatementFiveYearMarkers)) return false;
        var namesYear = MentionReader.ContainsAny(sentence, _lex.ThisYearWords)
            || (report.Identity.Year is { } y && report.YearsIn(sentenceStart, clauseStart).Contains(y));
        return !namesYear;
    }

    private static bool IsColonAt(string t, int i)
    {
        while (i < t.Length && t[i] == ' ') i++;
        return i < t.Length && t[i] is ':' or '：';
    }

    private static (int Start, int End) Extent(string t, int start)
    {
        var lineEnd = t.IndexOf('\n', start);
        if (lineEnd < 0) lineEnd = t.Length;
        var first = t[start..lineEnd];
        if (first.Trim().Length > 0)
        {
            // "目标是：（一）…" goes on over the list items of the next lines.
            if (!ListItem.IsMatch(first)) return (start, lineEnd);
            var e = lineEnd;
            while (e < t.Length)
            {
                var ls = e + 1;
                if (ls >= t.Length) break;
                var le = t.IndexOf('\n', ls);
                if (le < 0) le = t.Length;
                var line = t[ls..le];
                if (!ListItem.IsMatch(line) || Heading.IsMatch(line)) break;
                e = le;
            }
            return (start, e);
        }
        // The cue ends its line: the statement is the next paragraph and the list items after it.
        var p = lineEnd;
        var s = -1;
        var end = lineEnd;
        while (p < t.Length)
        {
            var ls = p + 1;
            if (ls >= t.Length) break;
            var le = t.IndexOf('\n', ls);
            if (le < 0) le = t.Length;
            var line = t[ls..le];
            if (line.Trim().Length == 0)
            {
                p = le;
                continue;
            }
            if (s < 0)
            {
                s = ls;
                end = le;
            }
            else if (ListItem.IsMatch(line) && !Heading.IsMatch(line))
            {
                end = le;
            }
            else break;
            p = le;
        }
        return s < 0 ? (start, lineEnd) : (s, end);
    }

    private int CutAtEndCue(string t, int start, int end)
    {
        var i = start;
        var sentenceStart = start;
        while (i < end)
        {
            if (i == sentenceStart && i > start)
            {
                var rest = t[i..Math.Min(end, i + 12)].TrimStart();
                if (MentionReader.StartsWithAny(rest, _lex.StatementEndCues)) return i;
            }
            if (ReportText.IsSentenceBreak(t[i])) sentenceStart = i + 1;
            i++;
        }
        return end;
    }

    /// <summary>The period each sentence of a report speaks of.</summary>
    /// <param name="report">The report.</param>
    /// <param name="reviewYear">The year the review part is about, when known: a sentence opening with it speaks
    /// of that year.</param>
    public Period[] Periods(ReportText report, int? reviewYear)
    {
        var t = report.Text;
        var result = new Period[report.Sentences.Count];
        var current = Period.Year;
        for (var i = 0; i < report.Sentences.Count; i++)
        {
            var s = report.Sentences[i];
            var text = t[s.Start..s.End];
            var lineStart = s.Start == 0 || t[s.Start - 1] == '\n';
            if (lineStart && Heading.IsMatch(text))
            {
                // A heading sets the period it names: the review year wins over a plan period named beside it
                // ("2025年和“十四五”时期工作回顾"); another year is the coming one ("2026年工作安排").
                var years = report.YearsIn(s.Start, s.End).ToArray();
                var five = MentionReader.ContainsAny(text, _lex.FiveYearMarkers);
                if (MentionReader.ContainsAny(text, _lex.YearMarkers) || (reviewYear is { } ry && years.Contains(ry)))
                    current = Period.Year;
                else if (five) current = Period.FiveYear;
                else if (years.Length > 0 && reviewYear is not null) current = Period.Other;
                else current = Period.Year;
                result[i] = current;
                continue;
            }
            var opening = text.TrimStart(' ', '-', '—');
            opening = opening[..Math.Min(opening.Length, _lex.OpeningWindow)];
            // "2025年是“十四五”收官之年，…地区生产总值增长5%": a sentence opening with the review year speaks of it.
            if (MentionReader.ContainsAny(opening, _lex.YearMarkers) || OpensWithYear(report, s, reviewYear)) current = Period.Year;
            else if (MentionReader.ContainsAny(opening, _lex.FiveYearMarkers)) current = Period.FiveYear;
            result[i] = current;
        }
        return result;
    }

    /// <summary>True when a sentence opens (within its first characters) with a year: "2012年，在…".</summary>
    private static bool OpensWithYear(ReportText report, SourceSpan s, int? year)
    {
        var t = report.Text;
        var k = s.Start;
        while (k < s.End && !char.IsAsciiDigit(t[k]) && k - s.Start < 8) k++;
        return k < s.End && char.IsAsciiDigit(t[k])
            && report.YearsIn(k, Math.Min(s.End, k + 1)).Any(y => year is null || y == year);
    }
}
