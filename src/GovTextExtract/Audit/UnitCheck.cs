using GovTextExtract.Lexicons;
using GovTextExtract.Status;

namespace GovTextExtract.Audit;

/// <summary><c>unit_suspect</c>: an actual whose magnitude is implausible against its target (less than 1/100 or more
/// than 100 times it: a 万 lost in the source), and a figure written with no unit.</summary>
internal static class UnitCheck
{
    private const decimal Low = 0.01m;
    private const decimal High = 100m;

    public static IEnumerable<Finding> Run(AuditDocument doc)
    {
        for (var i = 0; i < doc.Records.Count; i++)
        {
            var r = doc.Records[i];
            if (Figures.Guard(() => Magnitude(doc, i)) is { } m) yield return m;
            if (r.Actual is { Unit: { } unit } actual && !HasUnit(doc.OriginalText(r.Evidence.Actual) ?? actual.Text, unit, doc.Lex))
            {
                var from = r.Target?.Unit == unit ? $" {unit} is taken from the target {r.Target.Text}." : "";
                var fromZh = r.Target?.Unit == unit ? $"单位“{unit}”系按目标{r.Target.Text}推定。" : "";
                yield return new Finding(i, Finding.Make(AuditCodes.UnitSuspect, AuditSeverity.Info,
                    $"The actual {actual.Text} has no unit in the source.{from}",
                    $"原文实际数{actual.Text}没有单位。{fromZh}",
                    doc.Evidence(doc.ActualSpans[i])));
            }
            if (r.Target is { Value: not null, Unit: null } target && r.Actual is { Unit: { } aunit })
            {
                yield return new Finding(i, Finding.Make(AuditCodes.UnitSuspect, AuditSeverity.Info,
                    $"The target {target.Text} has no unit in the source; the actual is counted in {aunit}.",
                    $"原文目标{target.Text}没有单位，实际数以“{aunit}”计。",
                    doc.Evidence(doc.TargetSpans[i])));
            }
        }
    }

    private static Finding? Magnitude(AuditDocument doc, int i)
    {
        var r = doc.Records[i];
        if (r.Target is not { Value: { } t } target || r.Actual is not { Value: { } a } actual) return null;
        if (t <= 0 || a <= 0 || !StatusEvaluator.UnitsCompatible(target.Unit, actual.Unit)) return null;
        if (target.Unit is "%" or "个百分点" or "‰" || actual.Unit is "%" or "个百分点" or "‰") return null;
        var ratio = a / t;
        if (ratio >= Low && ratio <= High) return null;
        var pct = Figures.FormatPercent(ratio * 100m);
        var evidence = doc.Evidence(doc.TargetSpans[i], doc.ActualSpans[i]);
        var small = ratio < Low;
        var best = BestMultiplier(doc.Lex, small ? ratio : 1m / ratio);
        string en, zh;
        if (small)
        {
            en = $"The actual {actual.Text} is {pct}% of the target {target.Text}: implausibly small.";
            zh = $"实际数{actual.Text}仅为目标{target.Text}的{pct}%，数量级不合理。";
            if (best is { } m)
            {
                var fixedText = Figures.InsertMultiplier(actual.Text, m.Text);
                var fixedRate = Figures.FormatPercent(ratio * m.Factor * 100m);
                en += $" A {m.Text} may be missing in the source: {fixedText} would be {fixedRate}% of the target.";
                zh += $"原文可能漏掉了“{m.Text}”：若为{fixedText}，则为目标的{fixedRate}%。";
            }
        }
        else
        {
            en = $"The actual {actual.Text} is {pct}% of the target {target.Text}: implausibly large.";
            zh = $"实际数{actual.Text}为目标{target.Text}的{pct}%，数量级不合理。";
            if (best is { } m)
            {
                var fixedText = Figures.InsertMultiplier(target.Text, m.Text);
                var fixedRate = Figures.FormatPercent(ratio / m.Factor * 100m);
                en += $" A {m.Text} may be missing from the target: against {fixedText} the actual would be {fixedRate}%.";
                zh += $"目标可能漏掉了“{m.Text}”：若目标为{fixedText}，则完成{fixedRate}%。";
            }
        }
        return new Finding(i, Finding.Make(AuditCodes.UnitSuspect, AuditSeverity.Warning, en, zh, evidence));
    }

    /// <summary>The multiplier that brings a ratio (below 1/100) closest to 1 while inside the plausible band.</summary>
    private static MultiplierEntry? BestMultiplier(LexiconSet lex, decimal ratio)
    {
        MultiplierEntry? best = null;
        var bestDistance = double.MaxValue;
        foreach (var m in lex.Multipliers)
        {
            var scaled = ratio * m.Factor;
            if (scaled < Low || scaled > High) continue;
            var distance = Math.Abs(Math.Log10((double)scaled));
            if (distance < bestDistance)
            {
                best = m;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>True when <paramref name="text"/> writes the canonical <paramref name="unit"/> in one of its forms.</summary>
    private static bool HasUnit(string text, string unit, LexiconSet lex)
    {
        if (text.Contains(unit, StringComparison.Ordinal)) return true;
        foreach (var (form, entry) in lex.UnitForms)
            if (entry.Unit == unit && text.Contains(form, StringComparison.Ordinal)) return true;
        return false;
    }
}
