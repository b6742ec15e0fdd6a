using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using GovTextExtract.Review;
using GovTextExtract.Tests.Cli;

namespace GovTextExtract.Tests.Review;

/// <summary>The review page's HTML as text: escaping, policy, file names, the command line.</summary>
public sealed class ReviewPageTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public void The_policy_names_the_pages_one_style_and_one_script_by_their_hashes_and_allows_nothing_else()
    {
        var html = ReviewPage.ToHtml(HostileReviewTests.HostileResult());
        var policy = Regex.Match(html, "http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\"", RegexOptions.None, Timeout).Groups[1].Value;
        Assert.StartsWith("default-src 'none';", policy);
        var style = Regex.Match(html, "<style>(.*?)</style>", RegexOptions.Singleline, Timeout).Groups[1].Value;
        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline, Timeout);
        Assert.Single(scripts);
        Assert.Contains($"style-src 'sha256-{Hash(style)}'", policy);
        Assert.Contains($"script-src 'sha256-{Hash(scripts[0].Groups[1].Value)}'", policy);
        Assert.DoesNotContain("unsafe", policy);
        Assert.DoesNotContain("http", policy);
        Assert.DoesNotContain(" style=\"", html);
    }

    [Fact]
    public void Document_text_never_reaches_the_html_unescaped()
    {
        var html = ReviewPage.ToHtml(HostileReviewTests.HostileResult());
        Assert.DoesNotContain("<script>window", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("\" onmouseover=", html);
        Assert.Contains("&lt;script&gt;window.__pwned = &#39;script&#39;;&lt;/script&gt;", html);
        // The data island holds no markup character at all.
        var island = Regex.Match(html, "<script type=\"application/json\" id=\"review-data\">(.*?)</script>", RegexOptions.Singleline, Timeout).Groups[1].Value;
        Assert.NotEmpty(island);
        Assert.DoesNotContain('<', island);
        Assert.DoesNotContain('>', island);
        Assert.DoesNotContain('&', island);
    }

    [Fact]
    public void Overlapping_spans_are_cut_into_marks_that_each_name_every_span_they_belong_to()
    {
        var text = "年度目标8%，完成8.1%";
        var result = new ExtractionResult
        {
            Document = "t.txt",
            SourceText = text,
            Records =
            [
                new Records.CompletionRecord { Indicator = "a", Evidence = new() { Target = new(4, 2), Actual = new(9, 4) } },
                new Records.CompletionRecord { Indicator = "b", Evidence = new() { Target = new(2, 4), Actual = new(100, 4) } },
            ],
        };
        var html = ReviewPage.ToHtml(result);
        Assert.Contains("<mark class=\"t\" data-s=\"1t\">目标</mark><mark class=\"t\" data-s=\"0t 1t\">8%</mark>", html);
        Assert.Contains("<mark class=\"a\" data-s=\"0a\">8.1%</mark>", html);
        // An offset outside the text is named, not marked.
        Assert.Contains("1 evidence span(s) fall outside the text", html);
        Assert.DoesNotContain("data-s=\"1a\"", html);
    }

    [Fact]
    public void Page_names_keep_letters_and_digits_and_never_collide()
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "index.html" };
        Assert.Equal("a_b_咸宁.txt.html", BatchReview.PageName("a/b/咸宁.txt", taken));
        Assert.Equal("a_b_咸宁.txt-2.html", BatchReview.PageName("a/b:咸宁.txt", taken));
        Assert.Equal("index.txt.html", BatchReview.PageName("index.txt", taken));
        Assert.Equal("document.html", BatchReview.PageName("..", taken));
        Assert.Equal("_.._etc_passwd.html", BatchReview.PageName("/../etc/passwd", taken));
    }

    [Fact]
    public void Review_writes_the_page_to_out_and_refuses_an_out_that_is_the_input()
    {
        var file = ReviewCorpus.Raw("xianning-2019-completion.txt");
        var dir = Directory.CreateTempSubdirectory("govtext-review-cli-").FullName;
        try
        {
            var page = Path.Combine(dir, "page.html");
            var (code, stdout, err) = CliRun.Run("review", file, "--out", page);
            Assert.Equal(0, code);
            Assert.Equal("", stdout);
            var html = File.ReadAllText(page);
            Assert.Equal(ReviewCorpus.Circular.Records.Count, Regex.Count(html, "<tr id=\"r[0-9]+\"", RegexOptions.None, Timeout));
            Assert.Contains($"{ReviewCorpus.Circular.Records.Count} record(s)", err);

            var copy = Path.Combine(dir, "copy.txt");
            File.Copy(file, copy);
            (code, _, err) = CliRun.Run("review", copy, "--out", copy);
            Assert.Equal(2, code);
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(copy));

            (code, stdout, _) = CliRun.Run("review", ReviewCorpus.Raw("hailar-2012.txt"), ReviewCorpus.Raw("hailar-2013.txt"));
            Assert.Equal(0, code);
            Assert.Contains("id=\"text1\"", stdout);

            (code, _, err) = CliRun.Run("batch", file, "--out", "-", "--review", dir);
            Assert.Equal(2, code);
            Assert.Contains("--review", err);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string Hash(string content) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
}
