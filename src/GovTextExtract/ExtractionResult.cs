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
    /// <summary>What the document was read as: a circular (targets and results in one document, the default), or a
    /// work report read alone (its main targets, without actuals).</summary>
    public DocumentKind Kind { get; init; } = DocumentKind.Circular;
}

/// <summary>What a document was read as.</summary>
public enum DocumentKind
{
    /// <summary>A completion circular, or any document that states targets and reports on them.</summary>
    Circular,
    /// <summary>A work report (政府工作报告) read alone: the records of its main targets, without actuals; pair it
    /// with the next year's report (<see cref="ExtractionPipeline.PairReports(string, string)"/>) for the results.</summary>
    WorkReport,
}

/// <summary>The extraction of a document ran past <see cref="ExtractionOptions.TimeBudget"/>.</summary>
public sealed class ExtractionBudgetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ExtractionBudgetException(string document, TimeSpan budget, TimeSpan elapsed)
        : base(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{document}: extraction ran past its time budget of {budget.TotalSeconds:0.#} s ({elapsed.TotalSeconds:0.#} s)"))
    {
        Document = document;
        Budget = budget;
        Elapsed = elapsed;
    }

    /// <summary>The document's name.</summary>
    public string Document { get; }

    /// <summary>The budget it ran past.</summary>
    public TimeSpan Budget { get; }

    /// <summary>How long it had run when the budget was checked.</summary>
    public TimeSpan Elapsed { get; }
}
