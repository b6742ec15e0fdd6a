using GovTextExtract.Pairing.Features;

namespace GovTextExtract.Pairing.Scoring;

/// <summary>Collects the candidates a pairer considered during one call, with their feature vectors, so that
/// training sees exactly what prediction sees. One log per call: it is not thread-safe.</summary>
internal sealed class CandidateLog
{
    private readonly List<LoggedCandidate> _items = [];

    /// <summary>The candidates, in the order they were considered.</summary>
    public IReadOnlyList<LoggedCandidate> Items => _items;

    /// <summary>Adds a candidate.</summary>
    public void Add(PairCandidate candidate, float[] features) => _items.Add(new LoggedCandidate(candidate, features));
}

/// <summary>A candidate and its feature vector.</summary>
internal sealed record LoggedCandidate(PairCandidate Candidate, float[] Features);

/// <summary>One-to-one assignment of actuals to targets.</summary>
internal static class PairAssignment
{
    /// <summary>Greedy by probability: the likeliest pair first, then the next whose target and actual are both
    /// free; pairs below <paramref name="threshold"/> are never taken. Ties go to the higher rule score, then to
    /// the earlier actual, so the result does not depend on the order candidates were listed.</summary>
    /// <returns>For each target index, the index of its candidate, or -1.</returns>
    public static int[] Greedy<TActual>(int targetCount, IReadOnlyList<(int Target, TActual Actual, double Probability, double RuleScore, int Order)> candidates,
        double threshold) where TActual : notnull
    {
        var chosen = Enumerable.Repeat(-1, targetCount).ToArray();
        var taken = new HashSet<TActual>();
        var order = Enumerable.Range(0, candidates.Count)
            .OrderByDescending(i => candidates[i].Probability)
            .ThenByDescending(i => candidates[i].RuleScore)
            .ThenBy(i => candidates[i].Order)
            .ThenBy(i => candidates[i].Target);
        foreach (var i in order)
        {
            var c = candidates[i];
            if (c.Probability < threshold) break;
            if (chosen[c.Target] >= 0 || taken.Contains(c.Actual)) continue;
            chosen[c.Target] = i;
            taken.Add(c.Actual);
        }
        return chosen;
    }
}
