using System.Globalization;
using System.Text.RegularExpressions;
using GovTextExtract.Lexicons;
using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Quantities;

/// <summary>Finds numbers in normalised text and resolves each to an exact decimal with unit, bound, approximation,
/// estimate and period. A hand-written scanner: no regex runs over the whole text, so input size cannot make it
/// backtrack; the two regexes on a sentence prefix use <see cref="RegexOptions.NonBacktracking"/>.</summary>
/// <remarks>Thread-safe: holds only read-only lexicon data.</remarks>
public sealed class QuantityRecognizer
{
    // A partial period opening the sentence: 1-11月, 一至十一月, 截至(2023年)11月底, 前三季度, 上半年, 前10个月, 一季度.
    // The twelfth month is the whole year, so 1-12月 and 截至12月底 are no partial period.
    private static readonly Regex PeriodRegex = new(
        @"((?:1|一)\s*[-~至到]\s*(?:1[01]|[1-9]|十[一]?|[二三四五六七八九])\s*月(?:份)?" +
        @"|截至\s*(?:[0-9]{4}\s*年\s*)?(?:1[01]|[1-9]|十[一]?|[一二三四五六七八九])\s*月(?:底|末|份)?" +
        @"|前三季度|上半年|前(?:[一二三四五六七八九十]+|[0-9]{1,2})个月|一季度|前两个季度)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static readonly Regex MonthEndRegex = new(@"([0-9]{1,2})月(?:底|末)", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    // 数十, 几十: an unspecified number of tens, not ten.
    private const string VagueBeforeTen = "数几";

    // A Chinese numeral right after an opening quote names a slogan (“四个意识”), it counts nothing.
    private const string OpeningQuotes = "“‘「『\"";

    private readonly LexiconSet _lex;
    private readonly NumeralLexicon _num;
    private readonly string _unitEndChars;
    private readonly UnitEntry? _percent;
    private readonly UnitEntry? _permille;
    private readonly UnitEntry? _points;
    private readonly UnitEntry? _multiple;
    private readonly string[] _decreaseWords;

    /// <summary>Creates a recogniser over a lexicon set.</summary>
    public QuantityRecognizer(LexiconSet lexicons)
    {
        _lex = lexicons ?? throw new ArgumentNullException(nameof(lexicons));
        _num = NumeralLexicon.Default;
        _unitEndChars = new string(_lex.UnitForms.Select(f => f.Form[^1]).Distinct().ToArray());
        UnitEntry? Unit(string name) => _lex.UnitForms.Select(f => f.Unit).FirstOrDefault(u => u.Unit == name);
        _percent = Unit("%");
        _permille = Unit("‰");
        _points = Unit("个百分点");
        _multiple = Unit("倍");
        _decreaseWords = _lex.DecreaseWords.Concat(_num.DecreaseWords).ToArray();
    }

    /// <summary>The characters a quantity can start at (digits, numeral characters, '-', '.', 负, 百分之, 翻, 持平):
    /// every other character is passed over with one look-up.</summary>
    private static readonly bool[] MayStart = BuildMayStart();

    private static bool[] BuildMayStart()
    {
        var may = new bool[char.MaxValue + 1];
        foreach (var c in "0123456789-.负負百佰千翻持基大" + ChineseNumeral.Characters) may[c] = true;
        return may;
    }

    /// <summary>Recognises every number of a normalised text, figures and non-figures (dates, ranks …) alike.</summary>
    public IReadOnlyList<Quantity> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<Quantity>();
        var i = 0;
        var floor = 0;
        while (i < text.Length)
        {
            if (!MayStart[text[i]]) { i++; continue; }
            if (TryWordAt(text, i, floor) is { } w)
            {
                result.Add(w);
                floor = w.Span.End;
                i = w.Span.End;
                continue;
            }
            if (IsNumberStart(text, i) && TryParseAt(text, i, floor) is { } q)
            {
                result.Add(q);
                floor = q.Span.End;
                i = Math.Max(q.Span.End, i + 1);
                continue;
            }
            i++;
        }
        return result;
    }

    // A digit starts a number unless it continues one: after a digit, or after the '.' or ',' of "1.5" or "1,090"
    // (a ',' after a word is a folded full-width comma: "，12家" starts a number).
    private static bool IsArabicStart(string t, int i) =>
        char.IsAsciiDigit(t[i]) && (i == 0 || (!char.IsAsciiDigit(t[i - 1])
            && !(t[i - 1] is '.' or ',' && i >= 2 && char.IsAsciiDigit(t[i - 2]))));

    /// <summary>A '-' before a digit is a minus sign when what stands before it cannot end a figure (增长-2.1%), so
    /// it is no range dash (3-5万人, 6%-6.5%, 1月-3月) and no part of a name (COVID-19).</summary>
    private bool IsMinusStart(string t, int i)
    {
        if (t[i] != '-' || i + 1 >= t.Length || !(char.IsAsciiDigit(t[i + 1]) || IsLeadingDotStart(t, i + 1))) return false;
        if (i == 0) return true;
        var prev = t[i - 1];
        if (prev is '\n' or ' ' or ':' or '(' or ',' or '、') return true;
        return IsIdeograph(prev) && !ChineseNumeral.IsNumeralChar(prev) && !_unitEndChars.Contains(prev, StringComparison.Ordinal);
    }

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private bool IsChineseStart(string t, int i)
    {
        var c = ChineseNumeral.Canonical(t[i]);
        if (i > 0 && ChineseNumeral.IsNumeralChar(t[i - 1])) return false;
        if (ChineseNumeral.IsDigit(c)) return true;
        if (c is '十' or '廿' or '卅') return i == 0 || !VagueBeforeTen.Contains(t[i - 1], StringComparison.Ordinal);
        // 百余, 千余, 万余: a bare order of magnitude before 余/多 (千家万户 stays a phrase).
        return c is '百' or '千' or '万' && (i == 0 || !VagueBeforeTen.Contains(t[i - 1], StringComparison.Ordinal))
            && MatchWord(t, i + 1, _lex.ApproximateAfter) is not null;
    }

