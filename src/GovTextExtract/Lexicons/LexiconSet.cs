using System.Text.Json;
using System.Text.Json.Serialization;
using GovTextExtract.Records;

namespace GovTextExtract.Lexicons;

/// <summary>A unit of measure or counting classifier.</summary>
/// <param name="Unit">Canonical unit.</param>
/// <param name="Kind">What it measures (percent, points, currency, count, area …).</param>
/// <param name="Forms">Written forms.</param>
public sealed record UnitEntry(string Unit, string Kind, IReadOnlyList<string> Forms);

/// <summary>A multiplier between number and unit (万, 亿 …).</summary>
public sealed record MultiplierEntry(string Text, decimal Factor);

/// <summary>A bound word.</summary>
/// <param name="Text">The word.</param>
/// <param name="IsPrefix">True when it stands before the number.</param>
/// <param name="Bound">The bound it sets.</param>
/// <param name="RequiresPrefix">A suffix that bounds only after a prefix bound word (内 after 压缩到).</param>
/// <param name="Approximate">True when the word also makes the figure approximate (约).</param>
public sealed record BoundEntry(string Text, bool IsPrefix, BoundKind Bound, bool RequiresPrefix, bool Approximate)
{
    /// <summary>Words that contain <see cref="Text"/> without it being a bound word there (约 in 签约, 上下 in 上下游).</summary>
    public IReadOnlyList<string> NotIn { get; init; } = [];
}

/// <summary>How a comparison names its target ("超过4.5万人以上的目标"); see <c>named_targets</c> in cues.json.</summary>
/// <param name="Nouns">Target nouns after 的 (目标, 目标任务 …), longest first.</param>
/// <param name="MaxModifier">Most characters between 的 and the noun (年度, 预期, 涨幅 …).</param>
/// <param name="Compare">Words between an actual and the target it is compared with (超过, 优于 …).</param>
/// <param name="Relational">Compare words that say how the actual compares, not the target's bound (高于, 低于 …).</param>
/// <param name="Actual">Words between a named target and the actual that follows it (实际 …).</param>
/// <param name="Ceiling">Words among the noun's modifiers that make the target a ceiling (控制).</param>
public sealed record NamedTargetCues(IReadOnlyList<string> Nouns, int MaxModifier, IReadOnlyList<string> Compare,
    IReadOnlyList<string> Relational, IReadOnlyList<string> Actual, IReadOnlyList<string> Ceiling);

/// <summary>How a plain paragraph states targets in its first sentence and reports on them after it; see
/// <c>task_sentences</c> in cues.json.</summary>
/// <param name="Openers">Words before the first figure of a sentence that states targets (提出, 要求 …).</param>
/// <param name="ResultCues">Words of a later sentence that reports results (实际, 结果显示 …).</param>
public sealed record TaskSentenceCues(IReadOnlyList<string> Openers, IReadOnlyList<string> ResultCues);

/// <summary>How a plan word names a figure as the target beside a reported one; see <c>cued_targets</c> in cues.json.</summary>
/// <param name="Connectives">The only words that may stand between the plan word and the figure (为, 增长 …), longest first.</param>
/// <param name="Done">Words before the plan word that make the figure a completed amount (完成 …).</param>
/// <param name="Difference">Words before the plan word that make the figure a difference to the target (比, 优于 …).</param>
public sealed record CuedTargetCues(IReadOnlyList<string> Connectives, IReadOnlyList<string> Done, IReadOnlyList<string> Difference);

/// <summary>How a short title opens an item before its task; see <c>item_titles</c> in cues.json.</summary>
/// <param name="MaxLength">Longest title, in characters.</param>
/// <param name="ReportCues">Words of a sentence that reports a result rather than states a task (全年, 完成 …).</param>
/// <param name="TaskVerbs">Verbs that open a task, not a topic (实施, 加强 …).</param>
public sealed record ItemTitleCues(int MaxLength, IReadOnlyList<string> ReportCues, IReadOnlyList<string> TaskVerbs);

