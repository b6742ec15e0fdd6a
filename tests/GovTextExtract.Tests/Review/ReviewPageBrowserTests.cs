using System.Text.Json;
using GovTextExtract.Records;
using GovTextExtract.Review;
using PuppeteerSharp;

namespace GovTextExtract.Tests.Review;

/// <summary>The circular's review page in headless Chromium: every record and evidence span is there, a row click
/// highlights the row's spans and brings them into view, filters, sorting and keys work.</summary>
[Collection("browser")]
public sealed class ReviewPageBrowserTests(BrowserFixture browser)
{
    private static ExtractionResult Circular => ReviewCorpus.Circular;

    [Fact]
    public async Task The_circular_page_holds_every_record_and_marks_every_evidence_span()
    {
        var result = Circular;
        Assert.True(result.Records.Count >= 20, $"the circular gave only {result.Records.Count} records");
        await using var page = await browser.OpenAsync(ReviewPage.ToHtml(result));

        var indicators = await page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('#table tbody tr')].map(r => r.cells[1].textContent)");
        Assert.Equal(result.Records.Select(r => r.Indicator), indicators);

        var marked = await page.EvaluateFunctionAsync<Dictionary<string, string>>(ReviewCorpus.MarkTextsScript, "#text0");
        var expected = ReviewCorpus.Evidence(result.Records, result.SourceText).ToList();
        Assert.True(expected.Count >= 2 * result.Records.Count - 10, $"only {expected.Count} evidence spans");
        foreach (var (token, record, text) in expected)
        {
            Assert.True(marked.TryGetValue(token, out var shown), $"record {record + 1} ({result.Records[record].Indicator}): span {token} is not marked");
            Assert.Equal(text, shown);
        }
        // Nothing is marked that is not evidence: the page's marks name only the result's spans (and flag evidence).
        var known = expected.Select(e => e.Token).ToHashSet();
        Assert.All(marked.Keys, token => Assert.True(known.Contains(token) || token.Contains('f'), $"unexpected mark {token}"));
        // Every role has its own colour.
        var colours = await page.EvaluateExpressionAsync<string[]>(
            "['t','a','r'].map(c => getComputedStyle(document.querySelector('.text mark.' + c + ':not(.t.a):not(.a.r):not(.t.r)')).backgroundColor)");
        Assert.Equal(3, colours.Distinct().Count());
    }

    [Fact]
    public async Task A_row_click_highlights_that_rows_spans_and_brings_them_into_view()
    {
        var result = Circular;
        await using var page = await browser.OpenAsync(ReviewPage.ToHtml(result));
        var expected = ReviewCorpus.Evidence(result.Records, result.SourceText).GroupBy(e => e.Record).ToDictionary(g => g.Key, g => g.Count());
        // The last record first (its figures are far down the text), then one from the middle, then the first.
        var picks = new[] { expected.Keys.Max(), expected.Keys.OrderBy(k => k).ElementAt(expected.Count / 2), expected.Keys.Min() };
        foreach (var i in picks)
        {
            await page.ClickAsync($"#r{i} td:nth-child(2)");
            // The page places the figure again on the next two frames, once the text around it is laid out.
            await page.EvaluateExpressionAsync("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))");
            var state = await page.EvaluateFunctionAsync<JsonElement>("""
                (i) => {
                  const mine = [...document.querySelectorAll('.text mark[data-s]')]
                    .filter(m => m.getAttribute('data-s').split(' ').some(t => parseInt(t, 10) === i));
                  const lit = [...document.querySelectorAll('.text mark.hl')];
                  // the figure the page scrolls to: the record's first target, actual or rate
                  const first = lit.find(m => m.getAttribute('data-s').split(' ').some(t => parseInt(t, 10) === i && /[tar]$/.test(t))) || lit[0];
                  const r = first ? first.getBoundingClientRect() : null;
                  const pane = first ? first.closest('.text').getBoundingClientRect() : null;
                  return {
                    mine: mine.length,
                    lit: lit.length,
                    litAreMine: lit.every(m => mine.includes(m)),
                    mineAreLit: mine.every(m => m.classList.contains('hl')),
                    inView: !!r && r.top >= pane.top && r.bottom <= pane.bottom && r.top >= 0 && r.bottom <= window.innerHeight && r.width > 0,
                    selected: document.querySelector('#r' + i).getAttribute('aria-selected'),
                    others: document.querySelectorAll('#table tr[aria-selected="true"]').length
                  };
                }
                """, i);
            Assert.True(state.GetProperty("mine").GetInt32() >= expected[i], $"record {i + 1}: {state}");
            Assert.Equal(state.GetProperty("mine").GetInt32(), state.GetProperty("lit").GetInt32());
            Assert.True(state.GetProperty("litAreMine").GetBoolean(), $"record {i + 1}: marks of other records are lit: {state}");
            Assert.True(state.GetProperty("mineAreLit").GetBoolean(), $"record {i + 1}: {state}");
            Assert.True(state.GetProperty("inView").GetBoolean(), $"record {i + 1}: its first span is not in view: {state}");
            Assert.Equal("true", state.GetProperty("selected").GetString());
            Assert.Equal(1, state.GetProperty("others").GetInt32());
        }
    }

    [Theory]
    [InlineData("exceeded")]
    [InlineData("not_met")]
    [InlineData("unknown")]
    public async Task Filtering_by_a_status_shows_that_statuses_rows_only(string status)
    {
        var result = Circular;
        var wanted = result.Records.Select((r, i) => (r, i)).Where(x => Name(x.r.Status) == status).Select(x => x.i).ToArray();
        await using var page = await browser.OpenAsync(ReviewPage.ToHtml(result));
        await page.SelectAsync("#f-status", status);
        var visible = await page.EvaluateExpressionAsync<int[]>(
            "[...document.querySelectorAll('#table tbody tr')].filter(r => !r.hidden && r.offsetParent !== null).map(r => +r.dataset.r)");
        Assert.Equal(wanted, visible.Order());
        Assert.Equal($"{wanted.Length} of {result.Records.Count} records", await page.EvaluateExpressionAsync<string>("document.getElementById('shown').textContent"));

        await page.SelectAsync("#f-status", "");
        await page.SelectAsync("#f-flag", "*");
        var flagged = await page.EvaluateExpressionAsync<int>("[...document.querySelectorAll('#table tbody tr')].filter(r => !r.hidden).length");
        Assert.Equal(result.Records.Count(r => r.Flags.Count > 0), flagged);
    }

    [Fact]
    public async Task Sorting_by_computed_rate_orders_the_rows_with_blanks_last_and_a_second_click_reverses()
    {
        var result = Circular;
        await using var page = await browser.OpenAsync(ReviewPage.ToHtml(result));
        await page.ClickAsync("th.c-cr button");
        var order = await page.EvaluateExpressionAsync<int[]>("[...document.querySelectorAll('#table tbody tr')].map(r => +r.dataset.r)");
        var expected = Enumerable.Range(0, result.Records.Count)
            .OrderBy(i => result.Records[i].ComputedRate is null).ThenBy(i => result.Records[i].ComputedRate).ThenBy(i => i).ToArray();
        Assert.Equal(expected, order);
        Assert.Equal("ascending", await page.EvaluateExpressionAsync<string>("document.querySelector('th.c-cr').getAttribute('aria-sort')"));
        await page.ClickAsync("th.c-cr button");
        var reversed = await page.EvaluateExpressionAsync<int[]>("[...document.querySelectorAll('#table tbody tr')].map(r => +r.dataset.r)");
        Assert.Equal(result.Records.Max(r => r.ComputedRate), result.Records[reversed[0]].ComputedRate);
        Assert.Equal(result.Records.Count(r => r.ComputedRate is null),
            reversed.Reverse().TakeWhile(i => result.Records[i].ComputedRate is null).Count());
    }

    [Fact]
    public async Task Keys_n_and_p_move_through_the_flagged_records_and_hover_shows_a_record()
    {
        var result = Circular;
        var flagged = Enumerable.Range(0, result.Records.Count).Where(i => result.Records[i].Flags.Count > 0).ToArray();
        Assert.True(flagged.Length >= 3, "the circular should have flagged records");
        await using var page = await browser.OpenAsync(ReviewPage.ToHtml(result));
        const string Selected = "+document.querySelector('#table tr[aria-selected=\"true\"]').dataset.r";
        await page.Keyboard.PressAsync("n");
        Assert.Equal(flagged[0], await page.EvaluateExpressionAsync<int>(Selected));
        await page.Keyboard.PressAsync("n");
        await page.Keyboard.PressAsync("n");
        Assert.Equal(flagged[2], await page.EvaluateExpressionAsync<int>(Selected));
        await page.Keyboard.PressAsync("p");
        Assert.Equal(flagged[1], await page.EvaluateExpressionAsync<int>(Selected));
        Assert.Equal($"r{flagged[1]}", await page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("j");
        Assert.Equal(flagged[1] + 1, await page.EvaluateExpressionAsync<int>(Selected));

        // f focuses the selected record's first figure; focus shows its record card.
        await page.Keyboard.PressAsync("f");
        var card = await page.EvaluateExpressionAsync<string>("document.getElementById('tip').hidden ? '' : document.getElementById('tip').textContent");
        Assert.Contains(result.Records[flagged[1] + 1].Indicator, card);

        // Hovering a marked figure shows its record too.
        var token = ReviewCorpus.Evidence(result.Records, result.SourceText).First(e => e.Record == flagged[0]).Token;
        await page.Keyboard.PressAsync("Escape");
        await page.HoverAsync($".text mark[data-s~=\"{token}\"]");
        card = await page.EvaluateExpressionAsync<string>("document.getElementById('tip').hidden ? '' : document.getElementById('tip').textContent");
        Assert.Contains(result.Records[flagged[0]].Indicator, card);
        Assert.Contains(result.Records[flagged[0]].Flags[0].Code, card);
    }

    [Fact]
    public async Task Without_a_mouse_the_table_is_one_tab_stop_whose_arrows_move_and_Enter_selects()
    {
        var result = Circular;
        await using var page = await browser.OpenAsync(ReviewPage.ToHtml(result));
        // Tab from the sort buttons reaches the first row, the one row in the tab order.
        Assert.Equal(1, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#table tbody tr[tabindex=\"0\"]').length"));
        await page.FocusAsync("th.c-w button");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("r0", await page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowUp");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("r1", await page.EvaluateExpressionAsync<string>("document.querySelector('#table tr[aria-selected=\"true\"]').id"));
        Assert.Equal(1, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#table tbody tr[tabindex=\"0\"]').length"));
        Assert.True(await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.text mark.hl').length") > 0);
        // The selection is announced to a screen reader.
        Assert.Contains(result.Records[1].Indicator, await page.EvaluateExpressionAsync<string>("document.getElementById('live').textContent"));
    }

    [Fact]
    public async Task Printing_shows_the_summary_and_the_flagged_records_only()
    {
        var result = Circular;
        await using var page = await browser.OpenAsync(ReviewPage.ToHtml(result));
        await page.EmulateMediaTypeAsync(PuppeteerSharp.Media.MediaType.Print);
        var shown = await page.EvaluateExpressionAsync<int[]>(
            "[...document.querySelectorAll('#table tbody tr')].filter(r => getComputedStyle(r).display !== 'none').map(r => +r.dataset.r)");
        Assert.Equal(Enumerable.Range(0, result.Records.Count).Where(i => result.Records[i].Flags.Count > 0), shown);
        Assert.Equal("none", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.getElementById('doc0')).display"));
        Assert.NotEqual("none", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.getElementById('summary')).display"));
    }

    internal static string Name(CompletionStatus status) => status switch
    {
        CompletionStatus.Exceeded => "exceeded",
        CompletionStatus.Met => "met",
        CompletionStatus.NotMet => "not_met",
        CompletionStatus.Pending => "pending",
        _ => "unknown",
    };
}

/// <summary>A link to a record (<c>page.html#r3</c>) opens the page with that record selected. With
/// <c>GOVTEXT_REVIEW_SCREENSHOT=FILE</c> it also saves the screenshot the README shows.</summary>
[Collection("browser")]
public sealed class ReviewLinkTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_link_to_a_record_opens_the_page_with_that_record_selected_and_its_figures_in_view()
    {
        var result = ReviewCorpus.Circular;
        // A record the auditor should look at: the first with an error flag and both figures marked.
        var i = Enumerable.Range(0, result.Records.Count).First(k => result.Records[k].Flags.Any(f => f.Severity == "error")
            && result.Records[k].Evidence is { Target: not null, Actual: not null });
        var file = Path.Combine(Path.GetTempPath(), $"govtext-review-link-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, ReviewPage.ToHtml(result), new System.Text.UTF8Encoding(false));
        try
        {
            await using var page = await browser.NewPageAsync(1400, 1000);
            await page.GoToAsync(new Uri(file).AbsoluteUri + $"#r{i}");
            Assert.Equal($"r{i}", await page.EvaluateExpressionAsync<string>("document.querySelector('#table tr[aria-selected=\"true\"]').id"));
            var inView = await page.EvaluateExpressionAsync<bool[]>(
                $"['{i}t', '{i}a'].map(t => {{ const r = document.querySelector('.text mark[data-s~=\"' + t + '\"]').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }})");
            Assert.All(inView, Assert.True);
            if (Environment.GetEnvironmentVariable("GOVTEXT_REVIEW_SCREENSHOT") is { Length: > 0 } shot)
            {
                await page.HoverAsync($".text mark[data-s~=\"{i}a\"]");
                await page.ScreenshotAsync(shot);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