    private bool IsNumberStart(string t, int i) =>
        IsArabicStart(t, i) || IsMinusStart(t, i) || IsChineseStart(t, i) || IsNegativeWordStart(t, i)
        || IsLeadingDotStart(t, i) || PercentPrefixAt(t, i) > 0;

    /// <summary>负 (負) right before a numeral is a minus sign (负三十二, 负0.2千米); 负增长 is a word.</summary>
    /// <remarks>After most words 负 is part of the word (减负1000亿元, 担负): it is a sign only after no ideograph or after
    /// 为, 是, 至, 到 (增速为负3%).</remarks>
    private static bool IsNegativeWordStart(string t, int i) =>
        t[i] is '负' or '負' && i + 1 < t.Length && (char.IsAsciiDigit(t[i + 1]) || ChineseNumeral.IsDigit(t[i + 1]) || t[i + 1] is '十' or '拾')
        && (i == 0 || !IsIdeograph(t[i - 1]) || t[i - 1] is '为' or '是' or '至' or '到' or '之');

    /// <summary>A figure written without its leading zero (.5, .23456) where no digit or dot stands before it.</summary>
    private static bool IsLeadingDotStart(string t, int i) =>
        t[i] == '.' && i + 1 < t.Length && char.IsAsciiDigit(t[i + 1])
        && (i == 0 || (!char.IsAsciiDigit(t[i - 1]) && t[i - 1] != '.' && !char.IsAsciiLetter(t[i - 1])));

    /// <summary>The end of the first <paramref name="count"/> numeral characters from <paramref name="i"/>, spaces between them skipped.</summary>
    private static int LastNumeralEnd(string t, int i, int count)
    {
        var j = i;
        var seen = 0;
        while (j < t.Length && seen < count)
        {
            if (t[j] != ' ') seen++;
            j++;
        }
        return j;
    }

    /// <summary>Skips up to four ASCII spaces (a figure or unit spread out by the layout: 一百 五 十 二).</summary>
    private static int SkipSpaces(string t, int p)
    {
        var k = p;
        while (k < t.Length && k - p < 4 && t[k] == ' ') k++;
        return k;
    }

    /// <summary>At 百分之 / 千分之 (also 佰分之, spread by spaces: 百 分 之) not after a numeral: the position of the
    /// number that follows; 0 when there is none.</summary>
    private static int PercentPrefixAt(string t, int i)
    {
        if (t[i] is not ('百' or '佰' or '千')) return 0;
        if (i > 0 && (ChineseNumeral.IsNumeralChar(t[i - 1]) || char.IsAsciiDigit(t[i - 1]))) return 0;
        var k = SkipSpaces(t, i + 1);
        if (k >= t.Length || t[k] != '分') return 0;
        k = SkipSpaces(t, k + 1);
        if (k >= t.Length || t[k] != '之') return 0;
        k = SkipSpaces(t, k + 1);
        if (k >= t.Length) return 0;
        var c = t[k];
        return char.IsAsciiDigit(c) || ChineseNumeral.IsNumeralChar(c) || c is '负' or '負' ? k : 0;
    }

    private readonly record struct Num(int Start, int End, decimal Value, bool Chinese, bool HasDecimals, int IntDigits);

