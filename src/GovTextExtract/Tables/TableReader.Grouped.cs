using GovTextExtract.Loading;
using GovTextExtract.Records;

namespace GovTextExtract.Tables;

internal sealed partial class TableReader
{
    /// <summary>"地区 | 城镇新增就业(人) over 目标任务 | 进度 | 完成比例": one group of columns per indicator, one place a
    /// row; the whole (全市) is named by its group alone, any other row group(place).</summary>
    private IEnumerable<CompletionRecord> ReadGrouped(List<DocumentTableCell?[]> grid,
        (int LabelColumn, List<(string Name, string? Unit, int? Target, int? Actual, int? Rate)> Groups, int FirstDataRow) grouped)
    {
        for (var r = grouped.FirstDataRow; r < grid.Count; r++)
        {
            var row = grid[r];
            if (grouped.LabelColumn >= row.Length || row[grouped.LabelColumn] is not { } labelCell) continue;
            var label = CleanIndicator(labelCell.Text).Indicator;
            if (label.Length == 0) continue;
            foreach (var g in grouped.Groups)
            {
                var name = headers.TotalRows.Contains(label) ? g.Name : $"{g.Name}({label})";
                var plan = new RowPlan(labelCell, name, TargetInName: false, g.Unit, g.Target, g.Unit, g.Actual, g.Unit, g.Rate, null, false, null);
                if (RowRecord(row, plan) is { } record)
                    yield return record;
            }
        }
    }

    /// <summary>A grouped header: an upper row whose cells each span two or more columns and name an indicator,
    /// over a lower row naming target, actual and rate columns; the label column is the first column left of the
    /// groups. Returns the groups, the label column and the first data row.</summary>
    private (int LabelColumn, List<(string Name, string? Unit, int? Target, int? Actual, int? Rate)> Groups, int FirstDataRow)?
        FindGroupedHeader(List<DocumentTableCell?[]> grid)
    {
        for (var r = 0; r + 2 < grid.Count && r < 4; r++)
        {
            var upper = grid[r];
            var lower = grid[r + 1];
            var groups = new List<(string Name, string? Unit, int? Target, int? Actual, int? Rate)>();
            var firstGroup = -1;
            for (var c = 0; c < upper.Length;)
            {
                var cell = upper[c];
                var end = c + 1;
                while (end < upper.Length && cell is not null && ReferenceEquals(upper[end], cell)) end++;
                if (cell is not null && end - c >= 2 && !ReferenceEquals(lower[c], cell))
                {
                    int? t = null, a = null, rt = null;
                    for (var k = c; k < end; k++)
                    {
                        if (lower[k] is not { } sub) continue;
                        var key = TableHeaderLexicon.Key(sub.Text);
                        var role = headers.GroupTargetWords.Contains(TableHeaderLexicon.SplitUnit(key).Text)
                            ? ColumnRole.Target : headers.Classify(sub.Text).Role;
                        if (role == ColumnRole.Target) t ??= k;
                        else if (role == ColumnRole.Actual) a ??= k;
                        else if (role == ColumnRole.Rate) rt ??= k;
                    }
                    var (name, unit) = CleanIndicator(cell.Text);
                    // A period over its columns ("2019年", "1-12月") heads an ordinary two-row header.
                    var period = name.Length == 0 || char.IsAsciiDigit(name[0]) || headers.Classify(cell.Text).Role != ColumnRole.None;
                    if (!period && (t is not null || rt is not null) && (a is not null || rt is not null))
                    {
                        groups.Add((name, unit, t, a, rt));
                        if (firstGroup < 0) firstGroup = c;
                    }
                }
                c = end;
            }
            if (groups.Count == 0 || firstGroup < 1) continue;
            // The label column spans both header rows ("地区" with rowspan 2) and names places or items, not
            // indicators (an indicator column makes an ordinary header).
            var label = firstGroup - 1;
            while (label > 0 && upper[label] is null) label--;
            if (upper[label] is { } head && headers.Classify(head.Text).Role == ColumnRole.Indicator) continue;
            return (label, groups, r + 2);
        }
        return null;
    }
}
