using System.Globalization;
using System.Text.RegularExpressions;
using GovTextExtract.Documents;
using GovTextExtract.Records;
using GovTextExtract.Roles;

namespace GovTextExtract.Training;

/// <summary>Where a gold record's figures stand among a document's mentions (indices into
/// <see cref="GovDocument.Mentions"/>; -1 where the record has no such figure or none was found).</summary>
public sealed record AlignedRecord(CompletionRecord Gold, int Target, int Actual, int Rate, int Difference);

/// <summary>Gold records laid over a document's mentions: which mention is each record's target, actual, stated rate
/// and difference, and so the role of every mention (the training labels of the role classifier and the pair
/// classifier).</summary>
/// <remarks>Records are aligned in order: a figure is looked for by value (within 0.5 %, as the scorer matches; a
/// fall's size matches a signed change), preferring mentions whose digits are the gold text's, then the one nearest
/// the previous record's actual. A record's rate and target are looked for near its actual, in its sentence first.
/// Differences come from the gold note's "difference to target: ±X"; comparisons with the time schedule from a note
/// that quotes one (序时进度, 时序进度, 时间节点).</remarks>
public sealed class GoldAlignment
{
    private GoldAlignment(GovDocument document, IReadOnlyList<AlignedRecord> records, MentionRole[] roles)
    {
        Document = document;
        Records = records;
        Roles = roles;
    }

    /// <summary>The document.</summary>
    public GovDocument Document { get; }

    /// <summary>The gold records with their mentions.</summary>
    public IReadOnlyList<AlignedRecord> Records { get; }

    /// <summary>The gold role of every mention (Other where no record uses it).</summary>
    public IReadOnlyList<MentionRole> Roles { get; }

    private static readonly Regex DifferenceNote = new(@"difference to target:\s*([+-−]?)([0-9][0-9.,]*)",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static readonly Regex ScheduleQuote = new(@"[^;；,，()（）]{0,12}(序时|时序|時序|時間節點|时间节点|time schedule)[^;；]{0,40}",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>Aligns <paramref name="gold"/> with the mentions of <paramref name="doc"/>.</summary>
    public static GoldAlignment Align(GovDocument doc, IReadOnlyList<CompletionRecord> gold)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(gold);
        var roles = new MentionRole[doc.Mentions.Count];
        var records = new List<AlignedRecord>();
        var cursor = 0;
        foreach (var g in gold)
        {
            var actual = g.Actual?.Value is { } av ? Find(doc, av, g.Actual.Text, cursor, null, MentionRole.Actual) : -1;
            var anchor = actual >= 0 ? doc.Mentions[actual] : null;
            var target = g.Target?.Value is { } tv ? Find(doc, tv, g.Target.Text, cursor, anchor, MentionRole.Target, exclude: actual)
                : g.Target is { Low: { } low } ? Find(doc, low, g.Target.Text, cursor, anchor, MentionRole.Target, range: true, exclude: actual) : -1;
            anchor ??= target >= 0 ? doc.Mentions[target] : null;
            var rate = g.ReportedRate is { } rv && anchor is not null ? FindRate(doc, rv, anchor, actual, target) : -1;
            var difference = g.Note is { } note && anchor is not null && DifferenceNote.Match(note) is { Success: true } dm
                ? FindNear(doc, decimal.Parse(dm.Groups[2].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture), anchor, after: true)
                : -1;
            records.Add(new AlignedRecord(g, target, actual, rate, difference));
            if (actual >= 0) cursor = doc.Mentions[actual].Span.Start;
            else if (target >= 0) cursor = doc.Mentions[target].Span.Start;
        }
        // Roles: a figure that is some record's actual is an actual, else a target, else a rate, else a difference.
        foreach (var r in records)
        {
            if (r.Difference >= 0 && roles[r.Difference] == MentionRole.Other) roles[r.Difference] = MentionRole.Difference;
        }
        foreach (var r in records)
            if (r.Rate >= 0 && roles[r.Rate] is MentionRole.Other or MentionRole.Difference) roles[r.Rate] = MentionRole.Rate;
        foreach (var r in records)
            if (r.Target >= 0 && roles[r.Target] != MentionRole.Actual) roles[r.Target] = MentionRole.Target;
        foreach (var r in records)
            if (r.Actual >= 0) roles[r.Actual] = MentionRole.Actual;
        foreach (var r in records)
        {
            if (r.Gold.Note is not { } note || r.Actual < 0) continue;
            foreach (Match q in ScheduleQuote.Matches(note))
            {
                var sentence = doc.Mentions[r.Actual].Sentence;
                foreach (var m in doc.Mentions.Where(m => m.Sentence == sentence && roles[m.Index] == MentionRole.Other))
                    if (m.Quantity.Value is { } v && q.Value.Contains(Digits(v), StringComparison.Ordinal)) roles[m.Index] = MentionRole.Schedule;
            }
        }
        return new GoldAlignment(doc, records, roles);
    }

    private static string Digits(decimal v) => v.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>True when a mention's value agrees with a gold value (a fall's size agrees with a signed change).</summary>
    internal static bool Agrees(decimal gold, Mention m, bool range = false)
    {
        var q = m.Quantity;
        var value = range ? q.Low ?? q.Value : q.Value;
        if (value is not { } v) return false;
        var tolerance = gold == 0 ? 0.005m : Math.Abs(gold) * 0.005m;
        return Math.Abs(v - gold) <= tolerance || Math.Abs(Math.Abs(v) - Math.Abs(gold)) <= tolerance;
    }

