using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// A reader finds things: commentary from the home page, a sentence through the header's search.
/// On the fixture guide, whose one commentary page and first paragraph ("a long habit of not thinking a thing wrong") serve.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FindingTests(FixtureGuideServer site)
{
    [Fact]
    public async Task FromHome_ThroughTheCommentaryList_ToACommentaryPage()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "All commentary" }).ClickAsync();
        await page.ArriveAsync(site.BaseUrl + "/commentary");
        var first = page.Locator("ol.commentary-list h2 a").First;
        var title = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("/commentary/[a-z0-9-]+$"));
        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("Commentary", (await page.Locator("header nav a[aria-current='page']").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HeaderSearch_ForAPhraseOfAParagraph_LandsOnThatParagraph()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/timeline");
        var search = page.GetByRole(AriaRole.Search, new() { Name = "Site search" });
        await search.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("a long habit of not thinking a thing wrong");
        await search.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("/search\\?q="));
        var firstResult = page.Locator("ol.results > li a").First;
        Assert.Equal("Essay, paragraph 1", (await firstResult.InnerTextAsync()).Trim());
        Assert.True(await page.Locator("ol.results > li").First.Locator("mark").CountAsync() > 3);
        await firstResult.ClickAsync();
        await page.ArriveAsync(site.BaseUrl + "/essay#p1");
        await Assertions.Expect(page.Locator("#p1")).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }
}
