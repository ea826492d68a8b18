using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// On the static copy of the site (pages rendered with <c>Site:StaticExport=true</c>) the search page
/// searches in the browser, from /search-index.json, and finds what the server's search finds.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class StaticSearchTests(BrowserFixture site)
{
    private async Task<(IPage Page, List<string> Problems)> NewExportPageAsync(bool javaScript = true)
    {
        var page = await site.NewPageAsync(javaScript: javaScript, baseUrl: site.ExportBaseUrl);
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") { problems.Add($"console {m.Type}: {m.Text}"); } };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        page.RequestFailed += (_, r) => problems.Add($"request failed: {r.Url} {r.Failure}");
        return (page, problems);
    }

    [Fact]
    public async Task HeaderSearch_ForSuleimani_FindsTheEssaysSoleimaniMarked_AsTheServerDoes()
    {
        var (page, problems) = await NewExportPageAsync();
        await page.GotoAsync("/essay");
        var search = page.GetByRole(AriaRole.Search, new() { Name = "Site search" });
        await search.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("Suleimani");
        await search.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/search\\?q=Suleimani$"));

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^[0-9]+ results? for “Suleimani”\\.$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Words to find" })).ToHaveValueAsync("Suleimani");
        Assert.Equal("Search: Suleimani · There Is Only One Position", await page.TitleAsync());
        var paragraph1 = page.Locator("ol.results > li").Filter(new() { Has = page.Locator("a[href='/essay#p1']") });
        Assert.Equal("Soleimani", (await paragraph1.Locator(".snippet mark").First.InnerTextAsync()).Trim());

        var server = await site.NewPageAsync();
        await server.GotoAsync("/search?q=Suleimani");
        var expected = await server.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var found = await page.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(expected, found);
        await server.Context.CloseAsync();

        await page.Locator("ol.results > li a[href='/essay#p1']").ClickAsync();
        await page.WaitForURLAsync(site.ExportBaseUrl + "/essay#p1");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AQueryWithNoMatch_SaysNothingMatches_AndOffersTheTimelineAndGlossary()
    {
        var (page, problems) = await NewExportPageAsync();
        await page.GotoAsync("/search?q=" + Uri.EscapeDataString("xyzzy plugh"));
        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToHaveTextAsync(
            "Nothing matches “xyzzy plugh”. Try fewer or different words, or browse the timeline and the glossary.");
        await Assertions.Expect(status.GetByRole(AriaRole.Link, new() { Name = "timeline" })).ToHaveAttributeAsync("href", "/timeline");
        Assert.Equal(0, await page.Locator("ol.results").CountAsync());
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnderABasePath_TheScriptTakesTheIndexAndLinksFromTheDataAttributes()
    {
        // What the export's rewriting step does to the page for a copy served under /reading/.
        var (page, problems) = await NewExportPageAsync();
        await page.RouteAsync(site.ExportBaseUrl + "/reading/search?q=Soleimani", async route =>
        {
            var response = await route.FetchAsync(new() { Url = site.ExportBaseUrl + "/search?q=Soleimani" });
            var html = (await response.TextAsync())
                .Replace("data-index-url=\"/search-index.json\"", "data-index-url=\"/reading/search-index.json\"", StringComparison.Ordinal)
                .Replace("data-base-url=\"/\"", "data-base-url=\"/reading/\"", StringComparison.Ordinal);
            await route.FulfillAsync(new() { Response = response, Body = html });
        });
        await page.RouteAsync(site.ExportBaseUrl + "/reading/search-index.json", async route =>
            await route.FulfillAsync(new() { Response = await route.FetchAsync(new() { Url = site.ExportBaseUrl + "/search-index.json" }) }));

        await page.GotoAsync("/reading/search?q=Soleimani");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("results? for “Soleimani”"));
        var hrefs = await page.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Contains("/reading/essay#p1", hrefs);
        Assert.All(hrefs, h => Assert.StartsWith("/reading/", h, StringComparison.Ordinal));
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WhenTheIndexCannotLoad_ThePageSaysSo_AndWhereToLookInstead()
    {
        var (page, _) = await NewExportPageAsync();
        await page.RouteAsync(site.ExportBaseUrl + "/search-index.json", route => route.FulfillAsync(new() { Status = 404, Body = "" }));
        await page.GotoAsync("/search?q=Soleimani");
        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToHaveTextAsync(
            "Search could not load its index; reload the page to try again. Browse the timeline, the glossary and the sources instead.");
        await Assertions.Expect(status.GetByRole(AriaRole.Link, new() { Name = "sources" })).ToHaveAttributeAsync("href", "/sources");
        await page.Context.CloseAsync();
    }
}
