using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GovTextExtract.Output;

/// <summary>The JSON shape of records: snake_case names, enums as snake_case strings, Chinese kept readable.</summary>
public static class RecordJson
{
    /// <summary>Serializer options for records and results (indented).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    /// <summary>Serializer options for one-object-a-line output.</summary>
    public static JsonSerializerOptions Compact { get; } = Create(indented: false);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NumberHandling = JsonNumberHandling.Strict,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}
