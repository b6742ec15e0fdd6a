using GovTextExtract.Records;

namespace GovTextExtract.Audit;

/// <summary>A flag and the record (index) it belongs to; null for a finding about the document.</summary>
internal readonly record struct Finding(int? Record, AuditFlag Flag)
{
    public static AuditFlag Make(string code, string severity, string en, string zh, IReadOnlyList<Text.SourceSpan> evidence) =>
        new(code, severity, en) { MessageZh = zh, Evidence = evidence };
}
