using System.Text.RegularExpressions;

namespace GovTextExtract.Tables;

/// <summary>What a table cell holds, read from its text alone: the content types by which flattened tables are cut
/// into rows and short rows are aligned with their header.</summary>
internal static class TableCells
{
    // A figure cell: an optional bound sign, a signed number (thousands separators, decimals, a cut "1."), a percent or
    // per-mille sign, an optional second end of a range (-4.0~-4.5), and at most three characters of unit (4000张, 90万元).
    private static readonly Regex FigureRegex = new(
        @"^(?:[<>≥≤=﹦≧≦≈]{1,2})?[+-]?[0-9]+(?:,[0-9]{3})*(?:\.[0-9]*)?(?:%|‰)?(?:[~-][+-]?[0-9]+(?:\.[0-9]+)?(?:%|‰)?)?[\u4e00-\u9fff]{0,3}$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // A signed range written with two numbers (-4.0~-4.5, 3-5%): the recogniser reads no sign on either end.
    private static readonly Regex SignedRangeRegex = new(
        @"^([+-]?[0-9]+(?:\.[0-9]+)?)(%?)~([+-]?[0-9]+(?:\.[0-9]+)?)(%?)$",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly string[] DateEnds = ["年", "月", "日", "年度", "季度"];

    /// <summary>True for a cell that is a figure and nothing more (150, 95.33%, -2.50, -4.0~-4.5, 4000张, ≥95%); a
    /// date (2019年) or a name holding a figure (新增4000张养老床位) is not one.</summary>
    public static bool IsFigure(string cellText)
    {
        var key = TableHeaderLexicon.Key(cellText);
        if (key.Length == 0 || key.Length > 24 || !FigureRegex.IsMatch(key)) return false;
        foreach (var end in DateEnds)
            if (key.EndsWith(end, StringComparison.Ordinal)) return false;
        // A date or period followed by words (1-10月完成, 6月底前) is a header or a note, not a figure.
        var words = key.AsSpan().IndexOfAnyInRange('\u4e00', '\u9fff');
        if (words >= 0 && key[words] is '年' or '月' or '日') return false;
        return true;
    }

    /// <summary>True for a row number (1 to 999).</summary>
    public static bool IsSerialNumber(string cellText)
    {
        var key = TableHeaderLexicon.Key(cellText);
        return key.Length is > 0 and <= 3 && key.All(char.IsAsciiDigit) && key.Any(c => c != '0');
    }

    /// <summary>The bound a sign at the start of a cell writes (≥95 → at least), with the sign's length in the folded
    /// cell; null when the cell does not open with one.</summary>
    public static (Records.BoundKind Bound, int Length)? LeadingBound(string cellText, TableHeaderLexicon headers)
    {
        var key = TableHeaderLexicon.Key(cellText);
        foreach (var (symbol, bound) in headers.BoundSymbols)
            if (key.StartsWith(symbol, StringComparison.Ordinal)) return (bound, symbol.Length);
        return null;
    }

    /// <summary>True for a cell that holds only a bound sign (≥, ﹦).</summary>
    public static bool IsBoundSign(string cellText, TableHeaderLexicon headers)
    {
        var key = TableHeaderLexicon.Key(cellText);
        return key.Length > 0 && headers.BoundSymbols.Any(s => s.Symbol == key);
    }

    /// <summary>The two ends of a range cell with signs (-4.0~-4.5), in the folded text: low end, high end as written,
    /// and whether a percent sign follows either.</summary>
    public static (decimal First, decimal Second, bool Percent)? SignedRange(string folded)
    {
        var m = SignedRangeRegex.Match(folded);
        if (!m.Success) return null;
        var first = decimal.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var second = decimal.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (first, second, m.Groups[2].Length > 0 || m.Groups[4].Length > 0);
    }
}
