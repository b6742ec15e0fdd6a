using GovTextExtract.Lexicons;
using GovTextExtract.Loading;

namespace GovTextExtract;

/// <summary>Options of an <see cref="ExtractionPipeline"/>. Every default is the documented one.</summary>
public sealed record ExtractionOptions
{
    /// <summary>The default options.</summary>
    public static ExtractionOptions Default { get; } = new();

    /// <summary>How files are loaded (size cap, forced encoding). Default: <see cref="LoadOptions.Default"/>.</summary>
    public LoadOptions Load { get; init; } = LoadOptions.Default;

    /// <summary>The lexicons; null (default) uses the embedded <see cref="LexiconSet.Default"/>.</summary>
    public LexiconSet? Lexicons { get; init; }

    /// <summary>Records whose confidence is below this are dropped. Default 0 (keep all).</summary>
    public double MinConfidence { get; init; }

    /// <summary>Tolerance, in percent of the target, within which an actual counts as equal to it (met). Default 0:
    /// documents state both figures at their own precision, and 7630万 against 7600万 is better, not equal.</summary>
    public decimal MetTolerancePercent { get; init; }
}
