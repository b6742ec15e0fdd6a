using GovTextExtract.Documents;

namespace GovTextExtract.Circulars;

/// <summary>The part of the year a result covers: named in its own sentence, else earlier in its paragraph, else in
/// the headings above it, else in the document's opening; none where its clause speaks of the
/// whole year (全年确保实现…).</summary>
internal static class ReportPeriod
{
    /// <summary>Most characters before a figure, in its sentence or paragraph, read for its period: a paragraph's
    /// period is stated near its figures, and the bound keeps a one-paragraph megabyte linear.</summary>
    public const int LookBack = 3000;

    public static string? Of(GovDocument doc, Mention m)
    {
        var sentence = doc.SentenceOf(m);
        var clause = doc.ClauseOf(m);
        if (PeriodWords.NamesWholeYear(doc.Text.Substring(clause.Start, clause.Length))) return null;
        if (PeriodWords.Find(doc.Text[Math.Max(sentence.Start, m.Span.Start - LookBack)..m.Span.Start]) is { } own) return own;
        if (m.Quantity.Period is { } recognised) return recognised;
        var block = doc.Blocks[m.Block];
        if (PeriodWords.Find(doc.Text[Math.Max(block.Span.Start, m.Span.Start - LookBack)..m.Span.Start]) is { } inBlock) return inBlock;
        // The headings above the figure, then the document's opening.
        return doc.HeadingPeriod(block.Heading) ?? doc.Period;
    }
}
