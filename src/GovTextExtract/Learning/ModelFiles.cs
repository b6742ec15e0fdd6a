using System.IO.Compression;
using Microsoft.ML;

namespace GovTextExtract.Learning;

/// <summary>Saves ML.NET models as zips whose bytes depend only on the model (entries in a fixed order, fixed
/// timestamps), so that training twice on the same data gives the same file.</summary>
internal static class ModelFiles
{
    public static void Save(MLContext ml, ITransformer model, DataViewSchema schema, Stream stream)
    {
        using var raw = new MemoryStream();
        ml.Model.Save(model, schema, raw);
        raw.Position = 0;
        using var source = new ZipArchive(raw, ZipArchiveMode.Read);
        using var target = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var stamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var entry in source.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            var copy = target.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = stamp;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    /// <summary>Reads a model zip from a stream (ML.NET seeks, so a forward-only stream is copied first).</summary>
    public static ITransformer Load(MLContext ml, Stream stream, out DataViewSchema schema)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        return ml.Model.Load(buffer, out schema);
    }
}
