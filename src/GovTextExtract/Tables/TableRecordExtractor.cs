using System.Globalization;
using System.Text.RegularExpressions;
using GovTextExtract.Lexicons;
using GovTextExtract.Loading;
using GovTextExtract.Normalization;
using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Status;
using GovTextExtract.Text;

namespace GovTextExtract.Tables;

/// <summary>Reads completion records straight from tables of targets: a table whose header names an indicator
/// column and a target, actual or rate column (see <see cref="TableHeaderLexicon"/>) gives one record per data row,
/// with the target, actual and rate figures' spans in <see cref="LoadedDocument.Text"/> as evidence.</summary>
/// <remarks>
/// <para>Tables are those the loader found (HTML, DOCX) and plain-text ones (cells separated by <c>|</c> or tabs)
/// elsewhere in the text. Cell figures are read with <see cref="QuantityRecognizer"/>; a bare number takes the unit
/// of the row (a 单位 column, or the indicator's bracket: 地区生产总值增长（%）), else of its column header
/// (年度目标（亿元）).
/// When no target column holds a figure, a figure inside the indicator cell (目标任务: 新增城镇就业1万人) is the
/// target.</para>
/// <para>Status and computed rate follow <see cref="StatusEvaluator"/>, as the circular pairer uses it, in the
/// indicator's better direction (<see cref="LexiconSet.DirectionOf"/>, turned round for a target written as a fall
/// or an indicator named for one, 能耗降低): met within 0.5% (relative) of the target, inside a ceiling (以内) or a
/// range; exceeded when better; not met when worse; pending for a partial-period actual (1-11月) or an expected one
/// that does not beat the target; a row with only a completion rate takes its status from the rate. The computed rate
/// is actual / target × 100 (two places) where both are single numbers in compatible units (个 and 家 both count).</para>
/// </remarks>
public static class TableRecordExtractor
{
    private static readonly Lazy<QuantityRecognizer> DefaultRecognizer = new(() => new QuantityRecognizer(LexiconSet.Default));

    private static readonly Regex ItemNumber = new(
        @"^\s*(?:\d{1,3}\s*[.、．]|[(（]\s*\d{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）])\s*",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly string[] LeadingCues = ["完成", "实现", "确保", "力争", "全年", "年度", "争取", "目标"];
    private static readonly string[] IndicatorSuffixes = ["", "增长", "增速", "增幅", "涨幅", "增长率", "率"];

    /// <summary>Confidence given to table records: the table's structure pairs target and actual explicitly.</summary>
    public const double TableConfidence = 0.9;

    /// <summary>The records of every table of targets in the document, in text order, with the default lexicons.</summary>
    public static IReadOnlyList<CompletionRecord> Extract(LoadedDocument doc) =>
        Extract(doc, LexiconSet.Default, TableHeaderLexicon.Default);

    /// <summary>The records of every table of targets in the document, in text order.</summary>
    /// <param name="doc">The loaded document.</param>
    /// <param name="lexicons">Units, bound words and indicator directions.</param>
    /// <param name="headers">Table header words.</param>
    /// <param name="metTolerancePercent">Relative tolerance, in percent of the target, within which an actual counts
    /// as met. Default 0.5.</param>
    public static IReadOnlyList<CompletionRecord> Extract(LoadedDocument doc, LexiconSet lexicons, TableHeaderLexicon headers,
        decimal metTolerancePercent = 0.5m)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(lexicons);
        ArgumentNullException.ThrowIfNull(headers);
        var recognizer = ReferenceEquals(lexicons, LexiconSet.Default) ? DefaultRecognizer.Value : new QuantityRecognizer(lexicons);
        var reader = new Reader(doc.Text, lexicons, headers, recognizer, metTolerancePercent);
        var tables = doc.Tables.Concat(PlainTextTables.Detect(doc.Text, doc.Tables)).OrderBy(t => t.Span.Start);
        var records = new List<CompletionRecord>();
        foreach (var table in tables)
            records.AddRange(reader.Read(table));
        return records;
    }

    /// <summary>A cell's figure: the quantity read and its span in the document text.</summary>
    private sealed record Figure(Quantity Quantity, decimal? Value, decimal? Low, decimal? High, string? Unit, string Text, SourceSpan Span);

