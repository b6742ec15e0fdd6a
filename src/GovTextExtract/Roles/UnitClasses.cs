using GovTextExtract.Quantities;
using GovTextExtract.Status;

namespace GovTextExtract.Roles;

/// <summary>Classifies a quantity's unit for the rules and the features.</summary>
internal static class UnitClasses
{
    private static readonly HashSet<string> Currencies = ["元", "美元", "港元", "欧元", "日元", "英镑"];

    /// <summary>The class of a canonical unit.</summary>
    public static UnitClass Of(string? unit) => unit switch
    {
        null or "" => UnitClass.Bare,
        "%" or "‰" => UnitClass.Percent,
        "个百分点" => UnitClass.Points,
        _ when Currencies.Contains(unit) => UnitClass.Money,
        _ when StatusEvaluator.IsCountUnit(unit) => UnitClass.Count,
        "人" or "人次" or "名" or "口" or "位" => UnitClass.Count,
        _ => UnitClass.Measure,
    };

    /// <summary>The class of a quantity's unit.</summary>
    public static UnitClass Of(Quantity q) => Of(q.Unit);

    /// <summary>True when the units of a target and a result compare (equal, both counts, or either bare; a
    /// percentage only with a percentage, points only with points).</summary>
    public static bool Compatible(Documents.Mention target, Documents.Mention actual)
    {
        var a = Of(target.Quantity);
        var b = Of(actual.Quantity);
        if (a == UnitClass.Bare || b == UnitClass.Bare) return true;
        if (a is UnitClass.Percent or UnitClass.Points || b is UnitClass.Percent or UnitClass.Points) return a == b;
        if (a == UnitClass.Count && b == UnitClass.Count) return CountsCompare(target.Quantity.Unit!, actual.Quantity.Unit!);
        return StatusEvaluator.UnitsCompatible(target.Quantity.Unit, actual.Quantity.Unit);
    }

    /// <summary>Two counting classifiers count the same things when they are one word, when either is the general
    /// 个, or when both count units of organisation (家, 户): 2个 示范基地 against 7家 compare, 602个 against 7419座 do not.</summary>
    public static bool CountsCompare(string a, string b) =>
        a == b || a == "个" || b == "个" || (OrganisationCounts.Contains(a) && OrganisationCounts.Contains(b))
        || (PeopleCounts.Contains(a) && PeopleCounts.Contains(b));

    private static readonly HashSet<string> OrganisationCounts = ["家", "户"];
    private static readonly HashSet<string> PeopleCounts = ["人", "名", "位"];

    /// <summary>The name a rule file uses for a class.</summary>
    public static string Name(UnitClass c) => c switch
    {
        UnitClass.Bare => "bare",
        UnitClass.Percent => "percent",
        UnitClass.Points => "points",
        UnitClass.Money => "money",
        UnitClass.Count => "count",
        _ => "measure",
    };
}
