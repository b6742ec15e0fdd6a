namespace GovTextExtract.Loading;

/// <summary>A run of letters on a PDF line with no wide gap inside: a word, a phrase, or the text of a table cell.</summary>
internal sealed record PdfSegment(string Text, double Left, double Right);

/// <summary>One line of a PDF page, with its segments (split at gaps wider than
/// <see cref="PdfTables.SegmentGapEm"/> em).</summary>
internal sealed record PdfLine(string Text, double Left, double Right, double Baseline, double Size, IReadOnlyList<PdfSegment> Segments);

/// <summary>A horizontal ruling line of a page (a table border): its height from the page's bottom and its extent.</summary>
internal readonly record struct PdfRule(double Y, double Left, double Right);

/// <summary>A vertical ruling line of a page: its distance from the page's left and its extent.</summary>
internal readonly record struct PdfVerticalRule(double X, double Bottom, double Top);

/// <summary>A page's ruling lines.</summary>
internal sealed record PdfRules(IReadOnlyList<PdfRule> Horizontal, IReadOnlyList<PdfVerticalRule> Vertical)
{
    /// <summary>No rules.</summary>
    public static PdfRules None { get; } = new([], []);
}

/// <summary>What a page holds, in reading order: a prose line, or a table rebuilt from word positions.</summary>
internal abstract record PdfItem;

/// <summary>A line of prose.</summary>
internal sealed record PdfProse(PdfLine Line) : PdfItem;

/// <summary>A table: rows of cells, every row as wide as the table's columns (empty cells kept, so that words and
/// dashes never shift a column).</summary>
internal sealed record PdfTable(List<List<CellContent>> Rows, int Columns) : PdfItem;

/// <summary>Rebuilds tables from the positions of a page's words, as Tabula's stream mode does: a run of lines with
/// several segments whose segments line up in columns is a table; its columns are the x-ranges of the rows with the
/// most common number of segments, merged where they overlap; every row's segments are placed in the columns they
/// overlap (a segment over several columns spans them); lines closer together than the table's row pitch are the
/// wrapped lines of one row (a cell or a header on two lines).</summary>
/// <remarks>Ruling lines are not read: Chinese reports print their tables with and without them, and the gaps between
/// cells, at least <see cref="SegmentGapEm"/> em wide, are present either way.</remarks>
internal static class PdfTables
{
    /// <summary>A gap between letters wider than this many em splits a line into segments (a Latin word space is
    /// about 0.25–0.33 em; the padding between table cells is 0.6 em or more).</summary>
    public const double SegmentGapEm = 0.6;

    /// <summary>The fewest rows of several segments a table has.</summary>
    private const int MinRows = 2;

    /// <summary>Splits a page's lines into prose and tables; <paramref name="rules"/>, the page's horizontal ruling
    /// lines, give a ruled table its exact rows (lattice mode).</summary>
    public static List<PdfItem> Read(IReadOnlyList<PdfLine> lines, PdfRules rules)
    {
        var items = new List<PdfItem>();
        var i = 0;
        var floor = 0;
        while (i < lines.Count)
        {
            if (lines[i].Segments.Count >= 2 && TryTable(lines, rules, i, floor, out var table, out var first, out var end))
            {
                // Single-segment lines taken into the table's first row were read as prose: take them back.
                var back = Math.Min(i - first, items.Count);
                items.RemoveRange(items.Count - back, back);
                items.Add(table);
                i = end;
                floor = end;
                continue;
            }
            items.Add(new PdfProse(lines[i]));
            i++;
        }
        return items;
    }

