using System.Text.Json;

namespace GovTextExtract.Lexicons;

/// <summary>Reads a lexicon data file: snake_case names, comments allowed, a malformed or empty file a
/// <see cref="FormatException"/> that names it.</summary>
internal static class LexiconJson
{
    /// <summary>The serializer options of the lexicon files.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Deserializes <paramref name="json"/>, the content of the file <paramref name="file"/>.</summary>
    /// <exception cref="FormatException">The JSON is not valid, or is empty.</exception>
    public static T Deserialize<T>(string json, string file) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new FormatException(file + " is empty");
        }
        catch (JsonException e)
        {
            throw new FormatException(file + ": " + e.Message, e);
        }
    }
}
