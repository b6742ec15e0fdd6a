using System.Text.Json;
using GovTextExtract.Lexicons;

namespace GovTextExtract.Panel;

/// <summary>The place and absent-target lists of the research panel, loaded from the embedded <c>panel.json</c>.</summary>
internal sealed class PanelLexicon
{
    private static readonly Lazy<PanelLexicon> DefaultLexicon = new(() => Parse(LexiconSet.ReadEmbedded("panel.json")));

    public static PanelLexicon Default => DefaultLexicon.Value;

    public required string NationalName { get; init; }
    public required IReadOnlyList<string> NationalWords { get; init; }
    public required IReadOnlyList<string> Provinces { get; init; }
    public required IReadOnlyList<string> ProvinceSuffixes { get; init; }
    public required IReadOnlyList<string> PrefectureSuffixes { get; init; }
    public required IReadOnlyList<string> CountySuffixes { get; init; }
    public required IReadOnlyList<string> GenericWords { get; init; }
    public required IReadOnlyList<PlaceExample> PlaceExamples { get; init; }

    public required IReadOnlyList<string> AbsentMarkers { get; init; }
    public required IReadOnlyList<string> AbsentObjects { get; init; }
    public required IReadOnlyList<string> GrowthWords { get; init; }
    public required IReadOnlyList<string> RejectWords { get; init; }
    public required int MaxGap { get; init; }
    public required IReadOnlyList<AbsentExample> AbsentExamples { get; init; }

    /// <summary>An example of place normalisation that the tests check.</summary>
    internal sealed record PlaceExample(string Text, string? Place, string? Level);

    /// <summary>An example of an absent-target sentence that the tests check.</summary>
    internal sealed record AbsentExample(string Text, string? IndicatorId);

    /// <summary>Parses the JSON of <c>panel.json</c>.</summary>
    /// <exception cref="FormatException">The JSON is not valid or lacks a section.</exception>
    public static PanelLexicon Parse(string json)
    {
        var file = LexiconJson.Deserialize<FileDto>(json, "panel.json");
        if (file.Places is not { } p || file.AbsentTargets is not { } a)
            throw new FormatException("panel.json lacks one of the sections places, absent_targets");
        static string[] Longest(IEnumerable<string> words) => words.OrderByDescending(w => w.Length).ToArray();
        return new PanelLexicon
        {
            NationalName = p.NationalName,
            NationalWords = p.NationalWords,
            Provinces = p.Provinces,
            ProvinceSuffixes = Longest(p.ProvinceSuffixes),
            PrefectureSuffixes = Longest(p.PrefectureSuffixes),
            CountySuffixes = Longest(p.CountySuffixes),
            GenericWords = p.GenericWords,
            PlaceExamples = p.Examples ?? [],
            AbsentMarkers = Longest(a.Markers),
            AbsentObjects = Longest(a.Objects),
            GrowthWords = a.GrowthWords,
            RejectWords = a.RejectWords,
            MaxGap = a.MaxGap,
            AbsentExamples = a.Examples ?? [],
        };
    }

    private sealed record FileDto(PlacesDto? Places, AbsentDto? AbsentTargets);
    private sealed record PlacesDto(string NationalName, List<string> NationalWords, List<string> Provinces,
        List<string> ProvinceSuffixes, List<string> PrefectureSuffixes, List<string> CountySuffixes, List<string> GenericWords,
        List<PlaceExample>? Examples);
    private sealed record AbsentDto(List<string> Markers, List<string> Objects, List<string> GrowthWords,
        List<string> RejectWords, int MaxGap, List<AbsentExample>? Examples);
}
