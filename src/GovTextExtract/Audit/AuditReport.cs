using GovTextExtract.Records;

namespace GovTextExtract.Audit;

/// <summary>The audited records of one document, and the findings that belong to no record.</summary>
public sealed record AuditReport
{
    /// <summary>The document's name.</summary>
    public required string Document { get; init; }
    /// <summary>The decoded text that evidence offsets refer to.</summary>
    public required string SourceText { get; init; }
    /// <summary>The records, in their original order, each with its complete flag list.</summary>
    public required IReadOnlyList<CompletionRecord> Records { get; init; }
    /// <summary>Findings about the document that no record carries (e.g. parts of a total that no record reports).</summary>
    public IReadOnlyList<AuditFlag> DocumentFlags { get; init; } = [];

    /// <summary>Every flag: the records' and the document's.</summary>
    public IEnumerable<AuditFlag> AllFlags => Records.SelectMany(r => r.Flags).Concat(DocumentFlags);
}
