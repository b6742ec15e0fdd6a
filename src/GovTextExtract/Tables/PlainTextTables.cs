using GovTextExtract.Loading;
using GovTextExtract.Text;

namespace GovTextExtract.Tables;

/// <summary>Finds tables written as plain text: two or more consecutive lines whose cells are separated by
/// <c>|</c> (Markdown style, with or without outer bars and a <c>---</c> rule) or by tabs (a run of tabs is one
/// separator).</summary>
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
        return '\0';
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
