using System.Text;

namespace GovTextExtract.Loading;

/// <summary>Options for <see cref="DocumentLoader"/>.</summary>
public sealed record LoadOptions
{
    /// <summary>The default options.</summary>
    public static LoadOptions Default { get; } = new();

    /// <summary>Largest file accepted, in bytes. Default 64 MiB.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Encoding to use instead of detection; null (default) detects BOM, UTF-8, then GB18030.</summary>
    public Encoding? Encoding { get; init; }
}

/// <summary>A loaded document: its decoded text and where it came from.</summary>
public sealed record LoadedDocument
{
    /// <summary>File name (or stream name) of the document.</summary>
    public required string Name { get; init; }
    /// <summary>Full path when loaded from a file.</summary>
    public string? Path { get; init; }
    /// <summary>The decoded text; every evidence offset refers to it.</summary>
    public required string Text { get; init; }
    /// <summary>Name of the encoding the bytes were decoded with.</summary>
    public required string EncodingName { get; init; }
    /// <summary>The format the loader read (<c>text</c>).</summary>
    public string Format { get; init; } = "text";
}
