using GovTextExtract.CrossYear;

namespace GovTextExtract.Review;

/// <summary>An auditor's review page: one self-contained HTML file with the document text, every target, actual and
/// stated-rate span marked in its role's colour, beside a sortable, filterable table of the records, under a summary
/// of statuses and flags.</summary>
/// <remarks>
/// <para>The page loads nothing: its style and script are inline and named by hash in a Content-Security-Policy that
/// allows nothing else (<c>default-src 'none'</c>). Every piece of document text is HTML-escaped, and the records
/// travel as a JSON island with <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped, so a document holding
/// <c>&lt;script&gt;</c> shows it as text and runs nothing.</para>
/// <para>Keys: <c>n</c> / <c>p</c> the next / previous flagged record, <c>j</c> / <c>k</c> the next / previous
/// record, arrows and Enter in the table, <c>f</c> the selected record's first span, Escape closes the record card.</para>
/// </remarks>
public static class ReviewPage
{
    /// <summary>Writes the review page of one document (a circular, or a work report read alone).</summary>
    /// <param name="result">The extraction; its <see cref="ExtractionResult.SourceText"/> is the text shown.</param>
    /// <param name="writer">Where the HTML goes (UTF-8 is what the page declares).</param>
    /// <param name="options">Title, index link, chunk size; null for <see cref="ReviewOptions.Default"/>.</param>
    public static void Write(ExtractionResult result, TextWriter writer, ReviewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= ReviewOptions.Default;
        ReviewPageWriter.Write(ReviewModel.From(result, options), writer, options);
    }

    /// <summary>Writes the review page of a cross-year pair: the two reports side by side, year N's targets marked in
    /// the first, year N+1's results in the second.</summary>
    /// <param name="result">The pairing.</param>
    /// <param name="targetText">The decoded text of the year-N report (<see cref="CrossYearResult.TargetDocument"/>),
    /// to which target offsets refer.</param>
    /// <param name="actualText">The decoded text of the year-N+1 report, to which actual and rate offsets refer.</param>
    /// <param name="writer">Where the HTML goes.</param>
    /// <param name="options">Title, index link, chunk size; null for <see cref="ReviewOptions.Default"/>.</param>
    public static void Write(CrossYearResult result, string targetText, string actualText, TextWriter writer, ReviewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(targetText);
        ArgumentNullException.ThrowIfNull(actualText);
        ArgumentNullException.ThrowIfNull(writer);
        options ??= ReviewOptions.Default;
        ReviewPageWriter.Write(ReviewModel.From(result, targetText, actualText, options), writer, options);
    }

    /// <summary>The review page of one document as a string.</summary>
    public static string ToHtml(ExtractionResult result, ReviewOptions? options = null)
    {
        using var writer = new StringWriter();
        Write(result, writer, options);
        return writer.ToString();
    }
}
