using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.CrossYear;

/// <summary>Reads the figures of a stretch of report text together with the indicator each is about.</summary>
/// <remarks>A sentence is cut into clauses (，；：and brackets) and a clause into parts (、). A figure is about the
/// last indicator name before it in its part; a part without a name goes on about the indicator before it when it
/// opens with a continuation word (同比增长…, 达到…, 增长…). A clause with 分别 pairs its list of names with its list
/// of figures. Thread-safe: holds only read-only data.</remarks>
internal sealed class MentionReader
{
    private const int QualifierLookback = 12;
    private readonly CrossYearLexicon _lex;
    private readonly IReadOnlyList<string> _rateCues;

    public MentionReader(CrossYearLexicon lexicon)
    {
        _lex = lexicon;
        _rateCues = lexicon.RateCues;
    }

    /// <summary>Reads the mentions of [start, end).</summary>
    /// <param name="report">The report.</param>
    /// <param name="start">Start offset in the normalised text.</param>
    /// <param name="end">End offset.</param>
    /// <param name="allowRaw">Let a figure whose name is in no alias group stand with its own phrase (target
    /// statements), rather than be dropped (review text).</param>
    /// <param name="extraAliases">More names to look for (the raw names of year-N targets).</param>
    public IEnumerable<Mention> Read(ReportText report, int start, int end, bool allowRaw,
        IReadOnlyList<(string Alias, IndicatorGroup Group)>? extraAliases = null)
    {
        var aliases = extraAliases is { Count: > 0 }
            ? new AliasTable(_lex.Aliases.Concat(extraAliases).OrderByDescending(a => a.Alias.Length).ToArray())
            : new AliasTable(_lex.Aliases, _lex.AliasesByFirstChar);
        var places = report.Identity.PlaceForms();
        var first = report.SentenceIndexAt(start);
        for (var si = first; si < report.Sentences.Count; si++)
        {
            var s = report.Sentences[si];
            if (s.Start >= end) yield break;
            var ss = Math.Max(s.Start, start);
            var se = Math.Min(s.End, end);
            if (se <= ss) continue;
            foreach (var m in ReadSentence(report, ss, se, allowRaw, aliases, places))
                yield return m;
        }
    }

    private IEnumerable<Mention> ReadSentence(ReportText r, int ss, int se, bool allowRaw,
        AliasTable aliases, IReadOnlyList<string> places)
    {
        var t = r.Text;
        Subject? current = null;
        var currentClause = ss;
        foreach (var (cs, ce) in Clauses(t, ss, se))
        {
            var respectively = t.IndexOf(_lex.Respectively, cs, ce - cs, StringComparison.Ordinal);
            if (respectively >= 0)
            {
                foreach (var m in ReadRespectively(r, cs, ce, respectively, allowRaw, aliases, places))
                    yield return m;
                current = null;
                continue;
            }
            foreach (var (ps, pe) in Parts(t, cs, ce))
            {
                var names = FindSubjects(t, ps, pe, aliases, places);
                var figures = r.FiguresIn(ps, pe).ToList();
                var flat = FindFlat(t, ps, pe);
                if (figures.Count == 0 && flat is null)
                {
                    if (names.Count > 0)
                    {
                        current = names[^1];
                        currentClause = cs;
                    }
                    continue;
                }
                var prevEnd = ps;
                foreach (var (fig, flatSpan) in Ordered(figures, flat))
                {
                    var coreStart = fig?.CoreSpan.Start ?? flatSpan!.Value.Start;
                    var figEnd = fig?.Span.End ?? flatSpan!.Value.End;
                    var name = names.LastOrDefault(n => n.End <= coreStart);
                    Subject? subject;
                    var inherited = false;
                    var aspiration = false;
                    int zoneStart;
                    int context;
                    if (name is not null)
                    {
                        subject = name;
                        zoneStart = Math.Max(name.End, prevEnd);
                        context = cs;
                        current = name;
                        currentClause = cs;
                    }
                    else
                    {
                        var lead = t[prevEnd..coreStart].Trim();
                        if (current is not null && (lead.Length == 0 || StartsWithAny(lead, _lex.Continuations)
                                || StartsWithAny(lead, _lex.GrowthVerbs)))
                        {
                            subject = current;
                            inherited = true;
                            aspiration = StartsWithAny(lead, _lex.Aspirations);
                            zoneStart = prevEnd;
                            context = currentClause;
                        }
                        else if (allowRaw && RawSubject(t, prevEnd, coreStart) is { } raw)
                        {
                            subject = raw;
                            zoneStart = raw.End;
                            context = cs;
                            current = raw;
                            currentClause = cs;
                        }
                        else
                        {
                            current = null;
                            prevEnd = figEnd;
                            continue;
                        }
                    }
                    var zone = t[zoneStart..coreStart];
                    yield return Build(r, subject, fig, flatSpan, zone, inherited, respectively: false, context) with { Aspiration = aspiration };
                    prevEnd = figEnd;
                }
            }
        }
    }

