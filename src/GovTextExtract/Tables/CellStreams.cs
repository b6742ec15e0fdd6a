using GovTextExtract.Loading;
using GovTextExtract.Text;

namespace GovTextExtract.Tables;

/// <summary>Tables flattened one cell a line, as web pages copy them: each cell a line closed by a bar
/// (<c>序号 |</c>), or cells between lines that hold only a bar (a cell may then run over a few lines:
/// <c>2016年增量</c> / <c>(万吨标准煤)</c>). The row breaks are lost; they are recovered from the cells' content: a
/// header of words, then rows whose figures recur at the same places.</summary>
internal static class CellStreams
{
    /// <summary>The most lines a cell between two bar lines may take; more are prose, not a cell.</summary>
    private const int MaxCellLines = 3;

    /// <summary>The widest header a stream is cut by.</summary>
    private const int MaxWidth = 30;

    /// <summary>Fewest cells a stream needs: a header of two and two rows.</summary>
    private const int MinCells = 6;

    private enum LineKind { Blank, Plain, CellLine, BarOnly, Other }

    /// <summary>The tables of the cell streams of <paramref name="text"/>, and the lines (index ranges into
    /// <paramref name="lines"/>) they take.</summary>
    public static List<(DocumentTable Table, int FirstLine, int LastLine)> Find(string text, IReadOnlyList<SourceSpan> lines,
        Func<int, bool> excluded)
    {
        var found = new List<(DocumentTable, int, int)>();
        var cells = new List<SourceSpan>();
        var pending = new List<int>();
        var first = -1;
        var last = -1;
        void Flush()
        {
            if (cells.Count >= MinCells && Rows(text, cells) is { } table)
                found.Add((table, first, last));
            cells.Clear();
            pending.Clear();
            first = -1;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var kind = excluded(i) ? LineKind.Other : KindOf(text, lines[i]);
            switch (kind)
            {
                case LineKind.Plain:
                    // Prose: more lines than a cell takes end the stream. Before the first cell only the last lines count.
                    if (pending.Count == MaxCellLines)
                    {
                        if (cells.Count > 0) Flush();
                        else pending.RemoveAt(0);
                    }
                    pending.Add(i);
                    break;
                case LineKind.CellLine:
                {
                    var content = Trim(text, SourceSpan.FromBounds(lines[i].Start, text.LastIndexOf('|', lines[i].End - 1)));
                    // The first cell of a stream is its own line: the lines before it are a caption or prose.
                    var start = cells.Count > 0 && pending.Count > 0 ? lines[pending[0]].Start : content.Start;
                    if (first < 0) first = cells.Count > 0 && pending.Count > 0 ? pending[0] : i;
                    cells.Add(Trim(text, SourceSpan.FromBounds(start, content.End)));
                    pending.Clear();
                    last = i;
                    break;
                }
                case LineKind.BarOnly:
                    if (pending.Count > 0)
                    {
                        var from = cells.Count > 0 ? pending[0] : pending[^1];
                        if (first < 0) first = from;
                        cells.Add(Trim(text, SourceSpan.FromBounds(lines[from].Start, lines[pending[^1]].End)));
                        pending.Clear();
                    }
                    if (first >= 0) last = i;
                    break;
                case LineKind.Blank:
                    break;
                default:
                    Flush();
                    break;
            }
        }
        Flush();
        return found;
    }

    private static LineKind KindOf(string text, SourceSpan line)
    {
        var s = text.AsSpan(line.Start, line.Length).Trim();
        if (s.Length == 0) return LineKind.Blank;
        var bars = s.Count('|');
        if (bars == 0) return s.Contains('\t') ? LineKind.Other : LineKind.Plain;
        if (bars == s.Length) return LineKind.BarOnly;
        // One cell closed by a bar: "序号 |"; anything else with bars is a row of its own.
        return bars == 1 && s[^1] == '|' ? LineKind.CellLine : LineKind.Other;
    }

    private static SourceSpan Trim(string text, SourceSpan span)
    {
        var start = span.Start;
        var end = span.End;
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return SourceSpan.FromBounds(start, end);
    }

