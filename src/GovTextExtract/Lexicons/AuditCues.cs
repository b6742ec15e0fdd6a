using System.Text.Json;

namespace GovTextExtract.Lexicons;

/// <summary>The cue words the auditor reads from <c>cues.json</c>: how a claim of completion lists what it covers
/// (<c>claim_lists</c>) and how a total is broken down into parts (<c>breakdowns</c>).</summary>
public sealed record AuditCues
{
    /// <summary>No cue words: the auditor then recognises no claim lists and no breakdowns.</summary>
    public static AuditCues Empty { get; } = new();

    /// <summary>Words trimmed from the end of a claim's list (等指标, 均), longest first.</summary>
    public IReadOnlyList<string> ListTails { get; init; } = [];
    /// <summary>Words that open an indicator phrase (新增, 培育): a glued list is split before them.</summary>
    public IReadOnlyList<string> PhraseOpeners { get; init; } = [];
    /// <summary>Words that close an indicator phrase (增长): a glued list is split after them.</summary>
    public IReadOnlyList<string> PhraseClosers { get; init; } = [];
    /// <summary>Words that, right before a claim word, deny it (未, 尚未).</summary>
    public IReadOnlyList<string> Negations { get; init; } = [];
    /// <summary>Words that, shortly before a claim word, make it less than a claim of completion (基本, 大部分).</summary>
    public IReadOnlyList<string> Hedges { get; init; } = [];
    /// <summary>How many characters before a claim word a hedge reaches.</summary>
    public int HedgeWindow { get; init; } = 10;
    /// <summary>Claim words that, with no list and in a paragraph reporting no figures, cover the whole document.</summary>
    public IReadOnlyList<string> WholeDocumentClaims { get; init; } = [];
    /// <summary>Words after a whole's noun that make the figures that follow its parts (中: "30个项目中12个…").</summary>
    public IReadOnlyList<string> WholeMarkers { get; init; } = [];
    /// <summary>Words that open a breakdown which may leave parts out (其中).</summary>
    public IReadOnlyList<string> SubsetOpeners { get; init; } = [];
    /// <summary>Words that call a figure a total (总, 合计): such a figure is not a part of a breakdown.</summary>
    public IReadOnlyList<string> TotalWords { get; init; } = [];
    /// <summary>How many characters may stand before a part's figure at the head of its clause.</summary>
    public int PartPrefixMax { get; init; } = 3;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads the auditor's keys of a <c>cues.json</c> text; absent keys give empty lists.</summary>
    /// <exception cref="JsonException">The text is not valid JSON of the expected shape.</exception>
    public static AuditCues Parse(string cuesJson)
    {
        ArgumentNullException.ThrowIfNull(cuesJson);
        var file = JsonSerializer.Deserialize<CuesFile>(cuesJson, Json) ?? new CuesFile(null, null);
        var c = file.ClaimLists;
        var b = file.Breakdowns;
        return new AuditCues
        {
            ListTails = Longest(c?.Tails),
            PhraseOpeners = Longest(c?.Openers),
            PhraseClosers = Longest(c?.Closers),
            Negations = Longest(c?.Negations),
            Hedges = Longest(c?.Hedges),
            HedgeWindow = c?.HedgeWindow ?? 10,
            WholeDocumentClaims = Longest(c?.WholeDocument),
            WholeMarkers = Longest(b?.WholeMarkers),
            SubsetOpeners = Longest(b?.SubsetOpeners),
            TotalWords = Longest(b?.TotalWords),
            PartPrefixMax = b?.PartPrefixMax ?? 3,
        };
    }

    private static string[] Longest(List<string>? words) =>
        words is null ? [] : words.Where(w => w.Length > 0).OrderByDescending(w => w.Length).ToArray();

    private sealed record CuesFile(ClaimListsDto? ClaimLists, BreakdownsDto? Breakdowns);
    private sealed record ClaimListsDto(List<string>? Tails, List<string>? Openers, List<string>? Closers,
        List<string>? Negations, List<string>? Hedges, int? HedgeWindow, List<string>? WholeDocument);
    private sealed record BreakdownsDto(List<string>? WholeMarkers, List<string>? SubsetOpeners, List<string>? TotalWords, int? PartPrefixMax);
}
