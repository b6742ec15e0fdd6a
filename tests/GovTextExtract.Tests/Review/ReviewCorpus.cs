using GovTextExtract.Tests.CrossYear;

namespace GovTextExtract.Tests.Review;

/// <summary>Documents of the shared corpus the review tests read, and what a page shows of them.</summary>
internal static class ReviewCorpus
{
    public static string Raw(string name) => Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw", name);

    /// <summary>The corpus circular, extracted once for all tests.</summary>
    public static ExtractionResult Circular => CircularResult.Value;

    private static readonly Lazy<ExtractionResult> CircularResult =
        new(() => GovText.Pipeline.ExtractFile(Raw("xianning-2019-completion.txt")));

    /// <summary>Each evidence span of a record as the page names it (<c>3t</c>, <c>3a</c>, <c>3r</c>) with the text
    /// it covers, computed from the result (not from the page).</summary>
    public static IEnumerable<(string Token, int Record, string Text)> Evidence(IReadOnlyList<Records.CompletionRecord> records, string text)
    {
        for (var i = 0; i < records.Count; i++)
        {
            var e = records[i].Evidence;
            foreach (var (role, span) in new[] { ('t', e.Target), ('a', e.Actual), ('r', e.Rate) })
                if (span is { } s)
                    yield return ($"{i}{role}", i, text.Substring(s.Start, s.Length).Replace("\r", "", StringComparison.Ordinal));
        }
    }

    /// <summary>Script that maps each span name to the text of its marks, in document order, within one text pane.</summary>
    public const string MarkTextsScript = """
        (pane) => {
          const texts = {};
          for (const m of document.querySelectorAll(pane + ' mark[data-s]'))
            for (const t of m.getAttribute('data-s').split(' ')) texts[t] = (texts[t] || '') + m.textContent;
          return texts;
        }
        """;
}
