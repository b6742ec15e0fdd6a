using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;

namespace GovTextExtract.Loading;

/// <summary>Reads a PDF with PdfPig: the letters of each page grouped into lines by baseline and into paragraphs by
/// vertical gaps, indents and short last lines; paragraphs that run on over a page break are joined; page-number
/// lines are dropped. Lines whose letters stand far apart (table rows) keep a tab at each wide gap.</summary>
/// <remarks>Single-column reading order: a two-column page is read line by line across both columns.</remarks>
internal static class PdfDocumentReader
{
    private static readonly Regex PageNumberLine = new(
        @"^(?:[-—–~\s]*\d{1,4}[-—–~\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>A heading or item marker at the start of a line: 二、 （三） (3) 4. 4、 一是 第二章 — such a line opens a
    /// paragraph even when the line before it runs to the right margin.</summary>
    private static readonly Regex BlockMarker = new(
        @"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}(?:[、．]|\.(?:[^\d]|$))|[一二三四五六七八九十]是|第[一二三四五六七八九十\d]{1,3}[章节条部])",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Reads the document.</summary>
    public static LoadedDocument Read(byte[] bytes, string name, LoadOptions options, CancellationToken ct)
    {
        PdfStreamGuard.Validate(bytes, name, options, ct);
        using var pdf = Open(bytes, name);
        var pageCount = LoadGuard.Library(name, "PDF", () => pdf.NumberOfPages);
        if (pageCount <= 0)
            throw new DocumentLoadException(name, LoadFailure.NoText, "the PDF has no pages");
        var pages = new List<List<PdfLine>>(pageCount);
        for (var n = 1; n <= pageCount; n++)
        {
            ct.ThrowIfCancellationRequested();
            var number = n;
            var letters = Guard(name, () => pdf.GetPage(number).Letters.ToArray());
            ct.ThrowIfCancellationRequested();
            pages.Add(DropPageNumbers(BuildLines(letters)));
        }
        if (pages.All(p => p.Count == 0))
            throw new DocumentLoadException(name, LoadFailure.NoText, string.Create(CultureInfo.InvariantCulture,
                $"none of the PDF's {pageCount} page(s) holds extractable text (scanned images without a text layer?)"));
        var builder = new StructuredTextBuilder(name, options.MaxTextCharacters);
        var bodySize = BodyFontSize(pages);
        foreach (var block in Blocks(pages.Select(PdfTables.Read).ToList()))
        {
            if (block.Table is { } table)
            {
                builder.AddTable(table.Rows);
                continue;
            }
            var (text, size) = (block.Text!, block.Size);
            var kind = size >= bodySize * 1.2 && text.Length <= 60 && !text.Contains('\t', StringComparison.Ordinal)
                ? BlockKind.Heading : BlockKind.Paragraph;
            builder.AddLine(kind, text, kind == BlockKind.Heading ? (size >= bodySize * 1.5 ? 1 : 2) : 0);
        }
        if (builder.IsEmpty)
            throw new DocumentLoadException(name, LoadFailure.NoText, "the PDF's pages hold no extractable text");
        return builder.Build(name, DocumentFormats.Pdf, "pdf", pageCount);
    }

    private static PdfDocument Open(byte[] bytes, string name) => Guard(name, () => PdfDocument.Open(bytes, new ParsingOptions
    {
        UseLenientParsing = true,
        SkipMissingFonts = true,
        ClipPaths = false,
    }));

    private static T Guard<T>(string name, Func<T> call)
    {
        try
        {
            return LoadGuard.Library(name, "PDF", call);
        }
        catch (DocumentLoadException e) when (e.InnerException is PdfDocumentEncryptedException enc)
        {
            throw new DocumentLoadException(name, LoadFailure.Encrypted,
                "the PDF is encrypted and cannot be opened without its password (" + enc.Message + ")", enc);
        }
    }

    private static List<PdfLine> BuildLines(IReadOnlyList<Letter> letters)
    {
        var items = new List<(string Value, double X, double EndX, double Y, double Size)>(letters.Count);
        foreach (var l in letters)
        {
            if (string.IsNullOrEmpty(l.Value)) continue;
            var size = l.PointSize > 0.1 ? l.PointSize : l.FontSize > 0.1 ? l.FontSize : Math.Max(l.BoundingBox.Height, 1);
            var x = l.StartBaseLine.X;
            var endX = Math.Max(l.EndBaseLine.X, x + (l.Width > 0 ? l.Width : 0));
            if (double.IsNaN(x) || double.IsNaN(l.StartBaseLine.Y) || double.IsInfinity(x) || double.IsInfinity(l.StartBaseLine.Y)) continue;
            items.Add((l.Value, x, endX, l.StartBaseLine.Y, Math.Min(size, 1000)));
        }
        // Top to bottom, then left to right; a letter joins the line whose baseline is within a third of its size.
        items.Sort((a, b) => b.Y != a.Y ? b.Y.CompareTo(a.Y) : a.X.CompareTo(b.X));
        var groups = new List<List<(string Value, double X, double EndX, double Y, double Size)>>();
        foreach (var item in items)
        {
            var g = groups.Count > 0 ? groups[^1] : null;
            if (g is not null && Math.Abs(g[0].Y - item.Y) <= 0.35 * Math.Max(item.Size, g[0].Size))
                g.Add(item);
            else
                groups.Add([item]);
        }
        var lines = new List<PdfLine>(groups.Count);
        foreach (var g in groups)
        {
            g.Sort((a, b) => a.X.CompareTo(b.X));
            var sb = new StringBuilder();
            var segment = new StringBuilder();
            var segments = new List<PdfSegment>();
            var segmentLeft = 0.0;
            var pendingSpace = false;
            (string Value, double X, double EndX, double Y, double Size)? prev = null;
            foreach (var it in g)
            {
                if (string.IsNullOrWhiteSpace(it.Value))
                {
                    pendingSpace = sb.Length > 0;
                    continue;
                }
                if (prev is { } p)
                {
                    // Fake bold: the same glyph printed twice at (almost) the same place.
                    if (p.Value == it.Value && Math.Abs(p.X - it.X) < 0.3 && Math.Abs(p.Y - it.Y) < 0.3) continue;
                    var gap = it.X - p.EndX;
                    var em = Math.Max(Math.Max(p.Size, it.Size), 1);
                    if (gap > 2.5 * em) sb.Append('\t');
                    else if (pendingSpace) sb.Append(' ');
                    else if (gap > (IsCjk(p.Value) && IsCjk(it.Value) ? 0.5 : 0.2) * em) sb.Append(' ');
                    if (gap > PdfTables.SegmentGapEm * em)
                    {
                        segments.Add(new PdfSegment(segment.ToString().Trim(), segmentLeft, p.EndX));
                        segment.Clear();
                    }
                    else if (pendingSpace || gap > (IsCjk(p.Value) && IsCjk(it.Value) ? 0.5 : 0.2) * em) segment.Append(' ');
                }
                if (segment.Length == 0) segmentLeft = it.X;
                sb.Append(it.Value);
                segment.Append(it.Value);
                pendingSpace = false;
                prev = it;
            }
            var text = sb.ToString().Trim();
            if (text.Length == 0) continue;
            if (prev is { } end && segment.Length > 0) segments.Add(new PdfSegment(segment.ToString().Trim(), segmentLeft, end.EndX));
            var sizes = g.Where(i => !string.IsNullOrWhiteSpace(i.Value)).Select(i => i.Size).Order().ToArray();
            var printed = g.Where(i => !string.IsNullOrWhiteSpace(i.Value)).ToArray();
            lines.Add(new PdfLine(text, printed.Min(i => i.X), printed.Max(i => i.EndX), g.Average(i => i.Y), sizes[sizes.Length / 2], segments));
        }
        return lines;
    }

    private static bool IsCjk(string s) => s.Length > 0 && InlineCollector.IsCjk(s[0]);

    private static List<PdfLine> DropPageNumbers(List<PdfLine> lines)
    {
        if (lines.Count > 0 && PageNumberLine.IsMatch(lines[^1].Text.Trim())) lines.RemoveAt(lines.Count - 1);
        if (lines.Count > 0 && PageNumberLine.IsMatch(lines[0].Text.Trim())) lines.RemoveAt(0);
        return lines;
    }

    private static double BodyFontSize(List<List<PdfLine>> pages)
    {
        var weighted = pages.SelectMany(p => p).GroupBy(l => Math.Round(l.Size, 1))
            .Select(g => (Size: g.Key, Chars: g.Sum(l => l.Text.Length))).OrderByDescending(g => g.Chars).FirstOrDefault();
        return weighted.Chars > 0 ? weighted.Size : 10;
    }

    /// <summary>A paragraph with its font size, or a table.</summary>
    private readonly record struct Block(string? Text, double Size, PdfTable? Table);

    /// <summary>Joins the prose lines of all pages into paragraphs, with each paragraph's font size, and passes the
    /// tables through; a table that runs on over a page break (the next page opens with a table of as many columns)
    /// is one table, its header repeated on the next page dropped.</summary>
    private static IEnumerable<Block> Blocks(List<List<PdfItem>> pages)
    {
        var current = new StringBuilder();
        var currentSize = 0.0;
        PdfLine? last = null;
        var lastWasFull = false;
        PdfTable? pending = null;
        foreach (var items in pages)
        {
            var prose = items.OfType<PdfProse>().Select(p => p.Line).ToList();
            var left = prose.Count > 0 ? prose.Min(l => l.Left) : 0;
            var right = prose.Count > 0 ? prose.Max(l => l.Right) : 0;
            var steps = new List<double>();
            for (var i = 1; i < prose.Count; i++)
            {
                var d = prose[i - 1].Baseline - prose[i].Baseline;
                if (d > 0 && d < 3 * prose[i].Size) steps.Add(d);
            }
            steps.Sort();
            // The line pitch inside a paragraph: a low quantile, since the steps between paragraphs are larger.
            var pitch = steps.Count > 0 ? steps[steps.Count / 5] : 0;
            var firstOnPage = true;
            foreach (var item in items)
            {
                if (item is PdfTable table)
                {
                    if (current.Length > 0)
                    {
                        yield return new Block(current.ToString(), currentSize, null);
                        current.Clear();
                    }
                    last = null;
                    if (pending is not null && firstOnPage && pending.Columns == table.Columns)
                    {
                        var rows = table.Rows;
                        if (rows.Count > 0 && pending.Rows.Count > 0 && SameRow(rows[0], pending.Rows[0])) rows = rows.Skip(1).ToList();
                        pending = pending with { Rows = [.. pending.Rows, .. rows] };
                    }
                    else
                    {
                        if (pending is not null) yield return new Block(null, 0, pending);
                        pending = table;
                    }
                    firstOnPage = false;
                    continue;
                }
                if (pending is not null)
                {
                    yield return new Block(null, 0, pending);
                    pending = null;
                }
                firstOnPage = false;
                var line = ((PdfProse)item).Line;
                var em = Math.Max(line.Size, 1);
                var indented = line.Left > left + 1.0 * em;
                bool newParagraph;
                if (last is null) newParagraph = true;
                else if (line == prose[0])
                    // Over a page break a paragraph runs on when the last page ended on a full line.
                    newParagraph = !lastWasFull || indented || Math.Abs(last.Size - line.Size) > 0.2 * em;
                else
                {
                    var d = last.Baseline - line.Baseline;
                    newParagraph = d <= 0
                        || (pitch > 0 ? d > pitch * 1.3 : d > 2.0 * em)
                        || indented
                        || last.Right < right - 1.5 * em
                        || (EndsSentence(last.Text) && last.Right < right - 0.5 * em)
                        || Math.Abs(last.Size - line.Size) > 0.2 * em;
                }
                if (line.Text.Contains('\t', StringComparison.Ordinal) || (last?.Text.Contains('\t', StringComparison.Ordinal) ?? false)
                    || BlockMarker.IsMatch(line.Text))
                    newParagraph = true;
                if (newParagraph && current.Length > 0)
                {
                    yield return new Block(current.ToString(), currentSize, null);
                    current.Clear();
                }
                if (current.Length == 0) currentSize = line.Size;
                else if (NeedsSpace(current[^1], line.Text[0])) current.Append(' ');
                current.Append(line.Text);
                last = line;
                lastWasFull = line.Right >= right - 1.5 * em;
            }
        }
        if (pending is not null) yield return new Block(null, 0, pending);
        if (current.Length > 0) yield return new Block(current.ToString(), currentSize, null);
    }

    private static bool SameRow(List<CellContent> a, List<CellContent> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Text == p.Second.Text);

    private static bool EndsSentence(string line) => line.Length > 0 && line[^1] is '。' or '！' or '？' or '.' or '!' or '?' or '：' or ':' or '；' or ';';

    /// <summary>Lines of Latin words join with a space; CJK lines (and a number broken over a line) join without.</summary>
    private static bool NeedsSpace(char before, char after) =>
        char.IsAsciiLetter(before) && char.IsAsciiLetterOrDigit(after)
        || char.IsAsciiDigit(before) && char.IsAsciiLetter(after)
        || before is ',' or '.' or ';' or ':' or '!' or '?' && char.IsAsciiLetterOrDigit(after);
}
