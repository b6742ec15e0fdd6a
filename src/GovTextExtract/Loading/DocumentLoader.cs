using System.Globalization;
using System.Text;

namespace GovTextExtract.Loading;

/// <summary>Loads documents from files, streams or bytes: plain text, HTML pages, Word (DOCX) documents and PDFs,
/// chosen by content (magic bytes and markup sniffing), not by file extension.</summary>
/// <remarks>
/// <para>Dispatch: <c>%PDF-</c> in the first 1024 bytes → PDF; a zip (<c>PK\x03\x04</c>) → DOCX, which must hold
/// <c>word/document.xml</c>; <c>&lt;!doctype html</c>, <c>&lt;html</c> or another HTML start tag after a BOM, whitespace
/// and comments → HTML; anything else → plain text (an <c>.htm</c>/<c>.html</c> name whose content has tags also
/// reads as HTML).</para>
/// <para>Plain text: a BOM (UTF-8, UTF-16, UTF-32) wins; else the bytes decide: UTF-8 (a few invalid bytes become
/// U+FFFD, with a warning in <see cref="LoadedDocument.Warnings"/>), UTF-16 LE or BE without a BOM, Big5, else GB18030
/// (a superset of GBK and GB2312). Bytes that decode to mostly control characters are rejected as binary. HTML adds
/// the charset a meta tag declares, unless the bytes contradict it (see <see cref="LoadOptions.Encoding"/>).</para>
/// <para>Every failure is a <see cref="DocumentLoadException"/> naming the file and the reason; HTML, DOCX and PDF
/// reading runs under <see cref="LoadOptions.TimeBudget"/>.</para>
/// </remarks>
public static class DocumentLoader
{
    static DocumentLoader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Loads a file.</summary>
    /// <exception cref="DocumentLoadException">The file is missing, unreadable, empty, too large, damaged, encrypted,
    /// not text, or took longer than the time budget.</exception>
    public static LoadedDocument Load(string path, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= LoadOptions.Default;
        var name = System.IO.Path.GetFileName(path);
        // By type, before anything is opened: opening a FIFO waits for a writer, reading /dev/zero never ends.
        CheckRegularFile(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > options.MaxFileBytes)
                throw new DocumentLoadException(path, LoadFailure.TooLarge, string.Create(CultureInfo.InvariantCulture,
                    $"file is {info.Length} bytes, more than the limit of {options.MaxFileBytes}"));
            // Bounded: a file whose size says 0 (/proc, a file still growing) is read only up to the limit.
            bytes = ReadAtMost(path, options.MaxFileBytes)
                    ?? throw new DocumentLoadException(path, LoadFailure.TooLarge, string.Create(CultureInfo.InvariantCulture,
                        $"file is more than the limit of {options.MaxFileBytes} bytes"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentLoadException(path, LoadFailure.Unreadable, "cannot be read: " + e.Message, e);
        }
        try
        {
            return FromBytes(bytes, path, options) with { Name = name, Path = System.IO.Path.GetFullPath(path) };
        }
        catch (DocumentLoadException e) when (e.SourceName != path)
        {
            throw new DocumentLoadException(path, e.Failure, e.Message[(e.SourceName.Length + 2)..], e.InnerException);
        }
    }

    /// <summary>The bytes of a file, or null when it holds more than <paramref name="limit"/>; reads at most
    /// <paramref name="limit"/> + 1 bytes whatever the file's size says.</summary>
    internal static byte[]? ReadAtMost(string path, long limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Checks that a path names a regular file (a symbolic link is followed to its target), by its metadata
    /// alone: nothing is opened or read.</summary>
    /// <exception cref="DocumentLoadException"><see cref="LoadFailure.NotFound"/> when nothing is there,
    /// <see cref="LoadFailure.Unreadable"/> for a directory, <see cref="LoadFailure.NotRegularFile"/> for a FIFO, a
    /// device or a socket.</exception>
    public static void CheckRegularFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var type = FileTypes.Of(path);
        switch (type)
        {
            case FileType.Regular:
            case FileType.Unknown when File.Exists(path):
                return;
            case FileType.Directory:
                throw new DocumentLoadException(path, LoadFailure.Unreadable, "is a directory, not a file");
            case FileType.Missing:
            case FileType.Unknown:
                throw new DocumentLoadException(path, LoadFailure.NotFound,
                    FileTypes.Of(path, followLinks: false) == FileType.SymbolicLink
                        ? "file not found (a symbolic link to nothing)"
                        : "file not found");
            default:
                throw new DocumentLoadException(path, LoadFailure.NotRegularFile,
                    $"is {FileTypes.Describe(type)}; only regular files are read");
        }
    }

    /// <summary>Loads a document from a stream, reading at most <see cref="LoadOptions.MaxFileBytes"/>.</summary>
    /// <exception cref="DocumentLoadException">As for <see cref="Load(string, LoadOptions?)"/>.</exception>
    public static LoadedDocument Load(Stream stream, string name, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        options ??= LoadOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        try
        {
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + read > options.MaxFileBytes)
                    throw new DocumentLoadException(name, LoadFailure.TooLarge,
                        $"stream is larger than the limit of {options.MaxFileBytes} bytes");
                buffer.Write(chunk, 0, read);
            }
        }
        catch (IOException e)
        {
            throw new DocumentLoadException(name, LoadFailure.Unreadable, "cannot be read: " + e.Message, e);
        }
        return FromBytes(buffer.ToArray(), name, options);
    }

    /// <summary>Loads a document from its bytes, choosing the reader by content.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="name">The file name or path, used in errors, as <see cref="LoadedDocument.Name"/> and as a hint
    /// (an <c>.html</c> name) when the content is ambiguous.</param>
    /// <param name="options">Limits and a forced encoding; null uses <see cref="LoadOptions.Default"/>.</param>
    /// <exception cref="DocumentLoadException">As for <see cref="Load(string, LoadOptions?)"/>.</exception>
    public static LoadedDocument FromBytes(byte[] bytes, string name, LoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(name);
        options ??= LoadOptions.Default;
        if (bytes.LongLength > options.MaxFileBytes)
            throw new DocumentLoadException(name, LoadFailure.TooLarge, string.Create(CultureInfo.InvariantCulture,
                $"document is {bytes.LongLength} bytes, more than the limit of {options.MaxFileBytes}"));
        if (bytes.Length == 0)
            throw new DocumentLoadException(name, LoadFailure.Empty, "the document is empty (0 bytes)");
        var format = DetectFormat(bytes, name);
        return format switch
        {
            DocumentFormats.Pdf => LoadGuard.Run(name, options, ct => PdfDocumentReader.Read(bytes, name, options, ct)),
            DocumentFormats.Docx => LoadGuard.Run(name, options, ct => DocxDocumentReader.Read(bytes, name, options, ct)),
            DocumentFormats.Html => LoadGuard.Run(name, options, ct => HtmlDocumentReader.Read(bytes, name, options, ct)),
            _ => LoadText(bytes, name, options),
        };
    }

    /// <summary>The format the content of a document is in: one of <see cref="DocumentFormats"/>.</summary>
    /// <param name="bytes">The document's bytes (the first few kilobytes suffice).</param>
    /// <param name="name">Optional file name: an <c>.htm</c>/<c>.html</c> name turns text that holds tags into HTML.</param>
    /// <exception cref="DocumentLoadException">Legacy Word (.doc) or RTF, which are not read.</exception>
    public static string DetectFormat(ReadOnlySpan<byte> bytes, string? name = null)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        if (head.IndexOf("%PDF-"u8) >= 0) return DocumentFormats.Pdf;
        if (bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("PK\x05\x06"u8)) return DocumentFormats.Docx;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
            throw new DocumentLoadException(name ?? "document", LoadFailure.Corrupt,
                "a legacy Word (.doc) or other OLE compound file: save it as DOCX, PDF or text");
        if (bytes.StartsWith("{\\rtf"u8))
            throw new DocumentLoadException(name ?? "document", LoadFailure.Corrupt, "an RTF document: save it as DOCX, PDF or text");
        var sample = SniffText(bytes[..Math.Min(bytes.Length, 4096)]);
        if (LooksLikeHtml(sample)) return DocumentFormats.Html;
        if (name is not null && HasHtmlExtension(name) && HasTag(SniffText(bytes[..Math.Min(bytes.Length, 65536)])))
            return DocumentFormats.Html;
        return DocumentFormats.Text;
    }

    /// <summary>Decodes the bytes of a plain-text document.</summary>
    private static LoadedDocument LoadText(byte[] bytes, string name, LoadOptions options)
    {
        // Every encoding read takes at most four bytes a character: more bytes than that need no decoding to refuse.
        if (bytes.LongLength / 4 > options.MaxTextCharacters)
            throw StructuredTextBuilder.TooLarge(name, options.MaxTextCharacters);
        var (text, encoding, warnings) = TextDecoder.DecodeDetailed(bytes, options.Encoding);
        if (text.Length > options.MaxTextCharacters)
            throw StructuredTextBuilder.TooLarge(name, options.MaxTextCharacters);
        if (string.IsNullOrWhiteSpace(text))
            throw new DocumentLoadException(name, LoadFailure.Empty, "the document holds no text");
        if (TextDecoder.LooksBinary(text))
            throw new DocumentLoadException(name, LoadFailure.NotText,
                "the bytes are not text in UTF-8, UTF-16, GB18030 or Big5 (binary data?)");
        return new LoadedDocument { Name = System.IO.Path.GetFileName(name), Text = text, EncodingName = encoding, Warnings = warnings };
    }

    /// <summary>The start of a document as characters: UTF-16 when a UTF-16 BOM or the bytes say so, else Latin-1 (every HTML
    /// tag name is ASCII, and ASCII bytes read the same in UTF-8 and GB18030).</summary>
    private static string SniffText(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(b[2..(b.Length & ~1)]);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(b[2..(b.Length & ~1)]);
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) b = b[3..];
        // UTF-16 without a BOM: NUL bytes, and one reading that is text.
        if (b.IndexOf((byte)0) >= 0 && EncodingDetector.Utf16(b) is { } utf16) return utf16.Text;
        return Encoding.Latin1.GetString(b);
    }

    private static readonly string[] HtmlStarts =
    [
        "!doctype html", "html", "head", "body", "meta", "title", "script", "style", "iframe", "h1", "div", "font",
        "table", "a", "b", "br", "p", "link", "base", "span",
    ];

    /// <summary>True when, after whitespace, comments and an XML declaration, the text opens with an HTML tag (the
    /// WHATWG sniffing table, plus a few tags Chinese portals open fragments with).</summary>
    internal static bool LooksLikeHtml(string s)
    {
        var i = 0;
        while (true)
        {
            while (i < s.Length && (char.IsWhiteSpace(s[i]) || s[i] == '\uFEFF')) i++;
            if (i >= s.Length || s[i] != '<') return false;
            if (string.CompareOrdinal(s, i, "<!--", 0, 4) == 0)
            {
                var end = s.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0) return false;
                i = end + 3;
                continue;
            }
            if (string.CompareOrdinal(s, i, "<?xml", 0, 5) == 0)
            {
                var end = s.IndexOf("?>", i, StringComparison.Ordinal);
                if (end < 0) return false;
                // XHTML: an XML declaration, then (after an optional doctype) the html element.
                return s.IndexOf("<html", end, StringComparison.OrdinalIgnoreCase) >= 0;
            }
            foreach (var tag in HtmlStarts)
            {
                var after = i + 1 + tag.Length;
                if (after <= s.Length && string.Compare(s, i + 1, tag, 0, tag.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (after == s.Length || s[after] is ' ' or '>' or '\t' or '\n' or '\r' or '\f' or '/'))
                    return true;
            }
            return false;
        }
    }

    private static bool HasHtmlExtension(string name)
    {
        var ext = System.IO.Path.GetExtension(name);
        return ext.Equals(".htm", StringComparison.OrdinalIgnoreCase) || ext.Equals(".html", StringComparison.OrdinalIgnoreCase)
            || ext.Equals(".xhtml", StringComparison.OrdinalIgnoreCase) || ext.Equals(".shtml", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasTag(string s)
    {
        foreach (var tag in (string[])["<p", "<div", "<br", "<table", "<span", "<html", "<body"])
            if (s.Contains(tag, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
