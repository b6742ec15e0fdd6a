using GovTextExtract.Records;
using GovTextExtract.Status;

namespace GovTextExtract.Audit;

/// <summary><c>rate_mismatch</c>: a stated completion rate that actual ÷ target does not give. Rounding is allowed
/// for twice: the stated rate's own precision (109% stands for anything from 108.5% to just under 110%, since a
/// document may round or cut), and the precision of the figures (6.9万 may be anything from 68500 to 69500).</summary>
internal static class RateCheck
{
    /// <summary>Relative slack on an approximate figure (余, 多, 近).</summary>
    private const decimal ApproximateSlack = 0.05m;

    public static IEnumerable<Finding> Run(AuditDocument doc)
    {
        for (var i = 0; i < doc.Records.Count; i++)
            if (Figures.Guard(() => Check(doc, i)) is { } f) yield return f;
    }

    private static Finding? Check(AuditDocument doc, int i)
    {
        var r = doc.Records[i];
        if (r.ReportedRate is not { } stated || r.Target is not { Value: { } t } target || r.Actual is not { Value: { } a } actual)
            return null;
        if (!StatusEvaluator.UnitsCompatible(target.Unit, actual.Unit) || t <= 0 || a < 0) return null;
        var ht = Figures.HalfStep(target.Text, doc.Lex);
        var ha = Figures.HalfStep(actual.Text, doc.Lex);
        if (t - ht <= 0) return null;
        var slack = actual.Approximate ? ApproximateSlack : 0m;
        var lo = Math.Max(0, a - ha) / (t + ht) * 100m * (1 - slack);
        var hi = (a + ha) / (t - ht) * 100m * (1 + slack);
        var rateText = doc.OriginalText(r.Evidence.Rate);
        var decimals = Figures.Decimals(rateText, stated);
        var unit = 1m;
        for (var k = 0; k < decimals; k++) unit /= 10m;
        // Rounded: the true rate lies within half a unit (half a unit below rounds up: 2310 ÷ 2400 = 96.25% is
        // 96.3%); cut: within one unit above.
        var statedLo = stated - unit / 2m;
        var statedHi = stated + unit;
        if (statedHi > lo && statedLo <= hi) return null;
        // A ceiling target may be reported as target ÷ actual.
        if (target.Bound == BoundKind.AtMost && a - ha > 0)
        {
            var invLo = (t - ht) / (a + ha) * 100m;
            var invHi = (t + ht) / (a - ha) * 100m;
            if (statedHi > invLo && statedLo < invHi) return null;
        }
        var computed = a / t * 100m;
        var severity = (stated >= 100m) != (computed >= 100m) ? AuditSeverity.Error : AuditSeverity.Warning;
        var c = Figures.Format(computed);
        var range = $"{Figures.Format(lo)}%–{Figures.Format(hi)}%";
        var s = Figures.Format(stated, decimals);
        return new Finding(i, Finding.Make(AuditCodes.RateMismatch, severity,
            $"The stated rate {s}% does not match the figures: {actual.Text} / {target.Text} = {c}% " +
            $"(with the figures' own rounding, {range}).",
            $"文中完成率{s}%与数据不符：{actual.Text} ÷ {target.Text} = {c}%（计入数字本身的舍入，应在{range}之间）。",
            doc.Evidence(doc.TargetSpans[i], doc.ActualSpans[i], doc.RateSpans[i])));
    }
}
