using System.Text.Json;

namespace GovTextExtract.Roles;

/// <summary>The cue-word groups of <c>models/rules/cue-groups.json</c>: vocabulary whose presence near a figure the
/// classifiers read as features.</summary>
public sealed class CueGroups
{
    private const string ResourceName = "GovTextExtract.Rules.cue-groups.json";

    private static readonly Lazy<CueGroups> DefaultGroups = new(() =>
    {
        using var stream = typeof(CueGroups).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidDataException("the embedded cue groups are missing: " + ResourceName);
        return Load(stream);
    });

    private CueGroups(IReadOnlyList<string> names, IReadOnlyList<string[]> words)
    {
        Names = names;
        Words = words;
    }

    /// <summary>The groups shipped with the library.</summary>
    public static CueGroups Default => DefaultGroups.Value;

    /// <summary>The group names, in file order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The words of each group, in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<string[]> Words { get; }

    /// <summary>Reads a cue-group file.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid cue-group file.</exception>
    public static CueGroups Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var json = JsonDocument.Parse(stream);
            var groups = json.RootElement.GetProperty("groups");
            var names = new List<string>();
            var words = new List<string[]>();
            foreach (var g in groups.EnumerateObject())
            {
                names.Add(g.Name);
                words.Add(g.Value.EnumerateArray().Select(w => w.GetString() ?? "").Where(w => w.Length > 0).ToArray());
            }
            if (names.Count == 0) throw new InvalidDataException("cue groups: no groups");
            return new CueGroups(names, words);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException("cue groups: " + e.Message, e);
        }
    }

    /// <summary>The words of the group named <paramref name="name"/> (none when there is no such group).</summary>
    public IReadOnlyList<string> WordsOf(string name)
    {
        for (var g = 0; g < Names.Count; g++)
            if (Names[g] == name) return Words[g];
        return [];
    }

    /// <summary>Writes, for each group, 1 when <paramref name="text"/> holds one of its words, else 0.</summary>
    internal void Mark(ReadOnlySpan<char> text, Span<float> into)
    {
        for (var g = 0; g < Words.Count; g++)
        {
            into[g] = 0;
            foreach (var w in Words[g])
            {
                if (text.Contains(w, StringComparison.Ordinal))
                {
                    into[g] = 1;
                    break;
                }
            }
        }
    }
}
