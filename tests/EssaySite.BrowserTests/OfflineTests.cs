using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>Reading offline: after one visit the service worker keeps the essay, the guide and the packet.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class OfflineTests(RealContentServer host)
{
    [Fact]
    public Task AfterOneVisit_TheEssayGuideAndPacket_OpenWithNoConnection() => Offline.ReadAfterOneVisitAsync(host.Browser, host.BaseUrl);
}

/// <summary>The same on the static export, served by nginx under /reading/.</summary>
[Collection(ExportTestGroup.Name)]
public sealed class OfflineOnTheExportTests(RealContentExport host)
{
    [Fact]
    public Task AfterOneVisit_TheEssayGuideAndPacket_OpenWithNoConnection_UnderASubPath() => Offline.ReadAfterOneVisitAsync(host.Browser, host.BaseUrl);
}

internal static class Offline
{
    private static readonly (string Path, string Heading)[] Kept =
    [
        ("/essay", "There Is Only One Position"),
        ("/questions", "Discussion questions"),
        ("/sources", "Sources"),
        ("/packet", "Class packet: There Is Only One Position"),
    ];

    public static async Task ReadAfterOneVisitAsync(IBrowser browser, string baseUrl)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl });
        context.SetDefaultTimeout(Pages.Wait);
        context.SetDefaultNavigationTimeout(Pages.Wait);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type is "error") { errors.Add(m.Text); } };

        // One visit, to the home page only: the worker keeps the rest.
        await page.GotoAsync(baseUrl + "/");
        var scope = await page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope");
        Assert.Equal(baseUrl + "/", scope);
        var kept = await page.EvaluateAsync<string[]>("""
            async () => {
              const names = await caches.keys();
              const urls = [];
              for (const name of names) { for (const r of await (await caches.open(name)).keys()) { urls.push(r.url); } }
              return urls;
            }
            """);
        foreach (var (path, _) in Kept)
        {
            Assert.Contains(baseUrl + path, kept);
        }

        Assert.Contains(kept, u => u.StartsWith(baseUrl + "/css/site.css?v=", StringComparison.Ordinal));

        await context.SetOfflineAsync(true);
        foreach (var (path, heading) in Kept)
        {
            var response = await page.GotoAsync(baseUrl + path);
            Assert.True(response!.FromServiceWorker, $"{path} did not come from the service worker");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
            if (path == "/essay")
            {
                Assert.Equal(30, await page.Locator(".essay-text .para").CountAsync());
            }

            // Styled too: the stylesheets came from the kept copy.
            Assert.True(await page.EvaluateAsync<bool>("() => [...document.styleSheets].length > 0 && [...document.styleSheets].every(s => s.cssRules.length > 0)"), $"{path} has no styles offline");
        }

        // The connection really is off: a page that was never visited does not open.
        var missing = await Assert.ThrowsAsync<PlaywrightException>(() => page.GotoAsync(baseUrl + "/commentary/reading-an-opinion-essay"));
        Assert.Contains("ERR_", missing.Message, StringComparison.Ordinal);

        await context.SetOfflineAsync(false);
        Assert.Empty(errors);
        await context.CloseAsync();
    }
}