    /// <summary>A table whose first multi-segment line is <paramref name="start"/>.</summary>
    private static bool TryTable(IReadOnlyList<PdfLine> lines, PdfRules rules, int start, int floor,
        out PdfTable table, out int first, out int end)
    {
        table = null!;
        first = start;
        end = start;
        // The run: multi-segment lines, and up to two single-segment lines (wrapped cells) between them.
        var last = start;
        var k = start + 1;
        while (k < lines.Count)
        {
            if (lines[k].Segments.Count >= 2) { last = k; k++; continue; }
            var next = k;
            while (next < lines.Count && next - k < 3 && lines[next].Segments.Count < 2 && Step(lines, next) < 2.5 * lines[next].Size) next++;
            if (next < lines.Count && next - k < 3 && lines[next].Segments.Count >= 2 && Step(lines, next) < 2.5 * lines[next].Size) { k = next; continue; }
            break;
        }
        var run = Enumerable.Range(start, last - start + 1).ToList();
        var multi = run.Where(r => lines[r].Segments.Count >= 2).ToList();
        if (multi.Count < MinRows) return false;

        var bands = Bands(multi.Select(r => lines[r]).ToList());
        if (bands.Count < 2) return false;
        // Most multi-segment lines must fill at least two columns.
        var spread = multi.Count(r => lines[r].Segments.Select(s => Overlapping(bands, s)).Select(o => o.First).Distinct().Count() >= 2);
        if (spread < Math.Max(MinRows, (multi.Count + 1) / 2)) return false;

        // The row pitch: a high quantile of the steps between the run's lines (wrapped lines step less).
        var steps = Enumerable.Range(start + 1, last - start).Select(r => Step(lines, r)).Where(s => s > 0).Order().ToArray();
        var pitch = steps.Length > 0 ? steps[Math.Min(steps.Length - 1, steps.Length * 3 / 4)] : lines[start].Size * 2;
        var wrap = 0.8 * pitch;

        // Ruled: the rules around the run bound the table and separate its rows exactly.
        if (Ruled(lines, rules.Horizontal, bands, start, last, floor) is { } ruled)
        {
            first = ruled.First;
            end = ruled.Last + 1;
            table = new PdfTable(RuledRows(lines, ruled.First, ruled.Last, ruled.Ys, rules.Vertical, bands), bands.Count);
            return true;
        }

        // Lines just above the run, inside its columns and closer than a row pitch, are the top lines of its first
        // row (a header cell on two lines, its other cells centred below).
        var left = bands[0].Left;
        var right = bands[^1].Right;
        while (first > floor && lines[first - 1].Segments.Count == 1 && Step(lines, first) < wrap && steps.Length > 0
               && steps[0] < wrap && lines[first - 1].Left >= left - lines[first - 1].Size && lines[first - 1].Right <= right + lines[first - 1].Size)
            first--;

        // Single lines just below the run, inside its columns and closer than a row pitch, end its last row.
        while (last + 1 < lines.Count && lines[last + 1].Segments.Count == 1 && Step(lines, last + 1) < wrap
               && lines[last + 1].Left >= left - lines[last + 1].Size && lines[last + 1].Right <= right + lines[last + 1].Size)
            last++;

        var rows = new List<List<CellContent>>();
        List<string>[]? current = null;
        int[]? spans = null;
        double[]? lastBaseline = null;
        for (var r = first; r <= last; r++)
        {
            var placed = lines[r].Segments.Select(s => (Segment: s, Band: Overlapping(bands, s))).ToList();
            // A line starts a new row when it puts text under a column that already has text in this row from a line
            // a row pitch or more above; a line that shares no column with the row (a cell centred across two rows,
            // the other line of a wrapped cell) joins it when it is close.
            var newRow = current is null;
            if (!newRow)
            {
                var shares = false;
                foreach (var (_, (at, count)) in placed)
                    for (var b = at; b < at + count; b++)
                        if (!double.IsNaN(lastBaseline![b]))
                        {
                            shares = true;
                            if (lastBaseline[b] - lines[r].Baseline >= wrap) newRow = true;
                        }
                if (!shares && Step(lines, r) >= wrap) newRow = true;
            }
            if (newRow)
            {
                if (current is not null) rows.Add(Row(current, spans!));
                current = Enumerable.Range(0, bands.Count).Select(_ => new List<string>()).ToArray();
                spans = new int[bands.Count];
                lastBaseline = Enumerable.Repeat(double.NaN, bands.Count).ToArray();
            }
            foreach (var (segment, (at, count)) in placed)
            {
                current![at].Add(segment.Text);
                spans![at] = Math.Max(spans[at], count);
                for (var b = at; b < at + count; b++) lastBaseline![b] = lines[r].Baseline;
            }
        }
        if (current is not null) rows.Add(Row(current, spans!));
        table = new PdfTable(rows, bands.Count);
        end = last + 1;
        return true;
    }