    /// <summary>Cuts a stream of cells into a header and rows: the header is words before the first figure, less the
    /// words that open every row (a place before its figures); of the widths and header starts possible, the one
    /// whose rows most often repeat the pattern of words and figures most rows share (on a tie, the header starting
    /// first). Cells before the header (a menu, a caption) are no part of the table. A first column of row numbers
    /// (1, 2, 3 …) that a row leaves out (a total row) shortens that row by one. Null when no cut gives two such rows.</summary>
    private static DocumentTable? Rows(string text, List<SourceSpan> spans)
    {
        var cells = spans.Select(s => new DocumentTableCell(text.Substring(s.Start, s.Length), s)).ToArray();
        var figure = cells.Select(c => TableCells.IsFigure(c.Text)).ToArray();
        var firstFigure = Array.IndexOf(figure, true);
        if (firstFigure < 2) return null;
        List<(int Start, int Length)>? best = null;
        var bestScore = 1;
        for (var width = 2; width <= Math.Min(MaxWidth, firstFigure); width++)
        {
            for (var lead = 0; lead < width && lead + width <= firstFigure; lead++)
            {
                var header = firstFigure - lead - width;
                var data = header + width;
                var serial = lead == 0 && cells[data].Text.Trim() == "1";
                var rows = Chunk(cells, figure, header, width, serial);
                var score = Matching(rows, figure, width, serial);
                // On a tie, more rows (a narrower cut), then the header starting first (a place column included).
                if (score > bestScore || (score == bestScore && best is not null
                        && (rows.Count > best.Count || (rows.Count == best.Count && header < best[0].Start))))
                {
                    bestScore = score;
                    best = rows;
                }
            }
        }
        if (best is null) return null;
        var tableRows = best.Select(r => cells[r.Start..(r.Start + r.Length)])
            .Select(r => new DocumentTableRow(r, SourceSpan.FromBounds(r[0].Span.Start, r[^1].Span.End))).ToArray();
        return new DocumentTable(tableRows, SourceSpan.FromBounds(tableRows[0].Span.Start, tableRows[^1].Span.End));
    }

    /// <summary>The rows (first cell, length) of a cut: the header, then rows of <paramref name="width"/> cells, or one
    /// fewer where a numbered table's row has a word where its number should be.</summary>
    private static List<(int Start, int Length)> Chunk(DocumentTableCell[] cells, bool[] figure, int header, int width, bool serial)
    {
        var rows = new List<(int, int)> { (header, width) };
        var next = 1;
        var i = header + width;
        while (i < cells.Length)
        {
            var take = width;
            if (serial)
            {
                if (cells[i].Text.Trim() == next.ToString(System.Globalization.CultureInfo.InvariantCulture)) next++;
                else if (!figure[i]) take = width - 1; // a row without its number: a total row (全省, 合计)
            }
            take = Math.Min(take, cells.Length - i);
            rows.Add((i, take));
            i += take;
        }
        return rows;
    }

    /// <summary>How well a cut fits: the cells that have their column's majority type (figure or word) less those
    /// that have not, when at least two rows and 60% of them follow the majority pattern (a word cell such as 已完成 or
    /// — may stand for a figure, a figure never stands where most rows have words); else zero. A row shorter by one in
    /// a numbered table (its number left out) is compared from the second column, any other short row (cut) from
    /// the first.</summary>
    private static int Matching(List<(int Start, int Length)> rows, bool[] figure, int width, bool serial)
    {
        var data = rows.Skip(1).ToArray();
        if (data.Length < 2) return 0;
        int Offset(int length) => serial && length == width - 1 ? 1 : 0;
        var figureVotes = new int[width];
        var votes = new int[width];
        foreach (var (start, length) in data)
        {
            var offset = Offset(length);
            for (var j = 0; j < length; j++)
            {
                votes[j + offset]++;
                if (figure[start + j]) figureVotes[j + offset]++;
            }
        }
        var pattern = Enumerable.Range(0, width).Select(j => figureVotes[j] * 2 > votes[j]).ToArray();
        var figures = pattern.Count(p => p);
        if (figures == 0 || figures == width) return 0;
        var matching = 0;
        foreach (var (start, length) in data)
        {
            var offset = Offset(length);
            var ok = true;
            var seen = 0;
            for (var j = 0; j < length && ok; j++)
            {
                if (!pattern[j + offset] && figure[start + j]) ok = false;
                if (pattern[j + offset] && figure[start + j]) seen++;
            }
            var expected = pattern.Skip(offset).Take(length).Count(p => p);
            if (ok && seen * 2 >= expected) matching++;
        }
        var full = data.Count(r => r.Length >= width - Offset(r.Length));
        if (matching < 2 || full < 2 || matching * 10 < data.Length * 6) return 0;
        var score = 0;
        for (var j = 0; j < width; j++)
        {
            var majority = Math.Max(figureVotes[j], votes[j] - figureVotes[j]);
            score += 2 * majority - votes[j];
        }
        return score;
    }
}
