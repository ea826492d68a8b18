using System.Text.Json;

namespace EssaySite.Tests;

/// <summary>/sw.js, the service worker that keeps the essay, the guide and the packet for reading offline.</summary>
public sealed class ServiceWorkerTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    /// <summary>The worker's first line, <c>const OFFLINE = {"cache": …, "urls": […]};</c>, read back.</summary>
    private static (string Cache, string[] Urls) Settings(string script)
    {
        var first = script.Split('\n')[0];
        Assert.StartsWith("const OFFLINE = ", first, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(first["const OFFLINE = ".Length..].TrimEnd(';'));
        return (json.RootElement.GetProperty("cache").GetString()!, [.. json.RootElement.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!)]);
    }

    /// <summary>What a page loads as it opens: its scripts, stylesheets and icon, at the addresses it names.</summary>
    private static async Task<string[]> AssetsOfAsync(HttpClient client, string url) =>
        [.. (await client.GetDocumentAsync(url)).QuerySelectorAll("script[src], link[rel=stylesheet], link[rel=icon]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)];

    [Fact]
    public async Task TheWorker_IsServedAtTheRoot_NotCached_NamingTheContentVersion_AndKeepsTheEssayGuidePacketAndTheirFiles()
    {
        using var response = await host.Client.GetAsync(new Uri("/sw.js", UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.NoCache);
        var (cache, urls) = Settings(await response.Content.ReadAsStringAsync());

        var version = (await host.Client.GetDocumentAsync("/essay")).QuerySelector(".site-footer code")!.TextContent;
        Assert.StartsWith(version + "-", cache, StringComparison.Ordinal);
        foreach (var page in new[] { "/", "/essay", "/timeline", "/sources", "/questions", "/glossary", "/packet" })
        {
            Assert.Contains(page, urls);
        }

        // The files exactly as the pages ask for them, fingerprint and all, so the kept copy answers their requests.
        foreach (var page in new[] { "/essay", "/questions", "/packet" })
        {
            Assert.All(await AssetsOfAsync(host.Client, page), asset => Assert.Contains(asset, urls));
        }

        Assert.Contains(urls, u => u.StartsWith("/js/notes.js?v=", StringComparison.Ordinal));
        Assert.Contains(urls, u => u.StartsWith("/js/read.js?v=", StringComparison.Ordinal));
        // Installing fails if any address fails, so each one answers.
        foreach (var url in urls)
        {
            using var kept = await host.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True((int)kept.StatusCode == 200, $"{url} answered {(int)kept.StatusCode}");
        }
    }

    [Fact]
    public async Task UnderABasePath_TheWorkerSitsAtTheBase_AndKeepsTheAddressesUnderIt()
    {
        using var factory = new AppFactory().With("Site:BasePath", "/reading");
        var client = factory.Client();
        var (_, urls) = Settings(await client.GetStringAsync(new Uri("/reading/sw.js", UriKind.Relative)));
        Assert.Contains("/reading/", urls);
        Assert.Contains("/reading/essay", urls);
        Assert.All(urls, u => Assert.StartsWith("/reading/", u, StringComparison.Ordinal));
        Assert.All(await AssetsOfAsync(client, "/reading/essay"), asset => Assert.Contains(asset, urls));
    }

    [Fact]
    public async Task ANewContentVersion_NamesANewCache()
    {
        using var content = new TempContent();
        content.Write("commentary/a-new-page.md", "---\ntitle: \"A new page\"\nauthor: \"A Maintainer\"\ndate: 2030-05-01\nsummary: \"About it.\"\n---\n\nWords.\n");
        using var factory = new AppFactory().With("Site:ContentPath", content.ContentRoot);
        var (changed, _) = Settings(await factory.Client().GetStringAsync(new Uri("/sw.js", UriKind.Relative)));
        var (current, _) = Settings(await host.Client.GetStringAsync(new Uri("/sw.js", UriKind.Relative)));
        Assert.NotEqual(current, changed);
    }

    [Fact]
    public async Task ThePolicy_AllowsWorkersFromTheSiteOnly_AndOneTrustedTypesPolicy_NamedSw()
    {
        using var response = await host.Client.GetAsync(new Uri("/essay", UriKind.Relative));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("worker-src 'self';", csp, StringComparison.Ordinal);
        Assert.EndsWith("require-trusted-types-for 'script'; trusted-types sw", csp, StringComparison.Ordinal);
    }
}
