using GovTextExtract.Records;
using GovTextExtract.Review;
using GovTextExtract.Text;

namespace GovTextExtract.Tests.Review;

/// <summary>A document that holds markup: the page shows it as text and runs none of it.</summary>
[Collection("browser")]
public sealed class HostileReviewTests(BrowserFixture browser)
{
    /// <summary>Each piece sets <c>window.__pwned</c> if it ever runs.</summary>
    internal const string HostileText =
        "关于2019年目标任务完成情况的通报<script>window.__pwned = 'script';</script></style><style>body{display:none}</style>\n" +
        "一、地区生产总值增长\" onmouseover=\"window.__pwned='attr'\" x=\"，目标8%，实际完成8.1%。<img src=x onerror=\"window.__pwned='img'\">\n" +
        "二、</script><script>window.__pwned='close'</script>固定资产投资增长目标10%，完成12%，完成年度目标的120%。\n" +
        "三、<iframe src=\"javascript:window.parent.__pwned='frame'\"></iframe><a href=\"javascript:window.__pwned='link'\">点此</a>\u2028\u2029<!-- -->]]>\n";

    /// <summary>Records whose every text field is hostile too, with spans on the hostile parts.</summary>
    internal static ExtractionResult HostileResult()
    {
        var text = HostileText;
        SourceSpan At(string piece) => new(text.IndexOf(piece, StringComparison.Ordinal), piece.Length);
        var flag = new AuditFlag("rate_mismatch\"><script>window.__pwned='code'</script>", "error",
            "\" onmouseover=\"window.__pwned='message'\" <img src=x onerror=window.__pwned='msg'>")
        {
            MessageZh = "</script><script>window.__pwned='zh'</script>",
            Evidence = [At("<img src=x onerror=\"window.__pwned='img'\">")],
        };
        return new ExtractionResult
        {
            Document = "<img src=x onerror=\"window.__pwned='name'\">.txt",
            SourceText = text,
            Records =
            [
                new CompletionRecord
                {
                    Indicator = "地区生产总值增长\" onmouseover=\"window.__pwned='indicator'\"",
                    Target = new TargetValue { Text = "<script>window.__pwned='target'</script>", Value = 8m, Unit = "%" },
                    Actual = new ActualValue { Text = "</style><style>*{display:none}</style>", Value = 8.1m, Unit = "%" },
                    ReportedRate = 99m,
                    ComputedRate = 101.25m,
                    Status = CompletionStatus.Exceeded,
                    Confidence = 0.5,
                    Flags = [flag],
                    Evidence = new RecordEvidence
                    {
                        Target = At("<script>window.__pwned = 'script';</script>"),
                        Actual = At("\" onmouseover=\"window.__pwned='attr'\" x=\""),
                        Rate = At("</script><script>window.__pwned='close'</script>"),
                    },
                },
                new CompletionRecord
                {
                    Indicator = "</script><script>window.__pwned='second'</script>",
                    Target = new TargetValue { Text = "10%", Value = 10m, Unit = "%" },
                    Status = CompletionStatus.Unknown,
                    Evidence = new RecordEvidence { Target = At("<iframe src=\"javascript:window.parent.__pwned='frame'\"></iframe>") },
                },
            ],
        };
    }

    [Fact]
    public async Task A_hostile_documents_page_shows_the_markup_as_text_and_runs_none_of_it()
    {
        var result = HostileResult();
        await using var page = await browser.OpenAsync(ReviewPage.ToHtml(result));
        var violations = new List<string>();
        page.Console += (_, e) => violations.Add(e.Message.Text);

        // Touch everything an auditor would: hover every mark and flag, click every row and summary link.
        await page.EvaluateExpressionAsync("""
            for (const el of document.querySelectorAll('mark, .flag, tr, a')) {
              el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
              el.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
            }
            """);
        foreach (var i in new[] { 0, 1 })
            await page.ClickAsync($"#r{i} td:nth-child(2)");
        await page.HoverAsync(".text mark[data-s~=\"0a\"]");

        Assert.Equal("undefined", await page.EvaluateExpressionAsync<string>("typeof window.__pwned"));
        // The document's markup made no elements: two scripts (data and code), one style, no image, frame or link.
        Assert.Equal(2, await page.EvaluateExpressionAsync<int>("document.scripts.length"));
        Assert.Equal(1, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('style').length"));
        Assert.Equal(0, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('img, iframe, [onmouseover], [onerror], a[href^=javascript]').length"));
        // It shows as text, in the document pane, the table, the card and the title.
        var shown = await page.EvaluateExpressionAsync<string>("document.getElementById('text0').textContent");
        Assert.Equal(HostileText.Replace("\r", "", StringComparison.Ordinal), shown);
        var table = await page.EvaluateExpressionAsync<string>("document.getElementById('table').textContent");
        Assert.Contains("<script>window.__pwned='target'</script>", table);
        Assert.Contains("</script><script>window.__pwned='second'</script>", table);
        Assert.Equal("Review: " + result.Document, await page.EvaluateExpressionAsync<string>("document.title"));
        var card = await page.EvaluateExpressionAsync<string>("document.getElementById('tip').textContent");
        Assert.Contains("window.__pwned='message'", card);
        Assert.Equal("block", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.body).display"));
        // The page's own script ran (its hash is in the policy): the row click lit the row's marks.
        Assert.True(await page.EvaluateExpressionAsync<int>("document.querySelectorAll('.text mark.hl').length") >= 1);
        Assert.DoesNotContain(violations, v => v.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_injected_script_is_refused_by_the_policy()
    {
        // The policy itself is tested: a script element added at run time, with no matching hash, does not run.
        await using var page = await browser.OpenAsync(ReviewPage.ToHtml(HostileResult()));
        await page.EvaluateExpressionAsync(
            "const s = document.createElement('script'); s.textContent = \"window.__pwned = 'injected'\"; document.body.appendChild(s);");
        Assert.Equal("undefined", await page.EvaluateExpressionAsync<string>("typeof window.__pwned"));
    }

    [Fact]
    public async Task A_hostile_document_read_by_the_extractor_runs_nothing_either()
    {
        var result = GovText.Pipeline.ExtractText(HostileText, "hostile.txt");
        await using var page = await browser.OpenAsync(ReviewPage.ToHtml(result));
        await page.EvaluateExpressionAsync("for (const m of document.querySelectorAll('mark')) m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));");
        Assert.Equal("undefined", await page.EvaluateExpressionAsync<string>("typeof window.__pwned"));
        Assert.Equal(HostileText, await page.EvaluateExpressionAsync<string>("document.getElementById('text0').textContent"));
        var marked = await page.EvaluateFunctionAsync<Dictionary<string, string>>(ReviewCorpus.MarkTextsScript, "#text0");
        foreach (var (token, _, text) in ReviewCorpus.Evidence(result.Records, result.SourceText))
            Assert.Equal(text, marked[token]);
    }
}
