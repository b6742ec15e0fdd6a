using GovTextExtract.Records;

namespace GovTextExtract;

/// <summary>The records extracted from one document.</summary>
public sealed record ExtractionResult
{
    /// <summary>File name of the document.</summary>
    public required string Document { get; init; }
    /// <summary>The completion records, in document order of their targets.</summary>
    public required IReadOnlyList<CompletionRecord> Records { get; init; }
    /// <summary>The decoded text that evidence offsets refer to.</summary>
    public required string SourceText { get; init; }
}