    private sealed class Reader(string text, LexiconSet lex, TableHeaderLexicon headers, QuantityRecognizer recognizer, decimal tolerance)
    {
        public IEnumerable<CompletionRecord> Read(DocumentTable table)
        {
            var grid = Grid(table);
            if (grid.Count < 2) yield break;
            var grouped = FindGroupedHeader(grid);
            var header = grouped is null ? FindHeader(grid) : null;
            if (header is null)
            {
                // "地区 | 城镇新增就业(人) over 目标任务 | 进度 | 完成比例": one group of columns per indicator.
                if (grouped is null) yield break;
                for (var r = grouped.Value.FirstDataRow; r < grid.Count; r++)
                {
                    var row = grid[r];
                    if (grouped.Value.LabelColumn >= row.Length || row[grouped.Value.LabelColumn] is not { } labelCell) continue;
                    var label = CleanIndicator(labelCell.Text).Indicator;
                    if (label.Length == 0) continue;
                    foreach (var g in grouped.Value.Groups)
                    {
                        var name = headers.TotalRows.Contains(label) ? g.Name : $"{g.Name}({label})";
                        if (RowRecord(row, labelCell, name, g.Unit, g.Target, g.Unit, g.Actual, g.Unit, g.Rate) is { } record)
                            yield return record;
                    }
                }
                yield break;
            }
            var (columns, firstDataRow) = header.Value;
            int? Column(ColumnRole role) => columns.Select((c, i) => (c, i)).Where(p => p.c.Role == role).Select(p => (int?)p.i).FirstOrDefault();
            var indicatorCol = Column(ColumnRole.Indicator)!.Value;
            var targetCol = Column(ColumnRole.Target);
            var actualCol = Column(ColumnRole.Actual);
            var rateCol = Column(ColumnRole.Rate);
            var unitCol = Column(ColumnRole.Unit);
            for (var r = firstDataRow; r < grid.Count; r++)
            {
                var row = grid[r];
                DocumentTableCell? At(int? c) => c is { } i && i < row.Length ? row[i] : null;
                var indicatorCell = At(indicatorCol);
                if (indicatorCell is null || indicatorCell.Text.Trim().Length == 0) continue;
                // A repeated header row (a table split over pages) is not data.
                if (headers.Classify(indicatorCell.Text).Role == ColumnRole.Indicator && At(targetCol ?? actualCol) is { } h
                    && headers.Classify(h.Text).Role != ColumnRole.None) continue;
                var rowUnit = At(unitCol)?.Text.Trim() is { Length: > 0 } u ? u : null;
                if (RowRecord(row, indicatorCell, null, rowUnit, targetCol, targetCol is { } tc ? columns[tc].Unit : null,
                        actualCol, actualCol is { } ac ? columns[ac].Unit : null, rateCol) is { } record)
                    yield return record;
            }
        }

