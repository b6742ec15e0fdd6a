namespace GovTextExtract.Evaluation;

/// <summary>Tolerances of the <see cref="Scorer"/>. The defaults are the corpus README's scoring rule.</summary>
public sealed record ScoringOptions
{
    /// <summary>The default options.</summary>
    public static ScoringOptions Default { get; } = new();

    /// <summary>How far a predicted value may stand from the gold value, as a fraction of the gold value.
    /// Default 0.005 (0.5 %); the boundary itself agrees.</summary>
    public decimal RelativeTolerance { get; init; } = 0.005m;

    /// <summary>Where the gold value is 0 a relative tolerance means nothing: the predicted value must lie within this
    /// absolute distance of 0. Default 0.005.</summary>
    public decimal ZeroTolerance { get; init; } = 0.005m;
}
