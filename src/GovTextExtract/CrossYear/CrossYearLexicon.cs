using System.Text.Json;
using GovTextExtract.Lexicons;

namespace GovTextExtract.CrossYear;

/// <summary>What an indicator group measures, which decides how its figures are read.</summary>
internal enum IndicatorKind
{
    /// <summary>A total whose level (亿元, 元, 人) and growth (%) are both stated.</summary>
    Flow,
    /// <summary>A percentage level (失业率, 涨幅, 强度).</summary>
    Rate,
    /// <summary>A percentage fall (能耗降低3%): the value is the fall.</summary>
    Reduction,
    /// <summary>A number of people or things, or an amount, in the year.</summary>
    Count,
}

/// <summary>An indicator with the names the genre gives it.</summary>
/// <param name="Name">Canonical name.</param>
/// <param name="Kind">What it measures.</param>
/// <param name="Aliases">Written names.</param>
/// <param name="AverageBasis">True when the figure is a yearly average (a year-end figure does not report it).</param>
/// <param name="Examples">Phrases that must resolve to this group.</param>
internal sealed record IndicatorGroup(string Name, IndicatorKind Kind, IReadOnlyList<string> Aliases, bool AverageBasis,
    IReadOnlyList<string> Examples)
{
    /// <summary>Stable snake_case id (gdp, cpi); null for a group the file gives none.</summary>
    public string? Id { get; init; }
    /// <summary>English name.</summary>
    public string? NameEn { get; init; }
    /// <summary>Unit of the level (元, 人, 斤, %).</summary>
    public string? Unit { get; init; }
    /// <summary><c>higher</c> or <c>lower</c>: the direction in which the level improves.</summary>
    public string? Better { get; init; }
}

/// <summary>A factor between two units of one kind.</summary>
internal sealed record UnitConversion(string From, string To, decimal Factor);

/// <summary>The cue lists and alias groups of cross-year pairing, loaded from the embedded <c>cross-year.json</c>.</summary>
/// <remarks>Kept apart from <c>indicators.json</c> because the cross-year groups are finer: 地方财政总收入 and
/// 一般公共预算收入 are different indicators here, and bare words such as 财政收入 would pair them.</remarks>
internal sealed class CrossYearLexicon
{
    private static readonly Lazy<CrossYearLexicon> DefaultLexicon = new(() => Parse(LexiconSet.ReadEmbedded("cross-year.json")));

    public static CrossYearLexicon Default => DefaultLexicon.Value;

    public required IReadOnlyList<string> StatementCues { get; init; }
    public required IReadOnlyList<string> StatementWeakCues { get; init; }
    public required IReadOnlyList<string> StatementConnectors { get; init; }
    public required IReadOnlyList<string> StatementFiveYearMarkers { get; init; }
    public required IReadOnlyList<string> ThisYearWords { get; init; }
    public required IReadOnlyList<string> StatementEndCues { get; init; }
    public required int OpeningWindow { get; init; }
    /// <summary>How far into a document its title words are looked for.</summary>
    public int WorkReportWindow { get; init; } = 300;
    /// <summary>Words of a work report's opening (政府工作报告).</summary>
    public IReadOnlyList<string> WorkReportTitleWords { get; init; } = [];
    /// <summary>Words of a circular's title that rule out a work report (通报, 完成情况).</summary>
    public IReadOnlyList<string> CircularWords { get; init; } = [];
    public required IReadOnlyList<string> YearMarkers { get; init; }
    public required IReadOnlyList<string> FiveYearMarkers { get; init; }
    public required IReadOnlyList<string> FigureRejectMarkers { get; init; }
    /// <summary>Phrases that hold a period marker without naming a period (年均浓度: the year's mean).</summary>
    public IReadOnlyList<string> MarkerExceptions { get; init; } = [];

