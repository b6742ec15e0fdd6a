namespace GovTextExtract.Roles;

/// <summary>What a figure is in a completion report.</summary>
public enum MentionRole
{
    /// <summary>None of the others: a year-on-year change, a share of a whole, a count of projects, a score.</summary>
    Other = 0,
    /// <summary>A stated target (年度目标40家, 计划新开工90个).</summary>
    Target = 1,
    /// <summary>A reported result (完成投资585.57亿元).</summary>
    Actual = 2,
    /// <summary>A completion rate the document states (为年计划的95.6%).</summary>
    Rate = 3,
    /// <summary>A difference between the result and its target (低于目标0.9个百分点).</summary>
    Difference = 4,
    /// <summary>A comparison with the time schedule (超序时进度24.9%): a flag, not a record.</summary>
    Schedule = 5,
}

/// <summary>The kind of unit a figure has, as the rules see it.</summary>
public enum UnitClass
{
    /// <summary>No unit.</summary>
    Bare,
    /// <summary>Per cent (%).</summary>
    Percent,
    /// <summary>Percentage points (个百分点).</summary>
    Points,
    /// <summary>Money (元 and other currencies).</summary>
    Money,
    /// <summary>A counting classifier (个, 家, 项 …).</summary>
    Count,
    /// <summary>Any other measure (公里, 亩, 吨 …).</summary>
    Measure,
}