    private static IEnumerable<(Quantity? Figure, SourceSpan? Flat)> Ordered(List<Quantity> figures, SourceSpan? flat)
    {
        var items = figures.Select(f => (Figure: (Quantity?)f, Flat: (SourceSpan?)null, Pos: f.CoreSpan.Start)).ToList();
        if (flat is { } fs && !figures.Any(f => f.Span.Overlaps(fs))) items.Add((null, fs, fs.Start));
        return items.OrderBy(i => i.Pos).Select(i => (i.Figure, i.Flat));
    }

    private IEnumerable<Mention> ReadRespectively(ReportText r, int cs, int ce, int at, bool allowRaw,
        AliasTable aliases, IReadOnlyList<string> places)
    {
        var t = r.Text;
        var figures = r.FiguresIn(at, ce).ToList();
        if (figures.Count < 2) yield break;
        // The names: the list before 分别, split at 、和及.
        var listStart = cs;
        var parts = new List<(int Start, int End)>();
        var ps = listStart;
        for (var i = listStart; i < at; i++)
        {
            var sep = _lex.ListSeparators.FirstOrDefault(w => string.CompareOrdinal(t, i, w, 0, w.Length) == 0);
            if (sep is null) continue;
            parts.Add((ps, i));
            ps = i + sep.Length;
            i += sep.Length - 1;
        }
        parts.Add((ps, at));
        parts.RemoveAll(p => p.End <= p.Start);
        if (parts.Count == 1 && figures.Count > 1)
        {
            foreach (var m in ReadPairPrefix(r, parts[0], figures, at, cs, allowRaw, aliases, places))
                yield return m;
            yield break;
        }
        if (parts.Count != figures.Count) yield break;
        var lastNames = FindSubjects(t, parts[^1].Start, parts[^1].End, aliases, places);
        var lastName = lastNames.Count > 0 ? lastNames[^1] : null;
        var subjects = new Subject?[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var (a, b) = parts[i];
            var names = FindSubjects(t, a, b, aliases, places);
            if (names.Count > 0)
            {
                subjects[i] = names[^1];
                continue;
            }
            if (lastName is null) continue;
            // "城镇、农村居民人均可支配收入": the short name borrows the head of the last one.
            var own = StripOpening(t[a..b], places);
            if (own.Length == 0) continue;
            var lastPhrase = t[parts[^1].Start..lastName.End];
            lastPhrase = StripOpening(lastPhrase, places);
            if (lastPhrase.Length <= own.Length) continue;
            var rebuilt = own + lastPhrase[own.Length..];
            var group = Resolve(rebuilt, aliases, out var alias, out var aliasAt);
            if (group is null || group == lastName.Group) continue;
            var (qualifier, ratio) = QualifierOf(rebuilt[..aliasAt], places);
            if (ratio) continue;
            subjects[i] = new Subject(group, alias!, qualifier, a, b);
        }
        var zone = t[(at + _lex.Respectively.Length)..figures[0].CoreSpan.Start];
        var sharedBound = figures[^1].Bound;
        for (var i = 0; i < parts.Count; i++)
        {
            var subject = subjects[i];
            if (subject is null && allowRaw && RawSubject(t, parts[i].Start, parts[i].End, trimVerbs: false) is { } raw)
                subject = raw;
            if (subject is null) continue;
            var fig = figures[i];
            if (fig.Bound is null && sharedBound is { } b && b != BoundKind.Range) fig = fig with { Bound = b };
            yield return Build(r, subject, fig, null, zone, inherited: false, respectively: true, cs);
        }
    }

