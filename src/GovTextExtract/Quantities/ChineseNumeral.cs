namespace GovTextExtract.Quantities;

/// <summary>Parses Chinese numerals (一千二百万, 两万, 十二, 三, 二〇二一) into exact decimals.</summary>
public static class ChineseNumeral
{
    /// <summary>Characters that may appear in a Chinese numeral.</summary>
    public const string Characters = "零〇一二两三四五六七八九十百千万亿";

    /// <summary>True for a digit character (一 … 九, 零, 〇, 两).</summary>
    public static bool IsDigit(char c) => DigitValue(c) >= 0;

    /// <summary>True when the character can be part of a Chinese numeral.</summary>
    public static bool IsNumeralChar(char c) => Characters.Contains(c, StringComparison.Ordinal);

    /// <summary>Parses a numeral; returns null when the text is not a well-formed numeral.</summary>
    /// <remarks>Digits with no 十/百/千/万/亿 are read position by position when there are three or more or a zero
    /// among them (二〇二一 = 2021); two bare digits (两三, 三四) are a vague "two or three", not a number. A lone
    /// 百, 千, 万 or 亿 is one of it (百余家, 万余人).</remarks>
    public static decimal? Parse(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return null;
        if (s.IndexOfAny("十百千万亿") < 0) return ParseDigitString(s);
        decimal total = 0;     // completed 亿 sections
        decimal section = 0;   // completed 万 part below 亿
        decimal small = 0;     // below 万
        decimal digit = -1;    // pending digit
        foreach (var c in s)
        {
            var d = DigitValue(c);
            if (d >= 0)
            {
                // 零 is a placeholder (一百零五); two non-zero digits in a row (十七八) are a vague range.
                if (digit > 0 && d > 0) return null;
                digit = d;
                continue;
            }
            switch (c)
            {
                case '十':
                    small += (digit < 0 ? 1 : digit) * 10; digit = -1; break;
                case '百':
                    small += (digit < 0 ? 1 : digit) * 100; digit = -1; break;
                case '千':
                    small += (digit < 0 ? 1 : digit) * 1000; digit = -1; break;
                case '万':
                    small += Math.Max(digit, 0);
                    if (small == 0 && section == 0) small = 1; // a lone 万 (万余人)
                    section += small * 10000; small = 0; digit = -1; break;
                case '亿':
                    small += Math.Max(digit, 0);
                    var below = section + small;
                    if (below == 0 && total == 0) below = 1; // a lone 亿
                    total = (total + below) * 100000000; section = 0; small = 0; digit = -1; break;
                default:
                    return null;
            }
        }
        return total + section + small + Math.Max(digit, 0);
    }

    private static decimal? ParseDigitString(ReadOnlySpan<char> s)
    {
        if (s.Length == 2 && s.IndexOfAny("零〇") < 0) return null;
        decimal v = 0;
        foreach (var c in s)
        {
            var d = DigitValue(c);
            if (d < 0) return null;
            v = v * 10 + d;
        }
        return v;
    }

    private static int DigitValue(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
