namespace GovTextExtract.Links;

/// <summary>What a link ties to a result (an actual).</summary>
public enum LinkKind
{
    /// <summary>A stated completion rate measures the actual.</summary>
    Rate = 0,
    /// <summary>A target the actual is reported against.</summary>
    Target = 1,
    /// <summary>A difference between the actual and its target.</summary>
    Difference = 2,
}

/// <summary>A candidate link: <see cref="From"/> (a rate, target or difference mention) to <see cref="To"/> (an
/// actual mention), by index into the document's mentions.</summary>
public readonly record struct LinkCandidate(LinkKind Kind, int From, int To);
