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
    /// <summary>How the document's bytes became text, where that needs saying: invalid bytes replaced by U+FFFD, a
    /// declared charset overruled by the bytes (<see cref="Loading.LoadedDocument.Warnings"/>). Empty for most
    /// documents.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
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

/// <summary>Which budget of <see cref="ExtractionOptions"/> a document ran past.</summary>
public enum ExtractionBudget
{
    /// <summary><see cref="ExtractionOptions.TimeBudget"/>: the extraction ran too long.</summary>
    TimeBudget,
    /// <summary><see cref="ExtractionOptions.MaxTextCharacters"/>: the text is too long to read.</summary>
    TooLarge,
}

/// <summary>The extraction of a document ran past <see cref="ExtractionOptions.TimeBudget"/>, or its text is longer
/// than <see cref="ExtractionOptions.MaxTextCharacters"/>; <see cref="Kind"/> says which.</summary>
public sealed class ExtractionBudgetException : Exception
{
    /// <summary>Creates the exception of a document that ran past its time budget.</summary>
    public ExtractionBudgetException(string document, TimeSpan budget, TimeSpan elapsed)
        : this(document, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"extraction ran past its time budget of {budget.TotalSeconds:0.#} s ({elapsed.TotalSeconds:0.#} s)"))
    {
        Kind = ExtractionBudget.TimeBudget;
        Budget = budget;
        Elapsed = elapsed;
    }

    /// <summary>Creates the exception of a document whose text is longer than the cap.</summary>
    public ExtractionBudgetException(string document, long characters, long maxCharacters)
        : this(document, string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the text is {characters} characters, longer than the limit of {maxCharacters} (ExtractionOptions.MaxTextCharacters, --max-text)"))
    {
        Kind = ExtractionBudget.TooLarge;
        Characters = characters;
        MaxCharacters = maxCharacters;
    }

    private ExtractionBudgetException(string document, string reason) : base(document + ": " + reason)
    {
        Document = document;
        Reason = reason;
    }

    /// <summary>The document's name.</summary>
    public string Document { get; }

    /// <summary>What went wrong, in words, without the document's name (the message is <c>document: reason</c>).</summary>
    public string Reason { get; }

    /// <summary>Which budget the document ran past.</summary>
    public ExtractionBudget Kind { get; }

    /// <summary>The time budget it ran past (zero for <see cref="ExtractionBudget.TooLarge"/>).</summary>
    public TimeSpan Budget { get; }

    /// <summary>How long it had run when the budget was checked (zero for <see cref="ExtractionBudget.TooLarge"/>).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The length of the text refused (zero for <see cref="ExtractionBudget.TimeBudget"/>).</summary>
    public long Characters { get; }

    /// <summary>The cap it passed (zero for <see cref="ExtractionBudget.TimeBudget"/>).</summary>
    public long MaxCharacters { get; }
}