    /// <summary>"城乡居民人均可支配收入分别增长8%和9%": one name opening with a pair prefix names both halves.</summary>
    private IEnumerable<Mention> ReadPairPrefix(ReportText r, (int Start, int End) part, List<Quantity> figures, int at,
        int cs, bool allowRaw, AliasTable aliases, IReadOnlyList<string> places)
    {
        var t = r.Text;
        var own = StripOpening(t[part.Start..part.End], places);
        foreach (var (prefix, expands) in _lex.PairPrefixes)
        {
            if (!own.StartsWith(prefix, StringComparison.Ordinal) || expands.Count != figures.Count) continue;
            var rest = own[prefix.Length..];
            var zone = t[(at + _lex.Respectively.Length)..figures[0].CoreSpan.Start];
            var sharedBound = figures[^1].Bound;
            for (var i = 0; i < expands.Count; i++)
            {
                var phrase = expands[i] + rest;
                var group = Resolve(phrase, aliases, out var alias, out _);
                if (group is null && !allowRaw) continue;
                var subject = group is null
                    ? new Subject(new IndicatorGroup(phrase, IndicatorKind.Flow, [phrase], false, []), phrase, null, part.Start, part.End, Raw: true)
                    : new Subject(group, alias!, null, part.Start, part.End);
                var fig = figures[i];
                if (fig.Bound is null && sharedBound is { } b && b != BoundKind.Range) fig = fig with { Bound = b };
                yield return Build(r, subject, fig, null, zone, inherited: false, respectively: true, cs);
            }
            yield break;
        }
    }

    private Mention Build(ReportText r, Subject subject, Quantity? fig, SourceSpan? flat, string zone, bool inherited,
        bool respectively, int context)
    {
        var trimmed = zone.Trim();
        // "增长-3.3%": the recogniser reads the number without its sign.
        var negative = fig is not null && trimmed.EndsWith('-') && (trimmed.Length < 2 || !char.IsAsciiDigit(trimmed[^2]));
        var decrease = fig is not null && (fig.Decrease || negative || EndsWithAny(trimmed, _lex.DecreaseVerbs));
        var unit = fig is null ? "%" : fig.Unit;
        var kind = subject.Group.Kind;
        Measure measure;
        decimal? value = fig is null ? 0m : fig.Value;
        decimal? low = fig?.Low, high = fig?.High;
        if (fig is null)
        {
            measure = kind switch { IndicatorKind.Flow or IndicatorKind.Count => Measure.Growth, _ => Measure.Level };
        }
        else if (unit is "%" or "‰")
        {
            if (EndsWithAny(trimmed, _rateCues)) measure = Measure.CompletionRate;
            else if (ContainsAny(trimmed, _lex.RatioMarkers)) measure = Measure.Share;
            else measure = kind switch
            {
                IndicatorKind.Rate => Measure.Level,
                IndicatorKind.Reduction => Measure.Level,
                // "经济增长4.5%-5%": the alias itself may end with the growth verb.
                _ => decrease || ContainsAny(trimmed, _lex.GrowthVerbs) || EndsWithAny(subject.Phrase, _lex.GrowthVerbs) ? Measure.Growth : Measure.Other,
            };
            // A fall is written as a positive figure after 下降; as growth (or a price change) it is negative.
            if (decrease && (measure == Measure.Growth || (measure == Measure.Level && kind == IndicatorKind.Rate)))
            {
                value = -value;
                (low, high) = (-high, -low);
            }
        }
        else if (unit == "个百分点") measure = Measure.Points;
        // A magnitude without a unit ("减少1000万以上") counts what its name names.
        else if (unit is null) measure = fig.Text.Contains('万') || fig.Text.Contains('亿') ? Measure.Level : Measure.Other;
        else measure = kind is IndicatorKind.Rate or IndicatorKind.Reduction ? Measure.Other : Measure.Level;

        var span = fig?.Span ?? flat!.Value;
        if (decrease && fig is not null)
        {
            var verb = _lex.DecreaseVerbs.FirstOrDefault(v => span.Start >= v.Length
                && string.CompareOrdinal(r.Text, span.Start - v.Length, v, 0, v.Length) == 0);
            if (verb is not null) span = SourceSpan.FromBounds(span.Start - verb.Length, span.End);
        }
        return new Mention
        {
            Subject = subject,
            Figure = fig,
            Span = span,
            Value = value,
            Low = low,
            High = high,
            Unit = unit,
            Bound = fig?.Bound,
            Measure = measure,
            VerbZone = zone,
            Inherited = inherited,
            Respectively = respectively,
            ContextStart = context,
            Estimate = fig?.Estimate ?? false,
            Approximate = fig?.Approximate ?? false,
            Period = fig?.Period,
        };
    }