    /// <summary>The text with every <see cref="MarkerExceptions"/> phrase blanked, for a period-marker test.</summary>
    public string WithoutMarkerExceptions(string text)
    {
        foreach (var e in MarkerExceptions) text = text.Replace(e, new string(' ', e.Length), StringComparison.Ordinal);
        return text;
    }
    public required IReadOnlyList<string> FutureMarkers { get; init; }
    public required IReadOnlyList<string> YearEndMarkers { get; init; }
    public required IReadOnlyList<string> AverageMarkers { get; init; }
    public required IReadOnlyList<string> ReachVerbs { get; init; }
    public required IReadOnlyList<string> ScopeWords { get; init; }
    public required IReadOnlyList<string> LeadIns { get; init; }
    public required IReadOnlyList<string> RatioMarkers { get; init; }
    public required IReadOnlyList<string> Continuations { get; init; }
    public required IReadOnlyList<string> GrowthVerbs { get; init; }
    public IReadOnlyList<string> LevelVerbs { get; init; } = [];
    public required IReadOnlyList<string> DecreaseVerbs { get; init; }
    public required IReadOnlyList<string> Comparators { get; init; }
    public required string Respectively { get; init; }
    public required IReadOnlyList<string> ListSeparators { get; init; }
    public required IReadOnlyList<string> FlatPhrases { get; init; }
    public required IReadOnlyList<string> Aspirations { get; init; }
    public required IReadOnlyList<(string Prefix, IReadOnlyList<string> Expands)> PairPrefixes { get; init; }
    public required IReadOnlyList<string> RateCues { get; init; }
    public required IReadOnlyList<string> CompletionClaims { get; init; }
    public required IReadOnlyList<IndicatorGroup> Groups { get; init; }
    public required IReadOnlyList<UnitConversion> Conversions { get; init; }

    /// <summary>Every alias with its group, longest first.</summary>
    public required IReadOnlyList<(string Alias, IndicatorGroup Group)> Aliases { get; init; }

    /// <summary>The aliases grouped by first character, longest first.</summary>
    public required IReadOnlyDictionary<char, (string Alias, IndicatorGroup Group)[]> AliasesByFirstChar { get; init; }

    /// <summary>The group a phrase names (the longest alias it contains), or null.</summary>
    public IndicatorGroup? Resolve(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        foreach (var (alias, group) in Aliases)
            if (phrase.Contains(alias, StringComparison.Ordinal)) return group;
        return null;
    }

    /// <summary>The factor that turns a value in <paramref name="from"/> into <paramref name="to"/>, or null.</summary>
    public decimal? ConversionFactor(string from, string to)
    {
        if (from == to) return 1m;
        foreach (var c in Conversions)
        {
            if (c.From == from && c.To == to) return c.Factor;
            if (c.From == to && c.To == from) return 1m / c.Factor;
        }
        return null;
    }

    /// <summary>Parses the JSON of <c>cross-year.json</c>.</summary>
    /// <exception cref="FormatException">The JSON lacks a section or names an unknown kind.</exception>
    public static CrossYearLexicon Parse(string json)
    {
        var file = LexiconJson.Deserialize<FileDto>(json, "cross-year.json");
        if (file.Statement is null || file.Scope is null || file.Subject is null || file.Indicators is null)
            throw new FormatException("cross-year.json lacks one of the sections statement, scope, subject, indicators");
        var groups = file.Indicators.Groups.Select(g => new IndicatorGroup(g.Name, ParseKind(g.Kind), g.Aliases,
            g.Basis == "average", g.Examples ?? []) { Id = g.Id, NameEn = g.NameEn, Unit = g.Unit, Better = g.Better }).ToArray();
        var aliases = groups.SelectMany(g => g.Aliases.Append(g.Name).Distinct().Select(a => (Alias: a, Group: g)))
            .OrderByDescending(p => p.Alias.Length).ToArray();
        return new CrossYearLexicon
        {
            StatementCues = Longest(file.Statement.Cues),
            StatementWeakCues = Longest(file.Statement.WeakCues ?? []),
            StatementConnectors = Longest(file.Statement.Connectors ?? [""]),
            StatementFiveYearMarkers = file.Statement.FiveYearMarkers,
            ThisYearWords = file.Statement.ThisYearWords ?? ["今年"],
            StatementEndCues = Longest(file.Statement.EndCues),
            OpeningWindow = file.Scope.OpeningWindow,
            WorkReportWindow = file.WorkReport?.OpeningWindow ?? 300,
            WorkReportTitleWords = file.WorkReport?.TitleWords ?? [],
            CircularWords = file.WorkReport?.CircularWords ?? [],
            YearMarkers = file.Scope.YearMarkers,
            FiveYearMarkers = file.Scope.FiveYearMarkers,
            FigureRejectMarkers = file.Scope.FigureRejectMarkers,
            MarkerExceptions = file.Scope.MarkerExceptions ?? [],
            FutureMarkers = file.Scope.FutureMarkers,
            YearEndMarkers = file.Scope.YearEndMarkers,
            AverageMarkers = file.Scope.AverageMarkers,
            ReachVerbs = Longest(file.Scope.ReachVerbs ?? []),
            ScopeWords = Longest(file.Subject.ScopeWords),
            LeadIns = Longest(file.Subject.LeadIns),
            RatioMarkers = Longest(file.Subject.RatioMarkers),
            Continuations = Longest(file.Subject.Continuations),
            GrowthVerbs = Longest(file.Subject.GrowthVerbs),
            LevelVerbs = Longest(file.Subject.LevelVerbs ?? []),
            DecreaseVerbs = Longest(file.Subject.DecreaseVerbs),
            Comparators = Longest(file.Subject.Comparators),
            Respectively = file.Subject.Respectively,
            ListSeparators = file.Subject.ListSeparators,
            FlatPhrases = Longest(file.Subject.FlatPhrases),
            Aspirations = Longest(file.Subject.Aspirations ?? []),
            PairPrefixes = (file.Subject.PairPrefixes ?? []).Select(p => (p.Prefix, (IReadOnlyList<string>)p.Expands)).ToArray(),
            RateCues = Longest(file.RateCues?.Before ?? []),
            CompletionClaims = Longest(file.CompletionClaims?.Phrases ?? []),
            Groups = groups,
            Conversions = (file.UnitConversions?.Conversions ?? []).Select(c => new UnitConversion(c.From, c.To, c.Factor)).ToArray(),
            Aliases = aliases,
            AliasesByFirstChar = MentionReader.IndexByFirstChar(aliases),
        };
    }

