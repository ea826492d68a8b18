using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed partial class NavigationTests(BrowserFixture site)
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "/", "There Is Only One Position" },
        { "/essay", "There Is Only One Position" },
        { "/timeline", "Timeline" },
        { "/sources", "Sources" },
        { "/questions", "Discussion questions" },
        { "/about", "About this site" },
        { "/glossary", "Glossary" },
        { "/perspectives", "Perspectives on the strike" },
        { "/commentary", "Commentary" },
        { "/commentary/what-happened-next", "What happened next" },
        { "/commentary/reading-an-opinion-essay", "Reading an opinion essay" },
        { "/search?q=Mosaddegh", "Search" },
        { "/packet", "Class packet: There Is Only One Position" },
        { "/assign", "Make an assignment" },
        { "/essay/cite/17", "Cite paragraph 17 of the essay" },
        { "/assign/" + new EssaySite.Teaching.Assignment { Paragraphs = [17, 18, 19], Questions = [1, 2, 3], Note = "A note" }.Encode(), "Assignment" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_RendersItsHeadingAndContent(string url, string heading)
    {
        var page = await site.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        var response = await page.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("main").IsVisibleAsync());
        Assert.True((await page.Locator("main").InnerTextAsync()).Length > 200, "the page has almost no text");
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HeaderLinks_ReachEveryPageAndMarkItCurrent()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        foreach (var (name, path) in new[] { ("Essay", "/essay"), ("Timeline", "/timeline"), ("Sources", "/sources"), ("Discussion questions", "/questions"), ("Perspectives on the strike", "/perspectives"), ("Glossary", "/glossary"), ("Commentary", "/commentary"), ("About this site", "/about"), ("Home", "/") })
        {
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Site" });
            await nav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await page.WaitForURLAsync(site.BaseUrl + path);
            var current = nav.Locator("a[aria-current='page']");
            Assert.Equal(name, (await current.InnerTextAsync()).Trim());
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NextLinks_WalkTheReadingOrderAndPreviousWalksBack()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/essay");
        var visited = new List<string> { new Uri(page.Url).AbsolutePath };
        var next = page.GetByRole(AriaRole.Navigation, new() { Name = "Reading order" }).GetByRole(AriaRole.Link, new() { NameRegex = NextPattern() });
        while (await next.CountAsync() > 0 && visited.Count < 10)
        {
            var href = await next.GetAttributeAsync("href");
            await next.ClickAsync();
            await page.WaitForURLAsync(site.BaseUrl + href);
            visited.Add(new Uri(page.Url).AbsolutePath);
        }

        Assert.Equal(["/essay", "/timeline", "/sources", "/questions"], visited.Take(4));

        var previous = page.GetByRole(AriaRole.Navigation, new() { Name = "Reading order" }).GetByRole(AriaRole.Link, new() { NameRegex = PreviousPattern() });
        await previous.ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + visited[^2]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EssayFragment_BringsParagraph17IntoView()
    {
        var page = await site.NewPageAsync(width: 1280, height: 700);
        await page.GotoAsync("/essay#p17");
        var p17 = page.Locator("#p17");
        await Assertions.Expect(p17).ToBeInViewportAsync();
        Assert.StartsWith("We could begin roughly five decades ago", (await p17.Locator(":scope > p").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.False(await page.Locator("#p1").EvaluateAsync<bool>("e => { const r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ParagraphNumber_IsAPermalink()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/essay");
        await page.GetByRole(AriaRole.Link, new() { Name = "Paragraph 18", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/essay#p18");
        await Assertions.Expect(page.Locator("#p18")).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task PhoneWidth_HasNoHorizontalScroll(string url, string heading)
    {
        var page = await site.NewPageAsync(width: 375, height: 740);
        await page.GotoAsync(url);
        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{url} scrolls sideways by {overflow}px at 375px");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownPath_ShowsTheNotFoundPageWithAWayHome()
    {
        var page = await site.NewPageAsync();
        var response = await page.GotoAsync("/no/such/page");
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "The home page" }).ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/");
        await page.Context.CloseAsync();
    }

    [GeneratedRegex("^Next")]
    private static partial Regex NextPattern();

    [GeneratedRegex("^Previous")]
    private static partial Regex PreviousPattern();
}
