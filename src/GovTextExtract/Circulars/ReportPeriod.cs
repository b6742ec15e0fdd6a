using GovTextExtract.Documents;

namespace GovTextExtract.Circulars;

/// <summary>The part of the year a result covers: named in its own sentence, else earlier in its paragraph, else in
/// the headings above it, else in the document's opening; none where its clause speaks of the
/// whole year (全年确保实现…).</summary>
internal static class ReportPeriod
{
    public static string? Of(GovDocument doc, Mention m)
    {
        var sentence = doc.SentenceOf(m);
        var clause = doc.ClauseOf(m);
        if (PeriodWords.NamesWholeYear(doc.Text.Substring(clause.Start, clause.Length))) return null;
        if (PeriodWords.Find(doc.Text[sentence.Start..m.Span.Start]) is { } own) return own;
        if (m.Quantity.Period is { } recognised) return recognised;
        var block = doc.Blocks[m.Block];
        if (PeriodWords.Find(doc.Text[block.Span.Start..m.Span.Start]) is { } inBlock) return inBlock;
        // The headings above the figure, then the document's opening.
        for (var h = block.Heading; h >= 0; h = doc.Blocks[h].Heading)
            if (PeriodWords.Find(doc.Slice(doc.Blocks[h].Span)) is { } found) return found;
        return doc.Period;
    }
}
