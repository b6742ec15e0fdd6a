namespace GovTextExtract.Pairing.Scoring;

/// <summary>How candidate pairs of a target and an actual are scored before one-to-one assignment.</summary>
public enum PairScorerKind
{
    /// <summary>Hand-written rules: indicator overlap, units, magnitude and order, weighed by fixed weights.</summary>
    Rules,
    /// <summary>The trained classifier (<see cref="PairingModel"/>): the calibrated probability that a candidate is
    /// the right pair, over features that include the rules' own score. Falls back to <see cref="Rules"/> when no
    /// model is available.</summary>
    Ml,
}
