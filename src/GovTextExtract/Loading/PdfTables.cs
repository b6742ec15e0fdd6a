namespace GovTextExtract.Loading;

/// <summary>A run of letters on a PDF line with no wide gap inside: a word, a phrase, or the text of a table cell.</summary>
internal sealed record PdfSegment(string Text, double Left, double Right);

/// <summary>One line of a PDF page, with its segments (split at gaps wider than
/// <see cref="PdfTables.SegmentGapEm"/> em).</summary>
internal sealed record PdfLine(string Text, double Left, double Right, double Baseline, double Size, IReadOnlyList<PdfSegment> Segments);

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

    /// <summary>Splits a page's lines into prose and tables.</summary>
    public static List<PdfItem> Read(IReadOnlyList<PdfLine> lines)
    {
        var items = new List<PdfItem>();
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].Segments.Count >= 2 && TryTable(lines, i, out var table, out var first, out var end))
            {
                // Single-segment lines taken into the table's first row were read as prose: take them back.
                var back = Math.Min(i - first, items.Count);
                items.RemoveRange(items.Count - back, back);
                items.Add(table);
                i = end;
                continue;
            }
            items.Add(new PdfProse(lines[i]));
            i++;
        }
        return items;
    }

    /// <summary>A table whose first multi-segment line is <paramref name="start"/>.</summary>
    private static bool TryTable(IReadOnlyList<PdfLine> lines, int start, out PdfTable table, out int first, out int end)
    {
        table = null!;
        first = start;
        end = start;
        // The run: multi-segment lines, and single-segment lines between them.
        var last = start;
        var k = start + 1;
        while (k < lines.Count)
        {
            if (lines[k].Segments.Count >= 2) { last = k; k++; continue; }
            // A single line continues the run only when a multi-segment line follows soon after.
            if (k + 1 < lines.Count && lines[k + 1].Segments.Count >= 2 && Step(lines, k) < 2.5 * lines[k].Size) { k++; continue; }
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

        // Lines just above the run, inside its columns and closer than a row pitch, are the top lines of its first
        // row (a header cell on two lines, its other cells centred below).
        var left = bands[0].Left;
        var right = bands[^1].Right;
        while (first > 0 && lines[first - 1].Segments.Count == 1 && Step(lines, first) < wrap && steps.Length > 0
               && steps[0] < wrap && lines[first - 1].Left >= left - lines[first - 1].Size && lines[first - 1].Right <= right + lines[first - 1].Size)
            first--;

        var rows = new List<List<CellContent>>();
        List<string>[]? current = null;
        int[]? spans = null;
        for (var r = first; r <= last; r++)
        {
            var newRow = current is null || (r > first && Step(lines, r) >= wrap);
            if (newRow)
            {
                if (current is not null) rows.Add(Row(current, spans!));
                current = Enumerable.Range(0, bands.Count).Select(_ => new List<string>()).ToArray();
                spans = new int[bands.Count];
            }
            foreach (var s in lines[r].Segments)
            {
                var (at, count) = Overlapping(bands, s);
                current![at].Add(s.Text);
                spans![at] = Math.Max(spans[at], count);
            }
        }
        if (current is not null) rows.Add(Row(current, spans!));
        table = new PdfTable(rows, bands.Count);
        end = last + 1;
        return true;
    }

    private static double Step(IReadOnlyList<PdfLine> lines, int r) => lines[r - 1].Baseline - lines[r].Baseline;

    /// <summary>A row's cells: each column's pieces joined (CJK without a space), a column covered by a spanning cell
    /// left out so that the row keeps the table's width.</summary>
    private static List<CellContent> Row(List<string>[] pieces, int[] spans)
    {
        var cells = new List<CellContent>();
        for (var c = 0; c < pieces.Length; c++)
        {
            var span = Math.Max(1, spans[c]);
            cells.Add(new CellContent(Join(pieces[c]), span));
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
