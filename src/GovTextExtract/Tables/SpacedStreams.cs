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
        var runs = new HeaderRuns(cells, headers);
        var i = 0;
        while (i < cells.Count)
        {
            var headerEnd = runs.EndOf(i);
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
                if (runs.EndOf(k) >= 0) break;
                if (runs.Figure[k] && (k + 1 == cells.Count || !runs.Figure[k + 1]))
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

    /// <summary>The header runs of a line's cells, read once: a run is short cells of words the lexicon reads (a role,
    /// or a word it ignores: 分值, 序号), at least three, among them a target and an actual or rate. Indicator cells
    /// closing a run name the first row (产出指标 数量指标 …), not columns.</summary>
    private sealed class HeaderRuns
    {
        private readonly int[] _runEnd;
        private readonly int[] _lastColumn;
        private readonly int[] _targets;
        private readonly int[] _results;

        public HeaderRuns(List<DocumentTableCell> cells, TableHeaderLexicon headers)
        {
            var n = cells.Count;
            Figure = new bool[n];
            _runEnd = new int[n + 1];
            _lastColumn = new int[n];
            _targets = new int[n + 1];
            _results = new int[n + 1];
            var header = new bool[n];
            var roles = new ColumnRole[n];
            for (var c = 0; c < n; c++)
            {
                Figure[c] = TableCells.IsFigure(cells[c].Text);
                header[c] = !Figure[c] && TableLayout.IsHeaderLike([cells[c]], headers, anyWord: true);
                roles[c] = header[c] ? headers.Match(cells[c].Text).Role : ColumnRole.None;
                _targets[c + 1] = _targets[c] + (roles[c] == ColumnRole.Target ? 1 : 0);
                _results[c + 1] = _results[c] + (roles[c] is ColumnRole.Actual or ColumnRole.Rate ? 1 : 0);
                // The last cell of the run so far that heads a column (not an indicator cell), or -1.
                _lastColumn[c] = !header[c] ? -1 : roles[c] != ColumnRole.Indicator ? c : c > 0 ? _lastColumn[c - 1] : -1;
            }
            _runEnd[n] = n;
            for (var c = n - 1; c >= 0; c--)
                _runEnd[c] = header[c] ? _runEnd[c + 1] : c;
        }

        /// <summary>Whether each cell is a figure.</summary>
        public bool[] Figure { get; }

        /// <summary>The end of the header run starting at <paramref name="start"/>, or -1 when none starts there.</summary>
        public int EndOf(int start)
        {
            var runEnd = _runEnd[start];
            if (runEnd == start) return -1;
            var end = _lastColumn[runEnd - 1] + 1;
            if (end - start < MinHeaderCells) return -1;
            return _targets[end] - _targets[start] > 0 && _results[end] - _results[start] > 0 ? end : -1;
        }
    }

    private static DocumentTableRow Row(List<DocumentTableCell> cells, int from, int to)
    {
        var row = cells.GetRange(from, to - from);
        return new DocumentTableRow(row, SourceSpan.FromBounds(row[0].Span.Start, row[^1].Span.End));
    }
}
