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

    /// <summary>Cuts a stream of cells into a header and rows: the header is the words before the first figure, less
    /// the words that open every row (a place before its figures); the width chosen is the one whose rows repeat the
    /// first row's pattern of words and figures. A first column of row numbers (1, 2, 3 …) that a row leaves out (a
    /// total row) shortens that row by one. Null when no width gives two such rows.</summary>
    private static DocumentTable? Rows(string text, List<SourceSpan> spans)
    {
        var cells = spans.Select(s => new DocumentTableCell(text.Substring(s.Start, s.Length), s)).ToArray();
        var figure = cells.Select(c => TableCells.IsFigure(c.Text)).ToArray();
        var firstFigure = Array.IndexOf(figure, true);
        if (firstFigure < 2) return null;
        List<DocumentTableCell[]>? best = null;
        var bestScore = 0;
        for (var width = firstFigure; width >= 2; width--)
        {
            var lead = firstFigure - width;
            if (lead >= width) break;
            var rows = Chunk(cells, figure, width, serial: lead == 0 && TableCells.IsSerialNumber(cells[width].Text) && cells[width].Text.Trim() == "1");
            var score = Matching(rows, width);
            if (score > bestScore)
            {
                bestScore = score;
                best = rows;
            }
        }
        if (best is null || bestScore < 2) return null;
        var tableRows = best.Select(r => new DocumentTableRow(r, SourceSpan.FromBounds(r[0].Span.Start, r[^1].Span.End))).ToArray();
        return new DocumentTable(tableRows, SourceSpan.FromBounds(tableRows[0].Span.Start, tableRows[^1].Span.End));
    }

    private static List<DocumentTableCell[]> Chunk(DocumentTableCell[] cells, bool[] figure, int width, bool serial)
    {
        var rows = new List<DocumentTableCell[]> { cells[..width] };
        var next = 1;
        var i = width;
        while (i < cells.Length)
        {
            var take = width;
            if (serial)
            {
                if (cells[i].Text.Trim() == next.ToString(System.Globalization.CultureInfo.InvariantCulture)) next++;
                else if (!figure[i]) take = width - 1; // a row without its number: a total row (全省, 合计)
            }
            take = Math.Min(take, cells.Length - i);
            rows.Add(cells[i..(i + take)]);
            i += take;
        }
        return rows;
    }

    /// <summary>How many data rows follow the pattern most rows share: in each column, figures where most rows have
    /// figures (a word cell such as 已完成 or — may stand for one), and never a figure where most rows have words. A row
    /// shorter by one (its number left out) is compared from the second column. Zero unless at least 60% of the rows
    /// agree.</summary>
    private static int Matching(List<DocumentTableCell[]> rows, int width)
    {
        var data = rows.Skip(1).Where(r => r.Length >= width - 1).ToArray();
        if (data.Length < 2) return 0;
        var figureVotes = new int[width];
        var votes = new int[width];
        foreach (var row in data)
        {
            var offset = width - row.Length;
            for (var j = 0; j < row.Length; j++)
            {
                votes[j + offset]++;
                if (TableCells.IsFigure(row[j].Text)) figureVotes[j + offset]++;
            }
        }
        var pattern = Enumerable.Range(0, width).Select(j => figureVotes[j] * 2 > votes[j]).ToArray();
        var figures = pattern.Count(p => p);
        if (figures == 0 || figures == width) return 0;
        var matching = 0;
        foreach (var row in data)
        {
            var offset = width - row.Length;
            var ok = true;
            var seen = 0;
            for (var j = 0; j < row.Length && ok; j++)
            {
                var isFigure = TableCells.IsFigure(row[j].Text);
                if (!pattern[j + offset] && isFigure) ok = false;
                if (pattern[j + offset] && isFigure) seen++;
            }
            if (ok && seen * 2 >= pattern.Skip(offset).Count(p => p)) matching++;
        }
        return matching * 10 >= data.Length * 6 ? matching : 0;
    }
}
