using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>Navigation on the running site.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NavigationTests(FixtureGuideServer site, RealContentServer real) : NavigationSuite(site, real);

/// <summary>The same navigation tests on the static export, served by nginx under /reading/.</summary>
[Collection(ExportTestGroup.Name)]
public sealed class ExportNavigationTests(FixtureGuideExport site, RealContentExport real) : NavigationSuite(site, real);

/// <summary>
/// What a reader does to get around, for any copy of the site: a running server or a static export. The ways around
/// (header, reading order, permalinks, the phone menu, the panels) on the fixture guide (<paramref name="site"/>); every
/// real page's heading and reflow, and the jumps that need a long page, on the real content (<paramref name="real"/>).
/// </summary>
public abstract partial class NavigationSuite(IHostUnderTest site, IHostUnderTest real)
{
    public static TheoryData<string> Pages() => SitePages.Data(SitePages.WithContent);

    /// <summary>
    /// One visit a page, every width: its heading and content at a desktop width, then, resized in place, no sideways
    /// scroll at a phone's 375 px, at 320 px (WCAG's reflow width) and with text at 200%.
    /// </summary>
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPage_RendersItsHeadingAndContent_AndReflowsAtEveryWidth(string url)
    {
        var page = await real.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") { errors.Add(m.Text); } };
        var response = await page.GotoAsync(real.Url(url));
        string heading;
        var served = !(real.IsStaticExport && NeedsServer(url));
        if (!served)
        {
            // A static host cannot open an assignment link: the 404 page says why, rather than leaving a dead end.
            CheckLog.Record(real, "page", url, 1280, "light", "404 that names assignment links");
            Assert.Equal(404, response!.Status);
            Assert.Contains("assignment links", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            heading = "Page not found";
        }
        else
        {
            heading = SitePages.Headings.GetValueOrDefault(url) ?? (await page.Locator("h1").InnerTextAsync()).Trim();
            CheckLog.Record(real, "page", url, 1280, "light", "200", "heading " + heading, "main visible", "main has 200 characters", "no console errors");
            Assert.Equal(200, response!.Status);
            Assert.NotEqual("", heading);
            Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
            Assert.True(await page.Locator("main").IsVisibleAsync());
            // Waits, as a reader would, for text a script adds (search on the static export runs after the page loads).
            await Assertions.Expect(page.Locator("main")).ToHaveTextAsync(AtLeast200Characters());
        }

        CheckLog.Record(real, "page", url, 375, "light", "heading " + heading, "no sideways scroll");
        await page.SetViewportSizeAsync(375, 740);
        Assert.Equal(heading, (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await SidewaysScrollAsync(page) <= 0, $"{url} scrolls sideways by {await SidewaysScrollAsync(page)}px at 375px");

        CheckLog.Record(real, "page", url, 320, "light", "no sideways scroll");
        await page.SetViewportSizeAsync(320, 640);
        Assert.True(await SidewaysScrollAsync(page) <= 0, $"{url} scrolls sideways by {await SidewaysScrollAsync(page)}px at 320px");

        CheckLog.Record(real, "page", url, 1280, "light", "no sideways scroll with text at 200%", "h1 visible with text at 200%");
        await page.SetViewportSizeAsync(1280, 800);
        await page.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
        Assert.True(await SidewaysScrollAsync(page) <= 0, $"{url} scrolls sideways with text at 200%");
        Assert.True(await page.Locator("h1").IsVisibleAsync());

        // The not-found answer's own 404 is the one console error a static host's assignment link brings.
        if (served)
        {
            Assert.Empty(errors);
        }

        await page.Context.CloseAsync();
    }

    private static Task<int> SidewaysScrollAsync(IPage page) =>
        page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

    [Fact]
    public async Task HeaderLinks_ReachEveryPageAndMarkItCurrent()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/"));
        foreach (var (name, path) in new[] { ("Essay", "/essay"), ("Timeline", "/timeline"), ("Sources", "/sources"), ("Discussion questions", "/questions"), ("Glossary", "/glossary"), ("Commentary", "/commentary"), ("About this test guide", "/about"), ("Home", "/") })
        {
            var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Site" });
            await nav.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
            await page.ArriveAsync(site.Url(path));
            var current = nav.Locator("a[aria-current='page']");
            Assert.Equal(name, (await current.InnerTextAsync()).Trim());
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task NextLinks_WalkTheReadingOrderAndPreviousWalksBack()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/essay"));
        var visited = new List<string> { site.PathOf(page.Url) };
        var next = page.GetByRole(AriaRole.Navigation, new() { Name = "Reading order" }).GetByRole(AriaRole.Link, new() { NameRegex = NextPattern() });
        while (await next.CountAsync() > 0 && visited.Count < 10)
        {
            var target = new Uri(new Uri(page.Url), await next.GetAttributeAsync("href")).AbsoluteUri;
            await next.ClickAsync();
            await page.ArriveAsync(target);
            visited.Add(site.PathOf(page.Url));
        }

        Assert.Equal(["/essay", "/timeline", "/sources", "/questions"], visited.Take(4));

        var previous = page.GetByRole(AriaRole.Navigation, new() { Name = "Reading order" }).GetByRole(AriaRole.Link, new() { NameRegex = PreviousPattern() });
        await previous.ClickAsync();
        await page.ArriveAsync(site.Url(visited[^2]));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EssayFragment_BringsParagraph17IntoView()
    {
        var page = await real.NewPageAsync(width: 1280, height: 700);
        await page.GotoAsync(real.Url("/essay#p17"));
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
        await page.GotoAsync(site.Url("/essay"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Link to paragraph 3", Exact = true }).ClickAsync();
        await page.ArriveAsync(site.Url("/essay#p3"));
        await Assertions.Expect(page.Locator("#p3")).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OnAPhone_TheHeaderIsOneShortRow_AndTheEssayStartsOnTheFirstScreen(bool javaScript)
    {
        var page = await site.NewPageAsync(width: 375, height: 812, javaScript: javaScript);
        await page.GotoAsync(site.Url("/essay"));
        var header = await page.Locator("header.site-header").BoundingBoxAsync();
        Assert.True(header!.Height <= 64, $"the header is {header.Height}px tall at 375px");
        var first = await page.Locator("#p1").BoundingBoxAsync();
        Assert.True(first!.Y < 812, $"the essay's first paragraph starts {first.Y}px down an 812px screen");

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Site" });
        await Assertions.Expect(nav).ToBeHiddenAsync();
        await page.GetByText("Menu", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(nav).ToBeVisibleAsync();
        await nav.GetByRole(AriaRole.Link, new() { Name = "Timeline", Exact = true }).ClickAsync();
        await page.ArriveAsync(site.Url("/timeline"));

        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.ArriveAsync(site.Url("/search"));
        Assert.Equal(1, await page.GetByRole(AriaRole.Search).CountAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task OnAPhone_OpeningTheMenu_MovesNeitherTheMenuButtonNorTheSearchLink(bool javaScript)
    {
        var page = await site.NewPageAsync(width: 375, height: 812, javaScript: javaScript);
        await page.GotoAsync(site.Url("/essay"));
        var menu = page.GetByText("Menu", new() { Exact = true });
        var search = page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true });
        var menuBefore = await menu.BoundingBoxAsync();
        var searchBefore = await search.BoundingBoxAsync();

        await menu.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Site" })).ToBeVisibleAsync();
        foreach (var (name, before, after) in new[] { ("Menu", menuBefore, await menu.BoundingBoxAsync()), ("Search", searchBefore, await search.BoundingBoxAsync()) })
        {
            var was = $"{before!.X},{before.Y} {before.Width}x{before.Height}";
            var now = $"{after!.X},{after.Y} {after.Width}x{after.Height}";
            Assert.True(Math.Abs(before.X - after.X) < 0.5 && Math.Abs(before.Y - after.Y) < 0.5 && Math.Abs(before.Width - after.Width) < 0.5,
                $"{name} moved when the menu opened: {was} before, {now} after");
        }

        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(ReducedMotion.NoPreference)]
    [InlineData(ReducedMotion.Reduce)]
    public async Task AJumpFarDownAPage_LandsAtOnce(ReducedMotion motion)
    {
        var page = await real.NewPageAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ReducedMotion = motion });
        await page.GotoAsync(real.Url("/timeline"));
        Assert.Equal("auto", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).scrollBehavior"));
        var last = await page.Locator("li.event").Last.GetAttributeAsync("id");
        await page.EvaluateAsync($"() => {{ location.hash = '{last}'; }}");
        // Read at once, with no time for a glide: the target is already in view.
        Assert.True(await page.EvaluateAsync<bool>($"() => {{ const r = document.getElementById('{last}').getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; }}"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheEssaysPanels_StayAsTheReaderLeftThem_WhenTheyComeBack()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync(site.Url("/essay"));
        var panel = page.Locator("#p2 details.refs");
        await panel.Locator("summary").ClickAsync();
        await Assertions.Expect(panel).ToHaveAttributeAsync("open", "");
        await panel.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("/(timeline|sources|questions|commentary)"));
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#p2 details.refs")).ToHaveAttributeAsync("open", "");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#p2 details.refs")).ToHaveAttributeAsync("open", "");
        await Assertions.Expect(page.Locator("#p1 details.refs")).Not.ToHaveAttributeAsync("open", "");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnADesktop_TheMenuIsShownWithoutAButton()
    {
        var page = await site.NewPageAsync(width: 1280, height: 800);
        await page.GotoAsync(site.Url("/essay"));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Site" }).GetByRole(AriaRole.Link, new() { Name = "Timeline", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Menu", new() { Exact = true })).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Search, new() { Name = "Site search" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnknownPath_ShowsTheNotFoundPageWithAWayHome()
    {
        var page = await site.NewPageAsync();
        var response = await page.GotoAsync(site.Url("/no/such/page"));
        Assert.Equal(404, response!.Status);
        Assert.Equal("Page not found", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "The home page" }).ClickAsync();
        await page.ArriveAsync(site.Url("/"));
        await page.Context.CloseAsync();
    }

    /// <summary>Addresses only a server can answer: an assignment is decoded from its URL.</summary>
    private static bool NeedsServer(string url) => url.StartsWith("/assign/", StringComparison.Ordinal);

    [GeneratedRegex(@"[\s\S]{200,}")]
    private static partial Regex AtLeast200Characters();

    [GeneratedRegex("^Next")]
    private static partial Regex NextPattern();

    [GeneratedRegex("^Previous")]
    private static partial Regex PreviousPattern();
}