    /// <summary>The ruled extent of a table: the rule heights (top to bottom) of the contiguous rules around the run,
    /// and the first and last lines between the top and bottom rule; null when the run is not ruled.</summary>
    private static (int First, int Last, double[] Ys)? Ruled(IReadOnlyList<PdfLine> lines, IReadOnlyList<PdfRule> rules,
        List<(double Left, double Right)> bands, int start, int last, int floor)
    {
        if (rules.Count < 2) return null;
        var left = bands[0].Left;
        var right = bands[^1].Right;
        var ys = new List<double>();
        foreach (var y in rules.Where(r => r.Right > left && r.Left < right).Select(r => r.Y).OrderDescending())
            if (ys.Count == 0 || ys[^1] - y > 1.5) ys.Add(y);
        var em = lines[start].Size;
        // The rules just above the run's first line and just below its last.
        var above = ys.FindLastIndex(y => y > lines[start].Baseline);
        var below = ys.FindIndex(y => y < lines[last].Baseline);
        if (above < 0 || below < 0 || ys[above] - lines[start].Baseline > 4 * em || lines[last].Baseline - ys[below] > 4 * em)
            return null;
        // Contiguous rules: no gap taller than a few rows of text.
        var top = above;
        while (top > 0 && ys[top - 1] - ys[top] < 8 * em) top--;
        var bottom = below;
        while (bottom + 1 < ys.Count && ys[bottom] - ys[bottom + 1] < 8 * em) bottom++;
        var first = start;
        while (first > floor && lines[first - 1].Baseline < ys[top] && lines[first - 1].Baseline > ys[bottom]) first--;
        var end = last;
        while (end + 1 < lines.Count && lines[end + 1].Baseline < ys[top] && lines[end + 1].Baseline > ys[bottom]) end++;
        return (first, end, ys.GetRange(top, bottom - top + 1).ToArray());
    }

    /// <summary>The rows of a ruled table: a line belongs to the space between the two rules around its middle; a
    /// segment's cell runs between the vertical rules around it, so a merged cell spans exactly the columns it covers.</summary>
    private static List<List<CellContent>> RuledRows(IReadOnlyList<PdfLine> lines, int first, int last, double[] ys,
        IReadOnlyList<PdfVerticalRule> verticals, List<(double Left, double Right)> bands)
    {
        var cells = new List<string>[ys.Length + 1][];
        var spans = new int[ys.Length + 1][];
        for (var r = first; r <= last; r++)
        {
            var middle = lines[r].Baseline + 0.3 * lines[r].Size;
            var row = ys.Count(y => y > middle);
            cells[row] ??= Enumerable.Range(0, bands.Count).Select(_ => new List<string>()).ToArray();
            spans[row] ??= new int[bands.Count];
            var walls = verticals.Where(v => v.Bottom <= middle && v.Top >= middle).Select(v => v.X).Order().ToArray();
            foreach (var s in lines[r].Segments)
            {
                var (at, count) = Overlapping(bands, s);
                var wallLeft = walls.LastOrDefault(x => x <= s.Left + 1, double.NaN);
                var wallRight = walls.FirstOrDefault(x => x >= s.Right - 1, double.NaN);
                if (!double.IsNaN(wallLeft) && !double.IsNaN(wallRight))
                {
                    var inside = Enumerable.Range(0, bands.Count)
                        .Where(b => (bands[b].Left + bands[b].Right) / 2 > wallLeft && (bands[b].Left + bands[b].Right) / 2 < wallRight).ToArray();
                    if (inside.Length > 0) (at, count) = (inside[0], inside[^1] - inside[0] + 1);
                }
                cells[row][at].Add(s.Text);
                spans[row][at] = Math.Max(spans[row][at], count);
            }
        }
        var rows = new List<List<CellContent>>();
        for (var row = 0; row < cells.Length; row++)
            if (cells[row] is { } c) rows.Add(Row(c, spans[row], absorbEmpty: false));
        return rows;
    }

