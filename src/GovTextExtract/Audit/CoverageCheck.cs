using GovTextExtract.Text;

namespace GovTextExtract.Audit;

/// <summary><c>not_reported</c>, <c>estimate</c>, <c>partial_period</c> and <c>derived_target</c>: what the record
/// itself says about how complete its actual is.</summary>
internal static class CoverageCheck
{
    public static IEnumerable<Finding> Run(AuditDocument doc)
    {
        for (var i = 0; i < doc.Records.Count; i++)
        {
            var r = doc.Records[i];
            var targetSpan = doc.TargetSpans[i];
            var actualSpan = doc.ActualSpans[i];
            if (r.Target is { } t && r.Actual is null && r.ReportedRate is null)
            {
                yield return new Finding(i, Finding.Make(AuditCodes.NotReported, AuditSeverity.Warning,
                    $"No sentence reports an actual figure for the target {t.Text} of {r.Indicator}.",
                    $"未见报告“{r.Indicator}”目标({t.Text})完成情况的数据。",
                    doc.Evidence(targetSpan)));
            }
            if (r.Actual is { Estimate: true } a)
            {
                var word = FindBefore(doc, actualSpan, doc.Lex.EstimateWords, doc.Lex.EstimateWindow);
                var w = word is null ? null : doc.Text.Substring(word.Value.Start, word.Value.Length);
                yield return new Finding(i, Finding.Make(AuditCodes.Estimate, AuditSeverity.Info,
                    $"The actual {a.Text} is an expectation{(w is null ? "" : $" (“{w}”)")}, not a final figure.",
                    $"实际数{a.Text}为预计数{(w is null ? "" : $"(“{w}”)")}，并非最终统计数。",
                    doc.Evidence(word, actualSpan)));
            }
            if (r.Actual is { Period: { } period } pa)
            {
                var at = FindBefore(doc, actualSpan, [period], 80);
                yield return new Finding(i, Finding.Make(AuditCodes.PartialPeriod, AuditSeverity.Info,
                    $"The actual {pa.Text} covers part of the year only ({period}).",
                    $"实际数{pa.Text}仅为部分时段({period})的数据，并非全年。",
                    doc.Evidence(at, actualSpan)));
            }
            if (r.Flags.Any(f => f.Code == AuditCodes.DerivedTarget) && r.Target is { } dt && r.Actual is { } da)
            {
                yield return new Finding(i, Finding.Make(AuditCodes.DerivedTarget, AuditSeverity.Info,
                    $"The target is not stated: {Figures.Format(dt.Value ?? 0)}{dt.Unit} is derived from the actual {da.Text} and the stated difference “{dt.Text}”.",
                    $"目标未直接给出：{Figures.Format(dt.Value ?? 0)}{dt.Unit}由实际数{da.Text}与文中所称差值“{dt.Text}”推算。",
                    doc.Evidence(targetSpan, actualSpan)));
            }
        }
    }

    /// <summary>The last of <paramref name="words"/> in the same sentence before <paramref name="span"/>, within
    /// <paramref name="window"/> characters.</summary>
    private static SourceSpan? FindBefore(AuditDocument doc, SourceSpan? span, IEnumerable<string> words, int window)
    {
        if (span is not { } s) return null;
        var sentence = doc.Sentence(s.Start);
        var from = Math.Max(sentence.Start, s.Start - window);
        SourceSpan? best = null;
        foreach (var w in words)
        {
            if (w.Length == 0) continue;
            var at = doc.Text.LastIndexOf(w, Math.Max(0, Math.Min(doc.Text.Length - 1, s.End - 1)), StringComparison.Ordinal);
            if (at >= from && at + w.Length <= s.End && (best is null || at > best.Value.Start))
                best = new SourceSpan(at, w.Length);
        }
        return best;
    }
}