/// <summary>An indicator with its aliases.</summary>
public sealed record IndicatorEntry(string Name, IReadOnlyList<string> Aliases, string Kind);

/// <summary>The lexicons the extractor reads: units, bound words, indicators and cue words. The default set is
/// embedded from <c>models/lexicons/*.json</c>; a custom set can be loaded from a folder of the same files.</summary>
public sealed class LexiconSet
{
    private static readonly Lazy<LexiconSet> DefaultSet = new(LoadEmbedded);

    /// <summary>Units, longest written form first.</summary>
    public required IReadOnlyList<(string Form, UnitEntry Unit)> UnitForms { get; init; }
    /// <summary>Set phrases that begin with a numeral and a classifier but count nothing (一批, 一起, 一次性).</summary>
    public IReadOnlyList<string> SetPhrases { get; init; } = [];
    /// <summary>Multipliers, longest first.</summary>
    public required IReadOnlyList<MultiplierEntry> Multipliers { get; init; }
    /// <summary>Bound words, longest first.</summary>
    public required IReadOnlyList<BoundEntry> Bounds { get; init; }
    /// <summary>How many characters back a prefix bound word may stand.</summary>
    public int PrefixWindow { get; init; } = 6;
    /// <summary>Approximation words after the number (余, 多).</summary>
    public required IReadOnlyList<string> ApproximateAfter { get; init; }
    /// <summary>Approximation words before the number (近, 逾).</summary>
    public required IReadOnlyList<string> ApproximateBefore { get; init; }
    /// <summary>Estimate words (预计, 有望).</summary>
    public required IReadOnlyList<string> EstimateWords { get; init; }
    /// <summary>How far back in a clause an estimate word reaches.</summary>
    public int EstimateWindow { get; init; } = 24;
    /// <summary>Decrease verbs (下降, 减少).</summary>
    public required IReadOnlyList<string> DecreaseWords { get; init; }
    /// <summary>Indicators with aliases.</summary>
    public required IReadOnlyList<IndicatorEntry> Indicators { get; init; }
    /// <summary>Keywords of lower-is-better indicators.</summary>
    public required IReadOnlyList<string> LowerIsBetter { get; init; }
    /// <summary>Keywords that keep an indicator higher-is-better although a lower keyword matches (优良, 达标率).</summary>
    public required IReadOnlyList<string> HigherOverrides { get; init; }
    /// <summary>Rate verbs (完成, 占): with a rate object after them, the percentage that follows is a stated rate.</summary>
    public required IReadOnlyList<string> RateVerbs { get; init; }
    /// <summary>Rate objects (计划, 目标, 任务).</summary>
    public required IReadOnlyList<string> RateObjects { get; init; }
    /// <summary>Names of a completion rate (完成率).</summary>
    public required IReadOnlyList<string> RateNames { get; init; }
    /// <summary>Names of a completion rate only where they open their clause (开工率, 竣工率).</summary>
    public IReadOnlyList<string> RateClauseNames { get; init; } = [];
    /// <summary>Largest distance from a rate verb to the percentage.</summary>
    public int RateMaxSpan { get; init; } = 16;
    /// <summary>Words that open a parenthesised target after an actual (目标).</summary>
    public required IReadOnlyList<string> InlineTargetOpeners { get; init; }
    /// <summary>Scaffolding words trimmed from the front of an indicator phrase.</summary>
    public required IReadOnlyList<string> IndicatorStripPrefixes { get; init; }
    /// <summary>Words dropped from an indicator phrase wherever they stand (分别).</summary>
    public IReadOnlyList<string> IndicatorStripInfixes { get; init; } = [];
    /// <summary>Verbs trimmed from the end of an indicator phrase.</summary>
    public required IReadOnlyList<string> IndicatorStripSuffixes { get; init; }
    /// <summary>Cues of a planned figure.</summary>
    public required IReadOnlyList<string> PlanCues { get; init; }
    /// <summary>Words right before the comma after a planned total that open its completed part (中).</summary>
    public IReadOnlyList<string> SubsetMarkers { get; init; } = [];
    /// <summary>Cues of a completed figure.</summary>
    public required IReadOnlyList<string> DoneCues { get; init; }
    /// <summary>Words saying an actual is above its target by a difference (高出, 超过).</summary>
    public required IReadOnlyList<string> DerivedHigher { get; init; }
    /// <summary>How a plan word names a figure as the target beside a reported one ("新增45家，年度目标40家").</summary>
    public required CuedTargetCues CuedTargets { get; init; }
    /// <summary>How a short title opens an item before its task ("(三)基础设施。").</summary>
    public required ItemTitleCues ItemTitles { get; init; }
    /// <summary>How a plain paragraph states targets, then reports on them.</summary>
    public required TaskSentenceCues TaskSentences { get; init; }
    /// <summary>How a comparison names its target ("高于300个的年度目标").</summary>
    public required NamedTargetCues NamedTargets { get; init; }
    /// <summary>Words saying an actual is below its target by a difference (低于).</summary>
    public required IReadOnlyList<string> DerivedLower { get; init; }
    /// <summary>Labels opening a statement of targets (目标任务：).</summary>
    public required IReadOnlyList<string> TargetLabels { get; init; }
    /// <summary>Labels opening a statement of results (完成情况：).</summary>
    public required IReadOnlyList<string> ResultLabels { get; init; }
    /// <summary>Words that cannot name an indicator alone (增长, 下降).</summary>
    public required IReadOnlyList<string> BareVerbs { get; init; }
    /// <summary>Administrative levels (国家级, 省级 …).</summary>
    public required IReadOnlyList<string> Levels { get; init; }
    /// <summary>Aggregates of levels (省级以上 …).</summary>
    public required IReadOnlyList<string> LevelAggregates { get; init; }
    /// <summary>Target cue words.</summary>
    public required IReadOnlyList<string> TargetCues { get; init; }
    /// <summary>Claims that a target was met.</summary>
    public required IReadOnlyList<string> MetClaims { get; init; }
    /// <summary>Claims that a target was exceeded.</summary>
    public required IReadOnlyList<string> ExceededClaims { get; init; }
    /// <summary>The auditor's cue words (claim lists, breakdowns), from the <c>claim_lists</c> and <c>breakdowns</c>
    /// keys of cues.json.</summary>
    public AuditCues Audit { get; init; } = AuditCues.Empty;

