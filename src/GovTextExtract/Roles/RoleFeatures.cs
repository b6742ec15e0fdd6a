using GovTextExtract.Documents;
using GovTextExtract.Records;

namespace GovTextExtract.Roles;

/// <summary>The features the role classifier reads for a mention: the rules' votes (one slot per rule, the role the
/// rules alone would give, and a count per role), the figure's unit, bound and markers, its place in its sentence and block, the cue-word groups in its clause
/// before and after it and in its sentence, and the characters right beside it (hashed n-grams).</summary>
public sealed class RoleFeatures
{
    /// <summary>Characters of the clause before a figure read for cue groups.</summary>
    private const int Window = 12;
    private const int GramSlots = 512;
    private const int MaxGram = 3;

    private readonly Dictionary<string, int> _ruleSlot = new(StringComparer.Ordinal);
    private readonly CueGroups _cues;
    private readonly int _votesAt, _rulesRoleAt, _roleCountsAt, _unitAt, _markersAt, _positionAt, _cuesAt, _leftGramsAt, _rightGramsAt;

    /// <summary>Creates the layout for a rule set and cue groups.</summary>
    public RoleFeatures(RoleRuleSet rules, CueGroups cues)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _cues = cues ?? throw new ArgumentNullException(nameof(cues));
        string[] sourceNames = [Circulars.LegacyPairerVotes.PairedTarget, Circulars.LegacyPairerVotes.PairedActual,
            Circulars.LegacyPairerVotes.Target, Circulars.LegacyPairerVotes.Actual, Circulars.LegacyPairerVotes.Rate];
        foreach (var name in rules.Rules.Select(r => r.Name).Concat(sourceNames).Concat(RelationalRoleRules.Names))
            _ruleSlot[name] = _ruleSlot.Count;
        var n = 0;
        _votesAt = n; n += _ruleSlot.Count;
        _rulesRoleAt = n; n += RoleCount;
        _roleCountsAt = n; n += RoleCount;
        _unitAt = n; n += 6;
        _markersAt = n; n += 8;
        _positionAt = n; n += 14;
        _cuesAt = n; n += 3 * cues.Names.Count;
        _leftGramsAt = n; n += GramSlots;
        _rightGramsAt = n; n += GramSlots;
        Count = n;
    }

    /// <summary>The number of roles.</summary>
    public const int RoleCount = 6;

    /// <summary>The length of a feature vector.</summary>
    public int Count { get; }

    /// <summary>The layout of the default rules and cue groups.</summary>
    public static RoleFeatures Default { get; } = new(RoleRuleSet.Default, CueGroups.Default);

    /// <summary>The features of one mention.</summary>
    /// <param name="doc">The document.</param>
    /// <param name="votes">The document's votes.</param>
    /// <param name="m">The mention.</param>
    /// <param name="withVotes">False to leave the rule-vote slots empty (the ablation "classifier without the rule
    /// votes").</param>
    public float[] Compute(GovDocument doc, RoleVotes votes, Mention m, bool withVotes = true)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(votes);
        ArgumentNullException.ThrowIfNull(m);
        var f = new float[Count];
        if (withVotes)
        {
            foreach (var v in votes.For(m.Index))
            {
                if (_ruleSlot.TryGetValue(v.Rule, out var slot)) f[_votesAt + slot] = 1;
                f[_roleCountsAt + (int)v.Role] += 1;
            }
            // The role the rules alone would give: the classifier learns where to depart from it.
            if (votes.For(m.Index).Count > 0) f[_rulesRoleAt + (int)votes.RulesRole(m.Index)] = 1;
        }
        var q = m.Quantity;
        f[_unitAt + (int)UnitClasses.Of(q)] = 1;
        f[_markersAt + 0] = q.Bound is BoundKind.AtLeast ? 1 : 0;
        f[_markersAt + 1] = q.Bound is BoundKind.AtMost ? 1 : 0;
        f[_markersAt + 2] = q.Bound is BoundKind.About ? 1 : 0;
        f[_markersAt + 3] = q.Bound is BoundKind.Range || q.Low is not null ? 1 : 0;
        f[_markersAt + 4] = q.Approximate ? 1 : 0;
        f[_markersAt + 5] = q.Estimate ? 1 : 0;
        f[_markersAt + 6] = q.Decrease ? 1 : 0;
        f[_markersAt + 7] = q.Period is not null ? 1 : 0;

        var sentence = doc.Sentences[m.Sentence];
        var inSentence = doc.MentionCountInSentence(m.Sentence);
        var position = m.Index - doc.MentionsInSentence(m.Sentence).First().Index;
        f[_positionAt + Math.Min(position, 3)] = 1;
        f[_positionAt + 4] = position == inSentence - 1 ? 1 : 0;
        f[_positionAt + 5 + Math.Min(inSentence - 1, 3)] = 1;
        f[_positionAt + 9] = InBrackets(doc.Text, sentence.Span.Start, m.Span.Start) ? 1 : 0;
        var block = doc.Blocks[m.Block];
        f[_positionAt + 10] = block.Role == BlockRole.Item ? 1 : 0;
        f[_positionAt + 11] = block.Role == BlockRole.TableLine ? 1 : 0;
        f[_positionAt + 12] = m.Clause == 0 ? 1 : 0;
        f[_positionAt + 13] = m.Clause == sentence.Clauses.Count - 1 ? 1 : 0;

        var clause = sentence.Clauses[m.Clause];
        var core = Math.Max(clause.Start, m.Quantity.CoreSpan.Start);
        var leftStart = Math.Max(clause.Start, core - Window);
        var left = doc.Text.AsSpan(leftStart, core - leftStart);
        var rightEnd = Math.Min(clause.End, m.Span.End + Window);
        var right = doc.Text.AsSpan(m.Span.End, Math.Max(0, rightEnd - m.Span.End));
        var groups = _cues.Names.Count;
        _cues.Mark(left, f.AsSpan(_cuesAt, groups));
        _cues.Mark(right, f.AsSpan(_cuesAt + groups, groups));
        _cues.Mark(doc.Text.AsSpan(sentence.Span.Start, sentence.Span.Length), f.AsSpan(_cuesAt + 2 * groups, groups));
        var nearLeft = doc.Text.AsSpan(Math.Max(sentence.Span.Start, core - MaxGram), Math.Min(MaxGram, core - sentence.Span.Start));
        var nearRight = doc.Text.AsSpan(m.Span.End, Math.Min(MaxGram, Math.Max(0, sentence.Span.End - m.Span.End)));
        FeatureHashing.MarkSuffixes(nearLeft, MaxGram, f.AsSpan(_leftGramsAt, GramSlots), 17);
        FeatureHashing.MarkPrefixes(nearRight, MaxGram, f.AsSpan(_rightGramsAt, GramSlots), 91);
        return f;
    }

    private static bool InBrackets(string text, int from, int at)
    {
        var depth = 0;
        for (var i = from; i < at; i++)
        {
            if (text[i] is '(' or '（') depth++;
            else if (text[i] is ')' or '）') depth = Math.Max(0, depth - 1);
        }
        return depth > 0;
    }
}
