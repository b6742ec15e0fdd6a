using GovTextExtract.Records;

namespace GovTextExtract.CrossYear;

/// <summary>The records of a pair of consecutive work reports: year N's targets against year N+1's reported results.
/// Target evidence refers to the year-N document's decoded text, actual evidence to the year-N+1 document's.</summary>
public sealed record CrossYearResult
{
    /// <summary>Always <c>cross-year</c>.</summary>
    public string Kind { get; init; } = "cross-year";
    /// <summary>File name of the year-N report (targets).</summary>
    public required string TargetDocument { get; init; }
    /// <summary>File name of the year-N+1 report (actuals).</summary>
    public required string ActualDocument { get; init; }
    /// <summary>The place the reports are of, when known.</summary>
    public string? Place { get; init; }
    /// <summary>The target year N, when known.</summary>
    public int? Year { get; init; }
    /// <summary>One record per quantitative target of year N.</summary>
    public required IReadOnlyList<CompletionRecord> Records { get; init; }
}

/// <summary>A report of an archive that could not be placed or paired.</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">Why it was left out.</param>
public sealed record UnpairedReport(string Path, string Reason);

/// <summary>The pairs found in an archive of work reports.</summary>
public sealed record ArchivePairing
{
    /// <summary>Every same-place consecutive-year pair that could be made.</summary>
    public required IReadOnlyList<CrossYearResult> Pairs { get; init; }
    /// <summary>Files that could not be placed or had no neighbour year.</summary>
    public required IReadOnlyList<UnpairedReport> Unpaired { get; init; }
}

/// <summary>Two reports given as year N's and year N+1's of one place are not: the same document twice, two places, or
/// years out of order.</summary>
public sealed class ReportPairException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReportPairException(string targetDocument, string actualDocument, string reason)
        : base($"{targetDocument}, {actualDocument}: {reason}")
    {
        TargetDocument = targetDocument;
        ActualDocument = actualDocument;
        Reason = reason;
    }

    /// <summary>The report given as year N's.</summary>
    public string TargetDocument { get; }

    /// <summary>The report given as year N+1's.</summary>
    public string ActualDocument { get; }

    /// <summary>Why they do not pair, in words.</summary>
    public string Reason { get; }
}