        /// <summary>The record of one row (or one group of a row): the indicator cell's name (or
        /// <paramref name="name"/>), the target, actual and rate of the given columns. A bare number takes the row's
        /// unit (a 单位 column, or the indicator's bracket), else its column header's.</summary>
        private CompletionRecord? RowRecord(DocumentTableCell?[] row, DocumentTableCell indicatorCell, string? name, string? rowUnitText,
            int? targetCol, string? targetHeaderUnit, int? actualCol, string? actualHeaderUnit, int? rateCol)
        {
            DocumentTableCell? At(int? c) => c is { } i && i < row.Length ? row[i] : null;
            var (indicator, indicatorUnit) = CleanIndicator(indicatorCell.Text);
            if (name is not null) indicator = name;
            var rowUnit = rowUnitText ?? (name is null ? indicatorUnit : null);
            var target = ReadFigure(At(targetCol), rowUnit ?? targetHeaderUnit, null, preferRate: false);
            if (name is null && target is null && (At(targetCol) is null || !HasFigure(At(targetCol)!)))
            {
                // 目标任务 cells state the target in words: "新增城镇就业1万人".
                var inCell = ReadFigure(indicatorCell, rowUnit, null, preferRate: false);
                if (inCell is not null)
                {
                    target = inCell;
                    indicator = IndicatorBefore(indicatorCell, inCell) ?? indicator;
                }
            }
            var actualCell = At(actualCol);
            var actual = ReadFigure(actualCell, rowUnit ?? actualHeaderUnit, target?.Unit, preferRate: false);
            decimal? reportedRate = null;
            SourceSpan? rateSpan = null;
            if (ReadFigure(At(rateCol), "%", null, preferRate: true) is { Unit: "%" } rate && rate.Value is not null)
            {
                reportedRate = rate.Value;
                rateSpan = rate.Span;
            }
            else if (actualCell is not null && StatedRate(actualCell) is { } stated)
            {
                reportedRate = stated.Value;
                rateSpan = stated.Span;
            }
            if (target is null && reportedRate is null) return null;
            if (actual is not null && rateSpan is { } rs && actual.Span.Overlaps(rs)) actual = null;
            var canonical = Canonical(indicator, target?.Unit ?? actual?.Unit);
            var direction = DirectionOf(canonical, target);
            var targetValue = target is null ? null : new TargetValue
            {
                Text = target.Text,
                Value = target.Value,
                Low = target.Low,
                High = target.High,
                Unit = target.Unit,
                Bound = target.Quantity.Bound ?? (target.Low is not null ? BoundKind.Range : BoundKind.AtLeast),
            };
            // A fall reported against a growth target in percent is a negative change (下降2% against 增长3%).
            var signedActual = actual?.Value is { } av && actual.Quantity.Decrease && target?.Quantity.Decrease != true
                && actual.Unit == "%" && target?.Unit == "%" ? -av : actual?.Value;
            var actualValue = actual is null ? null : new ActualValue
            {
                Text = actual.Text,
                Value = signedActual,
                Unit = actual.Unit,
                Estimate = actual.Quantity.Estimate,
                Approximate = actual.Quantity.Approximate,
                Period = actual.Quantity.Period,
            };
            return new CompletionRecord
            {
                Indicator = canonical,
                Target = targetValue,
                Actual = actualValue,
                ReportedRate = reportedRate,
                ComputedRate = QuantityRecognizer.Tidy(StatusEvaluator.ComputedRate(targetValue, actualValue)),
                Status = Status(targetValue, actualValue, reportedRate, direction),
                Confidence = TableConfidence,
                Evidence = new RecordEvidence { Target = target?.Span, Actual = actual?.Span, Rate = rateSpan },
            };
        }

