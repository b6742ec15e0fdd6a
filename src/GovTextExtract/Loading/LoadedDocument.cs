namespace GovTextExtract.Loading;

/// <summary>The names of the formats <see cref="DocumentLoader"/> reads, as <see cref="LoadedDocument.Format"/>
/// gives them.</summary>
public static class DocumentFormats
{
    /// <summary>Plain text.</summary>
    public const string Text = "text";
    /// <summary>An HTML page.</summary>
    public const string Html = "html";
    /// <summary>A Word (Office Open XML) document.</summary>
    public const string Docx = "docx";
    /// <summary>A PDF document.</summary>
    public const string Pdf = "pdf";
}

/// <summary>A loaded document: its extracted plain text, the structure found in it, and where it came from.</summary>
/// <remarks>For HTML, DOCX and PDF the <see cref="Text"/> is built by the loader: one paragraph, heading or list item
/// per line, one table row per line with its cells separated by a tab. Every span (of <see cref="Blocks"/>,
/// <see cref="Tables"/> and of the records the pipeline reports) refers to that text.</remarks>
public sealed record LoadedDocument
{
    /// <summary>File name (or stream name) of the document.</summary>
    public required string Name { get; init; }
    /// <summary>Full path when loaded from a file.</summary>
    public string? Path { get; init; }
    /// <summary>The decoded (plain text) or extracted (HTML, DOCX, PDF) text; every evidence offset refers to it.</summary>
    public required string Text { get; init; }
    /// <summary>Name of the encoding the bytes were decoded with (for DOCX and PDF, the container's: <c>utf-8</c>,
    /// <c>pdf</c>).</summary>
    public required string EncodingName { get; init; }
    /// <summary>The format the loader read: one of <see cref="DocumentFormats"/> (<c>text</c>, <c>html</c>,
    /// <c>docx</c>, <c>pdf</c>).</summary>
    public string Format { get; init; } = DocumentFormats.Text;
    /// <summary>The lines of <see cref="Text"/> with what each one is (heading, paragraph, list item, table row), in
    /// text order. Empty for plain text loaded without structure.</summary>
    public IReadOnlyList<DocumentBlock> Blocks { get; init; } = [];
    /// <summary>The tables of the document (HTML and DOCX tables; PDF and plain text have none here), rows × cells,
    /// each cell with its span in <see cref="Text"/>.</summary>
    public IReadOnlyList<DocumentTable> Tables { get; init; } = [];
    /// <summary>What the reader should know about how the bytes became text, in plain words: invalid UTF-8 bytes
    /// replaced by U+FFFD, a charset declaration that was unsupported or that the bytes overruled, a cut UTF-16 file.
    /// Empty when the decoding was clean.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Number of pages for a PDF; null for the other formats.</summary>
    public int? PageCount { get; init; }
}
