using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>A reader finds things: commentary from the home page, a sentence through the header's search.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FindingTests(LiveServerHost host)
{
    [Fact]
    public async Task FromHome_ThroughTheCommentaryList_ToACommentaryPage()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "All commentary" }).ClickAsync();
        await page.ArriveAsync(host.BaseUrl + "/commentary");
        var first = page.Locator("ol.commentary-list h2 a").First;
        var title = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("/commentary/[a-z0-9-]+$"));
        Assert.Equal(title, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Equal("Commentary", (await page.Locator("header nav a[aria-current='page']").InnerTextAsync()).Trim());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HeaderSearch_ForAPhraseOfParagraph18_LandsOnParagraph18()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/timeline");
        var search = page.GetByRole(AriaRole.Search, new() { Name = "Site search" });
        await search.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("the United States supported Iraq in the Iran-Iraq War");
        await search.GetByRole(AriaRole.Button, new() { Name = "Go" }).ClickAsync();
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("/search\\?q="));
        var firstResult = page.Locator("ol.results > li a").First;
        Assert.Equal("Essay, paragraph 18", (await firstResult.InnerTextAsync()).Trim());
        Assert.True(await page.Locator("ol.results > li").First.Locator("mark").CountAsync() > 3);
        await firstResult.ClickAsync();
        await page.ArriveAsync(host.BaseUrl + "/essay#p18");
        await Assertions.Expect(page.Locator("#p18")).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }
}
