using GovTextExtract.Loading;
using GovTextExtract.Normalization;
using GovTextExtract.Quantities;
using GovTextExtract.Text;

namespace GovTextExtract.CrossYear;

/// <summary>A work report prepared for cross-year reading: normalised text, its quantities, its sentences, and the
/// place and year it is of.</summary>
internal sealed class ReportText
{
    private readonly int[] _sentenceStarts;
    private readonly int[] _figureStarts;
    private readonly int[] _yearStarts;
    private readonly int[] _years;

    public ReportText(LoadedDocument document, QuantityRecognizer recognizer)
    {
        Document = document;
        Normalized = TextNormalizer.Normalize(document.Text);
        Text = Normalized.Text;
        Quantities = recognizer.Recognize(Text);
        Figures = Quantities.Where(q => q.IsFigure).ToArray();
        _figureStarts = Figures.Select(q => q.CoreSpan.Start).ToArray();
        var years = Quantities.Where(q => q.Kind == QuantityKind.Date && q.Value is { } v && v >= 1949 && v <= 2100
            && v == decimal.Truncate(v) && IsYearToken(q)).ToArray();
        _yearStarts = years.Select(q => q.CoreSpan.Start).ToArray();
        _years = years.Select(q => (int)q.Value!.Value).ToArray();
        Sentences = SplitSentences(Text);
        _sentenceStarts = Sentences.Select(s => s.Start).ToArray();
        Identity = ReportIdentity.Of(Text);
    }

    public LoadedDocument Document { get; }
    public NormalizedText Normalized { get; }
    public string Text { get; }
    /// <summary>Every recognised number, figures and dates alike, in text order.</summary>
    public IReadOnlyList<Quantity> Quantities { get; }
    /// <summary>The figures (amounts, counts, rates) in text order.</summary>
    public IReadOnlyList<Quantity> Figures { get; }
    /// <summary>Sentences: split at 。!? and line ends.</summary>
    public IReadOnlyList<SourceSpan> Sentences { get; }
    public ReportIdentity Identity { get; }

    /// <summary>The figures whose number starts inside [start, end).</summary>
    public IEnumerable<Quantity> FiguresIn(int start, int end)
    {
        for (var i = FirstAtOrAfter(_figureStarts, start); i < _figureStarts.Length && _figureStarts[i] < end; i++)
            yield return Figures[i];
    }

    private static int FirstAtOrAfter(int[] sorted, int value)
    {
        var lo = 0;
        var hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The years (four-digit dates) written inside [start, end).</summary>
    public IEnumerable<int> YearsIn(int start, int end)
    {
        for (var i = FirstAtOrAfter(_yearStarts, start); i < _yearStarts.Length && _yearStarts[i] < end; i++)
            yield return _years[i];
    }

    private bool IsYearToken(Quantity q) =>
        q.CoreSpan.Length >= 4 && char.IsAsciiDigit(Text[q.CoreSpan.Start]) && q.CoreSpan.Start + 4 <= Text.Length
        && Text.AsSpan(q.CoreSpan.Start, 4).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>The index of the sentence holding an offset.</summary>
    public int SentenceIndexAt(int offset)
    {
        var i = Array.BinarySearch(_sentenceStarts, offset);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }

    /// <summary>Maps a span of the normalised text to the document's decoded text.</summary>
    public SourceSpan ToOriginal(SourceSpan span) => Normalized.ToOriginal(span);

    /// <summary>The decoded text of a span of the normalised text.</summary>
    public string OriginalText(SourceSpan span)
    {
        var o = ToOriginal(span);
        return Document.Text.Substring(o.Start, o.Length);
    }

    internal static bool IsSentenceBreak(char c) => c is '。' or '!' or '?' or '\n';

    internal static bool IsClauseBreak(char c) => c is ',' or ';' or ':' or '(' or ')' or '。' or '!' or '?' or '\n' or '，' or '；';

    private static SourceSpan[] SplitSentences(string t)
    {
        var list = new List<SourceSpan>();
        var start = 0;
        for (var i = 0; i < t.Length; i++)
        {
            if (!IsSentenceBreak(t[i])) continue;
            list.Add(SourceSpan.FromBounds(start, i + 1));
            start = i + 1;
        }
        if (start < t.Length) list.Add(SourceSpan.FromBounds(start, t.Length));
        return list.ToArray();
    }
}
