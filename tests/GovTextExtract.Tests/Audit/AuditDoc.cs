using GovTextExtract.Records;
using GovTextExtract.Text;

namespace GovTextExtract.Tests.Audit;

/// <summary>A constructed document and records placed in it by hand: every span is found by searching the text for the
/// figure as written, so the records say what a reader of the text would say.</summary>
internal sealed class AuditDoc(string text)
{
    public string Text { get; } = text;

    public SourceSpan Span(string s, int from = 0)
    {
        var i = Text.IndexOf(s, from, StringComparison.Ordinal);
        Assert.True(i >= 0, $"'{s}' is not in the text after {from}");
        return new SourceSpan(i, s.Length);
    }

    /// <summary>A record whose target is the first <paramref name="target"/> after <paramref name="from"/>, whose actual
    /// is the first <paramref name="actual"/> after the target, and whose stated rate follows the actual.</summary>
    public CompletionRecord Record(string indicator, string? target, decimal? targetValue, string? actual, decimal? actualValue,
        CompletionStatus status, string? unit = null, decimal? rate = null, string? rateText = null, string? from = null,
        BoundKind bound = BoundKind.AtLeast, string? actualUnit = null, string? targetUnit = null, bool estimate = false,
        string? period = null)
    {
        var start = from is null ? 0 : Span(from).Start;
        SourceSpan? ts = target is null ? null : Span(target, start);
        // The actual follows the target ("目标8000亩。完成7200亩") or stands before it ("增长6.2%(目标6.5%)").
        SourceSpan? @as = actual is null ? null
            : ts is { } t0 && Text.IndexOf(actual, t0.End, StringComparison.Ordinal) >= 0 ? Span(actual, t0.End) : Span(actual, start);
        SourceSpan? rs = rateText is null ? null : Span(rateText, @as?.End ?? ts?.End ?? start);
        var tu = targetUnit ?? unit;
        var au = actualUnit ?? unit;
        return new CompletionRecord
        {
            Indicator = indicator,
            Target = target is null ? null : new TargetValue { Text = target, Value = targetValue, Unit = tu, Bound = bound },
            Actual = actual is null ? null : new ActualValue { Text = actual, Value = actualValue, Unit = au, Estimate = estimate, Period = period },
            ReportedRate = rate,
            ComputedRate = targetValue is { } t && actualValue is { } a && t != 0 ? Math.Round(a / t * 100m, 2) : null,
            Status = status,
            Confidence = 0.9,
            Evidence = new RecordEvidence { Target = ts, Actual = @as, Rate = rs },
        };
    }
}
