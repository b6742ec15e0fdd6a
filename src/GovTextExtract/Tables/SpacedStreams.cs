using GovTextExtract.Loading;
using GovTextExtract.Text;

namespace GovTextExtract.Tables;

/// <summary>Tables flattened into running text with one space between cells, as a document converted without its
/// table structure gives them (绩效指标 一级指标 … 年度指标值 实际完成值 分值 得分 产出指标 数量指标 … ≥50个 50 8 8 质量指标 …).
/// A header is a run of at least three cells the header lexicon reads, naming a target beside an actual or rate; the
/// rows after it end where a run of figures ends (every row closes with its figures), and the table ends at a sentence
/// (a cell holding 。 or ；), at the next header, or at the line's end.</summary>
internal static class SpacedStreams
{
    private const int MinHeaderCells = 3;
    private const int MaxCell = 40;

    /// <summary>The spaced tables of the lines of <paramref name="text"/> that no table in <paramref name="found"/>
    /// covers.</summary>
    public static List<DocumentTable> Find(string text, TableHeaderLexicon headers, IReadOnlyList<DocumentTable> found)
    {
        var tables = new List<DocumentTable>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = SourceSpan.FromBounds(start, end);
            if (!found.Any(t => t.Span.Overlaps(line)) && text.AsSpan(start, end - start).Contains(' '))
                tables.AddRange(InLine(text, Tokens(text, line), headers));
            start = end + 1;
        }
        return tables;
    }

    private static List<SourceSpan> Tokens(string text, SourceSpan line)
    {
        var tokens = new List<SourceSpan>();
        var i = line.Start;
        while (i < line.End)
        {
            while (i < line.End && IsSpace(text[i])) i++;
            var from = i;
            while (i < line.End && !IsSpace(text[i])) i++;
            if (i > from) tokens.Add(SourceSpan.FromBounds(from, i));
        }
        return tokens;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\u3000' or '\u00A0' or '\r';

    private static IEnumerable<DocumentTable> InLine(string text, List<SourceSpan> tokens, TableHeaderLexicon headers)
    {
        var cells = Cells(text, tokens);
        var i = 0;
        while (i < cells.Count)
        {
            var headerEnd = HeaderRun(cells, i, headers);
            if (headerEnd < 0)
            {
                i++;
                continue;
            }
            var rows = new List<DocumentTableRow> { Row(cells, i, headerEnd) };
            var rowStart = headerEnd;
            var k = headerEnd;
            for (; k < cells.Count; k++)
            {
                var cell = cells[k].Text;
                if (cell.Contains('。') || cell.Contains('；') || cell.Contains(';') || cell.Length > MaxCell) break;
                if (HeaderRun(cells, k, headers) >= 0) break;
                var figure = TableCells.IsFigure(cell);
                var nextIsFigure = k + 1 < cells.Count && TableCells.IsFigure(cells[k + 1].Text);
                if (figure && !nextIsFigure)
                {
                    rows.Add(Row(cells, rowStart, k + 1));
                    rowStart = k + 1;
                }
            }
            if (rows.Count >= 2)
                yield return new DocumentTable(rows, SourceSpan.FromBounds(rows[0].Span.Start, rows[^1].Span.End));
            i = Math.Max(k, headerEnd);
        }
    }

    /// <summary>Tokens as cells; a bracket standing alone after a word (项目资金 (万元)) belongs to it.</summary>
    private static List<DocumentTableCell> Cells(string text, List<SourceSpan> tokens)
    {
        var cells = new List<DocumentTableCell>();
        foreach (var t in tokens)
        {
            var s = text.AsSpan(t.Start, t.Length);
            if (cells.Count > 0 && s[0] is '(' or '（' && s[^1] is ')' or '）' && !TableCells.IsFigure(cells[^1].Text))
            {
                var span = SourceSpan.FromBounds(cells[^1].Span.Start, t.End);
                cells[^1] = new DocumentTableCell(text.Substring(span.Start, span.Length), span);
                continue;
            }
            cells.Add(new DocumentTableCell(text.Substring(t.Start, t.Length), t));
        }
        return cells;
    }

    /// <summary>The end of a header run starting at <paramref name="start"/>: short cells of words the lexicon reads (a
    /// role, or a word it ignores: 分值, 序号), at least three, among them a target and an actual or rate; -1 when none
    /// starts there. Indicator cells closing the run name the first row (产出指标 数量指标 …), not columns.</summary>
    private static int HeaderRun(List<DocumentTableCell> cells, int start, TableHeaderLexicon headers)
    {
        var end = start;
        var roles = new List<ColumnRole>();
        while (end < cells.Count && TableLayout.IsHeaderLike([cells[end]], headers, anyWord: true))
        {
            roles.Add(headers.Match(cells[end].Text).Role);
            end++;
        }
        while (roles.Count > 0 && roles[^1] == ColumnRole.Indicator)
        {
            roles.RemoveAt(roles.Count - 1);
            end--;
        }
        return roles.Count >= MinHeaderCells && roles.Contains(ColumnRole.Target)
            && (roles.Contains(ColumnRole.Actual) || roles.Contains(ColumnRole.Rate)) ? end : -1;
    }

    private static DocumentTableRow Row(List<DocumentTableCell> cells, int from, int to)
    {
        var row = cells.GetRange(from, to - from);
        return new DocumentTableRow(row, SourceSpan.FromBounds(row[0].Span.Start, row[^1].Span.End));
    }
}
