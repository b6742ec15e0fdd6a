using System.Globalization;
using System.IO.Compression;

namespace GovTextExtract.Loading;

/// <summary>Checks a zip container before a parser opens it: entry count and declared sizes against the caps, then
/// every entry decompressed once while its bytes are counted (headers can lie) and its XML nesting measured, so that
/// a zip bomb or a hostile part is rejected before the parser meets it and a damaged archive is rejected with a typed
/// error.</summary>
internal static class ZipGuard
{
    /// <summary>The entry a Word document's zip must hold.</summary>
    public const string WordDocumentEntry = "word/document.xml";

    /// <summary>Deepest XML element nesting accepted in a part. Word nests a paragraph about eight deep per table
    /// level; building a tree of thousands of nested unknown elements costs the SDK seconds.</summary>
    internal const int MaxXmlDepth = 1000;

    /// <summary>Tracks, byte by byte, an upper estimate of XML element nesting (start tags deepen, end tags and
    /// self-closing tags do not; comments, declarations and processing instructions are skipped).</summary>
    internal sealed class XmlDepthMeter
    {
        private int _state; // 0 text, 1 after '<', 2 start tag, 3 end tag, 4 declaration or instruction
        private byte _previous;
        private int _depth;

        /// <summary>The deepest nesting seen.</summary>
        public int Max { get; private set; }

        /// <summary>Characters seen between tags (UTF-8 lead bytes; an entity counts by its bytes): an upper bound of
        /// the text the part gives.</summary>
        public long TextCharacters { get; private set; }

        /// <summary>Reads more bytes of the part.</summary>
        public void Feed(ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                switch (_state)
                {
                    case 0:
                        if (b == '<') _state = 1;
                        else if ((b & 0xC0) != 0x80) TextCharacters++;
                        break;
                    case 1:
                        _state = b switch { (byte)'/' => 3, (byte)'?' or (byte)'!' => 4, _ => 2 };
                        break;
                    case 2:
                        if (b == '>')
                        {
                            if (_previous != '/') Max = Math.Max(Max, ++_depth);
                            _state = 0;
                        }
                        break;
                    default:
                        if (b == '>')
                        {
                            if (_state == 3) _depth = Math.Max(0, _depth - 1);
                            _state = 0;
                        }
                        break;
                }
                _previous = b;
            }
        }
    }

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
                var xml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                    || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                var depth = new XmlDepthMeter();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += read;
                    if (total > options.MaxDecompressedBytes)
                        throw new DocumentLoadException(name, LoadFailure.ZipBomb, string.Create(CultureInfo.InvariantCulture,
                            $"the zip expands past the limit of {options.MaxDecompressedBytes} bytes (at entry {entry.FullName})"));
                    if (xml) depth.Feed(buffer.AsSpan(0, read));
                    if (depth.TextCharacters > options.MaxTextCharacters)
                        throw StructuredTextBuilder.TooLarge(name, options.MaxTextCharacters, entry.FullName + ", counted while inflating");
                    ct.ThrowIfCancellationRequested();
                }
                if (depth.Max > MaxXmlDepth)
                    throw new DocumentLoadException(name, LoadFailure.Corrupt, string.Create(CultureInfo.InvariantCulture,
                        $"{entry.FullName} nests elements {depth.Max} deep, more than the limit of {MaxXmlDepth}"));
            }
        }
        catch (Exception e) when (e is not (DocumentLoadException or OperationCanceledException))
        {
            throw new DocumentLoadException(name, LoadFailure.Corrupt,
                $"damaged or truncated zip archive ({e.GetType().Name}: {e.Message})", e);
        }
    }
}
