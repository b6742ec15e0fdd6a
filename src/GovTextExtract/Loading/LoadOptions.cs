using System.Text;

namespace GovTextExtract.Loading;

/// <summary>Options for <see cref="DocumentLoader"/>. Every default is the documented one.</summary>
public sealed record LoadOptions
{
    /// <summary>The default options.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Largest file accepted, in bytes. Default 64 MiB.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest total of decompressed bytes a zip container (DOCX) may expand to, counted while reading, not
    /// taken from the archive's headers. Default 256 MiB.</summary>
    public long MaxDecompressedBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Most entries a zip container (DOCX) may hold. Default 10,000 (a Word document has a few dozen).</summary>
    public int MaxZipEntries { get; init; } = 10_000;

    /// <summary>Most characters of text a document may give after decoding or decompression; past it loading stops
    /// with <see cref="LoadFailure.TooLarge"/>. Default 16,000,000 (about 48 MB of UTF-8 Chinese, a hundred times
    /// the longest report of the corpus).</summary>
    /// <remarks>The cap is enforced while the document is read, never after the whole text is in memory: plain text
    /// and HTML as their lines are built; a DOCX while <c>word/document.xml</c> is inflated (its text between tags is
    /// counted before the Word SDK parses it); a PDF while its compressed streams are inflated, before PdfPig reads
    /// them (the bytes of the strings its pages show are counted, and one page may show at most
    /// 200,000 bytes of strings, so that a single page cannot hold the whole budget in memory at once), then page by
    /// page.</remarks>
    public long MaxTextCharacters { get; init; } = DefaultMaxTextCharacters;

    /// <summary>The default of <see cref="MaxTextCharacters"/>: 16,000,000.</summary>
    public const long DefaultMaxTextCharacters = 16_000_000;

    /// <summary>Longest time one file may take to load; past it loading stops with <see cref="LoadFailure.Timeout"/>.
    /// Default 30 seconds. <see cref="Timeout.InfiniteTimeSpan"/> turns the guard off.</summary>
    /// <remarks>HTML, DOCX and PDF parsing runs on a watchdog thread; when the budget runs out the caller gets the
    /// exception at once and the parse is asked to stop at its next checkpoint (a parser stuck inside a third-party
    /// library call finishes that call in the background).</remarks>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Encoding to use instead of detection; null (default) detects BOM, declared charset (HTML), UTF-8, then
    /// GB18030.</summary>
    public Encoding? Encoding { get; init; }
}
