using System.Globalization;
using System.Text.RegularExpressions;

namespace GovTextExtract.CrossYear;

/// <summary>The place and year a work report is of, read from its title and first lines.</summary>
/// <param name="Place">The place (安徽省, 海拉尔区; 中华人民共和国 for the State Council's report), or null.</param>
/// <param name="Year">The year of the report (the year whose targets it sets), or null.</param>
/// <param name="Source">How the identity was found, for messages.</param>
internal sealed record ReportIdentity(string? Place, int? Year, string Source)
{
    /// <summary>The name used for the State Council's report.</summary>
    public const string National = "中华人民共和国";

    private const int HeadLines = 8;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2); // lines of at most 80 characters: a safety net only

    // "2025年安徽省政府工作报告", "海拉尔区政府工作报告——2013年2月28日…", "政 府 工 作 报 告".
    private static readonly Regex Title = new(
        @"^(?:(?<year>(?:19|20)\d{2})\s*年)?(?<place>[^\s,，。:：、\d]{0,20}?)(?:人民政府)?政府工作报告",
        RegexOptions.CultureInvariant, Timeout);

    // "——2013年2月28日在海拉尔区第十四届人民代表大会…", "2025年1月16日省长 李乐成在辽宁省第十四届…", at the start
    // of a line or after the title.
    private static readonly Regex Delivery = new(
        @"^(?:[^\t\d]{0,24}?政府工作报告)?[\s\-—–]*(?<year>(?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[^\t]{0,16}?在(?<place>[^\s\d第]{0,20}?)第[一二三四五六七八九十百]+届(?<national>全国)?",
        RegexOptions.CultureInvariant, Timeout);

    // "一、2011年工作回顾": the report of the year after.
    private static readonly Regex ReviewHeading = new(
        @"^[一二三四五六七八九十]+、\s*(?<year>(?:19|20)\d{2})\s*年工作回顾",
        RegexOptions.CultureInvariant | RegexOptions.Multiline, Timeout);

    // "2013年是全面贯彻落实党的十八大精神的开局之年", "2011年，是“十二五”开局之年".
    private static readonly Regex ThisYear = new(
        @"(?<year>(?:19|20)\d{2})年[,，]?是[^。\n]{0,60}?(?:开局|起步|关键|收官|决胜|攻坚|之)",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly string[] NationalWords = ["国务院", "全国人民代表大会", "中华人民共和国"];

    /// <summary>Reads the identity of a normalised report text.</summary>
    public static ReportIdentity Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var head = text.Split('\n', HeadLines + 1).Take(HeadLines).Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        string? place = null;
        int? year = null;
        var sources = new List<string>();
        try
        {
            foreach (var line in head)
            {
                var compact = line.Replace(" ", "", StringComparison.Ordinal);
                if (compact.Length > 80) continue;
                var m = Title.Match(compact);
                if (!m.Success) continue;
                if (year is null && m.Groups["year"].Success) year = ParseYear(m.Groups["year"].Value);
                var p = CleanPlace(m.Groups["place"].Value);
                if (place is null && p is not null) place = p;
                sources.Add("title");
                break;
            }
            foreach (var line in head)
            {
                var m = Delivery.Match(line);
                if (!m.Success) continue;
                year ??= ParseYear(m.Groups["year"].Value);
                if (place is null)
                    place = m.Groups["national"].Success ? National : CleanPlace(m.Groups["place"].Value);
                sources.Add("delivery line");
                break;
            }
            if (place is null && head.Any(l => l.Contains("代表国务院", StringComparison.Ordinal)))
            {
                place = National;
                sources.Add("opening (代表国务院)");
            }
            if (year is null && place is not null)
            {
                var m = ReviewHeading.Match(text);
                if (m.Success)
                {
                    year = ParseYear(m.Groups["year"].Value) + 1;
                    sources.Add("review heading");
                }
                else if (ThisYear.Match(text) is { Success: true } y)
                {
                    year = ParseYear(y.Groups["year"].Value);
                    sources.Add("'N年是…之年' sentence");
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological first line: leave what was found.
        }
        return new ReportIdentity(place, year, sources.Count == 0 ? "none" : string.Join(", ", sources));
    }

    private static int ParseYear(string s) => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string? CleanPlace(string raw)
    {
        var p = raw.Trim().Trim('—', '-', '《', '》', '"', '“', '”');
        if (p.Length == 0) return null;
        if (NationalWords.Any(w => p.Contains(w, StringComparison.Ordinal))) return National;
        if (p.EndsWith("人民政府", StringComparison.Ordinal)) p = p[..^4];
        // "省长某某作政府工作报告" names the speaker, not the place.
        if (p.EndsWith('作') || p.Contains("代表", StringComparison.Ordinal)) return null;
        return p.Length >= 2 ? p : null;
    }

    /// <summary>Short forms of the place that a report uses before an indicator (安徽省 → 安徽; 海拉尔区 → 海拉尔).</summary>
    public IReadOnlyList<string> PlaceForms()
    {
        if (Place is null) return [];
        var forms = new List<string> { Place };
        foreach (var suffix in new[] { "省", "市", "区", "县", "自治区", "自治州", "盟", "旗", "州" })
            if (Place.Length > suffix.Length + 1 && Place.EndsWith(suffix, StringComparison.Ordinal))
                forms.Add(Place[..^suffix.Length]);
        return forms;
    }
}
