using GovTextExtract.Records;

namespace GovTextExtract.Evaluation;

/// <summary>Scores predicted records against gold records by the corpus README's rule.</summary>
/// <remarks>
/// <para>A predicted record matches a gold record when every numeric <c>value</c> the gold gives (target, actual)
/// agrees within <see cref="ScoringOptions.RelativeTolerance"/> (a gold 0 within
/// <see cref="ScoringOptions.ZeroTolerance"/>); a null gold value, or a null gold target or actual, imposes nothing.
/// Where the gold has no target, its <c>reported_rate</c>, when it gives one, must agree as well.</para>
/// <para>Matching is one-to-one and greedy: of all agreeing pairs, those whose indicators share more text are taken
/// first, then those whose gold record is required, then the closest values, then document order.</para>
/// <para>Precision = matched required / (predictions − predictions matched to optional gold);
/// recall = matched required / required gold; status accuracy over the matched required pairs.</para>
/// </remarks>
public static class Scorer
{
    /// <summary>Scores one set of predictions against one set of gold records.</summary>
    public static ScoringResult Score(
        IReadOnlyList<CompletionRecord> gold, IReadOnlyList<CompletionRecord> predicted, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        options ??= ScoringOptions.Default;

        var candidates = new List<Candidate>();
        for (var g = 0; g < gold.Count; g++)
        {
            for (var p = 0; p < predicted.Count; p++)
            {
                if (Matches(gold[g], predicted[p], options))
                    candidates.Add(new Candidate(g, p, IndicatorOverlap(gold[g].Indicator, predicted[p].Indicator),
                        gold[g].Optional, Distance(gold[g], predicted[p])));
            }
        }
        candidates.Sort(static (a, b) =>
        {
            var c = b.Overlap.CompareTo(a.Overlap);
            if (c == 0) c = a.Optional.CompareTo(b.Optional);
            if (c == 0) c = a.Distance.CompareTo(b.Distance);
            if (c == 0) c = a.Gold.CompareTo(b.Gold);
            if (c == 0) c = a.Predicted.CompareTo(b.Predicted);
            return c;
        });

        var goldTaken = new bool[gold.Count];
        var predictedTaken = new bool[predicted.Count];
        var matches = new List<RecordMatch>();
        foreach (var c in candidates)
        {
            if (goldTaken[c.Gold] || predictedTaken[c.Predicted])
                continue;
            goldTaken[c.Gold] = predictedTaken[c.Predicted] = true;
            matches.Add(new RecordMatch(c.Gold, c.Predicted, c.Optional,
                gold[c.Gold].Status == predicted[c.Predicted].Status, c.Overlap));
        }
        matches.Sort(static (a, b) => a.GoldIndex.CompareTo(b.GoldIndex));

        var required = matches.Where(m => !m.Optional).ToArray();
        var optionalGold = gold.Count(r => r.Optional);
        return new ScoringResult
        {
            Matches = matches,
            Score = new Score
            {
                Gold = gold.Count - optionalGold,
                OptionalGold = optionalGold,
                Predicted = predicted.Count,
                Matched = required.Length,
                MatchedOptional = matches.Count - required.Length,
                StatusCorrect = required.Count(m => m.StatusAgrees),
                NameOverlap = required.Sum(m => m.NameOverlap),
            },
        };
    }

    /// <summary>True when a predicted record satisfies everything numeric the gold record gives.</summary>
    public static bool Matches(CompletionRecord gold, CompletionRecord predicted, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        options ??= ScoringOptions.Default;
        if (gold.Target?.Value is { } target && !Agrees(target, predicted.Target?.Value, options))
            return false;
        if (gold.Actual?.Value is { } actual && !Agrees(actual, predicted.Actual?.Value, options))
            return false;
        if (gold.Target is null && gold.ReportedRate is { } rate && !Agrees(rate, predicted.ReportedRate, options))
            return false;
        return true;
    }

    /// <summary>True when <paramref name="predicted"/> lies within the tolerance of <paramref name="gold"/>.</summary>
    public static bool Agrees(decimal gold, decimal? predicted, ScoringOptions? options = null)
    {
        if (predicted is not { } p)
            return false;
        options ??= ScoringOptions.Default;
        var allowed = gold == 0 ? options.ZeroTolerance : Math.Abs(gold) * options.RelativeTolerance;
        return Math.Abs(p - gold) <= allowed;
    }

    // The scorer keeps its own measure rather than Pairing/IndicatorSimilarity: tuning the extractor's similarity
    // must never move the score that judges it.

    /// <summary>How much of two indicator names is shared: the Dice coefficient of their character bigrams
    /// (of their characters, for names of one character), 0..1, read in simplified characters (a gold 國內生產總值
    /// and a predicted 国内生产总值 are one name).</summary>
    public static double IndicatorOverlap(string gold, string predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var a = Grams(Normalization.ChineseScript.ToSimplified(gold, traditionalDocument: true));
        var b = Grams(Normalization.ChineseScript.ToSimplified(predicted, traditionalDocument: true));
        if (a.Count == 0 || b.Count == 0)
            return 0;
        var remaining = b.GroupBy(x => x).ToDictionary(x => x.Key, x => x.Count());
        var shared = 0;
        foreach (var gram in a)
        {
            if (remaining.TryGetValue(gram, out var n) && n > 0)
            {
                remaining[gram] = n - 1;
                shared++;
            }
        }
        return 2.0 * shared / (a.Count + b.Count);
    }

    private static List<string> Grams(string s)
    {
        s = string.Concat(s.Where(c => !char.IsWhiteSpace(c)));
        if (s.Length < 2)
            return s.Length == 0 ? [] : [s];
        var grams = new List<string>(s.Length - 1);
        for (var i = 0; i + 1 < s.Length; i++)
            grams.Add(s.Substring(i, 2));
        return grams;
    }

    // Relative distance of the gold's values, so that among equal overlaps the closer figures pair first.
    private static decimal Distance(CompletionRecord gold, CompletionRecord predicted) =>
        Relative(gold.Target?.Value, predicted.Target?.Value) + Relative(gold.Actual?.Value, predicted.Actual?.Value);

    private static decimal Relative(decimal? gold, decimal? predicted) =>
        gold is { } g && predicted is { } p ? (g == 0 ? Math.Abs(p) : Math.Abs(p - g) / Math.Abs(g)) : 0;

    private readonly record struct Candidate(int Gold, int Predicted, double Overlap, bool Optional, decimal Distance);
}
