using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// On the static export, served by nginx under /reading/, the search page searches in the browser,
/// from the exported search-index.json, and finds what the server's search finds: on the fixture guide, whose
/// glossary names 'parliament' (with 'parliaments') and 'usurpation'; the accents and axe on the real export.
/// </summary>
[Collection(ExportTestGroup.Name)]
public sealed class StaticSearchTests(FixtureGuideExport site, RealContentExport real)
{
    private static async Task<(IPage Page, List<string> Problems)> NewExportPageAsync(IHostUnderTest copy, bool javaScript = true)
    {
        var page = await copy.NewPageAsync(javaScript: javaScript);
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") { problems.Add($"console {m.Type}: {m.Text}"); } };
        page.PageError += (_, e) => problems.Add("page error: " + e);
        page.RequestFailed += (_, r) => problems.Add($"request failed: {r.Url} {r.Failure}");
        return (page, problems);
    }

    [Fact]
    public async Task HeaderSearch_ForAVariantSpelling_FindsTheEssaysSpellingMarked_AsTheServerDoes()
    {
        var (page, problems) = await NewExportPageAsync(site);
        await page.GotoAsync(site.BaseUrl + "/essay");
        var search = page.GetByRole(AriaRole.Search, new() { Name = "Site search" });
        await search.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("parliaments");
        await search.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
        await page.ArriveAsync(new Regex("/search\\?q=parliaments$"));

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^[0-9]+ results? for “parliaments”\\.$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Searchbox, new() { Name = "Words to find" })).ToHaveValueAsync("parliaments");
        Assert.Equal("Search: parliaments · " + site.Content.Identity.Name, await page.TitleAsync());
        var paragraph2 = page.Locator("ol.results > li").Filter(new() { Has = page.Locator("a[href='/reading/essay#p2']") });
        Assert.Equal("parliament", (await paragraph2.Locator(".snippet mark").First.InnerTextAsync()).Trim());

        // The same order the server's search gives.
        var expected = ServerResults(site, "parliaments");
        var found = await page.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(expected, found);
        Assert.All(found, h => Assert.StartsWith("/reading/", h, StringComparison.Ordinal));

        await page.Locator("ol.results > li a[href='/reading/essay#p2']").ClickAsync();
        await page.ArriveAsync(site.BaseUrl + "/essay#p2");
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("parlament", "parliament")]
    [InlineData("usurpasion", "usurpation")]
    public async Task AMisspeltQuery_IsOfferedWhatTheServerOffers_AndTheOfferFindsIt(string query, string suggestion)
    {
        var (page, problems) = await NewExportPageAsync(site);
        await page.GotoAsync(site.BaseUrl + "/search?q=" + query);
        var offer = page.Locator(".did-you-mean").GetByRole(AriaRole.Link);
        await Assertions.Expect(offer).ToHaveTextAsync(suggestion);
        await offer.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex($"^[0-9]+ results? for “{suggestion}”\\.$"));
        Assert.Equal(ServerResults(site, suggestion), await page.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AQueryWithNoMatch_SaysNothingMatches_AndOffersTheTimelineAndGlossary()
    {
        var (page, problems) = await NewExportPageAsync(site);
        await page.GotoAsync(site.BaseUrl + "/search?q=" + Uri.EscapeDataString("xqzvwk"));
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
        var (page, _) = await NewExportPageAsync(site);
        await page.RouteAsync(site.BaseUrl + "/search-index.json", route => route.FulfillAsync(new() { Status = 404, Body = "" }));
        await page.GotoAsync(site.BaseUrl + "/search?q=parliament");
        var status = page.GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToHaveTextAsync(
            "Search could not load its index; reload the page to try again. Browse the timeline, the glossary and the sources instead.");
        await Assertions.Expect(status.GetByRole(AriaRole.Link, new() { Name = "sources" })).ToHaveAttributeAsync("href", "/reading/sources");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AQueryWithoutAccents_FindsTheAccentedWord_AsTheServerDoes()
    {
        // The fixture guide has no accented word; the real guide cites Hürriyet.
        var (page, problems) = await NewExportPageAsync(real);
        await page.GotoAsync(real.BaseUrl + "/search?q=Hurriyet");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^[0-9]+ results? for “Hurriyet”\\.$"));
        var found = await page.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(found);
        Assert.Equal(ServerResults(real, "Hurriyet"), found);
        Assert.Equal("Hürriyet", (await page.Locator("ol.results .snippet mark").First.InnerTextAsync()).Trim());
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThePagesThatDifferOnTheExport_HaveNoAxeViolations()
    {
        // Search results drawn by the script, the assignment page's notice, and the 404 page's note.
        var problems = await AccessibilityTests.AxeInEveryVariantAsync(real.Browser, real.BaseUrl, ["/search?q=Soleimani", "/search", "/assign", "/no-such-page"], waitForScripts: true);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>The result links the server's own search gives, from the same content, under the export's path.</summary>
    private static string[] ServerResults(IHostUnderTest copy, string query) =>
        [.. copy.Content.Search.Search(query).Select(hit => RealContentExport.BasePath + hit.Document.Url)];
}
