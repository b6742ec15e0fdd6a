using GovTextExtract.Lexicons;

namespace GovTextExtract.Normalization;

/// <summary>Joins a figure that page layout split, where the text leaves no doubt: the one space or line break is
/// dropped. Runs on folded, simplified text.</summary>
/// <remarks>
/// Three repairs:
/// <list type="bullet">
/// <item>a digit, one space or line break, then %, ‰, a unit of two characters or more (个百分点, 公里) or a multiplier
/// (万, 亿 …) that ends the figure or stands before a unit, perhaps after 余 or 多: <c>182.96 亿元</c>, <c>97⏎%</c>,
/// <c>39.8 万亿元</c>, <c>5 万余人</c>;</item>
/// <item>one space inside a decimal's fraction digits, when a %, unit or multiplier follows the digits after it:
/// <c>10.1 7亿元</c> → 10.17亿元;</item>
/// <item>one space inside a year written before 年: <c>201 7年</c> → 2017年.</item>
/// </list>
/// Anything else stays apart: two numbers (<c>150 143</c>, <c>2.50 -2.66</c>, cells on two lines), a space before a
/// one-character classifier (<c>3 个</c> may be the cell 3 before a cell 个人…), tabs, or more than one space. Units and
/// multipliers are those of <c>models/lexicons/units.json</c>.
/// </remarks>
internal static class LayoutRepair
{
    private static readonly Lazy<(string[] Units, string[] AllUnits, string[] Multipliers, string[] Approximate)> Forms = new(() =>
    {
        var lex = LexiconSet.Default;
        var all = lex.UnitForms.Select(f => f.Form).Distinct().OrderByDescending(f => f.Length).ToArray();
        return (all.Where(f => f.Length >= 2).ToArray(), all,
            lex.Multipliers.Select(m => m.Text).OrderByDescending(m => m.Length).ToArray(),
            lex.ApproximateAfter.OrderByDescending(a => a.Length).ToArray());
    });

    /// <summary>The text with split figures joined.</summary>
    public static MappedText Join(MappedText input)
    {
        var t = input.Text;
        bool[]? drop = null;
        for (var k = 1; k + 1 < t.Length; k++)
        {
            if (t[k] is not (' ' or '\n') || !char.IsAsciiDigit(t[k - 1])) continue;
            if (UnitAhead(t, k + 1) || (t[k] == ' ' && (FractionSplit(t, k) || YearSplit(t, k))))
                (drop ??= new bool[t.Length])[k] = true;
        }
        return drop is null ? input : input.Drop(drop);
    }

    /// <summary>Whether %, ‰, a unit of two characters or more, or a multiplier that ends the figure or precedes a unit,
    /// starts at <paramref name="p"/>.</summary>
    private static bool UnitAhead(string t, int p)
    {
        if (p >= t.Length) return false;
        if (t[p] is '%' or '‰') return true;
        var (units, allUnits, multipliers, approximate) = Forms.Value;
        var rest = t.AsSpan(p);
        foreach (var u in units)
            if (rest.StartsWith(u, StringComparison.Ordinal)) return true;
        foreach (var m in multipliers)
        {
            if (!rest.StartsWith(m, StringComparison.Ordinal)) continue;
            var after = p + m.Length;
            // 5 万余人, 3 亿多元: an approximation word may stand between the multiplier and the unit.
            foreach (var a in approximate)
                if (t.AsSpan(after).StartsWith(a, StringComparison.Ordinal)) { after += a.Length; break; }
            if (after >= t.Length || !PinyinNoise.IsIdeograph(t[after])) return true;
            var next = t.AsSpan(after);
            foreach (var u in allUnits)
                if (next.StartsWith(u, StringComparison.Ordinal)) return true;
            return false;
        }
        return false;
    }

    /// <summary>10.1␣7亿元: digits, '.', 1–3 digits, the space at <paramref name="space"/>, 1–3 digits, then a unit.</summary>
    private static bool FractionSplit(string t, int space)
    {
        var left = DigitsBefore(t, space);
        var dot = space - left;
        if (left > 3 || dot < 2 || t[dot - 1] != '.' || !char.IsAsciiDigit(t[dot - 2])) return false;
        var right = DigitsAfter(t, space + 1);
        return right is >= 1 and <= 3 && left + right <= 4 && UnitAhead(t, space + 1 + right);
    }

    /// <summary>201␣7年: a year starting 19 or 20, split once, before 年.</summary>
    private static bool YearSplit(string t, int space)
    {
        var left = DigitsBefore(t, space);
        var start = space - left;
        if (left is < 2 or > 3 || (start > 0 && t[start - 1] == '.')) return false;
        if (!(t[start] == '2' && t[start + 1] == '0') && !(t[start] == '1' && t[start + 1] == '9')) return false;
        var right = DigitsAfter(t, space + 1);
        var end = space + 1 + right;
        return left + right == 4 && end < t.Length && t[end] == '年';
    }

    private static int DigitsBefore(string t, int end)
    {
        var k = end;
        while (k > 0 && char.IsAsciiDigit(t[k - 1])) k--;
        return end - k;
    }

    private static int DigitsAfter(string t, int start)
    {
        var k = start;
        while (k < t.Length && char.IsAsciiDigit(t[k])) k++;
        return k - start;
    }
}
