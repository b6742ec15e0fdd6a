using System.Text.RegularExpressions;
using GovTextExtract.Batch;
using GovTextExtract.Loading;
using GovTextExtract.Review;
using GovTextExtract.Tests.Cli;
using GovTextExtract.Tests.CrossYear;

namespace GovTextExtract.Tests.Review;

/// <summary>The pair page (two reports side by side) and <c>batch --review</c> over the corpus.</summary>
[Collection("browser")]
public sealed class PairAndBatchReviewTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_pair_page_marks_targets_in_year_N_and_results_in_year_N1_side_by_side()
    {
        var (n, n1) = (ReviewCorpus.Raw("hailar-2012.txt"), ReviewCorpus.Raw("hailar-2013.txt"));
        var pair = GovText.Pipeline.PairReports(n, n1);
        var (textN, textN1) = (DocumentLoader.Load(n).Text, DocumentLoader.Load(n1).Text);
        Assert.True(pair.Records.Count >= 5);
        using var writer = new StringWriter();
        ReviewPage.Write(pair, textN, textN1, writer);
        await using var page = await browser.OpenAsync(writer.ToString());

        var left = await page.EvaluateFunctionAsync<Dictionary<string, string>>(ReviewCorpus.MarkTextsScript, "#text0");
        var right = await page.EvaluateFunctionAsync<Dictionary<string, string>>(ReviewCorpus.MarkTextsScript, "#text1");
        var checkedSpans = 0;
        for (var i = 0; i < pair.Records.Count; i++)
        {
            if (pair.Records[i].Evidence.Target is { } t)
            {
                Assert.Equal(textN.Substring(t.Start, t.Length), left[$"{i}t"]);
                checkedSpans++;
            }
            if (pair.Records[i].Evidence.Actual is { } a)
            {
                Assert.Equal(textN1.Substring(a.Start, a.Length), right[$"{i}a"]);
                Assert.False(left.ContainsKey($"{i}a"));
                checkedSpans++;
            }
        }
        Assert.True(checkedSpans > pair.Records.Count);
        // Side by side: the two texts share a row of the layout.
        var tops = await page.EvaluateExpressionAsync<double[]>("['doc0','doc1'].map(id => document.getElementById(id).getBoundingClientRect().top)");
        var lefts = await page.EvaluateExpressionAsync<double[]>("['doc0','doc1'].map(id => document.getElementById(id).getBoundingClientRect().left)");
        Assert.Equal(tops[0], tops[1]);
        Assert.True(lefts[1] > lefts[0] + 300);

        // A click on a record with both figures lights one mark in each text.
        var both = Enumerable.Range(0, pair.Records.Count).First(i => pair.Records[i].Evidence is { Target: not null, Actual: not null });
        await page.ClickAsync($"#r{both} td:nth-child(2)");
        var lit = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('.text mark.hl')].map(m => m.closest('.text').id)");
        Assert.Contains("text0", lit);
        Assert.Contains("text1", lit);
    }

    [Fact]
    public async Task Batch_review_over_the_corpus_writes_a_page_per_document_and_an_index_linking_them_all()
    {
        var raw = Path.Combine(CrossYearGoldTests.CorpusDirectory(), "raw");
        var dir = Directory.CreateTempSubdirectory("govtext-review-batch-").FullName;
        try
        {
            var store = Path.Combine(dir, "store.sqlite");
            var pages = Path.Combine(dir, "pages");
            var (code, _, err) = CliRun.Run("batch", raw, "--out", store, "--review", pages, "--jobs", "2", "--progress", "none");
            Assert.True(code is 0 or 1, err);

            using var opened = BatchStore.Open(store);
            var documents = opened.ReadDocuments().ToList();
            var inputs = Directory.GetFiles(raw).Select(Path.GetFileName).Where(f => !f!.StartsWith('.')).ToHashSet();
            Assert.Equal(inputs.Order(StringComparer.Ordinal), documents.Select(d => d.Key).Order(StringComparer.Ordinal));

            var index = File.ReadAllText(Path.Combine(pages, "index.html"));
            var links = Regex.Matches(index, "<a href=\"([^\"]+)\">([^<]+)</a>", RegexOptions.None, TimeSpan.FromSeconds(5))
                .ToDictionary(m => System.Net.WebUtility.HtmlDecode(m.Groups[2].Value), m => Uri.UnescapeDataString(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)));
            foreach (var d in documents.Where(d => d.Status == BatchStatus.Ok))
            {
                Assert.True(links.TryGetValue(d.Key, out var link), $"the index does not link {d.Key}");
                var page = File.ReadAllText(Path.Combine(pages, link));
                Assert.Equal(d.RecordJson.Count, Regex.Count(page, "<tr id=\"r[0-9]+\"", RegexOptions.None, TimeSpan.FromSeconds(5)));
            }
            foreach (var d in documents.Where(d => d.Status == BatchStatus.Failed))
                Assert.Contains(System.Net.WebUtility.HtmlEncode(d.Key), index);
            Assert.Equal(documents.Count(d => d.Status == BatchStatus.Ok), Directory.GetFiles(pages, "*.html").Length - 1);
            Assert.Contains("review:", err);

            // The index opens in the browser, lists every document and sorts by records.
            await using var tab = await browser.NewPageAsync();
            await tab.GoToAsync(new Uri(Path.Combine(pages, "index.html")).AbsoluteUri);
            Assert.Equal(documents.Count, await tab.EvaluateExpressionAsync<int>("document.querySelectorAll('#index tbody tr').length"));
            await tab.ClickAsync("#index th:nth-child(3) button");
            await tab.ClickAsync("#index th:nth-child(3) button");
            var most = await tab.EvaluateExpressionAsync<string>("document.querySelector('#index tbody tr').cells[0].textContent");
            Assert.Equal(documents.Max(d => d.RecordJson.Count), documents.First(d => d.Key == most).RecordJson.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