    private static Num? ReadNumber(string t, int i)
    {
        if (i >= t.Length) return null;
        if (t[i] == '-' && i + 1 < t.Length && (char.IsAsciiDigit(t[i + 1]) || IsLeadingDotStart(t, i + 1)))
            return ReadNumber(t, i + 1) is { } n ? n with { Start = i, Value = -n.Value } : null;
        if (IsNegativeWordStart(t, i))
            return ReadNumber(t, i + 1) is { } n ? n with { Start = i, Value = -n.Value } : null;
        if (IsLeadingDotStart(t, i))
        {
            var j = i + 1;
            while (j < t.Length && char.IsAsciiDigit(t[j])) j++;
            return decimal.TryParse(string.Concat("0", t.AsSpan(i, j - i)), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var dv)
                ? new Num(i, j, dv, false, true, 0) : null;
        }
        if (char.IsAsciiDigit(t[i]))
        {
            var j = i;
            var digits = new System.Text.StringBuilder();
            var intDigits = 0;
            var hasDot = false;
            while (j < t.Length)
            {
                var c = t[j];
                if (char.IsAsciiDigit(c)) { digits.Append(c); if (!hasDot) intDigits++; j++; }
                else if (c == ',' && !hasDot && IsThousands(t, j)) { j++; }
                else if (c == ' ' && !hasDot && intDigits is >= 1 and <= 3 && j - i == intDigits && IsSpaceGroup(t, i, j)) { j++; }
                else if (c == '.' && !hasDot && j + 1 < t.Length && char.IsAsciiDigit(t[j + 1])) { digits.Append('.'); hasDot = true; j++; }
                else break;
            }
            if (!decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
                return null;
            if (Exponent(t, j, v) is { } power)
                return new Num(i, power.End, power.Value, false, true, 0);
            if (MagnitudeLetter(t, j) is { } magnitude)
                return new Num(i, magnitude.End, v * magnitude.Factor, false, hasDot, 0);
            return new Num(i, j, v, false, hasDot, intDigits);
        }
        if (ChineseNumeral.IsNumeralChar(t[i])) return ReadChinese(t, i);
        return null;
    }

    /// <summary>Scientific or power notation right after a mantissa: <c>2e5</c>, <c>12.32e+14</c>, <c>-12e-1</c>,
    /// <c>2^5</c>, <c>2.5^-1</c> (a doubled sign, <c>^--23</c>, cancels). Nothing when a letter or digit follows
    /// (a code such as 3E5A), or the power is out of reach of an exact decimal (|exponent| above 28); powers are
    /// rounded to 10 decimal places, as fractions are.</summary>
    private static (decimal Value, int End)? Exponent(string t, int j, decimal mantissa)
    {
        if (j + 1 >= t.Length || t[j] is not ('e' or 'E' or '^')) return null;
        var caret = t[j] == '^';
        var k = j + 1;
        var negative = false;
        while (k < t.Length && t[k] is '+' or '-' && (caret || k == j + 1))
        {
            if (t[k] == '-') negative = !negative;
            k++;
        }
        var digitsStart = k;
        while (k < t.Length && char.IsAsciiDigit(t[k]) && k - digitsStart < 3) k++;
        if (k == digitsStart || (k < t.Length && (char.IsAsciiLetterOrDigit(t[k]) || t[k] == '.'))) return null;
        var exponent = int.Parse(t.AsSpan(digitsStart, k - digitsStart), CultureInfo.InvariantCulture);
        if (exponent > 28) return null;
        try
        {
            decimal value;
            if (caret)
            {
                value = 1m;
                for (var n = 0; n < exponent; n++) value *= mantissa;
                if (negative) value = value == 0 ? throw new DivideByZeroException() : 1m / value;
            }
            else
            {
                var scale = 1m;
                for (var n = 0; n < exponent; n++) scale *= 10m;
                value = negative ? mantissa / scale : mantissa * scale;
            }
            return (Math.Round(value, 10, MidpointRounding.AwayFromZero), k);
        }
        catch (Exception e) when (e is OverflowException or DivideByZeroException)
        {
            return null;
        }
    }

    /// <summary>A Latin magnitude letter after a figure, glued or after one space: <c>40k</c>, <c>3.2M</c>,
    /// <c>-2.5 M</c> (k and K a thousand, M a million). Nothing when a letter or digit follows, so that units stay
    /// units (10kV, 5km, 3kg, 2MW, 4MB).</summary>
    private static (decimal Factor, int End)? MagnitudeLetter(string t, int j)
    {
        var k = j < t.Length && t[j] == ' ' ? j + 1 : j;
        if (k >= t.Length || t[k] is not ('k' or 'K' or 'M')) return null;
        if (k + 1 < t.Length && (char.IsAsciiLetterOrDigit(t[k + 1]) || t[k + 1] is '.' or '-' or '/')) return null;
        return (t[k] == 'M' ? 1_000_000m : 1_000m, k + 1);
    }

    /// <summary>Reads a Chinese numeral with its decimals (十五点七, 两千万点五五四四); single spaces between its
    /// characters are part of it (一百 五 十 二). 兆 is taken only between numeral characters (五兆六十二亿).</summary>
    private static Num? ReadChinese(string t, int i)
    {
        Span<char> chars = stackalloc char[64];
        var n = 0;
        var j = i;
        var end = i;
        while (j < t.Length && n < chars.Length)
        {
            var c = t[j];
            if (ChineseNumeral.IsNumeralChar(c) || (c == '兆' && n > 0 && j + 1 < t.Length && ChineseNumeral.IsNumeralChar(t[j + 1])))
            {
                chars[n++] = c;
                j++;
                end = j;
                continue;
            }
            if (c == ' ' && n > 0)
            {
                var k = SkipSpaces(t, j);
                if (k < t.Length && ChineseNumeral.IsNumeralChar(t[k])) { j = k; continue; }
            }
            break;
        }
        var v = ChineseNumeral.Parse(chars[..n]);
        if (v is null && n >= 2 && chars[n - 1] is '千' or '百' or '万' or '兆')
        {
            // 三百千瓦时, 五十万千米 hold the start of a unit (千瓦时, 千米): the numeral ends before it.
            v = ChineseNumeral.Parse(chars[..(n - 1)]);
            if (v is null) return null;
            end = LastNumeralEnd(t, i, n - 1);
            return new Num(i, end, v.Value, true, false, 0);
        }
        if (v is null) return null;
        var value = v.Value;
        var hasDecimals = false;
        // 点 (點) then digits: 十点二三三 = 10.233. 两 is no decimal digit (两百点两 is two numbers).
        var q = SkipSpaces(t, end);
        if (q < t.Length && t[q] is '点' or '點')
        {
            var r = SkipSpaces(t, q + 1);
            decimal scale = 0.1m;
            decimal frac = 0;
            var last = -1;
            while (r < t.Length)
            {
                var d = t[r] is '两' or '兩' or '倆' ? -1 : ChineseNumeral.DigitValue(t[r]);
                if (d < 0)
                {
                    if (t[r] == ' ' && last > 0 && SkipSpaces(t, r) is var s2 && s2 < t.Length && ChineseNumeral.DigitValue(t[s2]) >= 0) { r = s2; continue; }
                    break;
                }
                frac += d * scale;
                scale /= 10;
                r++;
                last = r;
            }
            if (last > 0)
            {
                value += frac;
                end = last;
                hasDecimals = true;
            }
        }
        return new Num(i, end, value, true, hasDecimals, 0);
    }

    /// <summary>"1 090.4亿元": a figure of one to three digits, one space (a thin space folds to it), three digits,
    /// then a decimal point or a word (a unit or multiplier) — not a row of numbers (3 100 250) nor a number after one.</summary>
    private static bool IsSpaceGroup(string t, int start, int space)
    {
        for (var k = 1; k <= 3; k++)
            if (space + k >= t.Length || !char.IsAsciiDigit(t[space + k])) return false;
        var after = space + 4;
        if (after >= t.Length) return false;
        var ok = (t[after] == '.' && after + 1 < t.Length && char.IsAsciiDigit(t[after + 1])) || IsIdeograph(t[after]);
        if (!ok) return false;
        // Not inside a row of numbers: no digit, space-digit or dot right before the figure.
        return start == 0 || !(char.IsAsciiDigit(t[start - 1]) || t[start - 1] == '.'
            || (t[start - 1] == ' ' && start >= 2 && char.IsAsciiDigit(t[start - 2])));
    }

    private static bool IsThousands(string t, int comma)
    {
        // "1,090.4": exactly three digits after the comma, then a non-digit.
        for (var k = 1; k <= 3; k++)
            if (comma + k >= t.Length || !char.IsAsciiDigit(t[comma + k])) return false;
        return comma + 4 >= t.Length || !char.IsAsciiDigit(t[comma + 4]);
    }

    private (UnitEntry Unit, int End)? MatchUnit(string t, int p)
    {
        foreach (var (form, unit) in _lex.UnitForms)
        {
            if (p + form.Length <= t.Length && string.CompareOrdinal(t, p, form, 0, form.Length) == 0)
            {
                // An ASCII unit (km, kg) must not run on into a longer word.
                var end = p + form.Length;
                if (char.IsAsciiLetter(form[^1]) && end < t.Length && char.IsAsciiLetter(t[end])) continue;
                return (unit, end);
            }
        }
        return null;
    }

    private MultiplierEntry? MatchMultiplier(string t, int p)
    {
        foreach (var m in _lex.Multipliers)
            if (p + m.Text.Length <= t.Length && string.CompareOrdinal(t, p, m.Text, 0, m.Text.Length) == 0)
                return m;
        return null;
    }

    private static string? MatchWord(string t, int p, IEnumerable<string> words)
    {
        foreach (var w in words)
            if (p + w.Length <= t.Length && string.CompareOrdinal(t, p, w, 0, w.Length) == 0)
                return w;
        return null;
    }

    /// <summary>True when the bound word at <paramref name="at"/> is part of a longer word that is no bound (签约).</summary>
    private static bool InsideOtherWord(string t, int at, BoundEntry b)
    {
        foreach (var word in b.NotIn)
        {
            var k = word.IndexOf(b.Text, StringComparison.Ordinal);
            var s = at - k;
            if (k >= 0 && s >= 0 && s + word.Length <= t.Length && string.CompareOrdinal(t, s, word, 0, word.Length) == 0)
                return true;
        }
        return false;
    }

    private sealed class Parsed
    {
        public decimal Value;
        public int End;
        public UnitEntry? Unit;
        public bool Approx;
        public bool Multiplied;
        /// <summary>A fraction (三分之一, 3/4) or a share written with a percent word (百分之五, 三成): a value by its form.</summary>
        public bool ByForm;
    }

    /// <summary>Financial digits: alone (no order of magnitude after them) they are words (陆家嘴, 队伍), not numbers.</summary>
    private const string FinancialDigits = "壹贰貳叁參肆伍陆陸柒捌玖拾佰仟";

    /// <summary>Unit kinds that 半 after the unit adds half of (一吨半 = 1.5吨); counts (三个半) are left alone.</summary>
    private static readonly HashSet<string> HalfUnitKinds = new(StringComparer.Ordinal) { "mass", "length", "area", "volume", "duration", "energy" };

    /// <summary>Places of a fraction's value: 三分之一 = 0.3333333333.</summary>
    private const int FractionPlaces = 10;

    /// <summary>Reads number, approximation, multiplier, approximation, unit; or a percent word and its number
    /// (百分之八点五, 千分之三); then a fraction (三分之一, 三百五十又三分之一, 3/4), a share in tenths (三成) or a spread
    /// percent unit (六 个 百 分点, 个百分點).</summary>
    private Parsed? ReadFigure(string t, int i, out Num num)
    {
        if (PercentPrefixAt(t, i) is > 0 and var at)
        {
            var inner = ReadNumber(t, at);
            num = inner ?? default;
            if (inner is null) return null;
            var perMille = t[i] == '千';
            var pu = perMille ? _permille : _percent;
            if (pu is null) return null;
            num = inner.Value with { Start = i };
            return new Parsed { Value = inner.Value.Value, End = inner.Value.End, Unit = pu, ByForm = true };
        }
        var n = ReadNumber(t, i);
        num = n ?? default;
        if (n is null) return null;
        var p = n.Value.End;
        var value = n.Value.Value;
        var approx = false;
        var chinese = n.Value.Chinese;
        // A Chinese numeral has taken in its own 万/亿 (两万); a multiplier can follow it only after 余 (十余万).
        var multiplied = chinese && t.AsSpan(n.Value.Start, n.Value.End - n.Value.Start).IndexOfAny("万亿萬億兆") >= 0;
        // 二十几万, 一百零几万: 几 after 十 or 零 is some more.
        if (chinese && SkipSpaces(t, p) is var pj && pj < t.Length && t[pj] is '几' or '幾' && t[p - 1] is '十' or '拾' or '零') { approx = true; p = pj + 1; }
        var pa = chinese ? SkipSpaces(t, p) : p;
        if (MatchWord(t, pa, _lex.ApproximateAfter) is { } a1) { approx = true; p = pa + a1.Length; }
        var unit = MatchUnit(t, p);
        var pm = chinese ? SkipSpaces(t, p) : p;
        if (unit is null && MatchMultiplier(t, pm) is { } m)
        {
            value *= m.Factor;
            multiplied = true;
            p = pm + m.Text.Length;
            if (!chinese && !approx && !n.Value.HasDecimals && n.Value.Value > 0) (value, p) = ReadLowerOrders(t, p, value, m.Factor);
            if (MatchWord(t, p, _lex.ApproximateAfter) is { } a2) { approx = true; p += a2.Length; }
            unit = MatchUnit(t, p);
        }
        if (unit is { } u)
        {
            // 一吨半, 两米半, 一年半: half a measure more.
            if (u.End < t.Length && t[u.End] == '半' && value == decimal.Truncate(value) && HalfUnitKinds.Contains(u.Unit.Kind))
                return new Parsed { Value = value + 0.5m, End = u.End + 1, Unit = u.Unit, Approx = approx, Multiplied = multiplied };
            return new Parsed { Value = value, End = u.End, Unit = u.Unit, Approx = approx, Multiplied = multiplied };
        }
        if (!approx)
        {
            if ((chinese || !multiplied) && ReadFraction(t, p, value) is { } f) return f;
            if (!multiplied && ReadShare(t, p, value, n.Value) is { } share) return share;
            // 4 6/3, 1 3/5: a whole number, a space, a fraction.
            if (!chinese && !multiplied && !n.Value.HasDecimals && value >= 0 && p + 1 < t.Length && t[p] == ' ' && char.IsAsciiDigit(t[p + 1])
                && ReadNumber(t, p + 1) is { HasDecimals: false } top && ReadFraction(t, top.End, top.Value) is { Unit: null } mixed
                && top.End < t.Length && t[top.End] == '/')
                return new Parsed { Value = value + mixed.Value, End = mixed.End, ByForm = true };
        }
        if (MatchSpreadPoints(t, p) is > 0 and var pe && _points is not null)
            return new Parsed { Value = value, End = pe, Unit = _points, Approx = approx, Multiplied = multiplied };
        return new Parsed { Value = value, End = p, Unit = null, Approx = approx, Multiplied = multiplied };
    }

    /// <summary>Digits with lower orders after a multiplied figure (5万4千6百 = 54600, 5亿1万4千6百): each part must be
    /// below the order before it.</summary>
    private static (decimal Value, int End) ReadLowerOrders(string t, int p, decimal value, decimal lastFactor)
    {
        while (true)
        {
            var k = SkipSpaces(t, p);
            if (k >= t.Length || !char.IsAsciiDigit(t[k])) return (value, p);
            var e = k;
            while (e < t.Length && char.IsAsciiDigit(t[e])) e++;
            var o = SkipSpaces(t, e);
            if (o >= t.Length) return (value, p);
            decimal factor = t[o] switch { '亿' or '億' => 100000000m, '万' or '萬' => 10000m, '千' => 1000m, '百' => 100m, '十' => 10m, _ => 0m };
            if (factor == 0 || factor >= lastFactor || e - k > 4) return (value, p);
            var part = decimal.Parse(t.AsSpan(k, e - k), NumberStyles.None, CultureInfo.InvariantCulture);
            if (part == 0 || part * factor >= lastFactor) return (value, p);
            // 4千瓦, 3千米: the order opens a unit; 5万4千元 reads 4千 as part of the figure.
            if (o + 1 < t.Length && t[o + 1] is '瓦' or '米' or '克' or '卡' or '伏' or '帕') return (value, p);
            value += part * factor;
            lastFactor = factor;
            p = o + 1;
        }
    }

    /// <summary>After a number N: 分之M (N分之M = M/N), 又 + a fraction (三百五十又三分之一), or /M for a figure of
    /// up to four digits that is no year (3/4, not 2021/3).</summary>
    private Parsed? ReadFraction(string t, int p, decimal whole)
    {
        var k = SkipSpaces(t, p);
        if (k < t.Length && t[k] == '又')
        {
            var s = SkipSpaces(t, k + 1);
            if (s < t.Length && ReadNumber(t, s) is { } den && ReadFraction(t, den.End, den.Value) is { } part && part.Value >= 0)
                return new Parsed { Value = whole < 0 ? whole - part.Value : whole + part.Value, End = part.End, ByForm = true };
            return null;
        }
        if (k < t.Length && t[k] == '分')
        {
            var z = SkipSpaces(t, k + 1);
            if (z >= t.Length || t[z] != '之') return null;
            var s = SkipSpaces(t, z + 1);
            if (s >= t.Length || whole == 0) return null;
            if (ReadNumber(t, s) is not { } numerator) return null;
            return new Parsed { Value = Math.Round(numerator.Value / whole, FractionPlaces), End = numerator.End, ByForm = true };
        }
        if (p + 1 < t.Length && t[p] == '/' && char.IsAsciiDigit(t[p + 1]) && whole != 0 && whole == decimal.Truncate(whole)
            && !LooksYear(whole) && Math.Abs(whole) < 10000)
        {
            var e = p + 1;
            while (e < t.Length && char.IsAsciiDigit(t[e])) e++;
            if (e - p - 1 > 4 || (e < t.Length && (t[e] is '/' or '.' or '-' || char.IsAsciiLetter(t[e])))) return null;
            var den = decimal.Parse(t.AsSpan(p + 1, e - p - 1), NumberStyles.None, CultureInfo.InvariantCulture);
            if (den == 0) return null;
            return new Parsed { Value = Math.Round(whole / den, FractionPlaces), End = e, ByForm = true };
        }
        return null;
    }

    /// <summary>成 after a number up to ten is a share in tenths (三成 = 30 %, 9.5成 = 95 %, 三成半 = 35 %), unless 成
    /// opens a word (成立, 成效) or the numeral is 一 of 一成不变.</summary>
    private Parsed? ReadShare(string t, int p, decimal value, Num n)
    {
        if (_percent is null || value <= 0 || value > 10) return null;
        var k = SkipSpaces(t, p);
        if (k >= t.Length || t[k] != '成') return null;
        foreach (var w in _num.ShareNotBefore)
        {
            var at = w[0] == '成' ? k : k + 1;
            if (at + w.Length <= t.Length && string.CompareOrdinal(t, at, w, 0, w.Length) == 0) return null;
        }
        var end = k + 1;
        // Spread by a space (十 成), the share must end the phrase.
        if (k > p && end < t.Length && IsIdeograph(t[end])) return null;
        var v = value * 10;
        if (end < t.Length && t[end] == '半') { v += 5; end++; }
        _ = n;
        return new Parsed { Value = v, End = end, Unit = _percent, ByForm = true };
    }

    /// <summary>个百分点 spread by spaces or in traditional characters (六   个 百 分点, 個百分點); the end, or 0.</summary>
    private static int MatchSpreadPoints(string t, int p)
    {
        foreach (var form in SpreadPointForms)
        {
            var k = SkipSpaces(t, p);
            var ok = true;
            foreach (var c in form)
            {
                k = SkipSpaces(t, k);
                if (k < t.Length && (t[k] == c || TraditionalOf(c) == t[k])) k++;
                else { ok = false; break; }
            }
            if (ok) return k;
        }
        return 0;
    }

    private static readonly string[] SpreadPointForms = ["个百分点", "百分点"];

    private static char TraditionalOf(char c) => c switch { '个' => '個', '点' => '點', _ => c };

    /// <param name="t">The text.</param>
    /// <param name="i">Where the number starts.</param>
    /// <param name="floor">The end of the previous quantity: words before the number are never taken from it.</param>
    private Quantity? TryParseAt(string t, int i, int floor)
    {
        var first = ReadFigure(t, i, out var num);
        if (first is null) return null;
        // Numbers glued to Latin letters are names (PM2.5, G20, 5G, 4A, COVID-19), not figures.
        // A minus needs a unit (增长-2.1%) unless it opens a line (-10000); a dash before a bare number is part of a
        // name (歼-35).
        var lineMinus = t[i] == '-' && i == 0;
        if (first.Unit is null && !first.ByForm && !lineMinus
            && (t[i] == '-' || (i > 0 && t[i - 1] == '-' && IsMinusStart(t, i - 1)))) return null;
        if (i > 0 && char.IsAsciiLetter(t[i - 1])) return null;
        if (i >= 2 && t[i - 1] == '-' && char.IsAsciiLetter(t[i - 2])) return null;
        if (first.Unit is null && num.End < t.Length && char.IsAsciiLetter(t[num.End])) return null;
        if (num.Chinese)
        {
            // 一批, 一起, 一次性: set phrases count nothing; “四个意识”: a quoted slogan.
            foreach (var phrase in _lex.SetPhrases)
                if (t.AsSpan(i).StartsWith(phrase, StringComparison.Ordinal)) return null;
            if (i > 0 && OpeningQuotes.Contains(t[i - 1], StringComparison.Ordinal)) return null;
            // 统一, 三农, 一带一路, 十四五: a numeral inside a fixed expression is no value.
            for (var k = num.Start; k < num.End; k++)
                if (_num.InFixedExpression(t, k)) return null;
            // 队伍, 大陆: a lone financial or traditional digit after another word is part of that word; a lone
            // financial digit (陆家嘴, 伍) is never a number.
            var s0 = t[num.Start] is '负' or '負' ? num.Start + 1 : num.Start;
            if (num.End - s0 == 1 && !first.ByForm && FinancialDigits.Contains(t[s0], StringComparison.Ordinal)) return null;
            if (ChineseNumeral.WrittenForms.Contains(t[s0], StringComparison.Ordinal) && s0 > 0 && IsIdeograph(t[s0 - 1])
                && !ChineseNumeral.IsNumeralChar(t[s0 - 1]) && t[s0 - 1] is not ('负' or '負' or '之' or '又')
                && (num.End - s0 < 2 || t.AsSpan(s0, num.End - s0).IndexOfAny("十百千万亿拾佰仟萬億") < 0)
                && t[s0] is not ('廿' or '卅'))
                return null;
        }

        var p = first.End;
        decimal? value = first.Value;
        decimal? low = null, high = null;
        var unit = first.Unit;
        BoundKind? bound = null;
        string? boundText = null;
        var approx = first.Approx;
        var kind = QuantityKind.Figure;
        var dateRange = false;

        // Range: a-b, a至b, a~b with the second figure carrying the unit.
        if (p < t.Length && (t[p] is '-' or '~' or '至' or '到') && p + 1 < t.Length
            && (IsRangeSecondStart(t, p + 1) || (first.ByForm && first.Unit is not null && PercentPrefixAt(t, p + 1) > 0)))
        {
            var second = ReadFigure(t, p + 1, out var num2);
            if (second is not null && (first.Unit is null || second.Unit is null || first.Unit.Unit == second.Unit.Unit)
                && !(num2.Chinese ^ num.Chinese))
            {
                var u2 = second.Unit ?? first.Unit;
                var lowV = first.Value;
                if (first.Unit is null && second.Multiplied && !first.Multiplied && !num2.Chinese)
                {
                    // "3-5万人": the multiplier of the second figure applies to the first too.
                    var factor = num2.Value == 0 ? 1 : second.Value / num2.Value;
                    lowV *= factor;
                }
                if (IsDateAfter(t, second.End, second) || (u2?.Unit == "年" && LooksYear(num.Value) && LooksYear(num2.Value)))
                {
                    kind = QuantityKind.Date;
                    dateRange = true;
                }
                low = lowV;
                high = second.Value;
                value = null;
                unit = u2;
                bound = BoundKind.Range;
                p = second.End;
                approx |= second.Approx;
            }
        }

        // A Chinese numeral with no unit counts only where it stands as a number (一百五十二, 两千四百五, or alone
        // between punctuation): 三大攻坚战 and 三区三线 are names, 十九大 a congress.
        if (num.Chinese && unit is null && !dateRange && !first.ByForm && !StandsAsNumber(t, i, num, first, p)) return null;

        var coreStart = i;
        var coreEnd = p;

        // Dates, years, document numbers, ranks, item numbers.
        if (kind == QuantityKind.Figure)
            kind = ClassifyNonFigure(t, i, num, first, unit, p);
        if (kind == QuantityKind.Date) p = SkipDateTail(t, p);

        var start = i;
        if (kind == QuantityKind.Figure)
        {
            // Suffix bound words.
            var suffix = _lex.Bounds.FirstOrDefault(b => !b.IsPrefix && p + b.Text.Length <= t.Length
                && string.CompareOrdinal(t, p, b.Text, 0, b.Text.Length) == 0 && !InsideOtherWord(t, p, b));
            // Prefix bound words a few characters back in the same clause.
            var (prefix, prefixStart) = FindPrefixBound(t, i, floor);
            if (suffix is not null && (!suffix.RequiresPrefix || prefix is not null))
            {
                bound = bound == BoundKind.Range ? BoundKind.Range : suffix.Bound;
                boundText = prefix is not null ? prefix.Text + "…" + suffix.Text : suffix.Text;
                p += suffix.Text.Length;
            }
            else if (prefix is not null && bound != BoundKind.Range)
            {
                bound = prefix.Bound;
                boundText = prefix.Text;
            }
            if (prefix is not null)
            {
                start = prefixStart;
                approx |= prefix.Approximate;
            }
            foreach (var w in _lex.ApproximateBefore)
            {
                if (i - w.Length >= floor && string.CompareOrdinal(t, i - w.Length, w, 0, w.Length) == 0)
                {
                    approx = true;
                    start = Math.Min(start, i - w.Length);
                }
            }
        }

        var decrease = kind == QuantityKind.Figure && HasDecreaseVerb(t, i);
        var span = SourceSpan.FromBounds(start, p);
        return new Quantity
        {
            Span = span,
            CoreSpan = SourceSpan.FromBounds(coreStart, coreEnd),
            Text = t.Substring(span.Start, span.Length),
            Kind = kind == QuantityKind.Figure && unit?.Unit == "倍" ? QuantityKind.Multiple : kind,
            Value = Tidy(value),
            Low = Tidy(low),
            High = Tidy(high),
            Unit = unit?.Unit,
            Bound = bound,
            BoundText = bound == BoundKind.Range && boundText is null ? null : boundText,
            Approximate = approx,
            Estimate = kind == QuantityKind.Figure && HasEstimateWord(t, start),
            Period = kind == QuantityKind.Figure ? FindPeriod(t, start) : null,
            Decrease = decrease,
            Change = decrease && value is { } dv ? Tidy(-dv) : null,
        };
    }

    /// <summary>A bare Chinese numeral (no unit) is a value when no word follows it (a word after it makes it part of
    /// a name: 十八洞村, 二十国集团, 十一是, 五百亿级) and it stands alone between punctuation or spaces (二, 十), is a
    /// negative (负三十二) or is a composed numeral of two or more characters with an order of magnitude or decimals
    /// (一百五十二, 十余万, 十五点七); never when a name follows (十九大), it is a list label (二、), a rank (第一, 初一,
    /// 周一) or a quoted slogan (“四个一百”).</summary>
    private bool StandsAsNumber(string t, int i, Num num, Parsed first, int p)
    {
        if (p < t.Length && (IsIdeograph(t[p]) || t[p] is '○' or '”' or '’' or '」' or '』')) return false;
        if (num.Value < 0) return true;
        if (p < t.Length && t[p] is '、' or ')' or '.') return false;
        if (i > 0 && t[i - 1] is '第' or '初' or '周' or '(' or '前' or '星' or '期') return false;
        foreach (var w in _num.NameFollowers)
            if (p + w.Length <= t.Length && string.CompareOrdinal(t, p, w, 0, w.Length) == 0) return false;
        var alone = (i == 0 || !IsIdeograph(t[i - 1])) && (p >= t.Length || !IsIdeograph(t[p]));
        if (alone) return true;
        var span = t.AsSpan(num.Start, num.End - num.Start);
        var composed = span.IndexOfAny("十百千万亿拾佰仟萬億兆") >= 0;
        var length = span.Length - span.Count(' ');
        return (composed && (length >= 2 || first.Approx || first.Multiplied)) || num.HasDecimals;
    }

    /// <summary>Words that are figures by themselves: doubling (翻一番 = 2, 翻两番 = 4) and no change (持平 = 0).</summary>
    private Quantity? TryWordAt(string t, int i, int floor)
    {
        var c = t[i];
        if (c == '翻' && _multiple is not null)
        {
            foreach (var (text, factor) in _num.Doubling)
            {
                if (i + text.Length > t.Length || string.CompareOrdinal(t, i, text, 0, text.Length) != 0) continue;
                var span = SourceSpan.FromBounds(i, i + text.Length);
                return new Quantity
                {
                    Span = span, CoreSpan = span, Text = text, Kind = QuantityKind.Multiple, Value = factor, Unit = _multiple.Unit,
                    Estimate = HasEstimateWord(t, i), Period = FindPeriod(t, i),
                };
            }
            return null;
        }
        if (c is not ('持' or '基' or '大')) return null;
        foreach (var (text, approximate) in _num.FlatWords)
        {
            if (i + text.Length > t.Length || string.CompareOrdinal(t, i, text, 0, text.Length) != 0) continue;
            if (i < floor) return null;
            var span = SourceSpan.FromBounds(i, i + text.Length);
            return new Quantity
            {
                Span = span, CoreSpan = span, Text = text, Kind = QuantityKind.NoChange, Value = 0, Change = 0, Approximate = approximate,
                Estimate = HasEstimateWord(t, i), Period = FindPeriod(t, i),
            };
        }
        return null;
    }

    /// <summary>Drops trailing zeros a multiplication left (1090.4 × 10^8 = 109040000000.0 → 109040000000).</summary>
    internal static decimal? Tidy(decimal? v) => v is { } d ? d / 1.0000000000000000000000000000m : null;

    private static bool LooksYear(decimal v) => v >= 1949 && v <= 2100 && v == decimal.Truncate(v);

    private static bool IsRangeSecondStart(string t, int p) =>
        char.IsAsciiDigit(t[p]) || ChineseNumeral.IsDigit(t[p]) || t[p] == '十';

    private static bool IsDateAfter(string t, int p, Parsed f) =>
        f.Unit is null && p < t.Length && (t[p] is '月' or '日' or '号' or '年' || (t[p] == '季' && p + 1 < t.Length && t[p + 1] == '度'));

    private static bool IsDateChar(char c) => c is '年' or '月' or '日' or '号' or '底' or '末' or '份' or '初';

    /// <summary>Takes in the rest of a date: 2020年6月, 9月1日, 2019年底, 二〇二一年一月一日.</summary>
    private static int SkipDateTail(string t, int p)
    {
        while (p < t.Length)
        {
            if (IsDateChar(t[p])) { p++; continue; }
            // A month or day number that a date word closes (the 6 of 2020年6月, the 1 of 9月1日).
            var q = p;
            while (q < t.Length && q - p < 3 && (char.IsAsciiDigit(t[q]) || ChineseNumeral.IsNumeralChar(t[q]))) q++;
            if (q > p && q < t.Length && t[q] is '月' or '日' or '号') { p = q; continue; }
            break;
        }
        return p;
    }

    private QuantityKind ClassifyNonFigure(string t, int i, Num num, Parsed first, UnitEntry? unit, int p)
    {
        var prev = i > 0 ? t[i - 1] : '\n';
        if (prev == '第') return QuantityKind.Rank;
        if (prev == '前' && !(i >= 2 && t[i - 2] is '目' or '当' or '提'))
        {
            // 前10个月 is a period, 前50名 and 前10 a rank.
            if (unit?.Kind == "duration") return QuantityKind.Date;
            if (unit is null || t[p - 1] == '名') return QuantityKind.Rank;
        }
        if (prev is '〔' or '[' or '【' && p < t.Length && t[p] is '〕' or ']' or '】') return QuantityKind.DocumentNumber;
        if ((prev is '〕' or ']' or '】') && p < t.Length && t[p] == '号') return QuantityKind.DocumentNumber;
        if (IsDateAfter(t, p, first)) return QuantityKind.Date;
        if (unit?.Unit == "年" && LooksYear(num.Value) && !first.Multiplied) return QuantityKind.Date;
        if (unit is null && !first.Multiplied && !num.HasDecimals && LooksYear(num.Value) && num.IntDigits == 4)
            return QuantityKind.Date;
        // Item numbers: "1." "1、" "(1)" "1)" at the start of a line or after an opening bracket.
        if (unit is null && !first.Multiplied && p < t.Length)
        {
            var lineStart = i == 0 || t[i - 1] == '\n' || (i >= 1 && t[i - 1] == '(' && (i == 1 || t[i - 2] == '\n'))
                || IsLineStartAfterSpaces(t, i);
            if (lineStart && (t[p] is '.' or '、' or ')' or '．')) return QuantityKind.ItemNumber;
            if (prev == '(' && t[p] == ')') return QuantityKind.ItemNumber;
        }
        return QuantityKind.Figure;
    }

    private static bool IsLineStartAfterSpaces(string t, int i)
    {
        var k = i - 1;
        while (k >= 0 && t[k] == ' ') k--;
        return k < 0 || t[k] == '\n';
    }

    private static bool IsClauseBreak(char c) => c is ',' or '。' or ';' or ':' or '!' or '?' or '\n' or '、' or '(' or ')';

    private static bool IsSentenceBreak(char c) => c is '。' or ';' or '!' or '?' or '\n';

    private (BoundEntry? Entry, int Start) FindPrefixBound(string t, int i, int floor)
    {
        // The word may stand up to PrefixWindow characters before the number (达到了1000, 约为3%, 高于全国平均水平2个
        // 百分点), within the clause and never across another number.
        for (var gap = 0; gap <= _lex.PrefixWindow; gap++)
        {
            var end = i - gap;
            if (end < 0) break;
            if (gap > 0 && (IsClauseBreak(t[end]) || char.IsAsciiDigit(t[end]) || t[end] == '%')) break;
            foreach (var b in _lex.Bounds)
            {
                if (!b.IsPrefix) continue;
                var s = end - b.Text.Length;
                if (s >= floor && string.CompareOrdinal(t, s, b.Text, 0, b.Text.Length) == 0 && !InsideOtherWord(t, s, b))
                    return (b, s);
            }
        }
        return (null, i);
    }

    private bool HasEstimateWord(string t, int start)
    {
        var from = Math.Max(0, start - _lex.EstimateWindow);
        var k = start - 1;
        while (k >= from && !IsSentenceBreak(t[k])) k--;
        var s = t.AsSpan(k + 1, start - k - 1);
        foreach (var w in _lex.EstimateWords)
            if (s.Contains(w, StringComparison.Ordinal)) return true;
        return false;
    }

    private bool HasDecreaseVerb(string t, int i)
    {
        foreach (var w in _decreaseWords)
        {
            if (i - w.Length >= 0 && string.CompareOrdinal(t, i - w.Length, w, 0, w.Length) == 0) return true;
            if (i - w.Length - 1 >= 0 && t[i - 1] == '了' && string.CompareOrdinal(t, i - w.Length - 1, w, 0, w.Length) == 0) return true;
        }
        return false;
    }

    /// <summary>The farthest back a figure's sentence is read for its period: bounds the work per figure in text
    /// without sentence breaks.</summary>
    private const int PeriodLookback = 400;

    private static string? FindPeriod(string t, int start)
    {
        var k = start - 1;
        var from = Math.Max(0, start - PeriodLookback);
        while (k >= from && !IsSentenceBreak(t[k])) k--;
        // The period phrase may also open the paragraph just before a comma: look back to the sentence start.
        var sentence = t.Substring(k + 1, start - k - 1);
        // A clause that speaks of the whole year ("全年有望新增115家") is not a part-year figure.
        var clause = sentence[(sentence.LastIndexOf(',') + 1)..];
        if (clause.Contains("全年", StringComparison.Ordinal)) return null;
        string? found = null;
        foreach (Match m in PeriodRegex.Matches(sentence)) found = m.Value;
        if (found is null)
        {
            // "6月底全市…": a point before the year's end, when no year-end month is named.
            foreach (Match m in MonthEndRegex.Matches(sentence))
            {
                var month = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                var prevIsDigit = m.Index > 0 && char.IsAsciiDigit(sentence[m.Index - 1]);
                if (!prevIsDigit && month is >= 1 and <= 11) found = m.Value;
            }
        }
        return found;
    }
}
