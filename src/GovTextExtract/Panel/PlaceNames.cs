using System.Text.RegularExpressions;

namespace GovTextExtract.Panel;

/// <summary>Normalises the place a report's title names and gives its administrative level (panel.json, places).</summary>
internal sealed class PlaceNames
{
    private readonly PanelLexicon _lex;
    private readonly Dictionary<string, string> _provinceByForm = new(StringComparer.Ordinal);
    private readonly string[] _provinceFormsLongestFirst;

    public PlaceNames(PanelLexicon lexicon)
    {
        _lex = lexicon;
        foreach (var full in lexicon.Provinces)
        {
            _provinceByForm[full] = full;
            var suffix = lexicon.ProvinceSuffixes.FirstOrDefault(s => full.Length > s.Length + 1 && full.EndsWith(s, StringComparison.Ordinal));
            if (suffix is not null) _provinceByForm.TryAdd(full[..^suffix.Length], full);
        }
        _provinceFormsLongestFirst = _provinceByForm.Keys.OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).ToArray();
    }

    public static PlaceNames Default { get; } = new(PanelLexicon.Default);

    private const int OpeningLines = 8;

    // "黄石市人民政府", "海拉尔区人民政府区长": the government whose report it is, in the opening lines.
    private static readonly Regex Government = new(
        @"(?<place>\p{IsCJKUnifiedIdeographs}{2,16}?)人民政府",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The place the opening lines name as the reporting government (XX市人民政府), or null: for a title
    /// that names no place of its own (政府工作报告; 全市 takes the document's city).</summary>
    public string? OpeningPlace(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            foreach (var line in text.Split('\n', OpeningLines + 1).Take(OpeningLines))
            {
                var compact = line.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);
                if (compact.Length > 80) continue;
                foreach (Match m in Government.Matches(compact))
                {
                    var name = m.Groups["place"].Value;
                    // "在海拉尔区人民政府…": a leading preposition is no part of the name.
                    if (name.StartsWith('在')) name = name[1..];
                    if (Normalize(name) is { Place: not null, Level: not null }) return name;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological line: no place.
        }
        return null;
    }

    /// <summary>The normalised place and its level (national, province, prefecture, county, or null when the name
    /// gives none), or (null, null) for no name or a word such as 全市 that names no place of its own.</summary>
    public (string? Place, string? Level) Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return (null, null);
        var n = name.Trim();
        // "武汉市人民政府工作报告" reads as the place 武汉市人民 before 政府工作报告: the government is no part of the name.
        foreach (var government in new[] { "人民政府", "人民" })
            if (n.Length > government.Length + 1 && n.EndsWith(government, StringComparison.Ordinal)) n = n[..^government.Length];
        if (_lex.GenericWords.Contains(n, StringComparer.Ordinal)) return (null, null);
        if (n == _lex.NationalName || _lex.NationalWords.Contains(n, StringComparer.Ordinal)) return (_lex.NationalName, "national");
        if (_provinceByForm.TryGetValue(n, out var province)) return (province, "province");
        // A chain of units (湖北省黄冈市, 呼伦贝尔市海拉尔区): the place is its last unit.
        var rest = StripProvince(n);
        rest = StripLeadingUnit(rest);
        if (rest.Length < 2) rest = n;
        return (rest, LevelOf(rest));
    }

    private string StripProvince(string n)
    {
        foreach (var form in _provinceFormsLongestFirst)
            if (n.Length > form.Length + 1 && n.StartsWith(form, StringComparison.Ordinal)) return n[form.Length..];
        return n;
    }

    /// <summary>呼伦贝尔市海拉尔区 → 海拉尔区: a prefecture before a county-level unit.</summary>
    private string StripLeadingUnit(string n)
    {
        if (LevelOf(n) != "county") return n;
        foreach (var suffix in _lex.PrefectureSuffixes)
        {
            var i = n.IndexOf(suffix, StringComparison.Ordinal);
            // The prefecture name has at least two characters before its suffix, the county at least two after it.
            if (i >= 2 && n.Length - (i + suffix.Length) >= 2 && LevelOf(n[(i + suffix.Length)..]) == "county")
                return n[(i + suffix.Length)..];
        }
        return n;
    }

    private string? LevelOf(string n)
    {
        // The longest suffix decides: 自治县 before 县, 自治州 before 州; a county suffix of more characters wins.
        var county = _lex.CountySuffixes.FirstOrDefault(s => n.Length > s.Length && n.EndsWith(s, StringComparison.Ordinal));
        var prefecture = _lex.PrefectureSuffixes.FirstOrDefault(s => n.Length > s.Length && n.EndsWith(s, StringComparison.Ordinal));
        if (county is null && prefecture is null) return null;
        if (prefecture is null) return "county";
        if (county is null) return "prefecture";
        return county.Length >= prefecture.Length ? "county" : "prefecture";
    }
}
