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
    private readonly string _unitEndChars;

    /// <summary>Creates a recogniser over a lexicon set.</summary>
    public QuantityRecognizer(LexiconSet lexicons)
    {
        _lex = lexicons ?? throw new ArgumentNullException(nameof(lexicons));
        _unitEndChars = new string(_lex.UnitForms.Select(f => f.Form[^1]).Distinct().ToArray());
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
        if (t[i] != '-' || i + 1 >= t.Length || !char.IsAsciiDigit(t[i + 1])) return false;
        if (i == 0) return true;
        var prev = t[i - 1];
        if (prev is '\n' or ' ' or ':' or '(' or ',' or '、') return true;
        return IsIdeograph(prev) && !ChineseNumeral.IsNumeralChar(prev) && !_unitEndChars.Contains(prev, StringComparison.Ordinal);
    }

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private bool IsChineseStart(string t, int i)
    {
        var c = t[i];
        if (i > 0 && ChineseNumeral.IsNumeralChar(t[i - 1])) return false;
        if (ChineseNumeral.IsDigit(c)) return true;
        if (c == '十') return i == 0 || !VagueBeforeTen.Contains(t[i - 1], StringComparison.Ordinal);
        // 百余, 千余, 万余: a bare order of magnitude before 余/多 (千家万户 stays a phrase).
        return c is '百' or '千' or '万' && (i == 0 || !VagueBeforeTen.Contains(t[i - 1], StringComparison.Ordinal))
            && MatchWord(t, i + 1, _lex.ApproximateAfter) is not null;
    }

    private bool IsNumberStart(string t, int i) => IsArabicStart(t, i) || IsMinusStart(t, i) || IsChineseStart(t, i);

    private readonly record struct Num(int Start, int End, decimal Value, bool Chinese, bool HasDecimals, int IntDigits);

    private static Num? ReadNumber(string t, int i)
    {
        if (i >= t.Length) return null;
        if (t[i] == '-' && i + 1 < t.Length && char.IsAsciiDigit(t[i + 1]))
            return ReadNumber(t, i + 1) is { } n ? n with { Start = i, Value = -n.Value } : null;
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
                else if (c == '.' && !hasDot && j + 1 < t.Length && char.IsAsciiDigit(t[j + 1])) { digits.Append('.'); hasDot = true; j++; }
                else break;
            }
            if (!decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v))
                return null;
            return new Num(i, j, v, false, hasDot, intDigits);
        }
        if (ChineseNumeral.IsNumeralChar(t[i]))
        {
            var j = i;
            while (j < t.Length && ChineseNumeral.IsNumeralChar(t[j])) j++;
            var v = ChineseNumeral.Parse(t.AsSpan(i, j - i));
            if (v is null) return null;
            return new Num(i, j, v.Value, true, false, 0);
        }
        return null;
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
    }

    /// <summary>Reads number, approximation, multiplier, approximation, unit.</summary>
    private Parsed? ReadFigure(string t, int i, out Num num)
    {
        var n = ReadNumber(t, i);
        num = n ?? default;
        if (n is null) return null;
        var p = n.Value.End;
        var value = n.Value.Value;
        var approx = false;
        // A Chinese numeral has taken in its own 万/亿 (两万); a multiplier can follow it only after 余 (十余万).
        var multiplied = n.Value.Chinese && t.AsSpan(n.Value.Start, n.Value.End - n.Value.Start).IndexOfAny("万亿") >= 0;
        if (MatchWord(t, p, _lex.ApproximateAfter) is { } a1) { approx = true; p += a1.Length; }
        var unit = MatchUnit(t, p);
        if (unit is null && MatchMultiplier(t, p) is { } m)
        {
            value *= m.Factor;
            multiplied = true;
            p += m.Text.Length;
            if (MatchWord(t, p, _lex.ApproximateAfter) is { } a2) { approx = true; p += a2.Length; }
            unit = MatchUnit(t, p);
        }
        if (unit is { } u) p = u.End;
        return new Parsed { Value = value, End = p, Unit = unit?.Unit, Approx = approx, Multiplied = multiplied };
    }

    /// <param name="t">The text.</param>
    /// <param name="i">Where the number starts.</param>
    /// <param name="floor">The end of the previous quantity: words before the number are never taken from it.</param>
    private Quantity? TryParseAt(string t, int i, int floor)
    {
        var first = ReadFigure(t, i, out var num);
        if (first is null) return null;
        // Numbers glued to Latin letters are names (PM2.5, G20, 5G, 4A, COVID-19), not figures.
        // A minus needs a unit (增长-2.1%); a dash before a bare number is part of a name (歼-35).
        if (first.Unit is null && (t[i] == '-' || (i > 0 && t[i - 1] == '-' && IsMinusStart(t, i - 1)))) return null;
        if (i > 0 && char.IsAsciiLetter(t[i - 1])) return null;
        if (i >= 2 && t[i - 1] == '-' && char.IsAsciiLetter(t[i - 2])) return null;
        if (first.Unit is null && num.End < t.Length && char.IsAsciiLetter(t[num.End])) return null;
        if (num.Chinese)
        {
            // 一批, 一起, 一次性: set phrases count nothing; “四个意识”: a quoted slogan.
            foreach (var phrase in _lex.SetPhrases)
                if (t.AsSpan(i).StartsWith(phrase, StringComparison.Ordinal)) return null;
            if (i > 0 && OpeningQuotes.Contains(t[i - 1], StringComparison.Ordinal)) return null;
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
        if (p < t.Length && (t[p] is '-' or '~' or '至' or '到') && p + 1 < t.Length && IsRangeSecondStart(t, p + 1))
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

        // A Chinese numeral counts only with a unit: 三大攻坚战 and 三区三线 are names.
        if (num.Chinese && unit is null && !dateRange) return null;

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

        var span = SourceSpan.FromBounds(start, p);
        return new Quantity
        {
            Span = span,
            CoreSpan = SourceSpan.FromBounds(coreStart, coreEnd),
            Text = t.Substring(span.Start, span.Length),
            Kind = kind,
            Value = Tidy(value),
            Low = Tidy(low),
            High = Tidy(high),
            Unit = unit?.Unit,
            Bound = bound,
            BoundText = bound == BoundKind.Range && boundText is null ? null : boundText,
            Approximate = approx,
            Estimate = kind == QuantityKind.Figure && HasEstimateWord(t, start),
            Period = kind == QuantityKind.Figure ? FindPeriod(t, start) : null,
            Decrease = kind == QuantityKind.Figure && HasDecreaseVerb(t, i),
        };
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
        foreach (var w in _lex.DecreaseWords)
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