    /// <summary>The indicator names in [start, end), longest alias first at each position, without the names that
    /// are the base of a share (占国内生产总值的比重).</summary>
    internal List<Subject> FindSubjects(string t, int start, int end, AliasTable aliases,
        IReadOnlyList<string> places)
    {
        var found = new List<Subject>();
        for (var i = start; i < end; i++)
        {
            if (!aliases.ByFirstChar.TryGetValue(t[i], out var list)) continue;
            (string Alias, IndicatorGroup Group)? hit = null;
            foreach (var a in list)
            {
                if (i + a.Alias.Length > end) continue;
                if (string.CompareOrdinal(t, i, a.Alias, 0, a.Alias.Length) == 0)
                {
                    hit = a;
                    break;
                }
            }
            if (hit is not { } h) continue;
            var lookFrom = Math.Max(start, i - QualifierLookback);
            var (qualifier, ratio) = QualifierOf(t[lookFrom..i], places);
            if (!ratio) found.Add(new Subject(h.Group, h.Alias, qualifier, i, i + h.Alias.Length, h.Group.Aliases.Count == 1 && IsRawGroup(h.Group)));
            i += h.Alias.Length - 1;
        }
        return found;
    }

    /// <summary>The names a reading looks for: the lexicon's aliases and any extra ones, longest first, and the
    /// same grouped by first character.</summary>
    internal sealed class AliasTable
    {
        public AliasTable(IReadOnlyList<(string Alias, IndicatorGroup Group)> list,
            IReadOnlyDictionary<char, (string Alias, IndicatorGroup Group)[]>? byFirstChar = null)
        {
            List = list;
            ByFirstChar = byFirstChar ?? IndexByFirstChar(list);
        }

        public IReadOnlyList<(string Alias, IndicatorGroup Group)> List { get; }
        public IReadOnlyDictionary<char, (string Alias, IndicatorGroup Group)[]> ByFirstChar { get; }
    }

    /// <summary>Aliases grouped by their first character, longest first within a group.</summary>
    internal static IReadOnlyDictionary<char, (string Alias, IndicatorGroup Group)[]> IndexByFirstChar(
        IEnumerable<(string Alias, IndicatorGroup Group)> aliases) =>
        aliases.Where(a => a.Alias.Length > 0).GroupBy(a => a.Alias[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Alias.Length).ToArray());

    private static bool IsRawGroup(IndicatorGroup g) => g.Examples.Count == 0 && g.Aliases.Count == 1 && g.Aliases[0] == g.Name;

    /// <summary>The words right before an indicator name that narrow it, or null; ratio is true when the name is
    /// the base of a share.</summary>
    internal (string? Qualifier, bool Ratio) QualifierOf(string before, IReadOnlyList<string> places)
    {
        var k = before.Length;
        while (k > 0 && IsWordChar(before[k - 1])) k--;
        var s = before[k..];
        s = s.TrimStart('年', '月', '日', '底', '末', '份');
        while (s.Length > 0)
        {
            if (EndsWithAny(s, _lex.RatioMarkers)) return (null, true);
            var scope = _lex.ScopeWords.Concat(places).FirstOrDefault(w => s.EndsWith(w, StringComparison.Ordinal));
            if (scope is not null)
            {
                s = s[..^scope.Length];
                continue;
            }
            if (EndsWithAny(s, _lex.LeadIns)) return (null, false);
            return (s.Length > 6 ? s[^6..] : s, false);
        }
        return (null, false);
    }

    private static bool IsWordChar(char c) => c is >= '\u4e00' and <= '\u9fff';

