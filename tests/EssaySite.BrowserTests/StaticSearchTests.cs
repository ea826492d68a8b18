using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// On the static export, served by nginx under /reading/, the search page searches in the browser,
/// from the exported search-index.json, and finds what the server's search finds.
/// </summary>
[Collection(ExportTestGroup.Name)]
public sealed class StaticSearchTests(ExportServerHost host)
{
    private async Task<(IPage Page, List<string> Problems)> NewExportPageAsync(bool javaScript = true)
    {
        var page = await host.NewPageAsync(javaScript: javaScript);
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
        await page.GotoAsync(host.BaseUrl + "/essay");
        var search = page.GetByRole(AriaRole.Search, new() { Name = "Site search" });
        await search.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("Suleimani");
        await search.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
        await page.ArriveAsync(new Regex("/search\\?q=Suleimani$"));

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^[0-9]+ results? for “Suleimani”\\.$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Words to find" })).ToHaveValueAsync("Suleimani");
        Assert.Equal("Search: Suleimani · There Is Only One Position", await page.TitleAsync());
        var paragraph1 = page.Locator("ol.results > li").Filter(new() { Has = page.Locator("a[href='/reading/essay#p1']") });
        Assert.Equal("Soleimani", (await paragraph1.Locator(".snippet mark").First.InnerTextAsync()).Trim());

        // The same order the server's search gives.
        var expected = ServerSearch("Suleimani").Select(url => "/reading" + url);
        var found = await page.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(expected, found);
        Assert.All(found, h => Assert.StartsWith("/reading/", h, StringComparison.Ordinal));

        await page.Locator("ol.results > li a[href='/reading/essay#p1']").ClickAsync();
        await page.ArriveAsync(host.BaseUrl + "/essay#p1");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("Solemani", "Soleimani")]
    [InlineData("Mosadegh", "Mossadegh")]
    public async Task AMisspeltQuery_IsOfferedWhatTheServerOffers_AndTheOfferFindsIt(string query, string suggestion)
    {
        var (page, problems) = await NewExportPageAsync();
        await page.GotoAsync(host.BaseUrl + "/search?q=" + query);
        var offer = page.Locator(".did-you-mean").GetByRole(AriaRole.Link);
        await Assertions.Expect(offer).ToHaveTextAsync(suggestion);
        await offer.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex($"^[0-9]+ results? for “{suggestion}”\\.$"));
        var expected = ServerSearch(suggestion).Select(url => "/reading" + url);
        Assert.Equal(expected, await page.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AQueryWithNoMatch_SaysNothingMatches_AndOffersTheTimelineAndGlossary()
    {
        var (page, problems) = await NewExportPageAsync();
        await page.GotoAsync(host.BaseUrl + "/search?q=" + Uri.EscapeDataString("xqzvwk"));
        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToHaveTextAsync(
            "Nothing matches “xqzvwk”. Try fewer or different words, or browse the timeline and the glossary.");
        await Assertions.Expect(status.GetByRole(AriaRole.Link, new() { Name = "timeline" })).ToHaveAttributeAsync("href", "/reading/timeline");
        Assert.Equal(0, await page.Locator("ol.results").CountAsync());
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WhenTheIndexCannotLoad_ThePageSaysSo_AndWhereToLookInstead()
    {
        var (page, _) = await NewExportPageAsync();
        await page.RouteAsync(host.BaseUrl + "/search-index.json", route => route.FulfillAsync(new() { Status = 404, Body = "" }));
        await page.GotoAsync(host.BaseUrl + "/search?q=Soleimani");
        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToHaveTextAsync(
            "Search could not load its index; reload the page to try again. Browse the timeline, the glossary and the sources instead.");
        await Assertions.Expect(status.GetByRole(AriaRole.Link, new() { Name = "sources" })).ToHaveAttributeAsync("href", "/reading/sources");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AQueryWithoutAccents_FindsTheAccentedWord_AsTheServerDoes()
    {
        var (page, problems) = await NewExportPageAsync();
        await page.GotoAsync(host.BaseUrl + "/search?q=Hurriyet");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^[0-9]+ results? for “Hurriyet”\\.$"));
        var found = await page.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(found);
        Assert.Equal(ServerSearch("Hurriyet").Select(url => "/reading" + url), found);
        Assert.Equal("Hürriyet", (await page.Locator("ol.results .snippet mark").First.InnerTextAsync()).Trim());
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePagesThatDifferOnTheExport_HaveNoAxeViolations()
    {
        // Search results drawn by the script, the assignment page's notice, and the 404 page's note.
        var problems = await AccessibilityTests.AxeInEveryVariantAsync(host.Browser, host.BaseUrl, ["/search?q=Soleimani", "/search", "/assign", "/no-such-page"], waitForScripts: true);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The result links the server's own search gives, from the same content.</summary>
    private static IEnumerable<string> ServerSearch(string query)
    {
        var paths = EssaySite.Hosting.SitePaths.Resolve(new EssaySite.Hosting.SiteOptions(), AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        var (snapshot, _) = new EssaySite.Content.ContentLoader(new EssaySite.Content.MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).TryLoad(paths.ContentRoot);
        return snapshot!.Search.Search(query).Select(hit => hit.Document.Url);
    }
}
