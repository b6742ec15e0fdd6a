using GovTextExtract.Records;

namespace GovTextExtract.Batch;

/// <summary>How the processing of one document ended.</summary>
public enum BatchStatus
{
    /// <summary>Loaded and extracted; its records (possibly none) are stored.</summary>
    Ok,
    /// <summary>Could not be loaded or extracted; <see cref="BatchDocument.Failure"/> and
    /// <see cref="BatchDocument.Error"/> say why.</summary>
    Failed,
}

/// <summary>The outcome of one document of a batch: what it was, how it went, its records and timings.</summary>
public sealed record BatchDocument
{
    /// <summary>The document's key: its path relative to the input root, <c>/</c> separators.</summary>
    public required string Key { get; init; }

    /// <summary>Size of the file in bytes (0 when it could not be read).</summary>
    public long Size { get; init; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes; null when the file could not be read.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The format the loader read (<c>text</c>, <c>html</c>, <c>docx</c>, <c>pdf</c>); null on failure.</summary>
    public string? Format { get; init; }

    /// <summary>The encoding the text was decoded with; null on failure.</summary>
    public string? Encoding { get; init; }

    /// <summary>Whether the document was extracted.</summary>
    public BatchStatus Status { get; init; }

    /// <summary>On failure, the kind, in snake_case: a <see cref="Loading.LoadFailure"/> (<c>not_found</c>,
    /// <c>unreadable</c>, <c>empty</c>, <c>too_large</c>, <c>not_text</c>, <c>corrupt</c>, <c>timeout</c>) or
    /// <c>extraction_error</c>.</summary>
    public string? Failure { get; init; }

    /// <summary>On failure, the reason in words, without the file name.</summary>
    public string? Error { get; init; }

    /// <summary>How the bytes became text, where that needs saying (<see cref="ExtractionResult.Warnings"/>); the
    /// summary of a run lists them. Not kept in the store.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The records, in document order.</summary>
    public IReadOnlyList<CompletionRecord> Records { get; init; } = [];

    /// <summary>Milliseconds spent reading and hashing the file.</summary>
    public double ReadMs { get; init; }

    /// <summary>Milliseconds spent decoding the file into text.</summary>
    public double LoadMs { get; init; }

    /// <summary>Milliseconds spent extracting records from the text.</summary>
    public double ExtractMs { get; init; }

    /// <summary>Milliseconds from the start of reading to the end of extraction.</summary>
    public double TotalMs { get; init; }

    /// <summary>When processing ended (UTC).</summary>
    public DateTimeOffset ProcessedAt { get; init; }
}

/// <summary>A failed document, as the summary of a run names it.</summary>
/// <param name="Key">The document's key.</param>
/// <param name="Failure">The kind of failure (see <see cref="BatchDocument.Failure"/>).</param>
/// <param name="Error">The reason in words.</param>
public sealed record BatchFailure(string Key, string Failure, string Error)
{
    /// <summary>One line: <c>key: failure: reason</c>.</summary>
    public override string ToString() => $"{Key}: {Failure.Replace('_', ' ')}: {Error}";
}
