using GovTextExtract.Loading;
using GovTextExtract.Text;

namespace GovTextExtract.Tables;

/// <summary>Finds tables written as plain text: two or more consecutive lines whose cells are separated by
/// <c>|</c> (Markdown style, with or without outer bars and a <c>---</c> rule), by tabs (a run of tabs is one
/// separator), or by runs of spaces (two or more, or an ideographic space: columns aligned by hand, or text taken from
/// a PDF), with at least three cells a line; and tables flattened one cell a line (see <see cref="CellStreams"/>).</summary>
/// <remarks>Web pages copied as text break bar tables in two ways, both read here: lines holding only bars between
/// the rows (skipped), and rows opened by a bar whose cells run on over the next lines (<c>|</c> / <c>项目资金 (万元) |</c>
/// / <c>年初预算数 | 全年预算数 |</c>: one row). Empty cells at the end of a bar row are dropped.</remarks>
public static class PlainTextTables
{
    /// <summary>The plain-text tables of <paramref name="text"/>, with cell spans in it; lines inside
    /// <paramref name="exclude"/> (tables a loader already found) are skipped.</summary>
    public static IReadOnlyList<DocumentTable> Detect(string text, IReadOnlyList<DocumentTable>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = Lines(text);
        var excluded = lines.Select(l => exclude?.Any(t => t.Span.Overlaps(l)) ?? false).ToArray();
        var streams = CellStreams.Find(text, lines, i => excluded[i]);
        foreach (var (_, firstLine, lastLine) in streams)
            for (var i = firstLine; i <= lastLine; i++) excluded[i] = true;
        var tables = streams.Select(s => s.Table).ToList();
        var rows = new List<DocumentTableRow>();
        var separator = '\0';
        // Rows opened by a bar at the line start may run on over lines that do not start with one.
        var opened = false;
        PendingRow? open = null;
        void FlushRow()
        {
            if (open is { } p && p.Cells.Any(c => c.Text.Length > 0))
                rows.Add(new DocumentTableRow(TrimEnd(p.Cells), SourceSpan.FromBounds(p.Start, p.End)));
            open = null;
        }
        void Close()
        {
            FlushRow();
            if (rows.Count >= 2)
                tables.Add(new DocumentTable(rows.ToArray(), SourceSpan.FromBounds(rows[0].Span.Start, rows[^1].Span.End)));
            rows.Clear();
            separator = '\0';
            opened = false;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (excluded[i])
            {
                Close();
                continue;
            }
            if (IsBarOnly(text, line))
            {
                // Between bar rows a line of bars is no row; in a table of opened rows it opens the next one.
                if (separator != '|') Close();
                else if (opened)
                {
                    FlushRow();
                    open = new PendingRow([], line.Start, line.End, EndsWithBar: true);
                }
                continue;
            }
            var leadingBar = StartsWithBar(text, line);
            if (separator == '|' && opened && !leadingBar && text.AsSpan(line.Start, line.Length).Contains('|') && open is { } cont)
            {
                open = Continue(text, cont, line);
                continue;
            }
            var sep = SeparatorOf(text, line);
            if (sep == '\0' && leadingBar && CountCells(text.AsSpan(line.Start, line.Length), '|') == 1) sep = '|';
            if (sep == '\0' || (separator != '\0' && sep != separator))
            {
                Close();
                if (sep == '\0' || IsRule(text, line)) continue;
                opened = sep == '|' && leadingBar;
            }
            else if (IsRule(text, line))
            {
                continue;
            }
            if (separator == '\0') opened = sep == '|' && leadingBar;
            separator = sep;
            if (opened && leadingBar)
            {
                FlushRow();
                var cells = new List<DocumentTableCell>();
                AddRow(text, line, sep, cells);
                open = new PendingRow(cells, line.Start, line.End, EndsWithBar(text, line));
            }
            else if (opened)
            {
                // A row of a table of opened rows that opens without a bar: only a row of two or more cells.
                if (CountCells(text.AsSpan(line.Start, line.Length), '|') < 2) { Close(); continue; }
                FlushRow();
                var cells = new List<DocumentTableCell>();
                AddRow(text, line, sep, cells);
                open = new PendingRow(cells, line.Start, line.End, EndsWithBar(text, line));
            }
            else
            {
                var cells = new List<DocumentTableCell>();
                AddRow(text, line, sep, cells);
                rows.Add(new DocumentTableRow(sep == '|' ? TrimEnd(cells) : cells, line));
            }
        }
        Close();
        return tables.OrderBy(t => t.Span.Start).ToArray();
    }

    private sealed record PendingRow(List<DocumentTableCell> Cells, int Start, int End, bool EndsWithBar);