    /// <summary>The embedded default lexicons.</summary>
    public static LexiconSet Default => DefaultSet.Value;

    /// <summary>The better direction of an indicator name.</summary>
    public Direction DirectionOf(string indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (HigherOverrides.Any(indicator.Contains)) return Direction.HigherIsBetter;
        return LowerIsBetter.Any(indicator.Contains) ? Direction.LowerIsBetter : Direction.HigherIsBetter;
    }

    /// <summary>The canonical indicator an alias names, or null.</summary>
    public IndicatorEntry? ResolveIndicator(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        IndicatorEntry? best = null;
        var bestLen = 0;
        foreach (var ind in Indicators)
        {
            foreach (var alias in ind.Aliases.Append(ind.Name))
            {
                if (alias.Length > bestLen && phrase.Contains(alias, StringComparison.Ordinal))
                {
                    best = ind;
                    bestLen = alias.Length;
                }
            }
        }
        return best;
    }

    /// <summary>Reads the raw JSON of one embedded lexicon file (units, bounds, indicators, cues).</summary>
    public static string ReadEmbedded(string fileName)
    {
        using var stream = typeof(LexiconSet).Assembly.GetManifestResourceStream("GovTextExtract.Lexicons." + fileName)
            ?? throw new InvalidOperationException($"lexicon {fileName} is not embedded in the library");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads a lexicon set from a folder holding units.json, bounds.json, indicators.json and cues.json.</summary>
    public static LexiconSet LoadFrom(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return Build(name => File.ReadAllText(Path.Combine(directory, name)));
    }

    private static LexiconSet LoadEmbedded() => Build(ReadEmbedded);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private static LexiconSet Build(Func<string, string> read)
    {
        var units = JsonSerializer.Deserialize<UnitsFile>(read("units.json"), Json)!;
        var bounds = JsonSerializer.Deserialize<BoundsFile>(read("bounds.json"), Json)!;
        var indicators = JsonSerializer.Deserialize<IndicatorsFile>(read("indicators.json"), Json)!;
        var cues = JsonSerializer.Deserialize<CuesFile>(read("cues.json"), Json)!;
        var unitForms = units.Units
            .Select(u => new UnitEntry(u.Unit, u.Kind, u.Forms))
            .SelectMany(u => u.Forms.Select(f => (Form: f, Unit: u)))
            .OrderByDescending(p => p.Form.Length)
            .ToArray();
        return new LexiconSet
        {
            UnitForms = unitForms,
            SetPhrases = units.SetPhrases?.Phrases ?? [],
            Multipliers = units.Multipliers.Select(m => new MultiplierEntry(m.Text, m.Factor))
                .OrderByDescending(m => m.Text.Length).ToArray(),
            Bounds = bounds.Bounds
                .Select(b => new BoundEntry(b.Text, b.Position == "prefix", ParseBound(b.Bound), b.RequiresPrefix, b.Approximate)
                {
                    NotIn = b.NotIn ?? [],
                })
                .OrderByDescending(b => b.Text.Length).ToArray(),
            PrefixWindow = bounds.PrefixWindow,
            ApproximateAfter = bounds.Approximations.Where(a => a.Position == "after_number").Select(a => a.Text).ToArray(),
            ApproximateBefore = bounds.Approximations.Where(a => a.Position == "prefix").Select(a => a.Text).ToArray(),
            EstimateWords = bounds.Estimates.Words,
            EstimateWindow = bounds.Estimates.Window,
            DecreaseWords = bounds.Decreases.Words,
            Indicators = indicators.Indicators.Select(i => new IndicatorEntry(i.Name, i.Aliases, i.Kind)).ToArray(),
            LowerIsBetter = indicators.LowerIsBetter,
            HigherOverrides = indicators.HigherIsBetterOverrides,
            RateVerbs = cues.RatePatterns.Verbs,
            RateObjects = cues.RatePatterns.Objects,
            RateNames = cues.RatePatterns.Names.OrderByDescending(n => n.Length).ToArray(),
            RateMaxSpan = cues.RatePatterns.MaxSpan,
            RateClauseNames = cues.RatePatterns.ClauseNames ?? [],
            InlineTargetOpeners = cues.InlineTargetOpeners.Words.OrderByDescending(n => n.Length).ToArray(),
            IndicatorStripPrefixes = cues.IndicatorStrip.Prefixes.OrderByDescending(n => n.Length).ToArray(),
            IndicatorStripSuffixes = cues.IndicatorStrip.Suffixes.OrderByDescending(n => n.Length).ToArray(),
            IndicatorStripInfixes = cues.IndicatorStrip.Infixes ?? [],
            PlanCues = cues.PlanCompletion.PlanCues,
            DoneCues = cues.PlanCompletion.DoneCues.OrderByDescending(n => n.Length).ToArray(),
            SubsetMarkers = cues.PlanCompletion.SubsetMarkers ?? [],
            BareVerbs = cues.IndicatorBareVerbs.Words,
            TargetLabels = cues.SectionLabels.Target.OrderByDescending(w => w.Length).ToArray(),
            ResultLabels = cues.SectionLabels.Result.OrderByDescending(w => w.Length).ToArray(),
            DerivedHigher = cues.DerivedTargets.Higher,
            DerivedLower = cues.DerivedTargets.Lower,
            CuedTargets = new CuedTargetCues(cues.CuedTargets.Connectives.OrderByDescending(w => w.Length).ToArray(),
                cues.CuedTargets.Done, cues.CuedTargets.Difference),
            ItemTitles = new ItemTitleCues(cues.ItemTitles.MaxLength, cues.ItemTitles.ReportCues, cues.ItemTitles.TaskVerbs),
            TaskSentences = new TaskSentenceCues(cues.TaskSentences.Openers, cues.TaskSentences.ResultCues),
            NamedTargets = new NamedTargetCues(cues.NamedTargets.Nouns.OrderByDescending(n => n.Length).ToArray(),
                cues.NamedTargets.MaxModifier, cues.NamedTargets.Compare.OrderByDescending(n => n.Length).ToArray(),
                cues.NamedTargets.Relational, cues.NamedTargets.Actual, cues.NamedTargets.Ceiling),
            Levels = cues.LevelParts.Levels,
            LevelAggregates = cues.LevelParts.Aggregates,
            TargetCues = cues.TargetCues,
            MetClaims = cues.SummaryClaims.Met,
            ExceededClaims = cues.SummaryClaims.Exceeded,
            Audit = AuditCues.Parse(read("cues.json")),
        };
    }

    /// <summary>Parses a bound name of the record shape (at_least, at_most, about, range, exact).</summary>
    public static BoundKind ParseBound(string name) => name switch
    {
        "at_least" => BoundKind.AtLeast,
        "at_most" => BoundKind.AtMost,
        "about" => BoundKind.About,
        "range" => BoundKind.Range,
        "exact" => BoundKind.Exact,
        _ => throw new FormatException($"unknown bound '{name}'"),
    };

    private sealed record UnitsFile(List<MultiplierDto> Multipliers, List<UnitDto> Units, SetPhrasesDto? SetPhrases);
    private sealed record SetPhrasesDto(List<string> Phrases);
    private sealed record MultiplierDto(string Text, decimal Factor);
    private sealed record UnitDto(string Unit, string Kind, List<string> Forms);
    private sealed record BoundsFile(int PrefixWindow, List<BoundDto> Bounds, List<ApproxDto> Approximations, WordsDto Estimates, WordsDto Decreases);
    private sealed record BoundDto(string Text, string Position, string Bound, bool RequiresPrefix, bool Approximate, List<string>? NotIn);
    private sealed record ApproxDto(string Text, string Position);
    private sealed record WordsDto(List<string> Words, int Window);
    private sealed record IndicatorsFile(List<string> LowerIsBetter, List<string> HigherIsBetterOverrides, List<IndicatorDto> Indicators);
    private sealed record IndicatorDto(string Name, List<string> Aliases, string Kind);
    private sealed record CuesFile(List<string> TargetCues, RateDto RatePatterns, ClaimsDto SummaryClaims,
        WordsDto InlineTargetOpeners, StripDto IndicatorStrip, PlanDto PlanCompletion, LevelsDto LevelParts, DerivedDto DerivedTargets, WordsDto IndicatorBareVerbs, LabelsDto SectionLabels,
        NamedTargetsDto NamedTargets, TaskSentencesDto TaskSentences,
        CuedTargetsDto CuedTargets, ItemTitlesDto ItemTitles);
    private sealed record ItemTitlesDto(int MaxLength, List<string> ReportCues, List<string> TaskVerbs);
    private sealed record CuedTargetsDto(List<string> Connectives, List<string> Done, List<string> Difference);
    private sealed record TaskSentencesDto(List<string> Openers, List<string> ResultCues);
    private sealed record NamedTargetsDto(List<string> Nouns, int MaxModifier, List<string> Compare, List<string> Relational,
        List<string> Actual, List<string> Ceiling);
    private sealed record LabelsDto(List<string> Target, List<string> Result);
    private sealed record DerivedDto(List<string> Higher, List<string> Lower);
    private sealed record RateDto(List<string> Verbs, List<string> Objects, List<string> Names, int MaxSpan, List<string>? ClauseNames);
    private sealed record StripDto(List<string> Prefixes, List<string> Suffixes, List<string>? Infixes);
    private sealed record PlanDto(List<string> PlanCues, List<string> DoneCues, List<string>? SubsetMarkers);
    private sealed record LevelsDto(List<string> Levels, List<string> Aggregates);
    private sealed record ClaimsDto(List<string> Met, List<string> Exceeded);
}
