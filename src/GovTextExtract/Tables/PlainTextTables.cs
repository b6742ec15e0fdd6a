using GovTextExtract.Loading;
using GovTextExtract.Text;

namespace GovTextExtract.Tables;

/// <summary>Finds tables written as plain text: two or more consecutive lines whose cells are separated by
/// <c>|</c> (Markdown style, with or without outer bars and a <c>---</c> rule), by tabs (a run of tabs is one
/// separator), or by runs of spaces (two or more, or an ideographic space: columns aligned by hand, or text taken from
/// a PDF), with at least three cells a line.</summary>
public static class PlainTextTables
{
    /// <summary>The plain-text tables of <paramref name="text"/>, with cell spans in it; lines inside
    /// <paramref name="exclude"/> (tables a loader already found) are skipped.</summary>
    public static IReadOnlyList<DocumentTable> Detect(string text, IReadOnlyList<DocumentTable>? exclude = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tables = new List<DocumentTable>();
        var rows = new List<DocumentTableRow>();
        var separator = '\0';
        void Close()
        {
            if (rows.Count >= 2)
                tables.Add(new DocumentTable(rows.ToArray(), SourceSpan.FromBounds(rows[0].Span.Start, rows[^1].Span.End)));
            rows.Clear();
            separator = '\0';
        }
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var lineEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            var line = new SourceSpan(start, lineEnd - start);
            var excluded = exclude?.Any(t => t.Span.Overlaps(line)) ?? false;
            var sep = excluded ? '\0' : SeparatorOf(text, line);
            if (sep == '\0' || (separator != '\0' && sep != separator))
            {
                Close();
                if (sep != '\0' && !IsRule(text, line)) { separator = sep; AddRow(text, line, sep, rows); }
            }
            else if (!IsRule(text, line))
            {
                separator = sep;
                AddRow(text, line, sep, rows);
            }
            if (end >= text.Length) break;
            start = end + 1;
        }
        Close();
        return tables;
    }

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

    private static void AddRow(string text, SourceSpan line, char sep, List<DocumentTableRow> rows)
    {
        var cells = new List<DocumentTableCell>();
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
            rows.Add(new DocumentTableRow(cells, line));
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
        rows.Add(new DocumentTableRow(cells, line));
    }

    private static void AddCell(string text, int start, int end, List<DocumentTableCell> cells)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        cells.Add(new DocumentTableCell(text[start..end], SourceSpan.FromBounds(start, end)));
    }
}
