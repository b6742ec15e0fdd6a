using System.Globalization;
using GovTextExtract.Lexicons;
using GovTextExtract.Loading;
using GovTextExtract.Normalization;
using GovTextExtract.Quantities;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Tables;

/// <summary>A cell's figure: the quantity read, its value in the canonical unit, and its span in the document text.</summary>
internal sealed record Figure(Quantity Quantity, decimal? Value, decimal? Low, decimal? High, string? Unit, string Text, SourceSpan Span);

/// <summary>Reads the figures of table cells with <see cref="QuantityRecognizer"/>: a bare number takes the unit its
/// column, row or table gives; spans are mapped back into the document text.</summary>
internal sealed class TableFigures(string text, LexiconSet lex, QuantityRecognizer recognizer)
{
    /// <summary>Text after a header or caption that makes the recogniser read it as the sentence before a figure, so
    /// that the figure's period is the period the header or caption names.</summary>
    private const string PeriodProbe = "，100个";

    public bool HasFigure(DocumentTableCell cell) =>
        recognizer.Recognize(TextNormalizer.Normalize(cell.Text).Text).Any(q => q.IsFigure);

    /// <summary>The figure of a cell: a bare number (signed, or a signed range: -4.0~-4.5) takes
    /// <paramref name="defaultUnit"/>; among several figures the first in <paramref name="preferUnit"/> that is not a
    /// stated rate, else the first.</summary>
    public Figure? Read(DocumentTableCell? cell, string? defaultUnit, string? preferUnit, bool preferRate)
    {
        if (cell is null || cell.Text.Trim().Length == 0) return null;
        var normalized = TextNormalizer.Normalize(cell.Text);
        var (factor, unit) = UnitOf(defaultUnit);
        var trimmed = normalized.Text.Trim();
        var start = normalized.Text.IndexOf(trimmed, StringComparison.Ordinal);
        if (decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands,
                CultureInfo.InvariantCulture, out var bare))
        {
            // A bare number (even one that looks like a year: 2000 亿元) takes the column's unit.
            var span = Map(cell, normalized, new SourceSpan(start, trimmed.Length));
            var q = new Quantity { Span = span, CoreSpan = span, Text = text.Substring(span.Start, span.Length), Value = bare };
            return new Figure(q, QuantityRecognizer.Tidy(bare * factor), null, null, unit, q.Text, span);
        }
        if (TableCells.SignedRange(trimmed.Replace(" ", "", StringComparison.Ordinal)) is { } range)
        {
            // The recogniser reads no sign on a range's ends; a table of changes writes them (-4.0~-4.5).
            var span = Map(cell, normalized, new SourceSpan(start, trimmed.Length));
            var (low, high) = range.First <= range.Second ? (range.First, range.Second) : (range.Second, range.First);
            var (f, u) = range.Percent ? (1m, "%") : (factor, unit);
            var q = new Quantity { Span = span, CoreSpan = span, Text = text.Substring(span.Start, span.Length), Low = low, High = high, Bound = BoundKind.Range };
            return new Figure(q, null, QuantityRecognizer.Tidy(low * f), QuantityRecognizer.Tidy(high * f), u, q.Text, span);
        }
        var figures = recognizer.Recognize(normalized.Text).Where(q => q.IsFigure).ToArray();
        if (figures.Length == 0) return null;
        var rates = figures.Where(q => IsStatedRate(normalized.Text, q)).ToHashSet();
        Quantity chosen;
        if (preferRate)
            chosen = figures.FirstOrDefault(q => q.Unit == "%") ?? figures[0];
        else
            chosen = figures.FirstOrDefault(q => !rates.Contains(q) && preferUnit is not null && UnitAfter(q, factor, unit).Unit == preferUnit)
                ?? figures.FirstOrDefault(q => !rates.Contains(q)) ?? figures[0];
        if (!preferRate && rates.Contains(chosen) && figures.All(rates.Contains)) return null;
        var (value, lowEnd, highEnd, finalUnit) = UnitAfter(chosen, factor, unit);
        var mapped = Map(cell, normalized, chosen.Span);
        return new Figure(chosen, value, lowEnd, highEnd, finalUnit, text.Substring(mapped.Start, mapped.Length), mapped);
    }

    private static (decimal? Value, decimal? Low, decimal? High, string? Unit) UnitAfter(Quantity q, decimal factor, string? unit) =>
        q.Unit is not null
            ? (q.Value, q.Low, q.High, q.Unit)
            : (Scale(q.Value, factor), Scale(q.Low, factor), Scale(q.High, factor), unit);

    private static decimal? Scale(decimal? v, decimal factor) => v is { } d ? QuantityRecognizer.Tidy(d * factor) : null;

    /// <summary>Multiplier and canonical unit of a unit text (亿元 → 10^8, 元; % → 1, %); (1, null) for no unit the
    /// recogniser knows.</summary>
    public (decimal Factor, string? Unit) UnitOf(string? unitText)
    {
        if (string.IsNullOrWhiteSpace(unitText)) return (1, null);
        var probe = "1" + TableHeaderLexicon.Key(unitText);
        var q = recognizer.Recognize(probe).FirstOrDefault(x => x.IsFigure && x.Span.Start == 0);
        return q is { Value: { } v, Unit: { } u } && q.Span.End == probe.Length ? (v, u) : (1, null);
    }

    /// <summary>The unit a figure is written in, multiplier and all (90万元 → 万元, 1100万人以上 → 万人), or null.</summary>
    public string? WrittenUnit(Figure figure)
    {
        var t = TableHeaderLexicon.Key(figure.Text);
        var last = t.Length - 1;
        while (last >= 0 && !char.IsAsciiDigit(t[last])) last--;
        var rest = t[(last + 1)..];
        for (var n = rest.Length; n > 0; n--)
            if (UnitOf(rest[..n]).Unit is not null) return rest[..n];
        return null;
    }

    /// <summary>The partial period a header or caption names (1-8月, 截至8月底, 上半年), as the recogniser reads a
    /// period opening a sentence; null for none or the whole year (1-12月).</summary>
    public string? PeriodOf(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var probe = TextNormalizer.Normalize(header.Replace('\n', ' ')).Text + PeriodProbe;
        return recognizer.Recognize(probe).LastOrDefault(q => q.IsFigure)?.Period;
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

    /// <summary>The completion rate a cell states beside its figure (占年度计划任务的115.58%), if any.</summary>
    public Figure? StatedRate(DocumentTableCell cell)
    {
        var normalized = TextNormalizer.Normalize(cell.Text);
        var q = recognizer.Recognize(normalized.Text).FirstOrDefault(x => x.IsFigure && IsStatedRate(normalized.Text, x));
        if (q is null) return null;
        var span = Map(cell, normalized, q.Span);
        return new Figure(q, q.Value, null, null, "%", text.Substring(span.Start, span.Length), span);
    }

    private static SourceSpan Map(DocumentTableCell cell, NormalizedText normalized, SourceSpan span)
    {
        var inCell = normalized.ToOriginal(span);
        return new SourceSpan(cell.Span.Start + inCell.Start, inCell.Length);
    }
}