    private static int Find(GovDocument doc, decimal value, string text, int cursor, Mention? near, MentionRole role, bool range = false, int exclude = -1)
    {
        var digits = DigitsOf(text);
        var best = -1;
        var bestScore = long.MaxValue;
        foreach (var m in doc.Mentions)
        {
            if (m.Index == exclude || !Agrees(value, m, range)) continue;
            long score = near is not null
                ? (m.Sentence == near.Sentence ? 0 : m.Block == near.Block ? 100_000 : 1_000_000) + Math.Abs(m.Span.Start - near.Span.Start)
                : m.Span.Start >= cursor ? m.Span.Start - cursor : 10_000_000 + cursor - m.Span.Start;
            if (digits.Length > 0 && !doc.Slice(m.Quantity.CoreSpan).Contains(digits, StringComparison.Ordinal)) score += 50_000_000;
            if (score < bestScore)
            {
                bestScore = score;
                best = m.Index;
            }
        }
        return best;
    }

    private static int FindRate(GovDocument doc, decimal rate, Mention anchor, int actual, int target)
    {
        var best = -1;
        var bestScore = long.MaxValue;
        foreach (var m in doc.Mentions)
        {
            if (m.Index == actual || m.Index == target) continue;
            if (m.Quantity.Unit is not (null or "%")) continue;
            if (!Agrees(rate, m)) continue;
            long score = (m.Sentence == anchor.Sentence ? 0 : m.Block == anchor.Block ? 100_000 : 1_000_000)
                         + (m.Span.Start >= anchor.Span.Start ? m.Span.Start - anchor.Span.Start : 10_000 + anchor.Span.Start - m.Span.Start);
            if (score < bestScore)
            {
                bestScore = score;
                best = m.Index;
            }
        }
        return best;
    }

    private static int FindNear(GovDocument doc, decimal value, Mention anchor, bool after)
    {
        foreach (var m in doc.Mentions)
            if (m.Sentence == anchor.Sentence && (!after || m.Index > anchor.Index) && Agrees(value, m)) return m.Index;
        return -1;
    }

    private static string DigitsOf(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsAsciiDigit(text[i]) && start < 0) start = i;
            if (start >= 0 && !(char.IsAsciiDigit(text[i]) || text[i] == '.'))
                return text[start..i];
        }
        return start >= 0 ? text[start..] : "";
    }
}
