using GovTextExtract.Lexicons;
using GovTextExtract.Loading;
using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Tables;

/// <summary>Reads one table's records: finds its header rows (a table may hold several blocks, each under its own
/// header), aligns each row with its header, and reads one record per row and indicator group.</summary>
internal sealed partial class TableReader(string text, LexiconSet lex, TableHeaderLexicon headers, QuantityRecognizer recognizer, decimal tolerance)
{
    /// <summary>Lines above a table read as its caption, and the longest such line (longer ones are prose).</summary>
    private const int CaptionLines = 3;
    private const int MaxCaptionLine = 60;

    private readonly TableFigures _figures = new(text, lex, recognizer);

    /// <summary>The partial period of each header cell read so far: a header is read once, not once a row.</summary>
    private readonly Dictionary<DocumentTableCell, string?> _headerPeriods = new(ReferenceEqualityComparer.Instance);

    /// <summary>What the lines above a table and the rows before its header say of all its figures.</summary>
    private sealed record Caption(string? Unit, string? Period);

    public IEnumerable<CompletionRecord> Read(DocumentTable table, bool plainText)
    {
        var grid = Grid(table);
        if (grid.Count < 2) return [];
        if (FindGroupedHeader(grid) is { } grouped) return ReadGrouped(grid, grouped);
        return ReadBlocks(table, grid, plainText);
    }

    private IEnumerable<CompletionRecord> ReadBlocks(DocumentTable table, List<DocumentTableCell?[]> grid, bool plainText)
    {
        var caption = CaptionAbove(table.Span.Start);
        TableLayout? layout = null;
        DocumentTableCell?[]? headerRow = null;
        var dataRead = false;
        for (var r = 0; r < grid.Count; r++)
        {
            var row = grid[r];
            // Below data rows, a row of words starts a new block only when it names a target beside an actual or rate
            // column (a row "重点任务 | 全面完成 | 已完成" is data).
            if (TableLayout.IsHeaderLike(row, headers) && (!dataRead || TableLayout.NamesComparison(row, headers)))
            {
                // Two header rows: "指标 | 2019年" over "目标 | 完成", or 年度指标值 over 指标性质 | 指标值 | 度量单位.
                if (r + 1 < grid.Count && TableLayout.IsHeaderLike(grid[r + 1], headers) && TableLayout.NamesRoles(grid[r + 1], headers)
                    && TableLayout.Merge(row, grid[r + 1], headers) is var merged && TableLayout.Read(merged, headers) is { } two)
                {
                    (layout, headerRow) = (two, merged);
                    dataRead = false;
                    r++;
                    continue;
                }
                if (TableLayout.Read(row, headers) is { } one)
                {
                    (layout, headerRow) = (one, row);
                    dataRead = false;
                    continue;
                }
            }
            if (layout is null || headerRow is null)
            {
                // A caption row inside the table, before its header (单位：万元).
                caption = Merge(caption, CaptionOf(row.Where(c => c is not null).Select(c => c!.Text).Distinct()));
                continue;
            }
            dataRead = true;
            var last = r == grid.Count - 1;
            foreach (var record in ReadRow(row, layout, headerRow, caption, plainText, last))
                yield return record;
        }
    }