        /// <summary>The header: the first of the top rows (or pair of rows) naming an indicator column and a target,
        /// actual or rate column; returns each column's reading and the first data row.</summary>
        private (HeaderReading[] Columns, int FirstDataRow)? FindHeader(List<DocumentTableCell?[]> grid)
        {
            for (var r = 0; r < Math.Min(grid.Count - 1, 5); r++)
            {
                var single = Read(grid[r]);
                if (IsHeader(single)) return (single, r + 1);
                if (r + 2 < grid.Count + 1 && r + 1 < grid.Count)
                {
                    // Two header rows: "指标 | 2019年 (over two columns)" above "目标 | 完成".
                    var lower = Read(grid[r + 1]);
                    var merged = single.Select((h, i) => i < lower.Length && lower[i].Role != ColumnRole.None
                        && !ReferenceEquals(grid[r + 1][i], grid[r][i]) ? lower[i] : h).ToArray();
                    if (IsHeader(merged) && lower.Any(h => h.Role is ColumnRole.Target or ColumnRole.Actual or ColumnRole.Rate))
                        return (merged, r + 2);
                }
            }
            return null;
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

        private HeaderReading[] Read(DocumentTableCell?[] row) =>
            row.Select(c => c is null ? new HeaderReading(ColumnRole.None, null) : headers.Classify(c.Text)).ToArray();

        private static bool IsHeader(HeaderReading[] columns) =>
            columns.Any(c => c.Role == ColumnRole.Indicator)
            && columns.Any(c => c.Role is ColumnRole.Target or ColumnRole.Actual or ColumnRole.Rate);

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

        private bool HasFigure(DocumentTableCell cell) =>
            recognizer.Recognize(TextNormalizer.Normalize(cell.Text).Text).Any(q => q.Kind == QuantityKind.Figure);

        /// <summary>The figure of a cell: a bare number takes <paramref name="defaultUnit"/>; among several figures
        /// the first in <paramref name="preferUnit"/> that is not a stated rate, else the first.</summary>
        private Figure? ReadFigure(DocumentTableCell? cell, string? defaultUnit, string? preferUnit, bool preferRate)
        {
            if (cell is null || cell.Text.Trim().Length == 0) return null;
            var normalized = TextNormalizer.Normalize(cell.Text);
            var (factor, unit) = UnitOf(defaultUnit);
            var trimmed = normalized.Text.Trim();
            if (decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands,
                    CultureInfo.InvariantCulture, out var bare))
            {
                // A bare number (even one that looks like a year: 2000 亿元) takes the column's unit.
                var start = normalized.Text.IndexOf(trimmed, StringComparison.Ordinal);
                var span = Map(cell, normalized, new SourceSpan(start, trimmed.Length));
                var q = new Quantity { Span = span, CoreSpan = span, Text = text.Substring(span.Start, span.Length), Value = bare };
                return new Figure(q, QuantityRecognizer.Tidy(bare * factor), null, null, unit, q.Text, span);
            }
            var figures = recognizer.Recognize(normalized.Text).Where(q => q.Kind == QuantityKind.Figure).ToArray();
            if (figures.Length == 0) return null;
            var rates = figures.Where(q => IsStatedRate(normalized.Text, q)).ToHashSet();
            Quantity chosen;
            if (preferRate)
                chosen = figures.FirstOrDefault(q => q.Unit == "%") ?? figures[0];
            else
                chosen = figures.FirstOrDefault(q => !rates.Contains(q) && preferUnit is not null && UnitAfter(q, factor, unit).Unit == preferUnit)
                    ?? figures.FirstOrDefault(q => !rates.Contains(q)) ?? figures[0];
            if (!preferRate && rates.Contains(chosen) && figures.All(rates.Contains)) return null;
            var (value, low, high, finalUnit) = UnitAfter(chosen, factor, unit);
            var mapped = Map(cell, normalized, chosen.Span);
            return new Figure(chosen, value, low, high, finalUnit, text.Substring(mapped.Start, mapped.Length), mapped);
        }

        private static (decimal? Value, decimal? Low, decimal? High, string? Unit) UnitAfter(Quantity q, decimal factor, string? unit) =>
            q.Unit is not null
                ? (q.Value, q.Low, q.High, q.Unit)
                : (Scale(q.Value, factor), Scale(q.Low, factor), Scale(q.High, factor), unit);

        private static decimal? Scale(decimal? v, decimal factor) => v is { } d ? QuantityRecognizer.Tidy(d * factor) : null;

        /// <summary>Multiplier and canonical unit of a unit text (亿元 → 10^8, 元; % → 1, %).</summary>
        private (decimal Factor, string? Unit) UnitOf(string? unitText)
        {
            if (string.IsNullOrWhiteSpace(unitText)) return (1, null);
            var probe = "1" + TableHeaderLexicon.Key(unitText);
            var q = recognizer.Recognize(probe).FirstOrDefault(x => x.Kind == QuantityKind.Figure && x.Span.Start == 0);
            return q is { Value: { } v, Unit: { } u } && q.Span.End == probe.Length ? (v, u) : (1, null);
        }

        /// <summary>A percentage the cell states as a completion rate: a rate name right before it (完成率), or a rate
        /// verb then a rate object in the clause before it (占年度计划任务的, 完成年度目标的), as the circular pairer reads them.</summary>
        private bool IsStatedRate(string normalized, Quantity q)
        {
            if (q.Unit != "%") return false;
            var s = q.CoreSpan.Start;
            var clause = s - 1;
            while (clause >= 0 && normalized[clause] is not (',' or '。' or ';' or '\n' or '，' or '；')) clause--;
            var from = Math.Max(clause + 1, s - lex.RateMaxSpan);
            var seg = normalized.AsSpan(from, s - from);
            foreach (var name in lex.RateNames)
            {
                var at = seg.LastIndexOf(name, StringComparison.Ordinal);
                if (at >= 0 && seg.Length - (at + name.Length) <= 2) return true;
            }
            foreach (var verb in lex.RateVerbs)
            {
                var iv = seg.IndexOf(verb, StringComparison.Ordinal);
                if (iv < 0) continue;
                var rest = seg[(iv + verb.Length)..];
                foreach (var obj in lex.RateObjects)
                    if (rest.Contains(obj, StringComparison.Ordinal)) return true;
            }
            return false;
        }

