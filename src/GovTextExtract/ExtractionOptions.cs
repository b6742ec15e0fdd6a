using GovTextExtract.Circulars;
using GovTextExtract.Lexicons;
using GovTextExtract.Loading;
using GovTextExtract.Pairing.Scoring;

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

    /// <summary>How candidate pairs of a target and an actual are scored: <see cref="PairScorerKind.Rules"/> (the
    /// hand-written rules) or <see cref="PairScorerKind.Ml"/> (the trained classifier, falling back to the rules
    /// when no model is available). Default: <see cref="PairScorerKind.Rules"/>, which scored at least as well as
    /// the classifier in leave-one-document-out cross-validation (see docs/ml.md).</summary>
    public PairScorerKind Scorer { get; init; } = PairScorerKind.Rules;

    /// <summary>With the ML scorer, a candidate pair whose calibrated probability is below this is never taken; the
    /// target then stands without an actual. Default 0.5: a pair is taken when the classifier thinks it more likely
    /// right than wrong.</summary>
    public double MlThreshold { get; init; } = 0.5;

    /// <summary>The model of the ML scorer; null (default) uses the one embedded in the library
    /// (<see cref="Pairing.Scoring.PairingModel.Embedded"/>).</summary>
    public PairingModel? PairingModel { get; init; }

    /// <summary>How circulars and progress reports are read: <see cref="CircularReaderKind.Classifier"/> (the role and
    /// link classifiers over the rules' votes, falling back to the rules when no model is available) or
    /// <see cref="CircularReaderKind.Rules"/> (the rules' votes alone). Default: the one that scored higher in
    /// cross-validation over documents (see docs/ml.md).</summary>
    public CircularReaderKind CircularReader { get; init; } = CircularReaderKind.Rules;

    /// <summary>How long the extraction of one document may run, loading apart (<see cref="LoadOptions.TimeBudget"/>
    /// bounds that): past it the document fails with an <see cref="ExtractionBudgetException"/>, checked between the
    /// stages and between the parts of a long document (<see cref="ChunkCharacters"/>), so it may run over by the time
    /// of one part (about a second). Default 5 minutes; <see cref="Timeout.InfiniteTimeSpan"/> for none. A batch
    /// records such a document as failed (<c>time_budget</c>) and goes on.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest text, in characters, that one document may have: a longer one fails at once with an
    /// <see cref="ExtractionBudgetException"/> of kind <see cref="ExtractionBudget.TooLarge"/> (a batch records
    /// <c>too_large</c> and goes on). Default 16,000,000, the default of <see cref="LoadOptions.MaxTextCharacters"/>,
    /// which stops a file while it is loaded; this one bounds text handed over directly
    /// (<see cref="ExtractionPipeline.ExtractText"/>).</summary>
    public long MaxTextCharacters { get; init; } = LoadOptions.DefaultMaxTextCharacters;

    /// <summary>Documents longer than this many characters are read part by part, each part about this long and ending
    /// at a line break, so that time and memory grow linearly with length; a target and its result in different parts
    /// are not paired. Default 200,000 characters (about 600 KB of UTF-8 Chinese text), above every report of the
    /// corpus; the audit still reads the whole document. Values below
    /// <see cref="ExtractionPipeline.MinChunkCharacters"/> count as that.</summary>
    public int ChunkCharacters { get; init; } = 200_000;

    /// <summary>The circular reader's classifiers; null (default) uses the ones embedded in the library
    /// (<see cref="Circulars.CircularModels.Embedded"/>).</summary>
    public CircularModels? CircularModels { get; init; }

    /// <summary>The classifiers the circular reader uses under these options, or null when it reads by the rules.</summary>
    internal CircularModels? ActiveCircularModels =>
        CircularReader == CircularReaderKind.Classifier ? CircularModels ?? Circulars.CircularModels.Embedded : null;

    /// <summary>The model the ML scorer uses under these options, or null when the rules score (the rules were
    /// chosen, or no model is available).</summary>
    internal PairingModel? ActiveModel => Scorer == PairScorerKind.Ml ? PairingModel ?? PairingModel.Embedded : null;
}
