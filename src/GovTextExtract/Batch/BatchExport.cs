using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GovTextExtract.Output;
using GovTextExtract.Records;

namespace GovTextExtract.Batch;

/// <summary>Writes the documents of a batch as JSON Lines or CSV.</summary>
/// <remarks>
/// <para>JSON Lines: one object per document, <c>{"document", "sha256", "size", "format", "status", "failure",
/// "error", "records": [...]}</c>, records in the snake_case shape of <c>govtext extract</c>; failed documents
/// appear too, with their reason and no records.</para>
/// <para>CSV: the columns of <see cref="RecordCsvWriter"/> after a <c>document</c> column, one row per record;
/// failed documents have no row.</para>
/// </remarks>
public static class BatchExport
{
    private static readonly JsonWriterOptions LineOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes the store as JSON Lines, ordered by key.</summary>
    public static void WriteJsonLines(BatchStore store, Stream output)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, LineOptions);
        foreach (var doc in store.ReadDocuments())
        {
            WriteLine(json, doc.Key, doc.Sha256, doc.Size, doc.Format, doc.Status, doc.Failure, doc.Error, doc.RecordJson);
            json.Flush();
            output.WriteByte((byte)'\n');
            json.Reset();
        }
    }

    /// <summary>Writes one document as a JSON line (with the final newline).</summary>
    public static void WriteJsonLine(BatchDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var json = new Utf8JsonWriter(output, LineOptions);
        WriteLine(json, document.Key, document.Sha256, document.Size, document.Format, document.Status, document.Failure,
            document.Error, document.Records.Select(r => JsonSerializer.Serialize(r, RecordJson.Compact)).ToArray());
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>Writes the store's records as CSV (UTF-8 with a byte-order mark), ordered by key.</summary>
    public static void WriteCsv(BatchStore store, Stream output)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, Utf8, 1 << 16, leaveOpen: true);
        var csv = new RecordCsvWriter(writer, "document");
        csv.WriteHeader();
        foreach (var doc in store.ReadDocuments())
        {
            foreach (var json in doc.RecordJson)
                csv.Write(ParseRecord(json, store.Path, doc.Key), doc.Key);
        }
        writer.Flush();
    }

    private static CompletionRecord ParseRecord(string json, string store, string key)
    {
        try
        {
            return JsonSerializer.Deserialize<CompletionRecord>(json, RecordJson.Compact)
                   ?? throw new JsonException("null record");
        }
        catch (JsonException e)
        {
            throw new BatchStoreException(store, $"the stored record of {key} is not valid record JSON: {e.Message}", e);
        }
    }

    private static void WriteLine(Utf8JsonWriter json, string key, string? sha256, long size, string? format,
        BatchStatus status, string? failure, string? error, IReadOnlyList<string> records)
    {
        json.WriteStartObject();
        json.WriteString("document", key);
        json.WriteString("sha256", sha256);
        json.WriteNumber("size", size);
        json.WriteString("format", format);
        json.WriteString("status", BatchStore.StatusName(status));
        json.WriteString("failure", failure);
        json.WriteString("error", error);
        json.WriteStartArray("records");
        foreach (var record in records)
            json.WriteRawValue(record, skipInputValidation: true);
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
