using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>A copy of the site a browser can visit, and the browser.</summary>
public interface ISiteUnderTest
{
    /// <summary>The site's root without a trailing slash: "http://127.0.0.1:5123" or "http://127.0.0.1:5123/reading".</summary>
    string BaseUrl { get; }

    /// <summary>True for the static export, where only files are served.</summary>
    bool IsStaticExport { get; }

    Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool javaScript = true);

    /// <summary>The absolute address of a site path ("/essay#p17").</summary>
    string Url(string path) => BaseUrl + path;

    /// <summary>The site path of an address in the browser: its path without the base.</summary>
    string PathOf(string url)
    {
        var path = new Uri(url).AbsolutePath;
        var basePath = new Uri(BaseUrl).AbsolutePath.TrimEnd('/');
        return path.StartsWith(basePath, StringComparison.Ordinal) ? path[basePath.Length..] : path;
    }
}

/// <summary>The real app on a real Kestrel port, and one Chromium shared by every browser test.</summary>
public sealed class BrowserFixture : ISiteUnderTest, IAsyncLifetime, IDisposable
{
    private readonly WebApplicationFactory<Program> _factory = new SiteOnKestrel();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    public bool IsStaticExport => false;

    public async Task InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        _playwright = await Playwright.CreateAsync();
        Browser = await ChromiumLocator.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await _factory.DisposeAsync();
    }

    public void Dispose() => _factory.Dispose();

    /// <summary>A fresh page in its own context, so no test sees another's state.</summary>
    public Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool javaScript = true) =>
        Pages.NewAsync(Browser, BaseUrl, width, height, javaScript);

    private sealed class SiteOnKestrel : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Serilog:PreserveStaticLogger", "true");
        }
    }
}

public static class Pages
{
    public static async Task<IPage> NewAsync(IBrowser browser, string baseUrl, int width, int height, bool javaScript)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        // Generous waits: the suite shares two cores with the server it tests, and a busy machine is slow, not broken.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Waits until the page's address is <paramref name="url"/> and the page has loaded. Not WaitForURLAsync: when the address
    /// already matches, it checks the load state and only then listens for it, and so can miss a <c>load</c> that comes
    /// in between and wait out its whole timeout (microsoft/playwright-dotnet#3364). The address assertion is answered by
    /// the browser's side, so it has no event to miss.
    /// </summary>
    public static async Task ArriveAsync(this IPage page, string url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 60_000 });
        await page.SettleAsync(LoadState.Load);
    }

    /// <inheritdoc cref="ArriveAsync(IPage, string)"/>
    public static async Task ArriveAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = 60_000 });
        await page.SettleAsync(LoadState.Load);
    }

    /// <summary>
    /// Waits for a load state in short waits: a state that arrived while a wait was being set up is still recorded by
    /// the page, so the next short wait finds it at once instead of waiting a minute for an event already gone.
    /// </summary>
    public static async Task SettleAsync(this IPage page, LoadState state)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await page.WaitForLoadStateAsync(state, new() { Timeout = 2_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 30)
            {
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// Finds a Chromium: PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH, else one installed on the machine, else
/// Playwright's own download. With none, the test fails and says how to get one; it is never skipped.
/// </summary>
public static class ChromiumLocator
{
    private static readonly string[] Installed =
    [
        "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable",
        "/snap/bin/chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ];

    // Root needs --no-sandbox; the rest keep Chromium from calling home on a machine with no internet.
    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static string? Find()
    {
        var configured = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH is '{configured}', but there is no file there. " + HowToInstall);
        }

        return Installed.FirstOrDefault(File.Exists);
    }

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        // Assertions retry for up to 15 s rather than 5: like the pages' own waits, they run beside the server they
        // test on two cores, and a busy machine is slow, not broken. A passing assertion returns as soon as it holds.
        Assertions.SetDefaultExpectTimeout(15_000);
        var options = new BrowserTypeLaunchOptions { Headless = true, Args = Args, ExecutablePath = Find() };
        try
        {
            return await playwright.Chromium.LaunchAsync(options);
        }
        catch (PlaywrightException e)
        {
            throw new InvalidOperationException($"Could not start Chromium ({options.ExecutablePath ?? "Playwright's own"}): {e.Message.Split('\n')[0]}. " + HowToInstall, e);
        }
    }

    public const string HowToInstall =
        "The browser tests need Chromium. On Debian or Ubuntu run 'sudo apt-get update && sudo apt-get install -y chromium' " +
        "(scripts/test does this when run as root), or set PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH to a Chromium or Chrome binary, " +
        "or, with internet access, install Playwright's own with 'pwsh bin/Debug/net10.0/playwright.ps1 install chromium'.";
}