    /// <summary>The records of one data row, one per indicator group.</summary>
    private IEnumerable<CompletionRecord> ReadRow(DocumentTableCell?[] gridRow, TableLayout layout, DocumentTableCell?[] headerRow,
        Caption caption, bool plainText, bool last)
    {
        var cells = plainText ? Align(gridRow, layout) : gridRow;
        // A last row shorter than its header whose last cell the document's end cuts (no bar, no line break after it)
        // was cut inside that cell ("1." of 1.xx): the cell is dropped, and the row gives a record only when both its
        // target and actual remain.
        var cut = false;
        if (plainText && last)
        {
            var end = Array.FindLastIndex(cells, c => c is not null && c.Text.Length > 0);
            if (end >= 0 && end + 1 < layout.Width && text.AsSpan(cells[end]!.Span.End).Trim(" \t\u3000").Length == 0)
            {
                cells = cells.ToArray();
                cells[end] = null;
                cut = true;
            }
        }
        DocumentTableCell? At(int? c) => c is { } i && i < cells.Length && cells[i] is { } cell && cell.Text.Trim().Length > 0 ? cell : null;
        DocumentTableCell? nameCell = null;
        if (layout.IndicatorColumns.Length > 0)
        {
            foreach (var c in layout.IndicatorColumns)
                if (At(c) is { } cell && !TableCells.IsFigure(cell.Text)) nameCell = cell;
        }
        else
        {
            nameCell = At(layout.LabelColumn);
        }
        if (nameCell is null || TableCells.IsFigure(nameCell.Text)) yield break;
        var rowUnit = At(layout.UnitColumn)?.Text.Trim();
        var rowBound = At(layout.BoundColumn) is { } b ? TableCells.LeadingBound(b.Text, headers)?.Bound : null;
        var place = layout.LabelColumn is not null ? CleanIndicator(nameCell.Text).Indicator : null;
        // A bracket after the naming column's header is the table's unit only when it is a unit (县(市、区) is not).
        var tableUnit = layout.TableUnit is { } tu && _figures.UnitOf(tu).Unit is not null ? tu : caption.Unit;
        foreach (var g in layout.Groups)
        {
            string? Unit(int? c) => c is { } i ? layout.Columns[i].Unit ?? tableUnit : null;
            var groupName = g.Name.Length > 0 ? g.Name : HeaderName(headerRow, g.Actual ?? g.Target ?? g.Rate);
            var name = place is not null ? $"{place} {groupName}"
                : layout.Groups.Count > 1 && groupName.Length > 0 ? $"{CleanIndicator(nameCell.Text).Indicator} {groupName}" : null;
            var plan = new RowPlan(nameCell, name, TargetInName: place is null && g == layout.Groups[0], rowUnit, g.Target, Unit(g.Target),
                g.Actual, Unit(g.Actual), g.Rate, rowBound, g.Reduction,
                HeaderPeriod(headerRow, g.Actual) ?? HeaderPeriod(headerRow, g.Rate) ?? caption.Period);
            if (RowRecord(cells, plan) is { } record && (!cut || (record.Target is not null && record.Actual is not null)))
                yield return record;
        }
    }

    private string? HeaderPeriod(DocumentTableCell?[] header, int? column)
    {
        if (column is not { } c || c >= header.Length || header[c] is not { } cell) return null;
        if (!_headerPeriods.TryGetValue(cell, out var period))
            _headerPeriods[cell] = period = _figures.PeriodOf(cell.Text);
        return period;
    }

    private static string? HeaderText(DocumentTableCell?[] header, int? column) =>
        column is { } c && c < header.Length ? header[c]?.Text : null;

    private string HeaderName(DocumentTableCell?[] header, int? column) =>
        HeaderText(header, column) is { } h ? CleanIndicator(h).Indicator : "";

    /// <summary>A row shorter than its header has left cells out at its start (a row number, or names spanning rows
    /// above); it is shifted right by as many columns as make its cells' content fit the columns best: row numbers
    /// under 序号, words under names, signs under 指标性质, figures under figures, a name in a naming column, and the
    /// row's closing figures ending under the last column that is no remark. Ties keep the row where it is.</summary>
    private DocumentTableCell?[] Align(DocumentTableCell?[] row, TableLayout layout)
    {
        var count = 0;
        while (count < row.Length && row[count] is not null) count++;
        if (count == 0 || count >= layout.Width || row.Skip(count).Any(c => c is not null)) return row;
        var closing = count;
        while (closing > 0 && TableCells.IsFigure(row[closing - 1]!.Text)) closing--;
        var naming = layout.IndicatorColumns.Length > 0 ? layout.IndicatorColumns : [layout.LabelColumn!.Value];
        var best = 0;
        var bestScore = int.MinValue;
        for (var shift = 0; shift <= layout.Width - count; shift++)
        {
            var score = 0;
            for (var j = 0; j < count; j++)
                score += Fit(row[j]!, shift + j, layout);
            if (!naming.Any(c => c >= shift && c < shift + count)) score -= 5;
            if (closing < count && shift + count - 1 == layout.LastFigureColumn) score += 3;
            if (score > bestScore)
            {
                bestScore = score;
                best = shift;
            }
        }
        if (best == 0) return row;
        var aligned = new DocumentTableCell?[Math.Max(row.Length, layout.Width)];
        for (var j = 0; j < count && best + j < aligned.Length; j++)
            aligned[best + j] = row[j];
        return aligned;
    }

