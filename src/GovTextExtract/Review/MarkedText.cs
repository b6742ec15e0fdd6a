namespace GovTextExtract.Review;

/// <summary>Writes a document text as HTML with every evidence span marked. Overlapping spans are cut at each other's
/// edges, so the marks never nest: each piece is one <c>&lt;mark&gt;</c> naming every span it belongs to
/// (<c>data-s="3t 5a"</c>). The text is cut into chunks at line ends that the browser may leave unrendered while they
/// are off screen.</summary>
internal static class MarkedText
{
    /// <summary>Writes the pane's text, its spans marked, as chunks of about <paramref name="chunkCharacters"/>.</summary>
    /// <param name="writer">Where the HTML goes.</param>
    /// <param name="text">The text.</param>
    /// <param name="spans">The spans inside the text.</param>
    /// <param name="severity">The worst flag severity rank of each record, -1 for none.</param>
    /// <param name="chunkCharacters">The length after which a chunk ends at the next line end outside any span.</param>
    public static void Write(TextWriter writer, string text, IReadOnlyList<MarkedSpan> spans, IReadOnlyList<int> severity, int chunkCharacters)
    {
        var bounds = new SortedSet<int> { 0, text.Length };
        foreach (var s in spans)
        {
            bounds.Add(s.Start);
            bounds.Add(s.End);
        }
        var byStart = spans.Where(s => s.End > s.Start).OrderBy(s => s.Start).ToList();
        var active = new List<MarkedSpan>();
        var next = 0;
        var chunk = 0;
        writer.Write("<div class=\"chunk\">");
        int? previous = null;
        foreach (var bound in bounds)
        {
            if (previous is not { } from)
            {
                previous = bound;
                continue;
            }
            previous = bound;
            active.RemoveAll(s => s.End <= from);
            while (next < byStart.Count && byStart[next].Start <= from)
            {
                if (byStart[next].End > from)
                    active.Add(byStart[next]);
                next++;
            }
            if (active.Count == 0)
            {
                chunk = Plain(writer, text.AsSpan(from, bound - from), chunk, chunkCharacters);
                continue;
            }
            Mark(writer, text.AsSpan(from, bound - from), active, severity);
            chunk += bound - from;
        }
        writer.Write("</div>");
    }

    /// <summary>Writes unmarked text, closing the chunk at a line end once it is long enough; returns the length of the
    /// open chunk.</summary>
    private static int Plain(TextWriter writer, ReadOnlySpan<char> piece, int chunk, int chunkCharacters)
    {
        while (!piece.IsEmpty)
        {
            var newline = chunk + piece.Length >= chunkCharacters ? piece.IndexOf('\n') : -1;
            if (newline < 0)
            {
                ReviewHtml.Text(writer, piece);
                return chunk + piece.Length;
            }
            ReviewHtml.Text(writer, piece[..(newline + 1)]);
            writer.Write("</div><div class=\"chunk\">");
            piece = piece[(newline + 1)..];
            chunk = 0;
        }
        return chunk;
    }

    private static void Mark(TextWriter writer, ReadOnlySpan<char> piece, List<MarkedSpan> active, IReadOnlyList<int> severity)
    {
        var roles = new SortedSet<char>();
        var worst = -1;
        foreach (var s in active)
        {
            roles.Add(s.Role);
            if (s.Role != 'f')
                worst = Math.Max(worst, severity[s.Record]);
        }
        writer.Write("<mark class=\"");
        writer.Write(string.Join(' ', roles));
        if (worst >= 0)
        {
            writer.Write(" s");
            writer.Write(worst);
        }
        writer.Write("\" data-s=\"");
        var first = true;
        foreach (var s in active.OrderBy(s => s.Record).ThenBy(s => s.Token, StringComparer.Ordinal))
        {
            if (!first)
                writer.Write(' ');
            writer.Write(s.Token);
            first = false;
        }
        writer.Write("\">");
        ReviewHtml.Text(writer, piece);
        writer.Write("</mark>");
    }
}
