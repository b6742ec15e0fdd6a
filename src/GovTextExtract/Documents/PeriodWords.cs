using System.Text.RegularExpressions;

namespace GovTextExtract.Documents;

/// <summary>Words that name a part of the year a progress report covers: 1-10月, 1月至5月, 一至十一月, 元至6月份, 前三季度,
/// 上半年, 一季度, 前5月, 截至(2021年)8月底, 截止9月底. The twelfth month is the whole year: 1-12月 and 截至12月底
/// are none.</summary>
internal static class PeriodWords
{
    private const string Month = @"(?:1[01]|[1-9]|十一|十|[二三四五六七八九])";

    private static readonly Regex Pattern = new(
        @"(?:(?:1|一|元)\s*(?:月\s*)?[-~至到]\s*" + Month + @"\s*月(?:份)?" +
        @"|截[至止]\s*(?:[0-9]{4}\s*年\s*)?" + Month + @"\s*月(?:底|末|份|[0-9]{1,2}日)?" +
        @"|前三季度|上半年|前(?:[一二三四五六七八九十]+|[0-9]{1,2})(?:个)?月|(?:第)?[一二三]季度|前两个季度)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The last period phrase in <paramref name="text"/>, or null.</summary>
    public static string? Find(string text)
    {
        string? found = null;
        foreach (Match m in Pattern.Matches(text)) found = m.Value;
        return found;
    }

    private static readonly Regex WholeYear = new(@"全年(?!(?:的)?(?:目标|任务|计划|指标|预算))|1\s*-\s*12\s*月|截[至止]\s*(?:[0-9]{4}\s*年\s*)?12\s*月",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>True when the text speaks of the whole year (全年实现…, 1-12月), not of the year's target
    /// (全年目标任务): a figure so placed is no partial-period figure.</summary>
    public static bool NamesWholeYear(string text) => WholeYear.IsMatch(text);
}