        private Figure? StatedRate(DocumentTableCell cell)
        {
            var normalized = TextNormalizer.Normalize(cell.Text);
            var q = recognizer.Recognize(normalized.Text).FirstOrDefault(x => x.Kind == QuantityKind.Figure && IsStatedRate(normalized.Text, x));
            if (q is null) return null;
            var span = Map(cell, normalized, q.Span);
            return new Figure(q, q.Value, null, null, "%", text.Substring(span.Start, span.Length), span);
        }

        private static SourceSpan Map(DocumentTableCell cell, NormalizedText normalized, SourceSpan span)
        {
            var inCell = normalized.ToOriginal(span);
            return new SourceSpan(cell.Span.Start + inCell.Start, inCell.Length);
        }

        private (string Indicator, string? Unit) CleanIndicator(string cellText)
        {
            var folded = TextNormalizer.Normalize(cellText).Text.Trim();
            folded = ItemNumber.Replace(folded, "", 1);
            var (name, unit) = TableHeaderLexicon.SplitUnit(folded.Replace(" ", "", StringComparison.Ordinal));
            return (name.Length > 0 ? name : folded, unit);
        }

        /// <summary>The words before a target figure in an indicator cell, without the cue words around them.</summary>
        private string? IndicatorBefore(DocumentTableCell cell, Figure figure)
        {
            var before = text[cell.Span.Start..figure.Span.Start];
            var cleaned = CleanIndicator(before).Indicator.TrimEnd(' ', ',', ':', '为', '在', '到', '达', '至');
            var changed = true;
            while (changed)
            {
                changed = false;
                foreach (var cue in LeadingCues)
                {
                    if (cleaned.Length > cue.Length && cleaned.StartsWith(cue, StringComparison.Ordinal))
                    {
                        cleaned = cleaned[cue.Length..];
                        changed = true;
                    }
                }
            }
            return cleaned.Length > 0 ? cleaned : null;
        }

        /// <summary>The lexicon's canonical name when the cell names a known indicator and nothing more; a growth
        /// indicator only when its figures are percentages (一般公共预算收入 in 亿元 is the amount, not its growth).</summary>
        private string Canonical(string indicator, string? unit)
        {
            if (lex.ResolveIndicator(indicator) is not { } entry) return indicator;
            if (entry.Kind == "growth" && unit is not null && unit != "%" && unit != "个百分点") return indicator;
            foreach (var alias in entry.Aliases.Append(entry.Name))
            {
                var rest = indicator.Replace(alias, "", StringComparison.Ordinal);
                if (rest.Length < indicator.Length && IndicatorSuffixes.Contains(rest)) return entry.Name;
            }
            return indicator;
        }

        private Direction DirectionOf(string indicator, Figure? target)
        {
            var direction = lex.DirectionOf(indicator);
            // A target written as a fall (下降3%) counts an amount of fall, and more fall is better, as the circular
            // pairer reads it.
            if (target?.Quantity.Decrease == true)
                return Direction.HigherIsBetter;
            // So does a bare figure under an indicator named for a fall (能耗降低 | 3 | 3.2): more is better.
            if (direction == Direction.LowerIsBetter && headers.ReductionWords.Any(w => indicator.Contains(w, StringComparison.Ordinal)))
                return Direction.HigherIsBetter;
            return direction;
        }

        /// <summary>The pairer's rules, so that table and prose records agree: <see cref="StatusEvaluator"/>, and an
        /// expected figure that does not beat its target is pending.</summary>
        private CompletionStatus Status(TargetValue? target, ActualValue? actual, decimal? rate, Direction direction)
        {
            var status = StatusEvaluator.Evaluate(target, actual, rate, direction, tolerance);
            if (actual is { Estimate: true } && status is not (CompletionStatus.Exceeded or CompletionStatus.Unknown))
                status = CompletionStatus.Pending;
            return status;
        }
    }
}
