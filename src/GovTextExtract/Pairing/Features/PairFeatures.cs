using GovTextExtract.Text;
using GovTextExtract.Segmentation;
using GovTextExtract.Status;

namespace GovTextExtract.Pairing.Features;

/// <summary>The one place where a <see cref="PairCandidate"/> becomes the classifier's feature vector, used alike
/// when the model is trained and when it predicts, for circulars and for cross-year pairs.</summary>
/// <remarks>Thread-safe: pure functions over the candidate and the shared segmenter. Every feature means the same in
/// both genres; a feature one genre never sets (same sentence, for two reports) is constant there, and a tree
/// learnt on that genre alone never splits on it.</remarks>
internal static class PairFeatures
{
    /// <summary>Cue words of completion, of plan or target, and of a running total, looked for between the figures
    /// and before the actual.</summary>
    private static readonly string[] DoneCues = ["完成", "实现", "达到", "达"];
    private static readonly string[] PlanCues = ["目标", "计划", "任务", "预期"];
    private static readonly string[] CumulativeCues = ["累计"];

    /// <summary>The names of the features, in vector order (the model file stores only their count).</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "token_overlap", "char_containment", "char_dice",
        "unit_same", "unit_compatible", "actual_unit_missing", "percent_mismatch",
        "log_ratio", "abs_log_ratio", "ratio_known",
        "same_sentence", "same_item", "same_section", "log_distance", "order_delta", "log_competitors",
        "cue_done", "cue_plan", "cue_cumulative",
        "rate_stated", "rate_agrees",
        "estimate", "partial_period", "approximate", "year_end", "outside_period", "inherited",
        "has_target", "rule_score", "rule_choice",
        "src_item", "src_inline", "src_plan", "src_derived", "src_rate_only", "src_parts_sum", "src_cross_year", "src_named", "src_cued",
    ];

    /// <summary>The position of a named feature.</summary>
    public static int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++)
            if (Names[i] == name) return i;
        throw new ArgumentException($"no feature named {name}", nameof(name));
    }

    /// <summary>The length of the feature vector.</summary>
    public const int Count = 39;

    /// <summary>The feature vector of a candidate.</summary>
    public static float[] Compute(PairCandidate c, ChineseSegmenter? segmenter)
    {
        ArgumentNullException.ThrowIfNull(c);
        var f = new float[Count];
        var i = 0;
        var indicator = c.TargetIndicator;
        var context = c.ActualContext;
        f[i++] = (float)TokenOverlap(indicator, context, segmenter);
        f[i++] = (float)IndicatorSimilarity.Containment(indicator, context);
        f[i++] = (float)IndicatorSimilarity.CharDice(indicator, context);

        var tu = c.TargetUnit;
        var au = c.ActualUnit;
        f[i++] = tu is not null && tu == au ? 1 : 0;
        f[i++] = StatusEvaluator.UnitsCompatible(tu, au) ? 1 : 0;
        f[i++] = au is null ? 1 : 0;
        f[i++] = tu is not null && au is not null && (tu == "%") != (au == "%") ? 1 : 0;

        var logRatio = LogRatio(c.TargetValue, c.ActualValue * c.ActualFactor);
        f[i++] = (float)(logRatio ?? 0);
        f[i++] = (float)Math.Abs(logRatio ?? 0);
        f[i++] = logRatio is null ? 0 : 1;

        f[i++] = c.SameSentence ? 1 : 0;
        f[i++] = c.SameItem ? 1 : 0;
        f[i++] = c.SameSection ? 1 : 0;
        f[i++] = c.Distance is { } d ? (float)Math.Log10(1 + d) : -1;
        f[i++] = (float)c.OrderDelta;
        f[i++] = (float)Math.Log(Math.Max(1, c.Competitors));

        var cueText = c.Between + "|" + context;
        f[i++] = Words.ContainsAny(cueText, DoneCues) ? 1 : 0;
        f[i++] = Words.ContainsAny(cueText, PlanCues) ? 1 : 0;
        f[i++] = Words.ContainsAny(cueText, CumulativeCues) ? 1 : 0;

        f[i++] = c.StatedRate is null ? 0 : 1;
        f[i++] = RateAgrees(c) ? 1 : 0;

        f[i++] = c.Estimate ? 1 : 0;
        f[i++] = c.PartialPeriod ? 1 : 0;
        f[i++] = c.Approximate ? 1 : 0;
        f[i++] = c.YearEnd ? 1 : 0;
        f[i++] = c.OutsidePeriod ? 1 : 0;
        f[i++] = c.Inherited ? 1 : 0;

        f[i++] = c.HasTarget ? 1 : 0;
        f[i++] = (float)c.RuleScore;
        f[i++] = c.RuleChoice ? 1 : 0;

        for (var s = CandidateSource.Item; s <= CandidateSource.Cued; s++)
            f[i++] = c.Source == s ? 1 : 0;
        System.Diagnostics.Debug.Assert(i == Count);
        return f;
    }

    /// <summary>Share of the indicator's words (jieba tokens of two characters or more) that the context holds.</summary>
    internal static double TokenOverlap(string indicator, string context, ChineseSegmenter? segmenter)
    {
        if (segmenter is null || indicator.Length == 0) return 0;
        var a = segmenter.Cut(indicator).Where(w => w.Length > 1).ToHashSet(StringComparer.Ordinal);
        if (a.Count == 0) return 0;
        var b = segmenter.Cut(context).ToHashSet(StringComparer.Ordinal);
        return (double)a.Count(b.Contains) / a.Count;
    }

    /// <summary>log10(actual / target), clamped to ±6; null when either is missing, zero, or their signs differ.</summary>
    internal static double? LogRatio(decimal? target, decimal? actual)
    {
        if (target is not { } t || actual is not { } a || t == 0 || a == 0 || (t > 0) != (a > 0)) return null;
        return Math.Clamp(Math.Log10((double)(a / t)), -6, 6);
    }

    /// <summary>True when a stated rate agrees with actual / target within one point (or two percent of itself).</summary>
    private static bool RateAgrees(PairCandidate c)
    {
        if (c.StatedRate is not { } rate || c.TargetValue is not { } t || c.ActualValue is not { } a || t == 0) return false;
        var computed = a * c.ActualFactor / t * 100m;
        return Math.Abs(computed - rate) <= Math.Max(1m, Math.Abs(rate) * 0.02m);
    }
}