    private int Fit(DocumentTableCell cell, int column, TableLayout layout)
    {
        var cellText = cell.Text.Trim();
        if (cellText.Length == 0) return 0;
        var figure = TableCells.IsFigure(cellText);
        var sign = TableCells.IsBoundSign(cellText, headers);
        if (layout.Serial[column]) return TableCells.IsSerialNumber(cellText) ? 2 : -2;
        if (column == layout.BoundColumn) return sign ? 2 : -2;
        if (column == layout.LabelColumn || layout.IndicatorColumns.Contains(column)) return figure || sign ? -2 : 1;
        if (column == layout.UnitColumn) return figure || sign ? -2 : cellText.Length <= 4 ? 1 : -1;
        if (sign) return -2;
        // Figures fit every other column (targets, actuals, rates, scores); words may stand for figures (已完成).
        return figure ? 1 : 0;
    }

    /// <summary>The caption lines right above a table: a unit (单位：万辆) and a partial period (截至8月底, 1-8月).</summary>
    private Caption CaptionAbove(int tableStart)
    {
        var lines = new List<string>();
        var pos = tableStart;
        while (lines.Count < CaptionLines && pos > 0)
        {
            var lineEnd = pos - 1;
            var start = lineEnd > 0 ? text.LastIndexOf('\n', lineEnd - 1) + 1 : 0;
            var line = text.AsSpan(start, lineEnd - start).Trim();
            pos = start;
            if (line.Length == 0) continue;
            if (line.Length > MaxCaptionLine) break;
            lines.Add(line.ToString());
        }
        return CaptionOf(lines);
    }

    private Caption CaptionOf(IEnumerable<string> lines)
    {
        string? unit = null, period = null;
        foreach (var line in lines)
        {
            unit ??= UnitCaption(line);
            period ??= _figures.PeriodOf(line);
        }
        return new Caption(unit, period);
    }

    private static Caption Merge(Caption a, Caption b) => new(a.Unit ?? b.Unit, a.Period ?? b.Period);

    /// <summary>The unit a caption names after a unit word and a colon (单位：万元), when the recogniser knows it.</summary>
    private string? UnitCaption(string line)
    {
        var key = TableHeaderLexicon.Key(line);
        foreach (var word in headers.UnitWords)
        {
            var at = key.IndexOf(word + ":", StringComparison.Ordinal);
            if (at < 0) continue;
            var from = at + word.Length + 1;
            var to = from;
            while (to < key.Length && to - from < 6 && key[to] is not (')' or ',' or ';' or '、' or '。' or '|')) to++;
            var unit = key[from..to];
            if (_figures.UnitOf(unit).Unit is not null) return unit;
        }
        return null;
    }

    /// <summary>Lays the cells on a grid, repeating a spanning cell over the columns and rows it covers.</summary>
    private static List<DocumentTableCell?[]> Grid(DocumentTable table)
    {
        var width = table.Rows.Max(r => r.Cells.Sum(c => Math.Min(c.ColumnSpan, 100)));
        width = Math.Min(width, 200);
        var grid = new List<DocumentTableCell?[]>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            while (grid.Count <= r) grid.Add(new DocumentTableCell?[width]);
            var col = 0;
            foreach (var cell in table.Rows[r].Cells)
            {
                while (col < width && grid[r][col] is not null) col++;
                if (col >= width) break;
                for (var dr = 0; dr < Math.Min(cell.RowSpan, 100) && r + dr < table.Rows.Count; dr++)
                {
                    while (grid.Count <= r + dr) grid.Add(new DocumentTableCell?[width]);
                    for (var dc = 0; dc < Math.Min(cell.ColumnSpan, 100) && col + dc < width; dc++)
                        grid[r + dr][col + dc] ??= cell;
                }
                col += Math.Min(cell.ColumnSpan, 100);
            }
        }
        return grid;
    }
}