    private static string[] Longest(IEnumerable<string> words) => words.OrderByDescending(w => w.Length).ToArray();

    private static IndicatorKind ParseKind(string kind) => kind switch
    {
        "flow" => IndicatorKind.Flow,
        "rate" => IndicatorKind.Rate,
        "reduction" => IndicatorKind.Reduction,
        "count" => IndicatorKind.Count,
        _ => throw new FormatException($"cross-year.json: unknown indicator kind '{kind}'"),
    };

    private sealed record FileDto(StatementDto? Statement, ScopeDto? Scope, SubjectDto? Subject, RateDto? RateCues,
        ClaimsDto? CompletionClaims, IndicatorsDto? Indicators, ConversionsDto? UnitConversions, WorkReportDto? WorkReport);
    private sealed record WorkReportDto(int OpeningWindow, List<string> TitleWords, List<string> CircularWords);
    private sealed record StatementDto(List<string> Cues, List<string>? WeakCues, List<string>? Connectors, List<string> FiveYearMarkers, List<string>? ThisYearWords,
        List<string> EndCues);
    private sealed record ScopeDto(int OpeningWindow, List<string> YearMarkers, List<string> FiveYearMarkers,
        List<string> FigureRejectMarkers, List<string> FutureMarkers, List<string> YearEndMarkers, List<string> AverageMarkers,
        List<string>? ReachVerbs, List<string>? MarkerExceptions);
    private sealed record SubjectDto(List<string> ScopeWords, List<string> LeadIns, List<string> RatioMarkers,
        List<string> Continuations, List<string> GrowthVerbs, List<string> DecreaseVerbs, List<string> Comparators,
        string Respectively, List<string> ListSeparators, List<string> FlatPhrases, List<string>? Aspirations,
        List<PairPrefixDto>? PairPrefixes, List<string>? LevelVerbs);
    private sealed record PairPrefixDto(string Prefix, List<string> Expands);
    private sealed record RateDto(List<string> Before);
    private sealed record ClaimsDto(List<string> Phrases);
    private sealed record IndicatorsDto(List<GroupDto> Groups);
    private sealed record GroupDto(string Name, string Kind, List<string> Aliases, string? Basis, List<string>? Examples,
        string? Id = null, string? NameEn = null, string? Unit = null, string? Better = null);
    private sealed record ConversionsDto(List<ConversionDto> Conversions);
    private sealed record ConversionDto(string From, string To, decimal Factor);
}
