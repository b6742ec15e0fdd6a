namespace GovTextExtract.Quantities;

/// <summary>Parses Chinese numerals (一千二百万, 两万, 十二, 三, 二〇二一, 壹佰伍拾, 二十億, 廿五) into exact decimals.</summary>
public static class ChineseNumeral
{
    /// <summary>Characters that may appear in a Chinese numeral: the common digits and orders of magnitude, their
    /// traditional forms (兩 倆 萬 億), the financial forms (壹 贰 貳 叁 參 肆 伍 陆 陸 柒 捌 玖 拾 佰 仟) and 廿 卅.
    /// 兆 (10^12) is no member: it is taken only inside a numeral (五兆六十二亿), never before a unit (兆瓦).</summary>
    public const string Characters = "零〇一二两三四五六七八九十百千万亿兩倆俩萬億壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿卅";

    /// <summary>The financial and traditional digit forms: a numeral that opens with one of them must not follow
    /// another ideograph (队伍, 大陆, 陆续 hold 伍 and 陆 as words, not numbers).</summary>
    public const string WrittenForms = "兩倆俩壹贰貳叁參肆伍陆陸柒捌玖拾佰仟廿卅";

    /// <summary>True for a digit character (一 … 九, 零, 〇, 两 and their financial and traditional forms).</summary>
    public static bool IsDigit(char c) => DigitValue(c) >= 0;

    /// <summary>True when the character can be part of a Chinese numeral.</summary>
    public static bool IsNumeralChar(char c) => Characters.Contains(c, StringComparison.Ordinal);

    /// <summary>The common simplified form of a numeral character (壹 → 一, 拾 → 十, 萬 → 万, 兩 → 两); other
    /// characters are returned unchanged.</summary>
    public static char Canonical(char c) => c switch
    {
        '壹' => '一',
        '贰' or '貳' or '兩' or '倆' or '俩' => '二',
        '叁' or '參' => '三',
        '肆' => '四',
        '伍' => '五',
        '陆' or '陸' => '六',
        '柒' => '七',
        '捌' => '八',
        '玖' => '九',
        '拾' => '十',
        '佰' => '百',
        '仟' => '千',
        '萬' => '万',
        '億' => '亿',
        '〇' => '零',
        _ => c,
    };

    /// <summary>Parses a numeral; returns null when the text is not a well-formed numeral.</summary>
    /// <remarks>Digits with no 十/百/千/万/亿 are read position by position when there are three or more or a zero
    /// among them (二〇二一 = 2021); two bare digits (两三, 三四) are a vague "two or three", not a number. A lone
    /// 百, 千, 万 or 亿 is one of it (百余家, 万余人). A digit after 百 or a larger order with no 零 between stands for
    /// the next order down (四百五 = 450, 一万三 = 13000, 百三 = 130). 万万 is 亿 (四万万 = 4 × 10^8); 兆 is 10^12.</remarks>
    public static decimal? Parse(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return null;
        Span<char> buffer = stackalloc char[s.Length * 2];
        var n = 0;
        foreach (var raw in s)
        {
            var c = Canonical(raw);
            // 廿 and 卅 are twenty and thirty: 廿五 = 二十五.
            if (c is '廿' or '卅') { buffer[n++] = c == '廿' ? '二' : '三'; buffer[n++] = '十'; continue; }
            buffer[n++] = c;
        }
        ReadOnlySpan<char> t = buffer[..n];
        if (t.IndexOfAny("十百千万亿兆") < 0) return ParseDigitString(t);
        return ParseGroups(t, lone: true);
    }

    /// <summary>Splits at the last of the largest order present (兆, then 亿, then 万): left × order + right.</summary>
    private static decimal? ParseGroups(ReadOnlySpan<char> t, bool lone)
    {
        foreach (var (unit, factor) in BigOrders)
        {
            var at = t.LastIndexOf(unit);
            if (at < 0) continue;
            var left = t[..at];
            var right = t[(at + 1)..];
            decimal leftValue;
            if (left.IsEmpty)
            {
                // A lone 万 or 亿 (万余人) is one of it; 万 before more digits is no numeral.
                if (!lone || !right.IsEmpty) return null;
                leftValue = 1;
            }
            else if (ParseGroups(left, lone: false) is { } lv) leftValue = lv;
            else return null;
            if (leftValue == 0) return null;
            decimal rightValue = 0;
            if (!right.IsEmpty)
            {
                // 一万三 = 13000: a single digit right after the order stands for the next order down.
                if (right.Length == 1 && DigitValue(right[0]) > 0) rightValue = DigitValue(right[0]) * factor / 10;
                else if (ParseGroups(right.TrimStart('零'), lone: false) is { } rv) rightValue = rv;
                else if (right.TrimStart('零').IsEmpty) rightValue = 0;
                else return null;
                if (rightValue >= factor) return null;
            }
            return leftValue * factor + rightValue;
        }
        return ParseSmall(t);
    }

    private static readonly (char Unit, decimal Factor)[] BigOrders =
        [('兆', 1000000000000m), ('亿', 100000000m), ('万', 10000m)];

    /// <summary>A number below 10000: digits and 十, 百, 千.</summary>
    private static decimal? ParseSmall(ReadOnlySpan<char> t)
    {
        if (t.IsEmpty) return null;
        if (t.IndexOfAny("十百千") < 0) return ParseDigitString(t);
        decimal small = 0;
        var digit = -1;
        var lastUnit = 0;
        var zero = false;
        foreach (var c in t)
        {
            var d = DigitValue(c);
            if (d >= 0)
            {
                // 零 is a placeholder (一百零五); two non-zero digits in a row (十七八) are a vague range.
                if (digit > 0 && d > 0) return null;
                if (d == 0) zero = true;
                digit = d;
                continue;
            }
            var u = c switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (u == 0) return null;
            // Orders fall from left to right (一千二百): 百千 or 十百 is no numeral.
            if (lastUnit != 0 && u >= lastUnit) return null;
            small += (digit < 0 ? 1 : digit) * u;
            lastUnit = u;
            digit = -1;
            zero = false;
        }
        if (digit > 0)
            small += lastUnit >= 100 && !zero ? digit * lastUnit / 10 : digit;
        return small;
    }

    private static decimal? ParseDigitString(ReadOnlySpan<char> s)
    {
        if (s.Length == 2 && s.IndexOf('零') < 0) return null;
        decimal v = 0;
        foreach (var c in s)
        {
            var d = DigitValue(c);
            if (d < 0) return null;
            v = v * 10 + d;
        }
        return v;
    }

    /// <summary>The value of a digit character in any of its forms, or -1.</summary>
    public static int DigitValue(char c) => Canonical(c) switch
    {
        '零' => 0,
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
