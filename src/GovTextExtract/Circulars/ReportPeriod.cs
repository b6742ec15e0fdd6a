using GovTextExtract.Documents;

namespace GovTextExtract.Circulars;

/// <summary>The part of the year a result covers: named in its own sentence, else earlier in its paragraph, else in
/// the paragraphs before it under its heading, else in the document's opening; none where its clause speaks of the
/// whole year (全年确保实现…).</summary>
internal static class ReportPeriod
{
    /// <summary>Paragraphs looked back for a period phrase.</summary>
    private const int BlocksBack = 6;

    public static string? Of(GovDocument doc, Mention m)
    {
        var sentence = doc.SentenceOf(m);
        var clause = doc.ClauseOf(m);
        if (PeriodWords.NamesWholeYear(doc.Text.Substring(clause.Start, clause.Length))
            || PeriodWords.NamesWholeYear(doc.Text[sentence.Start..m.Span.Start])) return null;
        if (PeriodWords.Find(doc.Text[sentence.Start..m.Span.Start]) is { } own) return own;
        if (m.Quantity.Period is { } recognised) return recognised;
        var block = doc.Blocks[m.Block];
        if (PeriodWords.Find(doc.Text[block.Span.Start..m.Span.Start]) is { } inBlock) return inBlock;
        for (var b = m.Block - 1; b >= 0 && b >= m.Block - BlocksBack; b--)
        {
            var earlier = doc.Blocks[b];
            if (PeriodWords.Find(doc.Slice(earlier.Span)) is { } found) return found;
            if (earlier.Role == BlockRole.Heading) break;
        }
        return doc.Period;
    }
}
