using GovTextExtract.Lexicons;
using GovTextExtract.Normalization;
using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Audit;

/// <summary>One document under audit: its normalised text, its figures, and its records' evidence in normalised
/// offsets. The checks work on the normalised text (one form of every mark) and report spans of the original.</summary>
internal sealed class AuditDocument
{
    private readonly NormalizedText _normalized;
    private readonly int[] _fromOriginal;

    public AuditDocument(string original, IReadOnlyList<CompletionRecord> records, LexiconSet lexicons, QuantityRecognizer recognizer)
    {
        Original = original;
        Records = records;
        Lex = lexicons;
        _normalized = TextNormalizer.Normalize(original);
        Text = _normalized.Text;
        _fromOriginal = BuildReverseMap(original.Length, Text.Length, _normalized);
        Figures = recognizer.Recognize(Text).Where(q => q.IsFigure).ToArray();
        TargetSpans = records.Select(r => FromOriginal(r.Evidence.Target)).ToArray();
        ActualSpans = records.Select(r => FromOriginal(r.Evidence.Actual)).ToArray();
        RateSpans = records.Select(r => FromOriginal(r.Evidence.Rate)).ToArray();
    }

    /// <summary>The decoded text as given.</summary>
    public string Original { get; }
    /// <summary>The normalised text the checks read.</summary>
    public string Text { get; }
    public IReadOnlyList<CompletionRecord> Records { get; }
    public LexiconSet Lex { get; }
    /// <summary>The figures of <see cref="Text"/> (dates, ranks and item numbers left out), in text order.</summary>
    public IReadOnlyList<Quantity> Figures { get; }

    /// <summary>The index of the first figure that starts at or after <paramref name="position"/>, by binary search.</summary>
    public int FirstFigureFrom(int position)
    {
        int lo = 0, hi = Figures.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Figures[mid].Span.Start < position) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The figures that start in [<paramref name="start"/>, <paramref name="end"/>), in order: a range of
    /// <see cref="Figures"/> found by binary search, so that a check reading every clause stays linear.</summary>
    public IEnumerable<Quantity> FiguresStartingIn(int start, int end)
    {
        for (var i = FirstFigureFrom(start); i < Figures.Count && Figures[i].Span.Start < end; i++)
            yield return Figures[i];
    }
    /// <summary>Each record's target span in <see cref="Text"/>.</summary>
    public IReadOnlyList<SourceSpan?> TargetSpans { get; }
    /// <summary>Each record's actual span in <see cref="Text"/>.</summary>
    public IReadOnlyList<SourceSpan?> ActualSpans { get; }
    /// <summary>Each record's stated-rate span in <see cref="Text"/>.</summary>
    public IReadOnlyList<SourceSpan?> RateSpans { get; }

    /// <summary>A span of <see cref="Text"/> as a span of <see cref="Original"/>.</summary>
    public SourceSpan ToOriginal(SourceSpan span) => _normalized.ToOriginal(span);

    /// <summary>Spans of <see cref="Text"/> as spans of <see cref="Original"/>, in document order, without repeats.</summary>
    public IReadOnlyList<SourceSpan> Evidence(params SourceSpan?[] spans) =>
        spans.Where(s => s is { Length: > 0 }).Select(s => ToOriginal(s!.Value)).Distinct().OrderBy(s => s.Start).ThenBy(s => s.Length).ToArray();

    private SourceSpan? FromOriginal(SourceSpan? span)
    {
        if (span is not { } s || s.Start < 0 || s.End > Original.Length) return null;
        return SourceSpan.FromBounds(_fromOriginal[s.Start], Math.Max(_fromOriginal[s.Start], _fromOriginal[s.End]));
    }

    private static int[] BuildReverseMap(int originalLength, int normalizedLength, NormalizedText n)
    {
        // The normaliser only replaces characters one for one or drops them (a CR before LF, invisible characters,
        // pinyin noise, the space inside a split figure), so the map is monotone: an original offset maps to the
        // first normalised offset at or after it.
        var map = new int[originalLength + 1];
        Array.Fill(map, -1);
        for (var i = normalizedLength - 1; i >= 0; i--) map[n.ToOriginal(i)] = i;
        map[originalLength] = normalizedLength;
        for (var o = originalLength - 1; o >= 0; o--)
            if (map[o] < 0) map[o] = map[o + 1];
        return map;
    }

    // ------------------------------------------------------------------ text layout

    public static bool IsSentenceBreak(char c) => c is '。' or ';' or '!' or '?' or '\n';

    public static bool IsClauseBreak(char c) => IsSentenceBreak(c) || c is ',' or ':';

    public static bool IsCjk(char c) => c >= '\u4E00' && c <= '\u9FFF';

    /// <summary>The paragraph (line) holding <paramref name="pos"/>.</summary>
    public SourceSpan Paragraph(int pos)
    {
        var start = pos <= 0 ? 0 : Text.LastIndexOf('\n', Math.Min(pos, Text.Length) - 1) + 1;
        var end = Text.IndexOf('\n', Math.Min(pos, Text.Length));
        return SourceSpan.FromBounds(start, end < 0 ? Text.Length : end);
    }

    /// <summary>The sentence holding <paramref name="pos"/> (without its closing mark).</summary>
    public SourceSpan Sentence(int pos)
    {
        var s = pos;
        while (s > 0 && !IsSentenceBreak(Text[s - 1])) s--;
        var e = pos;
        while (e < Text.Length && !IsSentenceBreak(Text[e])) e++;
        return SourceSpan.FromBounds(s, e);
    }

    /// <summary>Where the clause holding <paramref name="pos"/> starts.</summary>
    public int ClauseStart(int pos, int floor = 0)
    {
        var k = pos;
        while (k > floor && !IsClauseBreak(Text[k - 1])) k--;
        return k;
    }

    /// <summary>The spans of a record that say where it stands: actual, target and rate.</summary>
    public IEnumerable<SourceSpan> SpansOf(int record)
    {
        if (ActualSpans[record] is { } a) yield return a;
        if (TargetSpans[record] is { } t) yield return t;
        if (RateSpans[record] is { } r) yield return r;
    }

    /// <summary>The text of an original span, or null.</summary>
    public string? OriginalText(SourceSpan? span) =>
        span is { } s && s.Start >= 0 && s.End <= Original.Length ? Original.Substring(s.Start, s.Length) : null;
}
