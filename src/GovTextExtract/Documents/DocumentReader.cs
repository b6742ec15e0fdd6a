using System.Text.RegularExpressions;
using GovTextExtract.Loading;
using GovTextExtract.Normalization;
using GovTextExtract.Quantities;
using GovTextExtract.Tables;
using GovTextExtract.Text;

namespace GovTextExtract.Documents;

/// <summary>Reads a loaded document once into a <see cref="GovDocument"/>: normalises it, splits it into blocks,
/// sentences and clauses, and recognises every figure as a mention. Thread-safe: it holds only the (thread-safe)
/// recogniser.</summary>
public sealed class DocumentReader
{
    private readonly QuantityRecognizer _recognizer;

    /// <summary>Creates a reader over a recogniser.</summary>
    public DocumentReader(QuantityRecognizer recognizer) =>
        _recognizer = recognizer ?? throw new ArgumentNullException(nameof(recognizer));

    // An item marker opening a line: 1. 1、 (1) （一） 一、 一是 ● -- ——; the body starts after it.
    private static readonly Regex ItemMarker = new(
        @"^\s*(?:[0-9]{1,3}\s*[.、．)）]|[(（]\s*[0-9]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]" +
        @"|[一二三四五六七八九十]{1,2}是|其[一二三四五六七八九十]是|[●○◆◇■□▲△★☆•·]|-{1,2}|——)\s*",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // A heading marker: 一、 (一) or a line that ends without sentence punctuation and is short.
    private static readonly Regex HeadingMarker = new(
        @"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）])",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Longest line, in characters, read as a heading when it holds no figure.</summary>
    private const int MaxHeadingLength = 40;

    /// <summary>Longest line, in characters, read as a heading without a heading marker.</summary>
    private const int MaxBareHeadingLength = 20;

    /// <summary>How much of the opening of a document names the period it reports on.</summary>
    private const int OpeningLength = 300;

    /// <summary>Reads <paramref name="document"/>.</summary>
    public GovDocument Read(LoadedDocument document) =>
        Read(document, TableRecordExtractor.Tables(document));

    /// <summary>Reads <paramref name="document"/> whose tables (the loader's and the plain-text ones) are known.</summary>
    public GovDocument Read(LoadedDocument document, IReadOnlyList<DocumentTable> tables)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(tables);
        var reading = TextNormalizer.Normalize(document.Text);
        var text = reading.Text;
        var tableSpans = tables.Select(t => SourceSpan.FromBounds(ToReading(reading, t.Span.Start), ToReading(reading, t.Span.End))).ToArray();
        var figures = _recognizer.Recognize(text).Where(q => q.IsFigure).ToArray();

        var blocks = new List<TextBlock>();
        var sentences = new List<Sentence>();
        var heading = -1;
        var nextFigure = 0;
        // The loader's list items (HTML li, a Word list paragraph): items even where the text shows no marker (an
        // HTML ol numbers its items on screen, not in the text).
        var listItems = document.Blocks.Where(b => b.Kind == BlockKind.ListItem).Select(b => b.Span.Start).ToHashSet();
        foreach (var line in Lines(text))
        {
            var inTable = tableSpans.Any(t => t.Overlaps(line));
            var lineText = text.AsSpan(line.Start, line.Length);
            var marker = ItemMarker.Match(text, line.Start, line.Length);
            var bodyStart = marker.Success && marker.Index == line.Start ? line.Start + marker.Length : line.Start;
            while (nextFigure < figures.Length && figures[nextFigure].Span.Start < line.Start) nextFigure++;
            var hasFigure = nextFigure < figures.Length && line.Contains(figures[nextFigure].Span);
            BlockRole role;
            if (inTable) role = BlockRole.TableLine;
            else if (!hasFigure && IsHeading(lineText)) role = BlockRole.Heading;
            else if (bodyStart > line.Start || (listItems.Count > 0 && listItems.Contains(reading.ToOriginal(line.Start)))) role = BlockRole.Item;
            else role = BlockRole.Paragraph;
            var block = new TextBlock(blocks.Count, line, role, heading, bodyStart);
            blocks.Add(block);
            if (role == BlockRole.Heading) heading = block.Index;
            foreach (var s in SentencesOf(text, line))
                sentences.Add(new Sentence(sentences.Count, s, block.Index, ClausesOf(text, s)));
        }

        var mentions = new List<Mention>(figures.Length);
        var si = 0;
        foreach (var q in figures)
        {
            while (si < sentences.Count && sentences[si].Span.End < q.Span.Start + 1 && !sentences[si].Span.Contains(q.Span)) si++;
            if (si >= sentences.Count) break;
            var sentence = sentences[si];
            if (!sentence.Span.Overlaps(q.Span)) continue;
            var clause = 0;
            for (var c = 0; c < sentence.Clauses.Count; c++)
                if (sentence.Clauses[c].Start <= q.Span.Start) clause = c;
            var inTable = blocks[sentence.Block].Role == BlockRole.TableLine;
            mentions.Add(new Mention(mentions.Count, q, sentence.Index, clause, sentence.Block, inTable));
        }
        return new GovDocument(document.Name, reading, blocks, sentences, mentions, DocumentPeriod(text), tables);
    }

    /// <summary>The reading-text offset of an original offset: the first reading character at or after it.</summary>
    internal static int ToReading(NormalizedText reading, int original)
    {
        int lo = 0, hi = reading.Text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (reading.ToOriginal(mid) < original) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>A short line with a heading marker (一、, （三）), or a line of at most 20 characters that ends without
    /// sentence punctuation.</summary>
    private static bool IsHeading(ReadOnlySpan<char> lineText)
    {
        var trimmed = lineText.Trim();
        if (trimmed.Length == 0 || trimmed.Length > MaxHeadingLength) return false;
        if (HeadingMarker.IsMatch(trimmed)) return true;
        var last = trimmed[^1];
        return last is not ('。' or ';' or '；' or ',' or '，' or '、') && trimmed.Length <= MaxBareHeadingLength;
    }

    private static IEnumerable<SourceSpan> Lines(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] != '\n') continue;
            var s = start;
            var e = i;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) yield return SourceSpan.FromBounds(s, e);
            start = i + 1;
        }
    }

    /// <summary>Sentences of a line: ended by 。；;！？!?, brackets kept whole.</summary>
    internal static IEnumerable<SourceSpan> SentencesOf(string text, SourceSpan line)
    {
        var start = line.Start;
        var depth = 0;
        for (var i = line.Start; i < line.End; i++)
        {
            var c = text[i];
            if (c is '(' or '（') depth++;
            else if (c is ')' or '）') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c is '。' or '；' or ';' or '！' or '？' or '!' or '?')
            {
                // "…到位资金25.47亿元,完成市上全年任务(42.5亿元)的59.94%;完成县上全年任务(46.5亿元)的54.78%": a part after a
                // semicolon that opens with a rate's verb and no subject goes on measuring the sentence's result.
                if (c is '；' or ';' && ContinuesMeasure(text, i + 1, line.End)) continue;
                if (i > start) yield return SourceSpan.FromBounds(start, i);
                start = i + 1;
            }
        }
        if (line.End > start) yield return SourceSpan.FromBounds(start, line.End);
    }

    private static readonly string[] MeasureOpenings = ["完成", "占", "为"];

    private static readonly string[] PlanWords = ["任务", "计划", "目标"];

    /// <summary>True when the part after a semicolon opens with a rate's verb and is a rate phrase (a plan word and a
    /// percentage before the next stop): 完成县上全年任务(46.5亿元)的54.78%, not 为5.5万名老人提供服务.</summary>
    private static bool ContinuesMeasure(string text, int from, int end)
    {
        var rest = text.AsSpan(from, end - from).TrimStart();
        var stop = rest.IndexOfAny("。；;！？!?");
        if (stop >= 0) rest = rest[..stop];
        if (!rest.Contains('%')) return false;
        var opens = false;
        foreach (var w in MeasureOpenings)
            if (rest.StartsWith(w, StringComparison.Ordinal)) opens = true;
        if (!opens) return false;
        foreach (var w in PlanWords)
            if (rest.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Clauses of a sentence: split after ，,：: outside brackets.</summary>
    internal static IReadOnlyList<SourceSpan> ClausesOf(string text, SourceSpan sentence)
    {
        var clauses = new List<SourceSpan>();
        var start = sentence.Start;
        var depth = 0;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            var c = text[i];
            if (c is '(' or '（') depth++;
            else if (c is ')' or '）') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c is '，' or ',' or '：' or ':')
            {
                // A comma between digits groups thousands (28,583万元): no clause break.
                if (c == ',' && i > sentence.Start && i + 1 < sentence.End && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1]))
                    continue;
                clauses.Add(SourceSpan.FromBounds(start, i + 1));
                start = i + 1;
            }
        }
        if (sentence.End > start || clauses.Count == 0) clauses.Add(SourceSpan.FromBounds(start, sentence.End));
        return clauses;
    }

    /// <summary>The period named in the title and opening lines: the last period phrase of the first
    /// <see cref="OpeningLength"/> characters, or null.</summary>
    private static string? DocumentPeriod(string text) =>
        PeriodWords.Find(text.Length <= OpeningLength ? text : text[..OpeningLength]);
}
