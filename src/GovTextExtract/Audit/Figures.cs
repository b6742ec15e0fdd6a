using System.Globalization;
using GovTextExtract.Lexicons;

namespace GovTextExtract.Audit;

/// <summary>Reading and writing figures for audit messages: the precision a figure is written to, and numbers
/// formatted for people (invariant culture, no trailing zeros).</summary>
internal static class Figures
{
    /// <summary>Half the step of the last written digit of a figure, in the figure's normalised value: 6.9万 is written
    /// to 0.1万, so its true value lies within ±500 of 69000; 22.95 lies within ±0.005. A whole number written out in
    /// full (79749, 1000家) is taken as exact. A figure of several parts ("1家 + 8家") adds up its parts' halves. 0 where
    /// the figure has no Arabic digits.</summary>
    public static decimal HalfStep(string text, LexiconSet lex)
    {
        decimal total = 0;
        foreach (var part in text.Split('+'))
        {
            var p = part.Trim();
            var i = 0;
            while (i < p.Length && !char.IsAsciiDigit(p[i])) i++;
            if (i == p.Length) continue;
            var decimals = 0;
            var seenDot = false;
            while (i < p.Length && (char.IsAsciiDigit(p[i]) || p[i] is '.' or ','))
            {
                if (p[i] == '.') seenDot = true;
                else if (seenDot && char.IsAsciiDigit(p[i])) decimals++;
                i++;
            }
            decimal factor = 1;
            foreach (var m in lex.Multipliers)
            {
                if (string.CompareOrdinal(p, i, m.Text, 0, m.Text.Length) == 0 && i + m.Text.Length <= p.Length)
                {
                    factor = m.Factor;
                    break;
                }
            }
            // A whole number with no multiplier is a count or an amount written out in full: exact.
            if (decimals == 0 && factor == 1m) continue;
            var step = factor;
            for (var k = 0; k < decimals; k++) step /= 10m;
            total += step / 2m;
        }
        return total;
    }

    /// <summary>The number of decimals a percentage is written with ("135.80%" gives 2), from its text; else from
    /// the decimal's own scale.</summary>
    public static int Decimals(string? text, decimal value)
    {
        if (text is not null)
        {
            var pct = text.IndexOfAny(['%', '％']);
            var end = pct >= 0 ? pct : text.Length;
            var k = end - 1;
            while (k >= 0 && !char.IsAsciiDigit(text[k])) k--;
            var digitsEnd = k + 1;
            while (k >= 0 && (char.IsAsciiDigit(text[k]) || text[k] == '.')) k--;
            var number = text[(k + 1)..digitsEnd];
            if (number.Length > 0)
            {
                var dot = number.IndexOf('.');
                return dot < 0 ? 0 : number.Length - dot - 1;
            }
        }
        return (decimal.GetBits(value)[3] >> 16) & 0xFF;
    }

    /// <summary>A number with at most <paramref name="decimals"/> decimals and no trailing zeros.</summary>
    public static string Format(decimal value, int decimals = 2) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>A small percentage to two significant digits (0.011), a larger one to at most two decimals.</summary>
    public static string FormatPercent(decimal value)
    {
        var abs = Math.Abs(value);
        if (abs >= 1m || abs == 0m) return Format(value, abs >= 100m ? 1 : 2);
        var decimals = 1;
        while (abs * Pow10(decimals) < 10m && decimals < 12) decimals++;
        return Format(value, decimals);
    }

    private static decimal Pow10(int n)
    {
        decimal p = 1;
        for (var i = 0; i < n; i++) p *= 10m;
        return p;
    }

    /// <summary>The figure text with <paramref name="multiplier"/> put right after its number ("23户" with 万 gives
    /// "23万户").</summary>
    public static string InsertMultiplier(string text, string multiplier)
    {
        var i = 0;
        while (i < text.Length && !char.IsAsciiDigit(text[i])) i++;
        if (i == text.Length) return multiplier + text;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or ',')) i++;
        return text[..i] + multiplier + text[i..];
    }

    /// <summary>The result of a check, or null where figures beyond decimal's range (a misread 10^30) overflow it.</summary>
    public static Finding? Guard(Func<Finding?> check)
    {
        try
        {
            return check();
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>At most <paramref name="max"/> characters of a quotation, shortened at the front with "…".</summary>
    public static string Quote(string text, int max = 40) =>
        text.Length <= max ? text : "…" + text[^(max - 1)..];
}
