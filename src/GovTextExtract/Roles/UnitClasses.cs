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
