using System.Globalization;
using System.Text;
using System.Text.Json;
using GovTextExtract.Review;
using Xunit.Abstractions;

namespace GovTextExtract.Tests.Review;

/// <summary>A 1 MB document with over 2,000 records: the page holds them all and a row click lights the right figures.
/// The timings (first paint, row click, sort, filter) are printed and, with <c>GOVTEXT_REVIEW_TIMINGS=FILE</c>,
/// appended to a file for docs/performance.md; they are measured here, never asserted.</summary>
[Collection("browser")]
public sealed class BigDocumentReviewTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>A circular of <paramref name="items"/> numbered tasks, each with a target, a result and a stated rate in
    /// the genre's words, padded with the genre's boilerplate to at least <paramref name="bytes"/> UTF-8 bytes.</summary>
    internal static string BigCircular(int items, int bytes)
    {
        string[] names = ["道路建设", "污水处理", "棚户区改造", "农村公路", "新增就业", "招商引资", "固定资产投资", "学校建设", "医院建设", "绿化造林"];
        const string Filler = "各地各部门高度重视，认真落实工作责任，加强统筹调度，强化督促检查，确保各项工作有序推进。";
        var random = new Random(15);
        var text = new StringBuilder("关于2023年重点工作目标任务完成情况的通报\n\n");
        for (var i = 0; i < items; i++)
        {
            var target = random.Next(100, 900);
            var actual = target * random.Next(80, 130) / 100;
            var rate = Math.Round(actual * 100m / target, 1).ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture,
                $"{i + 1}、{names[i % names.Length]}第{i + 1}项。年度目标{target}万元，全年完成{actual}万元，完成年度目标的{rate}%。");
            text.Append(Filler).Append(Filler).Append('\n');
        }
        while (Encoding.UTF8.GetByteCount(text.ToString()) < bytes)
            text.Append(Filler).Append('\n');
        return text.ToString();
    }

    [Fact]
    public async Task A_1_MB_page_with_2000_records_holds_them_all_and_a_row_click_lights_the_right_figures()
    {
        var text = BigCircular(2150, 1_000_000);
        var result = GovText.Pipeline.ExtractText(text, "big-circular.txt");
        Assert.True(result.Records.Count >= 2000, $"the generated circular gave {result.Records.Count} records");
        var html = ReviewPage.ToHtml(result);
        var file = Path.Combine(Path.GetTempPath(), $"govtext-review-big-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html, new UTF8Encoding(false));
        try
        {
            await using var page = await browser.NewPageAsync();
            var loads = new List<JsonElement>();
            for (var run = 0; run < 3; run++)
            {
                await page.GoToAsync("about:blank");
                await page.GoToAsync(new Uri(file).AbsoluteUri, new PuppeteerSharp.NavigationOptions { Timeout = 120_000 });
                loads.Add(await page.EvaluateExpressionAsync<JsonElement>("""
                    (() => {
                      const nav = performance.getEntriesByType('navigation')[0];
                      const paint = Object.fromEntries(performance.getEntriesByType('paint').map(p => [p.name, p.startTime]));
                      return { fp: paint['first-paint'] ?? -1, fcp: paint['first-contentful-paint'] ?? -1,
                               dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
                    })()
                    """));
            }
            Assert.Equal(result.Records.Count, await page.EvaluateExpressionAsync<int>("document.querySelectorAll('#table tbody tr').length"));

            // Row clicks across the document: the first right after load, then spread out.
            var clicks = new List<(int Record, double Handler, double Frame)>();
            var step = result.Records.Count / 8;
            foreach (var i in new[] { result.Records.Count - 1, 0, step, 3 * step, 5 * step, 7 * step, result.Records.Count / 2 })
            {
                var t = await page.EvaluateFunctionAsync<JsonElement>("""
                    async (i) => {
                      const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                      const cell = document.querySelector('#r' + i + ' td:nth-child(2)');
                      const t0 = performance.now();
                      cell.click();
                      const t1 = performance.now();
                      await frame();
                      const t2 = performance.now();
                      const mine = [...document.querySelectorAll('.text mark[data-s]')]
                        .filter(m => m.getAttribute('data-s').split(' ').some(t => parseInt(t, 10) === i));
                      const lit = document.querySelectorAll('.text mark.hl');
                      const first = [...lit].find(m => m.getAttribute('data-s').split(' ').some(t => parseInt(t, 10) === i && /[tar]$/.test(t))) || lit[0];
                      const r = first ? first.getBoundingClientRect() : null;
                      return { handler: t1 - t0, frame: t2 - t0, mine: mine.length, lit: lit.length,
                               allMine: mine.every(m => m.classList.contains('hl')),
                               inView: !!r && r.top >= 0 && r.bottom <= innerHeight && r.width > 0 };
                    }
                    """, i);
                Assert.True(t.GetProperty("mine").GetInt32() >= 2, $"record {i + 1}: {t}");
                Assert.Equal(t.GetProperty("mine").GetInt32(), t.GetProperty("lit").GetInt32());
                Assert.True(t.GetProperty("allMine").GetBoolean(), $"record {i + 1}: {t}");
                Assert.True(t.GetProperty("inView").GetBoolean(), $"record {i + 1}: {t}");
                clicks.Add((i, t.GetProperty("handler").GetDouble(), t.GetProperty("frame").GetDouble()));
            }

            var sortAndFilter = await page.EvaluateExpressionAsync<JsonElement>("""
                (async () => {
                  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
                  let t0 = performance.now();
                  document.querySelector('th.c-cr button').click();
                  await frame();
                  const sort = performance.now() - t0;
                  const select = document.getElementById('f-status');
                  select.value = 'not_met';
                  t0 = performance.now();
                  select.dispatchEvent(new Event('change'));
                  await frame();
                  return { sort, filter: performance.now() - t0 };
                })()
                """);
            var f = CultureInfo.InvariantCulture;
            var report = new StringBuilder();
            report.AppendLine(f, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}: " +
                                 $"{Encoding.UTF8.GetByteCount(text):N0} bytes of text ({text.Length:N0} characters), {result.Records.Count} records, " +
                                 $"{ReviewCorpus.Evidence(result.Records, text).Count():N0} evidence spans, page {new FileInfo(file).Length:N0} bytes");
            foreach (var l in loads)
                report.AppendLine(f, $"  load: first paint {l.GetProperty("fp").GetDouble():0} ms, first contentful paint {l.GetProperty("fcp").GetDouble():0} ms, " +
                                     $"DOMContentLoaded {l.GetProperty("dcl").GetDouble():0} ms, load {l.GetProperty("load").GetDouble():0} ms");
            foreach (var (record, handler, frame) in clicks)
                report.AppendLine(f, $"  row click #{record + 1}: handler {handler:0.0} ms, to the next frame {frame:0.0} ms");
            report.AppendLine(f, $"  sort by computed rate {sortAndFilter.GetProperty("sort").GetDouble():0.0} ms, filter by status {sortAndFilter.GetProperty("filter").GetDouble():0.0} ms (to the next frame)");
            output.WriteLine(report.ToString());
            if (Environment.GetEnvironmentVariable("GOVTEXT_REVIEW_TIMINGS") is { Length: > 0 } timings)
                await File.AppendAllTextAsync(timings, report.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
