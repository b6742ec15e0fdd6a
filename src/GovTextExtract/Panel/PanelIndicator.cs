using GovTextExtract.CrossYear;

namespace GovTextExtract.Panel;

/// <summary>A canonical indicator of the research panel: one measure (level, growth, change in points) of one
/// indicator group of the cross-year lexicon (<c>models/lexicons/cross-year.json</c>).</summary>
/// <param name="Id">Stable snake_case id: the group's id for its level, <c>_growth</c> after it for its growth,
/// <c>_points</c> for a change in percentage points (gdp, gdp_growth, cpi, surveyed_unemployment).</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="NameEn">English name.</param>
/// <param name="Unit">Unit of the values (元, 人, 斤, %, 个百分点).</param>
/// <param name="Better"><c>higher</c> or <c>lower</c>: the direction in which the indicator improves.</param>
/// <param name="Measure"><c>level</c>, <c>growth</c> or <c>points</c>.</param>
/// <param name="Group">The Chinese name of the lexicon group it belongs to.</param>
public sealed record PanelIndicator(string Id, string NameZh, string NameEn, string Unit, string Better, string Measure, string Group);

/// <summary>The canonical indicators, derived from the groups of the cross-year lexicon.</summary>
internal static class PanelIndicators
{
    private static readonly Lazy<IReadOnlyList<PanelIndicator>> DefaultList = new(() => Of(CrossYearLexicon.Default));

    public static IReadOnlyList<PanelIndicator> Default => DefaultList.Value;

    /// <summary>Every canonical indicator of a lexicon, in the lexicon's group order.</summary>
    /// <exception cref="FormatException">A group lacks its id, English name, unit or direction, or two ids collide.</exception>
    public static IReadOnlyList<PanelIndicator> Of(CrossYearLexicon lexicon)
    {
        var list = new List<PanelIndicator>();
        foreach (var g in lexicon.Groups)
        {
            if (g.Id is null || g.NameEn is null || g.Unit is null || g.Better is not ("higher" or "lower"))
                throw new FormatException($"cross-year.json: the group {g.Name} lacks its id, name_en, unit or better (higher/lower)");
            list.Add(new PanelIndicator(g.Id, g.Name, g.NameEn, g.Unit, g.Better, "level", g.Name));
            switch (g.Kind)
            {
                case IndicatorKind.Flow or IndicatorKind.Count:
                    list.Add(new PanelIndicator(g.Id + "_growth", g.Name + "增长", g.NameEn + " growth", "%", g.Better, "growth", g.Name));
                    break;
                case IndicatorKind.Rate:
                    list.Add(new PanelIndicator(g.Id + "_points", g.Name + "变化", "Change in " + Lower(g.NameEn) + " (percentage points)",
                        "个百分点", g.Better, "points", g.Name));
                    break;
            }
        }
        var duplicate = list.GroupBy(i => i.Id, StringComparer.Ordinal).FirstOrDefault(x => x.Count() > 1);
        if (duplicate is not null) throw new FormatException($"cross-year.json: the indicator id {duplicate.Key} is given twice");
        return list;
    }

    private static string Lower(string s) => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s[1..] : s;

    /// <summary>The canonical id of a figure of a group, or null when the panel has no such measure.</summary>
    public static string? IdOf(IndicatorGroup group, Measure measure)
    {
        if (group.Id is null) return null;
        return (group.Kind, measure) switch
        {
            (IndicatorKind.Rate or IndicatorKind.Reduction, Measure.Level or Measure.Growth) => group.Id,
            (IndicatorKind.Rate, Measure.Points) => group.Id + "_points",
            (IndicatorKind.Flow or IndicatorKind.Count, Measure.Level) => group.Id,
            (IndicatorKind.Flow or IndicatorKind.Count, Measure.Growth) => group.Id + "_growth",
            _ => null,
        };
    }
}
