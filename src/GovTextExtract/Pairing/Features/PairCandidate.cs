namespace GovTextExtract.Pairing.Features;

/// <summary>Which rule proposed a candidate. The ML scorer sees it as a feature, so a rule that is right less often
/// can earn less trust.</summary>
internal enum CandidateSource
{
    /// <summary>A target of an item's task sentence against a figure of its results (circular).</summary>
    Item,
    /// <summary>"增长8.1%(目标8%)": the target in brackets after the actual (circular).</summary>
    Inline,
    /// <summary>"计划X，已完成Y" in one breath (circular).</summary>
    PlanCompletion,
    /// <summary>A target derived from "比目标高出1.6个百分点" (circular).</summary>
    Derived,
    /// <summary>An actual with a stated completion rate and no stated target (circular).</summary>
    RateOnly,
    /// <summary>A target counted over levels, reported as parts per level (circular).</summary>
    PartsSum,
    /// <summary>A year-N main target against a figure of the year-N+1 review (cross-year).</summary>
    CrossYear,
    /// <summary>"新增就业5.2万人，超过4.5万人的目标": a target named in a comparison with its actual (circular).</summary>
    Named,
    /// <summary>"新增45家，年度目标40家": a figure a plan word names as the target beside a reported one (circular).</summary>
    Cued,
}

/// <summary>One candidate pairing of a target with an actual (and a stated rate), described in words and numbers
/// that mean the same in both genres. <see cref="PairFeatures"/> turns it into the classifier's feature vector.</summary>
internal sealed record PairCandidate
{
    /// <summary>The rule that proposed it.</summary>
    public required CandidateSource Source { get; init; }

    /// <summary>The target's indicator name (empty when there is no stated target).</summary>
    public required string TargetIndicator { get; init; }

    /// <summary>The words that name what the actual is about: its clause before the figure, and the noun after it.</summary>
    public required string ActualContext { get; init; }

    /// <summary>The text between the target and the actual when they stand in one document (empty otherwise, or
    /// when they are far apart); with <see cref="ActualContext"/> it is where cue words are looked for.</summary>
    public string Between { get; init; } = "";

    /// <summary>Target value (as the record gives it), or null.</summary>
    public decimal? TargetValue { get; init; }

    /// <summary>Target unit, or null.</summary>
    public string? TargetUnit { get; init; }

    /// <summary>True when the target has a stated figure (false for a rate-only or derived target).</summary>
    public bool HasTarget { get; init; }

    /// <summary>Actual value (as the record gives it), or null.</summary>
    public decimal? ActualValue { get; init; }

    /// <summary>Multiplies the actual into the target's unit (万元 against 亿元); 1 when the units agree.</summary>
    public decimal ActualFactor { get; init; } = 1m;

    /// <summary>Actual unit, or null where the source lost it.</summary>
    public string? ActualUnit { get; init; }

    /// <summary>The completion rate the text states for this actual, or null.</summary>
    public decimal? StatedRate { get; init; }

    /// <summary>Both figures in one sentence.</summary>
    public bool SameSentence { get; init; }

    /// <summary>Both figures in one numbered item or paragraph.</summary>
    public bool SameItem { get; init; }

    /// <summary>Both figures under one section heading of one document.</summary>
    public bool SameSection { get; init; }

    /// <summary>Characters from the target to the actual in one document; null across documents.</summary>
    public int? Distance { get; init; }

    /// <summary>How far the target's place among its item's targets is from the actual's place among the
    /// candidate actuals (0 = same relative position, 1 = opposite ends).</summary>
    public double OrderDelta { get; init; }

    /// <summary>How many candidate actuals the target has (itself included).</summary>
    public int Competitors { get; init; } = 1;

    /// <summary>The actual is an expectation (预计).</summary>
    public bool Estimate { get; init; }

    /// <summary>The actual covers part of the period only (1-11月).</summary>
    public bool PartialPeriod { get; init; }

    /// <summary>The actual is approximate or bounded (近, 突破, 以上).</summary>
    public bool Approximate { get; init; }

    /// <summary>The actual is a year-end level (年末).</summary>
    public bool YearEnd { get; init; }

    /// <summary>The actual comes from outside the part of the text that reports on the period (a plan-period review).</summary>
    public bool OutsidePeriod { get; init; }

    /// <summary>The actual's name was inherited from an earlier clause rather than written before it.</summary>
    public bool Inherited { get; init; }

    /// <summary>The rules' own score of the candidate, 0..1.</summary>
    public required double RuleScore { get; init; }

    /// <summary>True when the rules alone would pick this candidate.</summary>
    public required bool RuleChoice { get; init; }
}
