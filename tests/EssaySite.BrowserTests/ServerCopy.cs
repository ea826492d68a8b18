using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using EssaySite.Content;
using EssaySite.Edition;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>A copy of the site a browser can visit, and the browser.</summary>
public interface IHostUnderTest
{
    /// <summary>The site's root without a trailing slash: "http://127.0.0.1:5123" or "http://127.0.0.1:5123/reading".</summary>
    string BaseUrl { get; }

    /// <summary>True for the static export, where only files are served.</summary>
    bool IsStaticExport { get; }

    /// <summary>The Chromium every copy shares.</summary>
    IBrowser Browser { get; }

    /// <summary>The content folder this copy serves (<see cref="TestContent"/>).</summary>
    string ContentRoot { get; }

    /// <summary>That content, loaded as the server loads it: what a test expects the pages to show.</summary>
    ContentSnapshot Content => TestContent.Load(ContentRoot);

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

/// <summary>
/// The app on a real Kestrel port, reading one content folder (<see cref="TestContent"/>), its edition warmed before
/// any test runs.
/// </summary>
public sealed class ServerCopy(string contentRoot, IBrowser browser) : IHostUnderTest, IAsyncDisposable
{
    private readonly int _port = FreePort();
    private WebApplicationFactory<Program>? _factory;

    public IBrowser Browser { get; } = browser;

    public string ContentRoot { get; } = contentRoot;

    public string BaseUrl => $"http://127.0.0.1:{_port}";

    public bool IsStaticExport => false;

    public async Task StartAsync()
    {
        _factory = new KestrelAppFactory(BaseUrl, ContentRoot);
        _factory.UseKestrel(_port);
        _factory.StartServer();
        // With Site:BaseUrl set to the bound address, start-up begins rendering the edition at once; waiting for it
        // here keeps that render out of the tests. One request first: it is answered once the content has loaded and
        // the pipeline the edition renders through is built.
        using (var client = new HttpClient())
        using (var first = await client.GetAsync(new Uri(BaseUrl + "/")))
        {
            first.EnsureSuccessStatusCode();
        }

        var services = _factory.Services;
        _ = await services.GetRequiredService<EditionStore>().Warm(services.GetRequiredService<ContentStore>().Current);
    }

    /// <summary>A fresh page in its own context, so no test sees another's state.</summary>
    public Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool javaScript = true) =>
        Pages.NewAsync(Browser, BaseUrl, width, height, javaScript);

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }

    /// <summary>A port free now, for Kestrel to bind: the site's public address must be known before it starts.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class KestrelAppFactory(string baseUrl, string contentRoot) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Serilog:PreserveStaticLogger", "true");
            builder.UseSetting("Site:BaseUrl", baseUrl);
            builder.UseSetting("Site:ContentPath", contentRoot);
            // A line a request, thousands in a run, written to the test host's console that nobody reads: warnings only.
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        }
    }
}

/// <summary>
/// One Chromium for the whole run, whichever fixtures use it: two browsers beside two servers on two cores were
/// slower than one. Each fixture acquires it at its start and releases it at its end; the last one out closes it.
/// </summary>
public static class SharedChromium
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static int _users;

    public static async Task<IBrowser> AcquireAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                _playwright = await Playwright.CreateAsync();
                try
                {
                    _browser = await ChromiumLocator.LaunchAsync(_playwright);
                }
                catch
                {
                    _playwright.Dispose();
                    _playwright = null;
                    throw;
                }
            }

            _users++;
            return _browser;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task ReleaseAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (--_users == 0 && _browser is not null)
            {
                await _browser.DisposeAsync();
                _playwright?.Dispose();
                (_browser, _playwright) = (null, null);
            }
        }
        finally
        {
            Gate.Release();
        }
    }
}

public static class Pages
{
    /// <summary>
    /// How long a navigation or an action may take. The exports are built and the editions rendered before the first
    /// test (<see cref="CopiesUnderTest"/>), so a page answers from bytes already made: 15 s is ample on two busy cores, and
    /// a hang shows in seconds.
    /// </summary>
    public const int Wait = 15_000;

    /// <summary>How long an assertion retries: Playwright's default. A passing assertion returns as soon as it holds.</summary>
    public const int ExpectWait = 5_000;

    public static async Task<IPage> NewAsync(IBrowser browser, string baseUrl, int width, int height, bool javaScript)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(Wait);
        context.SetDefaultNavigationTimeout(Wait);
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
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = Wait });
        await page.SettleAsync(LoadState.Load);
    }

    /// <inheritdoc cref="ArriveAsync(IPage, string)"/>
    public static async Task ArriveAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = Wait });
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
            catch (TimeoutException) when (attempt < Wait / 2_000)
            {
            }
        }
    }
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
        Assertions.SetDefaultExpectTimeout(Pages.ExpectWait);
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
