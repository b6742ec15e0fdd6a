using System.Text.RegularExpressions;
using GovTextExtract.Loading;

namespace GovTextExtract.Tables;

/// <summary>One indicator's columns in a header: its target, actual and rate columns (any may be absent), the name its
/// headers share (累计开工数 and 开工率 name 开工), and whether the headers speak of a fall (降低目标, 实际下降).</summary>
internal sealed record ColumnGroup(int? Target, int? Actual, int? Rate, string Name, bool Reduction);

/// <summary>A header read: each column's role, unit and period, the columns that name a row (an indicator column, or a
/// place or item column when the indicators are named in the header), and the groups of target, actual and rate
/// columns, in the order plan → done → rate.</summary>
internal sealed class TableLayout
{
    // A year or a month range opening a header (2016年单位GDP能耗目标, 1-8月淘汰进展) is no part of its stem; a year
    // that opens a date (2005年底前) is.
    private static readonly Regex LeadingPeriod = new(
        @"^(?:[0-9]{4}年度?|[0-9]{1,2}[-~至到][0-9]{1,2}月份?|[0-9]{1,2}月份?)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // What a header may hold besides words: years, months, month ranges and bracketed units.
    private static readonly Regex HeaderNumbers = new(
        @"[0-9]{4}年|[0-9]{1,2}[-~至到][0-9]{1,2}月|[0-9]{1,2}月|\([^)]{0,12}\)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private const int MaxHeaderCell = 40;

    private TableLayout(HeaderReading[] columns, bool[] serial, int[] indicatorColumns, int? labelColumn,
        List<ColumnGroup> groups, int? unitColumn, int? boundColumn, string? tableUnit, int lastFigureColumn)
    {
        LastFigureColumn = lastFigureColumn;
        Columns = columns;
        Serial = serial;
        IndicatorColumns = indicatorColumns;
        LabelColumn = labelColumn;
        Groups = groups;
        UnitColumn = unitColumn;
        BoundColumn = boundColumn;
        TableUnit = tableUnit;
    }

    /// <summary>Each column's role and bracketed unit.</summary>
    public HeaderReading[] Columns { get; }

    /// <summary>Columns of row numbers (序号).</summary>
    public bool[] Serial { get; }

    /// <summary>Indicator columns, left to right (一级指标 | 二级指标 | 三级指标): a row is named by the last one it fills.</summary>
    public int[] IndicatorColumns { get; }

    /// <summary>Without indicator columns, the column naming each row's place or item (地区, 市州); its records are
    /// named place + group.</summary>
    public int? LabelColumn { get; }

    /// <summary>The indicator groups, left to right.</summary>
    public List<ColumnGroup> Groups { get; }

    /// <summary>The 单位 column, if any.</summary>
    public int? UnitColumn { get; }

    /// <summary>The 指标性质 column (≥, ≤, ﹦), if any.</summary>
    public int? BoundColumn { get; }

    /// <summary>A unit in the naming column's header (项目资金(万元)): the unit of every figure column without its own.</summary>
    public string? TableUnit { get; }

    /// <summary>The last column that is no remark (备注): where a row's closing figures end.</summary>
    public int LastFigureColumn { get; }

    /// <summary>How many columns the header has.</summary>
    public int Width => Columns.Length;

    /// <summary>True for a row that may be a header: no figure cell, no number in a cell but years, months and
    /// bracketed units, no sentence, short cells, and at least one cell with a role (with
    /// <paramref name="anyWord"/>, every cell a word of the lexicon, ignored words such as 分值 included).</summary>
    public static bool IsHeaderLike(DocumentTableCell?[] row, TableHeaderLexicon headers, bool anyWord = false)
    {
        var roles = 0;
        foreach (var cell in row.Distinct())
        {
            if (cell is null || cell.Text.Trim().Length == 0) continue;
            var key = TableHeaderLexicon.Key(cell.Text);
            if (key.Length > MaxHeaderCell || TableCells.IsFigure(cell.Text) || TableCells.IsBoundSign(cell.Text, headers)) return false;
            if (key.Contains('。') || HeaderNumbers.Replace(key, "").Any(char.IsAsciiDigit)) return false;
            var (role, _, word) = headers.Match(cell.Text);
            if (role != ColumnRole.None) roles++;
            else if (anyWord && word is null) return false;
        }
        return roles > 0 || (anyWord && row.Any(c => c is not null));
    }

    /// <summary>The layout a header row gives, or null when it names no row column and no group of a target, actual
    /// or rate column that a row can be read by.</summary>
    public static TableLayout? Read(DocumentTableCell?[] row, TableHeaderLexicon headers)
    {
        var width = row.Length;
        var readings = new (ColumnRole Role, string? Unit, string? Word)[width];
        var keys = new string[width];
        var serial = new bool[width];
        for (var c = 0; c < width; c++)
        {
            var text = row[c]?.Text ?? "";
            readings[c] = headers.Match(text);
            keys[c] = TableHeaderLexicon.SplitUnit(TableHeaderLexicon.Key(text)).Text;
            serial[c] = text.Length > 0 && headers.IsSerial(text);
        }
        var roles = readings.Select(r => r.Role).ToArray();
        var groups = Group(roles, readings, keys, headers);
        if (groups.Count == 0) return null;
        var indicatorColumns = Enumerable.Range(0, width).Where(c => roles[c] == ColumnRole.Indicator).ToArray();
        int? label = null;
        if (indicatorColumns.Length == 0)
        {
            // A place or item column left of the figures, under a header the lexicon does not know (地区, 市州).
            var firstFigure = groups.Min(g => Math.Min(g.Target ?? int.MaxValue, Math.Min(g.Actual ?? int.MaxValue, g.Rate ?? int.MaxValue)));
            for (var c = Math.Min(firstFigure, width) - 1; c >= 0 && label is null; c--)
                if (row[c] is { } cell && cell.Text.Trim().Length > 0 && roles[c] == ColumnRole.None && readings[c].Word is null && !serial[c])
                    label = c;
            // Named by place alone, a row needs a target beside its actual or rate.
            if (label is null || !groups.Any(g => g.Target is not null && (g.Actual ?? g.Rate) is not null)) return null;
        }
        int? Single(ColumnRole role) => Enumerable.Range(0, width).Where(c => roles[c] == role).Select(c => (int?)c).FirstOrDefault();
        var columns = readings.Select(r => new HeaderReading(r.Role, r.Unit)).ToArray();
        for (var c = 0; c < width; c++)
            foreach (var g in groups)
                if (g.Actual == c && roles[c] != ColumnRole.Actual) columns[c] = columns[c] with { Role = ColumnRole.Actual };
                else if (g.Rate == c && roles[c] != ColumnRole.Rate) columns[c] = columns[c] with { Role = ColumnRole.Rate };
        var naming = indicatorColumns.Length > 0 ? indicatorColumns[0] : label!.Value;
        var lastFigure = width - 1;
        while (lastFigure > 0 && (row[lastFigure] is null || row[lastFigure]!.Text.Trim().Length == 0 || headers.IsRemark(row[lastFigure]!.Text)))
            lastFigure--;
        return new TableLayout(columns, serial, indicatorColumns, label, groups, Single(ColumnRole.Unit), Single(ColumnRole.Bound),
            readings[naming].Unit, lastFigure);
    }

    /// <summary>Groups the target, actual and rate columns in order: a role the current group already has opens the
    /// next group. A header without a role ending in a rate suffix (开工率, 降低率) joins the current group when it
    /// shares the group's stem: as its actual if the group has none yet, else as its rate.</summary>
    private static List<ColumnGroup> Group(ColumnRole[] roles, (ColumnRole Role, string? Unit, string? Word)[] readings, string[] keys,
        TableHeaderLexicon headers)
    {
        var groups = new List<ColumnGroup>();
        var derived = new HashSet<int>();
        int? t = null, a = null, r = null;
        void Close()
        {
            if (t is not null || a is not null || r is not null)
                groups.Add(new ColumnGroup(t, a, r, Name(t, a, r), new[] { t, a, r }.Any(c => c is { } i && Reduces(i))));
            t = a = r = null;
        }
        string Name(int? target, int? actual, int? rate)
        {
            // A column whose role its stem gave (降低率) names the group last: its suffix is no part of the name.
            foreach (var c in new[] { actual, target, rate }.OrderBy(c => c is { } i && derived.Contains(i)))
                if (c is { } i && Stem(keys[i], headers) is { Length: > 0 } stem) return stem;
            return "";
        }
        bool Reduces(int c) => headers.ReductionWords.Any(w => keys[c].Contains(w, StringComparison.Ordinal));
        for (var c = 0; c < roles.Length; c++)
        {
            var role = roles[c];
            if (role == ColumnRole.None && readings[c].Word is null && (t ?? a) is not null
                && headers.RateSuffixes.FirstOrDefault(s => keys[c].EndsWith(s, StringComparison.Ordinal) && keys[c].Length > s.Length) is { } suffix)
            {
                var stem = Stem(keys[c][..^suffix.Length], headers);
                var shared = new[] { t, a }.Any(m => m is { } i && SharesStem(Stem(keys[i], headers), stem));
                if (shared && a is null) role = ColumnRole.Actual;
                else if (shared && r is null) role = ColumnRole.Rate;
                if (role != ColumnRole.None) derived.Add(c);
            }
            switch (role)
            {
                case ColumnRole.Target:
                    if (t is not null) Close();
                    t = c;
                    break;
                case ColumnRole.Actual:
                    if (a is not null) Close();
                    a = c;
                    break;
                case ColumnRole.Rate:
                    if (r is not null) Close();
                    r = c;
                    break;
            }
        }
        Close();
        // Of several groups only those that can be compared give records: a lone target or actual beside others is a
        // second plan column (年初预算数 beside 全年预算数), not an indicator of its own.
        if (groups.Count > 1)
            groups = groups.Where(g => g.Rate is not null || (g.Target is not null && g.Actual is not null)).ToList();
        return groups;
    }

    /// <summary>A header without its period, role words and a closing 数/量/额/值: 累计完成投资额 → 投资,
    /// 2016年单位GDP能耗实际下降 → 单位GDP能耗下降.</summary>
    public static string Stem(string key, TableHeaderLexicon headers)
    {
        var s = key;
        var period = LeadingPeriod.Match(key);
        if (period.Success && !(period.Length < key.Length && key[period.Length] is '底' or '末' or '初')) s = key[period.Length..];
        foreach (var word in headers.RoleWords)
            if (word.Length >= 2) s = s.Replace(word, "", StringComparison.Ordinal);
        return s.TrimEnd('数', '量', '额', '值');
    }

    private static bool SharesStem(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        if (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)) return true;
        for (var i = 0; i + 1 < b.Length; i++)
            if (a.Contains(b.Substring(i, 2), StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Two header rows as one: with cells spanning columns (an HTML header), column by column, the lower
    /// row's cells that have a role over the upper's; without spans (a plain-text header, whose upper row names a
    /// column over several lower ones: 年度指标值 over 指标性质 | 指标值 | 度量单位), the lower row followed by the upper
    /// row's cells right of the last one the lower row refines.</summary>
    public static DocumentTableCell?[] Merge(DocumentTableCell?[] upper, DocumentTableCell?[] lower, TableHeaderLexicon headers)
    {
        var spans = Enumerable.Range(0, upper.Length).Any(i => upper[i] is not null
            && ((i + 1 < upper.Length && ReferenceEquals(upper[i], upper[i + 1])) || (i < lower.Length && ReferenceEquals(upper[i], lower[i]))));
        var lowerRoles = lower.Where(c => c is not null).Select(c => headers.Classify(c!.Text).Role).Where(r => r != ColumnRole.None).ToHashSet();
        var refined = -1;
        for (var i = 0; i < upper.Length; i++)
            if (upper[i] is { } u && lowerRoles.Contains(headers.Classify(u.Text).Role)) refined = i;
        if (spans || refined < 0)
            return upper.Select((u, i) => i < lower.Length && lower[i] is { } l && !ReferenceEquals(l, u)
                && headers.Classify(l.Text).Role != ColumnRole.None ? l : u).ToArray();
        var used = lower.Length;
        while (used > 0 && (lower[used - 1] is null || lower[used - 1]!.Text.Trim().Length == 0)) used--;
        var lastUpper = upper.Length;
        while (lastUpper > 0 && (upper[lastUpper - 1] is null || upper[lastUpper - 1]!.Text.Trim().Length == 0)) lastUpper--;
        return lower[..used].Concat(upper[(refined + 1)..Math.Max(refined + 1, lastUpper)]).ToArray();
    }

    /// <summary>True when a row names a target column and an actual or rate column.</summary>
    public static bool NamesComparison(DocumentTableCell?[] row, TableHeaderLexicon headers)
    {
        var roles = row.Distinct().Where(c => c is not null).Select(c => headers.Classify(c!.Text).Role).ToHashSet();
        return roles.Contains(ColumnRole.Target) && (roles.Contains(ColumnRole.Actual) || roles.Contains(ColumnRole.Rate));
    }

    /// <summary>True when a header row names two or more columns' roles: what a lower header row must do to be merged
    /// with the row above.</summary>
    public static bool NamesRoles(DocumentTableCell?[] row, TableHeaderLexicon headers) =>
        row.Distinct().Count(c => c is not null && headers.Classify(c.Text).Role != ColumnRole.None) >= 2;
}