    /// <summary>A line that runs on a row opened above: its cells follow the row's; when the row's line did not end
    /// with a bar, the first of them finishes the row's last cell (a cell broken over two lines).</summary>
    private static PendingRow Continue(string text, PendingRow row, SourceSpan line)
    {
        var more = new List<DocumentTableCell>();
        AddRow(text, line, '|', more);
        var cells = row.Cells;
        if (!row.EndsWithBar && cells.Count > 0 && more.Count > 0)
        {
            var last = cells[^1];
            var start = last.Text.Length > 0 ? last.Span.Start : more[0].Span.Start;
            var span = SourceSpan.FromBounds(start, more[0].Span.End);
            cells[^1] = new DocumentTableCell(text.Substring(span.Start, span.Length), span);
            more.RemoveAt(0);
        }
        cells.AddRange(more);
        return row with { End = line.End, EndsWithBar = EndsWithBar(text, line) };
    }

    private static List<DocumentTableCell> TrimEnd(List<DocumentTableCell> cells)
    {
        var n = cells.Count;
        while (n > 0 && cells[n - 1].Text.Length == 0) n--;
        return n == cells.Count ? cells : cells.GetRange(0, n);
    }

    private static List<SourceSpan> Lines(string text)
    {
        var lines = new List<SourceSpan>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var lineEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            lines.Add(new SourceSpan(start, lineEnd - start));
            if (end >= text.Length) break;
            start = end + 1;
        }
        return lines;
    }

    private static bool IsBarOnly(string text, SourceSpan line)
    {
        var s = text.AsSpan(line.Start, line.Length).Trim();
        if (s.Length == 0) return false;
        foreach (var c in s)
            if (c is not ('|' or ' ' or '\t' or '\u3000')) return false;
        return true;
    }

    private static bool StartsWithBar(string text, SourceSpan line) => text.AsSpan(line.Start, line.Length).TrimStart().StartsWith("|");

    private static bool EndsWithBar(string text, SourceSpan line) => text.AsSpan(line.Start, line.Length).TrimEnd().EndsWith("|");

    private static char SeparatorOf(string text, SourceSpan line)
    {
        var s = text.AsSpan(line.Start, line.Length);
        if (s.Trim().Length == 0) return '\0';
        if (s.Contains('\t')) return CountCells(s, '\t') >= 2 ? '\t' : '\0';
        if (s.Contains('|')) return CountCells(s, '|') >= 2 || IsRule(text, line) ? '|' : '\0';
        return SpaceCells(s.Trim()).Count >= 3 ? ' ' : '\0';
    }

    private static bool IsSpace(char c) => c is ' ' or '\u3000' or '\u00A0';

    /// <summary>The cells of a line aligned by spaces, as ranges: a run of two or more spaces, or one ideographic
    /// space, separates them.</summary>
    private static List<Range> SpaceCells(ReadOnlySpan<char> s)
    {
        var cells = new List<Range>();
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length)
            {
                if (IsSpace(s[i]))
                {
                    var j = i;
                    while (j < s.Length && IsSpace(s[j])) j++;
                    if (j - i >= 2 || s[i] == '\u3000') break;
                    i = j;
                    continue;
                }
                i++;
            }
            if (i > start) cells.Add(start..i);
            while (i < s.Length && IsSpace(s[i])) i++;
        }
        return cells;
    }

    private static int CountCells(ReadOnlySpan<char> s, char sep)
    {
        var count = 0;
        foreach (var range in s.Split(sep))
            if (s[range].Trim().Length > 0) count++;
        return count;
    }

    /// <summary>A Markdown rule line (|---|:---:|).</summary>
    private static bool IsRule(string text, SourceSpan line)
    {
        var s = text.AsSpan(line.Start, line.Length).Trim();
        if (s.Length == 0 || !s.Contains('-')) return false;
        foreach (var c in s)
            if (c is not ('|' or '-' or ':' or ' ' or '\t')) return false;
        return true;
    }

    private static void AddRow(string text, SourceSpan line, char sep, List<DocumentTableCell> cells)
    {
        var i = line.Start;
        var end = line.End;
        if (sep == '|')
        {
            // Outer bars of a Markdown row open and close it; they do not make empty cells.
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            if (i < end && text[i] == '|') i++;
            var e = end;
            while (e > i && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > i && text[e - 1] == '|') e--;
            end = e;
        }
        else if (sep == ' ')
        {
            var from = i;
            while (from < end && IsSpace(text[from])) from++;
            var to = end;
            while (to > from && IsSpace(text[to - 1])) to--;
            foreach (var r in SpaceCells(text.AsSpan(from, to - from)))
            {
                var (o, l) = r.GetOffsetAndLength(to - from);
                AddCell(text, from + o, from + o + l, cells);
            }
            return;
        }
        else
        {
            // Leading and trailing tabs indent; they do not make empty cells.
            while (i < end && text[i] is '\t' or ' ') i++;
            while (end > i && text[end - 1] is '\t' or ' ') end--;
        }
        var cellStart = i;
        var k = i;
        while (k <= end)
        {
            if (k < end && text[k] != sep)
            {
                k++;
                continue;
            }
            AddCell(text, cellStart, k, cells);
            k++;
            // A run of tabs is one separator.
            if (sep == '\t')
                while (k < end && text[k] == '\t') k++;
            cellStart = k;
        }
    }

    private static void AddCell(string text, int start, int end, List<DocumentTableCell> cells)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        cells.Add(new DocumentTableCell(text[start..end], SourceSpan.FromBounds(start, end)));
    }
}
