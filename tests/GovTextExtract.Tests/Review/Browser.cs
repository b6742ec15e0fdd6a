using PuppeteerSharp;

namespace GovTextExtract.Tests.Review;

/// <summary>One headless Chromium for the review page tests: the system's (<c>/usr/bin/chromium</c>, or
/// <c>GOVTEXT_CHROMIUM</c>), never a downloaded one. Without it the tests fail with a message that says how to install
/// it: they are not skipped.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where the browser is looked for.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("GOVTEXT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IBrowser? _browser;
    private string? _problem;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            _problem = $"Chromium is not installed at {ExecutablePath}: the review page tests need a real browser. " +
                       "Install it with: apt-get install -y chromium fonts-wqy-microhei (or set GOVTEXT_CHROMIUM).";
            return;
        }
        try
        {
            _browser = await Puppeteer.LaunchAsync(new LaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--allow-file-access-from-files"],
                Timeout = 60_000,
            });
        }
        catch (Exception e)
        {
            _problem = $"Chromium at {ExecutablePath} did not start: {e.GetType().Name}: {e.Message}";
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.CloseAsync();
    }

    /// <summary>A new tab of the given size; fails the test when there is no browser.</summary>
    public async Task<IPage> NewPageAsync(int width = 1400, int height = 900)
    {
        if (_browser is null)
            Assert.Fail(_problem ?? "no browser");
        var page = await _browser!.NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = height });
        return page;
    }

    /// <summary>Writes a page to a temporary file and opens it from disk, as an auditor would.</summary>
    public async Task<IPage> OpenAsync(string html, int width = 1400, int height = 900)
    {
        var file = Path.Combine(Path.GetTempPath(), $"govtext-review-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html, new System.Text.UTF8Encoding(false));
        var page = await NewPageAsync(width, height);
        await page.GoToAsync(new Uri(file).AbsoluteUri, new NavigationOptions { WaitUntil = [WaitUntilNavigation.Load], Timeout = 60_000 });
        return page;
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
}
