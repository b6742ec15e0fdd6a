namespace GovTextExtract.Evaluation;

/// <summary>The counts of one scoring (one document, or a sum of documents) and the measures derived from them.</summary>
/// <remarks>Summing the counts of several documents and deriving the measures from the sums gives micro-averaged
/// totals. A measure whose denominator is 0 is 1 when nothing was to be found and nothing spurious was predicted,
/// and 0 otherwise; status accuracy is null when no required gold record was matched.</remarks>
public sealed record Score
{
    /// <summary>An empty score: the starting point of a sum.</summary>
    public static Score Zero { get; } = new();

    /// <summary>Gold records that must be found (not optional).</summary>
    public int Gold { get; init; }

    /// <summary>Optional gold records: neither required nor counted as spurious when matched.</summary>
    public int OptionalGold { get; init; }

    /// <summary>Predicted records.</summary>
    public int Predicted { get; init; }

    /// <summary>Predicted records matched to a required gold record.</summary>
    public int Matched { get; init; }

    /// <summary>Predicted records matched to an optional gold record.</summary>
    public int MatchedOptional { get; init; }

    /// <summary>Matched required pairs whose predicted status equals the gold status.</summary>
    public int StatusCorrect { get; init; }

    /// <summary>The sum, over matched required pairs, of how much of the gold indicator name the predicted one shares
    /// (<see cref="Scorer.IndicatorOverlap"/>, 0..1).</summary>
    public double NameOverlap { get; init; }

    /// <summary>The mean indicator-name overlap of the matched required pairs (1: every name as the gold writes it);
    /// null when none was matched.</summary>
    public double? NameAgreement => Matched == 0 ? null : NameOverlap / Matched;

    /// <summary>Predictions that count: all of them less those matched to optional gold records.</summary>
    public int CountedPredictions => Predicted - MatchedOptional;

    /// <summary>Matched / counted predictions.</summary>
    public double Precision => Ratio(Matched, CountedPredictions);

    /// <summary>Matched / required gold records.</summary>
    public double Recall => Ratio(Matched, Gold);

    /// <summary>The harmonic mean of precision and recall (0 when both are 0).</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Status-correct / matched required pairs; null when none was matched.</summary>
    public double? StatusAccuracy => Matched == 0 ? null : (double)StatusCorrect / Matched;

    /// <summary>The sum of two scores' counts.</summary>
    public static Score operator +(Score left, Score right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return new Score
        {
            Gold = left.Gold + right.Gold,
            OptionalGold = left.OptionalGold + right.OptionalGold,
            Predicted = left.Predicted + right.Predicted,
            Matched = left.Matched + right.Matched,
            MatchedOptional = left.MatchedOptional + right.MatchedOptional,
            StatusCorrect = left.StatusCorrect + right.StatusCorrect,
            NameOverlap = left.NameOverlap + right.NameOverlap,
        };
    }

    /// <summary>The sum of many scores' counts.</summary>
    public static Score Sum(IEnumerable<Score> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Aggregate(Zero, (a, b) => a + b);
    }

    // Nothing to find and nothing spurious is a perfect score; otherwise an empty denominator means nothing was got.
    private double Ratio(int numerator, int denominator) =>
        denominator != 0 ? (double)numerator / denominator
        : Gold == 0 && CountedPredictions == 0 ? 1 : 0;
}

/// <summary>One gold record paired with one predicted record.</summary>
/// <param name="GoldIndex">Index of the gold record.</param>
/// <param name="PredictedIndex">Index of the predicted record.</param>
/// <param name="Optional">True when the gold record is optional (the pair counts neither way).</param>
/// <param name="StatusAgrees">True when the predicted status equals the gold status.</param>
/// <param name="NameOverlap">How much of the gold indicator name the predicted one shares, 0..1.</param>
public sealed record RecordMatch(int GoldIndex, int PredictedIndex, bool Optional, bool StatusAgrees, double NameOverlap = 0);

/// <summary>The outcome of scoring one set of predictions against one set of gold records.</summary>
public sealed record ScoringResult
{
    /// <summary>The counts and measures.</summary>
    public required Score Score { get; init; }

    /// <summary>The one-to-one pairs found, in gold order.</summary>
    public required IReadOnlyList<RecordMatch> Matches { get; init; }
}
