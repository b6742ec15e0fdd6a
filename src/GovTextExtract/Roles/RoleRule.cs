using System.Text.RegularExpressions;
using GovTextExtract.Documents;

namespace GovTextExtract.Roles;

/// <summary>An example of a rule: in <paramref name="Text"/>, the figure written <paramref name="Figure"/> (its first
/// occurrence) is what the example is about.</summary>
public sealed record RuleExample(string Text, string Figure);

/// <summary>A named role vote read from <c>models/rules/roles.json</c>: it votes <see cref="Role"/> for a figure
/// whose sentence text before it matches <see cref="Before"/>, whose text after it matches <see cref="After"/> (each
/// read over at most <see cref="Window"/> characters), and
/// whose unit is of one of <see cref="Units"/>, unless the text before it matches <see cref="UnlessBefore"/> or the
/// text after it <see cref="UnlessAfter"/>; otherwise it abstains.</summary>
public sealed class RoleRule
{
    private readonly Regex? _before;
    private readonly Regex? _after;
    private readonly Regex? _unlessBefore;
    private readonly Regex? _unlessAfter;
    private readonly HashSet<UnitClass>? _units;

    internal RoleRule(string name, MentionRole role, string description, string? before, string? after,
        IReadOnlyList<string> units, IReadOnlyList<RuleExample> examples, IReadOnlyList<RuleExample> counterExamples,
        IReadOnlyList<string>? unitNames = null, string? unlessBefore = null, string? unlessAfter = null)
    {
        UnlessBefore = unlessBefore ?? "";
        UnlessAfter = unlessAfter ?? "";
        UnitNames = unitNames ?? [];
        Name = name;
        Role = role;
        Description = description;
        Before = before ?? "";
        After = after ?? "";
        Examples = examples;
        CounterExamples = counterExamples;
        Units = units;
        // Backtracking, compiled, with a timeout: the inputs are bounded by Window and the patterns bounded too, and the
        // compiled engine is several times faster than the non-backtracking one on such short, anchored inputs.
        const RegexOptions options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
        try
        {
            // A pattern of the words before a figure ends at it ($): read from the right, it fails at once where the
            // last words do not fit.
            _before = Before.Length == 0 ? null : new Regex(Before, options | RegexOptions.RightToLeft, MatchTimeout);
            _after = After.Length == 0 ? null : new Regex(After, options, MatchTimeout);
            _unlessBefore = UnlessBefore.Length == 0 ? null : new Regex(UnlessBefore, options | RegexOptions.RightToLeft, MatchTimeout);
            _unlessAfter = UnlessAfter.Length == 0 ? null : new Regex(UnlessAfter, options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"role rule {name}: invalid pattern: {e.Message}", e);
        }
        if (!units.Contains("any"))
            _units = units.Select(ParseUnit).ToHashSet();
    }

    /// <summary>How long one match may take before it fails with a timeout. The inputs are bounded by
    /// <see cref="Window"/> and match in microseconds; the bound is a safety net, generous so that a machine under
    /// heavy load (a compiled pattern's first run is compiled to machine code then) never fails a document.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The rule's name, e.g. <c>rate.of_plan</c>: what <c>govtext rules</c> and the features call it.</summary>
    public string Name { get; }

    /// <summary>The role it votes.</summary>
    public MentionRole Role { get; }

    /// <summary>What it recognises, in words.</summary>
    public string Description { get; }

    /// <summary>The pattern the sentence text before the figure must match (empty: anything).</summary>
    public string Before { get; }

    /// <summary>The pattern the sentence text after the figure must match (empty: anything).</summary>
    public string After { get; }

    /// <summary>A pattern that, matching the text before the figure (as <see cref="Before"/> is read), keeps the rule
    /// from voting (empty: none): the exception to a rule, e.g. a task noun after a figure that a verb of doing
    /// precedes (已完成40个村规划编制任务) is work done, not a task.</summary>
    public string UnlessBefore { get; }

    /// <summary>A pattern that, matching the text after the figure (as <see cref="After"/> is read), keeps the rule
    /// from voting (empty: none).</summary>
    public string UnlessAfter { get; }

    /// <summary>The unit classes it applies to (<c>any</c> for all).</summary>
    public IReadOnlyList<string> Units { get; }

    /// <summary>True for a rule whose vote precedes the vote sources' in the rules-alone reading (a rule the gold finds
    /// nearly always right: rate.of_plan, target.inside_rate_phrase …).</summary>
    public bool Leads { get; init; }

    /// <summary>Canonical unit names the figure must have, when the rule names any (个月, 天 …).</summary>
    public IReadOnlyList<string> UnitNames { get; }

    /// <summary>Figures the rule must vote for.</summary>
    public IReadOnlyList<RuleExample> Examples { get; }

    /// <summary>Figures the rule must not vote for.</summary>
    public IReadOnlyList<RuleExample> CounterExamples { get; }

    /// <summary>How many characters of its sentence before and after a figure a rule reads: every pattern looks no
    /// further, and a bounded window keeps the rules linear in the length of a sentence.</summary>
    public const int Window = 48;

    /// <summary>True when the rule votes for the mention.</summary>
    public bool Fires(GovDocument doc, Mention m)
    {
        if (_units is not null && !_units.Contains(UnitClasses.Of(m.Quantity))) return false;
        if (UnitNames.Count > 0 && (m.Quantity.Unit is null || !UnitNames.Contains(m.Quantity.Unit))) return false;
        var sentence = doc.SentenceOf(m);
        // The words before the number itself: a bound word the recogniser took into the figure (低于目标0.9个百分点)
        // is part of what the rule reads.
        var start = Math.Max(sentence.Start, m.Quantity.CoreSpan.Start);
        var from = Math.Max(sentence.Start, start - Window);
        var beforeText = doc.Text.AsSpan(from, start - from);
        if (_before is not null && !_before.IsMatch(beforeText)) return false;
        var afterText = doc.Text.AsSpan(m.Span.End, Math.Min(Window, Math.Max(0, sentence.End - m.Span.End)));
        if (_after is not null && !_after.IsMatch(afterText)) return false;
        if (_unlessBefore is not null && _unlessBefore.IsMatch(beforeText)) return false;
        if (_unlessAfter is not null && _unlessAfter.IsMatch(afterText)) return false;
        return true;
    }

    private static UnitClass ParseUnit(string s) => s switch
    {
        "bare" => UnitClass.Bare,
        "percent" => UnitClass.Percent,
        "points" => UnitClass.Points,
        "money" => UnitClass.Money,
        "count" => UnitClass.Count,
        "measure" => UnitClass.Measure,
        _ => throw new InvalidDataException($"unknown unit class '{s}' in a role rule"),
    };
}