    /// <summary>The phrase before a figure of a target statement that no alias names (全员劳动生产率 if it had no
    /// group): the part's words without opening scope words and without the verb before the figure.</summary>
    private Subject? RawSubject(string t, int start, int end, bool trimVerbs = true)
    {
        var text = t[start..end];
        var lead = text.Length - text.TrimStart().Length;
        var phrase = text.Trim();
        if (phrase.Length == 0 || StartsWithAny(phrase, _lex.Continuations)) return null;
        if (trimVerbs)
        {
            var changed = true;
            while (changed && phrase.Length > 0)
            {
                changed = false;
                foreach (var w in _lex.LevelVerbs.Concat(_lex.Continuations).Concat(_lex.GrowthVerbs).Concat(["保持", "力争", "确保", "在"]))
                {
                    if (phrase.EndsWith(w, StringComparison.Ordinal) && phrase.Length > w.Length)
                    {
                        phrase = phrase[..^w.Length].TrimEnd();
                        changed = true;
                    }
                }
            }
        }
        var stripped = StripOpening(phrase, []);
        var offset = start + lead + (phrase.Length - stripped.Length);
        // A name is Chinese words, with Latin abbreviations allowed inside (占GDP比重, R&D经费, PM2.5浓度).
        if (stripped.Length < 2 || stripped.Length > 24 || !stripped.Any(IsWordChar)
            || !stripped.All(c => IsWordChar(c) || char.IsAsciiLetter(c) || c == '&' || ((char.IsAsciiDigit(c) || c == '.') && stripped.Any(char.IsAsciiLetter))))
            return null;
        if (_lex.LeadIns.Contains(stripped) || _lex.Continuations.Contains(stripped) || _lex.Aspirations.Contains(stripped)
            || _lex.ScopeWords.Contains(stripped))
            return null;
        // A name ending in 率, 强度, 比重 or 涨幅 is a percentage level; any other a total.
        var kind = stripped.EndsWith('率') || MentionReader.EndsWithAny(stripped, ["强度", "比重", "比例", "涨幅"])
            ? IndicatorKind.Rate : IndicatorKind.Flow;
        var group = new IndicatorGroup(stripped, kind, [stripped], false, []);
        return new Subject(group, stripped, null, offset, offset + stripped.Length, Raw: true);
    }

    private string StripOpening(string s, IReadOnlyList<string> places)
    {
        var changed = true;
        while (changed && s.Length > 0)
        {
            changed = false;
            foreach (var w in _lex.ScopeWords.Concat(_lex.LeadIns).Concat(places))
            {
                if (s.StartsWith(w, StringComparison.Ordinal) && s.Length > w.Length)
                {
                    s = s[w.Length..];
                    changed = true;
                    break;
                }
            }
        }
        return s;
    }

    private static IndicatorGroup? Resolve(string phrase, AliasTable aliases, out string? alias, out int at)
    {
        foreach (var a in aliases.List)
        {
            var i = phrase.IndexOf(a.Alias, StringComparison.Ordinal);
            if (i < 0) continue;
            alias = a.Alias;
            at = i;
            return a.Group;
        }
        alias = null;
        at = 0;
        return null;
    }

    private SourceSpan? FindFlat(string t, int start, int end)
    {
        foreach (var w in _lex.FlatPhrases)
        {
            var i = t.IndexOf(w, start, end - start, StringComparison.Ordinal);
            if (i >= 0) return new SourceSpan(i, w.Length);
        }
        return null;
    }

    /// <summary>Clauses of [start, end): cut at ，；：and brackets, not at a thousands separator.</summary>
    internal static IEnumerable<(int Start, int End)> Clauses(string t, int start, int end)
    {
        var cs = start;
        for (var i = start; i < end; i++)
        {
            if (!ReportText.IsClauseBreak(t[i])) continue;
            if (t[i] == ',' && i > 0 && char.IsAsciiDigit(t[i - 1]) && i + 3 < t.Length
                && char.IsAsciiDigit(t[i + 1]) && char.IsAsciiDigit(t[i + 2]) && char.IsAsciiDigit(t[i + 3]))
                continue;
            if (i > cs) yield return (cs, i);
            cs = i + 1;
        }
        if (end > cs) yield return (cs, end);
    }

    private static IEnumerable<(int Start, int End)> Parts(string t, int start, int end)
    {
        var ps = start;
        for (var i = start; i < end; i++)
        {
            if (t[i] != '、') continue;
            if (i > ps) yield return (ps, i);
            ps = i + 1;
        }
        if (end > ps) yield return (ps, end);
    }

    internal static bool StartsWithAny(string s, IEnumerable<string> words) => Words.StartsWithAny(s, words);

    internal static bool EndsWithAny(string s, IEnumerable<string> words) => Words.EndsWithAny(s, words);

    internal static bool ContainsAny(string s, IEnumerable<string> words) => Words.ContainsAny(s, words);
}
