using System.Text.Json;

namespace GovTextExtract.Tests.CrossYear;

/// <summary>The corpus README's scoring rule, for the cross-year gold files: a predicted record matches a gold
/// record when every numeric value the gold gives (target, actual) agrees within 0.5 % relative (and, where the
/// gold has no target, its reported_rate). Precision, recall and F1 count non-optional gold records; a prediction
/// matched to an optional gold record counts neither way. Status accuracy is over the matched non-optional
/// records.</summary>
internal static class GoldScoring
{
    public sealed record Record(string Indicator, decimal? Target, decimal? TargetLow, decimal? TargetHigh, bool HasTarget,
        decimal? Actual, bool HasActual, decimal? ReportedRate, string Status, bool Optional);

    public sealed record Score(int TruePositives, int FalsePositives, int FalseNegatives, int StatusCorrect, int StatusCounted)
    {
        public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
        public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
        public double StatusAccuracy => StatusCounted == 0 ? 1 : (double)StatusCorrect / StatusCounted;

        public static Score operator +(Score a, Score b) => new(a.TruePositives + b.TruePositives,
            a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives,
            a.StatusCorrect + b.StatusCorrect, a.StatusCounted + b.StatusCounted);

        public static Score Zero { get; } = new(0, 0, 0, 0, 0);
    }

    public static IReadOnlyList<Record> ReadRecords(JsonElement records)
    {
        var list = new List<Record>();
        foreach (var r in records.EnumerateArray())
        {
            var target = Object(r, "target");
            var actual = Object(r, "actual");
            list.Add(new Record(
                r.GetProperty("indicator").GetString() ?? "",
                target is { } t ? Number(t, "value") : null,
                target is { } tl ? Number(tl, "low") : null,
                target is { } th ? Number(th, "high") : null,
                target is not null,
                actual is { } a ? Number(a, "value") : null,
                actual is not null,
                Number(r, "reported_rate"),
                r.GetProperty("status").GetString() ?? "",
                r.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True));
        }
        return list;
    }

    private static JsonElement? Object(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    private static decimal? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null;

    public static bool Close(decimal? predicted, decimal? gold)
    {
        if (predicted is not { } p || gold is not { } g) return false;
        return p == g || Math.Abs(p - g) <= 0.005m * Math.Abs(g);
    }

    public static bool Matches(Record gold, Record predicted)
    {
        if (gold.HasTarget)
        {
            if (gold.Target is { } gt && !Close(predicted.Target, gt)) return false;
            if (gold.Target is null && gold.TargetLow is { } lo && gold.TargetHigh is { } hi
                && !(Close(predicted.TargetLow, lo) && Close(predicted.TargetHigh, hi)))
                return false;
        }
        else if (!Close(predicted.ReportedRate, gold.ReportedRate)) return false;
        if (gold.Actual is { } ga && !Close(predicted.Actual, ga)) return false;
        return true;
    }

    /// <summary>Scores one document: a maximum one-to-one matching, trying for each gold record first the
    /// predictions that agree on whether an actual exists and on the status.</summary>
    public static (Score Score, IReadOnlyDictionary<int, int> Matching) ScoreDocument(IReadOnlyList<Record> gold,
        IReadOnlyList<Record> predicted)
    {
        var candidates = gold.Select(g => Enumerable.Range(0, predicted.Count)
            .Where(j => Matches(g, predicted[j]))
            .OrderBy(j => ((g.HasActual == predicted[j].HasActual) ? 0 : 2) + (g.Status == predicted[j].Status ? 0 : 1))
            .ToArray()).ToArray();
        var owner = new Dictionary<int, int>();
        bool Augment(int i, HashSet<int> seen)
        {
            foreach (var j in candidates[i])
            {
                if (!seen.Add(j)) continue;
                if (!owner.TryGetValue(j, out var other) || Augment(other, seen))
                {
                    owner[j] = i;
                    return true;
                }
            }
            return false;
        }
        foreach (var i in Enumerable.Range(0, gold.Count).OrderBy(i => gold[i].Optional ? 1 : 0))
            Augment(i, []);
        var matching = owner.ToDictionary(kv => kv.Value, kv => kv.Key);
        var tp = matching.Keys.Count(i => !gold[i].Optional);
        var fn = Enumerable.Range(0, gold.Count).Count(i => !gold[i].Optional && !matching.ContainsKey(i));
        var fp = Enumerable.Range(0, predicted.Count).Count(j => !owner.ContainsKey(j));
        var counted = matching.Where(kv => !gold[kv.Key].Optional).ToArray();
        var correct = counted.Count(kv => gold[kv.Key].Status == predicted[kv.Value].Status);
        return (new Score(tp, fp, fn, correct, counted.Length), matching);
    }
}
