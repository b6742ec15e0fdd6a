using System.Globalization;
using System.IO.Compression;

namespace GovTextExtract.Loading;

/// <summary>Checks a zip container before a parser opens it: entry count and declared sizes against the caps, then
/// every entry decompressed once while its bytes are counted (headers can lie), so that a zip bomb is rejected
/// before it expands and a damaged archive is rejected with a typed error.</summary>
internal static class ZipGuard
{
    /// <summary>The entry a Word document's zip must hold.</summary>
    public const string WordDocumentEntry = "word/document.xml";

    /// <summary>True when the bytes open as a zip archive that holds <c>word/document.xml</c>; false for any other or
    /// damaged archive.</summary>
    public static bool HoldsWordDocument(byte[] bytes)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return archive.GetEntry(WordDocumentEntry) is not null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Validates a Word document's zip.</summary>
    /// <exception cref="DocumentLoadException"><see cref="LoadFailure.ZipBomb"/> past a cap;
    /// <see cref="LoadFailure.Corrupt"/> for a damaged archive or one without <c>word/document.xml</c>.</exception>
    public static void Validate(byte[] bytes, string name, LoadOptions options, CancellationToken ct)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var entries = archive.Entries;
            if (entries.Count > options.MaxZipEntries)
                throw new DocumentLoadException(name, LoadFailure.ZipBomb, string.Create(CultureInfo.InvariantCulture,
                    $"the zip holds {entries.Count} entries, more than the limit of {options.MaxZipEntries}"));
            long declared = 0;
            foreach (var entry in entries)
                declared += entry.Length;
            if (declared > options.MaxDecompressedBytes)
                throw new DocumentLoadException(name, LoadFailure.ZipBomb, string.Create(CultureInfo.InvariantCulture,
                    $"the zip declares {declared} bytes uncompressed, more than the limit of {options.MaxDecompressedBytes}"));
            if (archive.GetEntry(WordDocumentEntry) is null)
                throw new DocumentLoadException(name, LoadFailure.Corrupt,
                    "a zip archive without word/document.xml: not a Word (DOCX) document");
            var buffer = new byte[65536];
            long total = 0;
            foreach (var entry in entries)
            {
                ct.ThrowIfCancellationRequested();
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > options.MaxDecompressedBytes)
                        throw new DocumentLoadException(name, LoadFailure.ZipBomb, string.Create(CultureInfo.InvariantCulture,
                            $"the zip expands past the limit of {options.MaxDecompressedBytes} bytes (at entry {entry.FullName})"));
                    ct.ThrowIfCancellationRequested();
                }
            }
        }
        catch (Exception e) when (e is not (DocumentLoadException or OperationCanceledException))
        {
            throw new DocumentLoadException(name, LoadFailure.Corrupt,
                $"damaged or truncated zip archive ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