    private static double Step(IReadOnlyList<PdfLine> lines, int r) => lines[r - 1].Baseline - lines[r].Baseline;

    /// <summary>A row's cells: each column's pieces joined (CJK without a space). A cell over several columns takes
    /// the pieces under it (the second line of a centred header) and the empty columns after it (a centred header
    /// narrower than its span), and the columns it covers are left out, so that the row keeps the table's width.</summary>
    private static List<CellContent> Row(List<string>[] pieces, int[] spans, bool absorbEmpty = true)
    {
        var cells = new List<CellContent>();
        for (var c = 0; c < pieces.Length; c++)
        {
            var span = Math.Min(Math.Max(1, spans[c]), pieces.Length - c);
            if (span > 1 && absorbEmpty)
                while (c + span < pieces.Length && pieces[c + span].Count == 0 && spans[c + span] == 0) span++;
            var text = Join([.. pieces.Skip(c).Take(span).SelectMany(p => p)]);
            cells.Add(new CellContent(text, span));
            c += span - 1;
        }
        return cells;
    }

    private static string Join(List<string> pieces)
    {
        if (pieces.Count == 0) return "";
        var text = pieces[0];
        for (var i = 1; i < pieces.Count; i++)
        {
            var next = pieces[i];
            text += text.Length > 0 && next.Length > 0 && char.IsAsciiLetterOrDigit(text[^1]) && char.IsAsciiLetterOrDigit(next[0]) ? " " + next : next;
        }
        return text;
    }

    /// <summary>The columns: the x-ranges of the segments of the rows with the most common segment count (ties to
    /// the larger count), merged where they overlap.</summary>
    private static List<(double Left, double Right)> Bands(List<PdfLine> rows)
    {
        var count = rows.GroupBy(r => r.Segments.Count).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First().Key;
        var intervals = rows.Where(r => r.Segments.Count == count).SelectMany(r => r.Segments)
            .Select(s => (s.Left, s.Right)).OrderBy(s => s.Left).ToList();
        var bands = new List<(double Left, double Right)>();
        foreach (var (l, r) in intervals)
        {
            if (bands.Count > 0 && l <= bands[^1].Right)
                bands[^1] = (bands[^1].Left, Math.Max(bands[^1].Right, r));
            else
                bands.Add((l, r));
        }
        return bands;
    }

    /// <summary>The first column a segment overlaps and how many it covers; a segment between columns goes to the
    /// nearest.</summary>
    private static (int First, int Count) Overlapping(List<(double Left, double Right)> bands, PdfSegment s)
    {
        int first = -1, lastBand = -1;
        for (var b = 0; b < bands.Count; b++)
        {
            // Overlap by more than a sliver: a centred header wider than its column still falls in it.
            var overlap = Math.Min(bands[b].Right, s.Right) - Math.Max(bands[b].Left, s.Left);
            var needed = 0.5 * Math.Min(bands[b].Right - bands[b].Left, s.Right - s.Left);
            if (overlap > needed || (overlap > 0 && bands[b].Right - bands[b].Left < 1))
            {
                if (first < 0) first = b;
                lastBand = b;
            }
        }
        if (first >= 0) return (first, lastBand - first + 1);
        var centre = (s.Left + s.Right) / 2;
        var nearest = 0;
        for (var b = 1; b < bands.Count; b++)
            if (Distance(bands[b], centre) < Distance(bands[nearest], centre)) nearest = b;
        return (nearest, 1);
    }

    private static double Distance((double Left, double Right) band, double x) =>
        x < band.Left ? band.Left - x : x > band.Right ? x - band.Right : 0;
}
