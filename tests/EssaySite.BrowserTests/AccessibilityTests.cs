using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// WCAG 2.2 AA on every page, at desktop and phone widths, in light and dark schemes; keyboard and zoom. The dark
/// scheme changes the stylesheet's colour variables and nothing else (same markup, same layout), so in it axe runs
/// the rules colours decide; every rule runs in the light scheme, at both widths.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityTests(BrowserFixture site)
{
    public static readonly string[] AllPages =
    [
        "/", "/essay", "/timeline", "/sources", "/questions", "/perspectives", "/glossary", "/about",
        "/commentary", "/commentary/what-happened-next", "/commentary/reading-an-opinion-essay",
        "/search", "/search?q=Soleimani", "/no-such-page",
        "/packet", "/assign", "/essay/cite/17", "/corrections", "/read", "/read/5",
        "/assign/" + new EssaySite.Teaching.Assignment { Paragraphs = [17, 18, 19], Questions = [1, 2, 3], Note = "Read before Friday" }.Encode(),
        "/assign/" + new EssaySite.Teaching.Assignment { Paragraphs = [17, 18, 19], Questions = [1, 2, 3], Note = "Read before Friday" }.Encode() + "/worksheet",
    ];

    public static TheoryData<int, string> Variants() => new()
    {
        { 1280, "light" },
        { 1280, "dark" },
        { 375, "light" },
        { 375, "dark" },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task EveryPage_HasNoAxeViolations(int width, string scheme)
    {
        var problems = await AxeProblemsAsync(site.Browser, site.BaseUrl, AllPages, width, scheme);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>Pages in the states a reader or teacher brings them to: errors shown, a suggestion offered, views opened.</summary>
    public static readonly string[] PagesInOtherStates =
    [
        "/assign?essay=some&paragraphs=40&q=99&due=tomorrow",
        "/search?q=Solemani",
        "/packet?part=essay&part=timeline&part=sources&part=questions&part=glossary",
        "/assign/" + new EssaySite.Teaching.Assignment { WholeEssay = true, Questions = [1] }.Encode() + "#qr-large",
    ];

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task PagesInTheirOtherStates_HaveNoAxeViolations(int width, string scheme)
    {
        var problems = await AxeProblemsAsync(site.Browser, site.BaseUrl, PagesInOtherStates, width, scheme);
        Assert.True(problems.Count == 0, string.Join('\n', problems));

        // The phone menu and an essay paragraph's panel, open.
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/essay");
        await page.EvaluateAsync("() => { document.querySelector('details.menu').open = true; document.querySelector('#p1 details.refs').open = true; }");
        var result = await page.RunAxe(AxeOptions(coloursOnly: scheme == "dark"));
        CheckLog.Record("axe", CheckLog.CopyOf(site.BaseUrl), "/essay (menu and panel open)", width, scheme, CheckLog.RulesRun(result));
        Assert.True(result.Violations.Length == 0, string.Join('\n', result.Violations.Select(v => $"/essay, menu and panel open ({width}px, {scheme}): {v.Id}: {v.Help}")));
        await context.CloseAsync();
    }

    /// <summary>
    /// What axe checks: every WCAG 2.0–2.2 A and AA rule; or, for a colour scheme or theme that differs from one already
    /// checked in colour only, the rules that read colours (text contrast, links told apart from the text).
    /// </summary>
    public static AxeRunOptions AxeOptions(bool coloursOnly) => new()
    {
        RunOnly = coloursOnly
            ? new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "link-in-text-block"] }
            : new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Every violation axe finds on the pages, one line each: every rule in the light scheme, the colour rules in the dark (<see cref="AxeOptions"/>).</summary>
    public static async Task<List<string>> AxeProblemsAsync(IBrowser browser, string baseUrl, IEnumerable<string> urls, int width, string scheme, bool waitForScripts = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        foreach (var url in urls)
        {
            await page.GotoAsync(baseUrl + url);
            if (waitForScripts)
            {
                // Let a page's own scripts finish (the export's search fills its results in the browser).
                await page.SettleAsync(LoadState.NetworkIdle);
            }

            var result = await page.RunAxe(AxeOptions(coloursOnly: scheme == "dark"));
            CheckLog.Record("axe", CheckLog.CopyOf(baseUrl), url, width, scheme, CheckLog.RulesRun(result));
            problems.AddRange(result.Violations.Select(v =>
                $"{url} ({width}px, {scheme}): {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
        }

        await context.CloseAsync();
        return problems;
    }

    [Fact]
    public async Task SkipLink_IsTheFirstTabStopAndMovesFocusToTheMainContent()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/essay");
        await page.Keyboard.PressAsync("Tab");
        var focused = page.Locator(":focus");
        Assert.Equal("Skip to main content", (await focused.InnerTextAsync()).Trim());
        Assert.True(await focused.IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task KeyboardFocus_IsVisibleOnEveryControlInOrder()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/essay");
        var seen = new List<string>();
        for (var i = 0; i < 25; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var info = await page.EvaluateAsync<string[]>(
                "() => { const e = document.activeElement; const s = getComputedStyle(e); return [e.tagName, s.outlineStyle + ' ' + s.outlineWidth, e.getAttribute('aria-label') || e.textContent.trim().slice(0, 30)]; }");
            var (tag, outline, label) = (info[0], info[1], info[2]);
            Assert.NotEqual("BODY", tag);
            Assert.False(outline.StartsWith("none", StringComparison.Ordinal), $"{tag} '{label}' has no visible focus outline");
            seen.Add($"{tag}:{label}");
        }

        // The order a sighted keyboard user expects: skip link, search, site navigation, then the essay.
        var order = new[] { "A:Skip to main content", "INPUT:", "BUTTON:Go", "A:Home", "A:Essay", "A:Link to paragraph 1" };
        var positions = order.Select(o => seen.FindIndex(s => s.StartsWith(o, StringComparison.Ordinal))).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, string.Join(", ", seen)));
        Assert.Equal(positions.Order(), positions);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/essay")]
    [InlineData("/timeline")]
    [InlineData("/sources")]
    [InlineData("/questions")]
    [InlineData("/glossary")]
    [InlineData("/search?q=Iran")]
    public async Task Reflow_At320PxAndText200Percent_HasNoHorizontalScroll(string url)
    {
        CheckLog.Record(site, "page", url, 320, "light", "no sideways scroll");
        CheckLog.Record(site, "page", url, 1280, "light", "no sideways scroll with text at 200%", "h1 visible with text at 200%");
        var narrow = await site.NewPageAsync(width: 320, height: 640);
        await narrow.GotoAsync(url);
        Assert.True(await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, $"{url} scrolls sideways at 320px");
        await narrow.Context.CloseAsync();

        var zoomed = await site.NewPageAsync(width: 1280, height: 800);
        await zoomed.GotoAsync(url);
        await zoomed.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
        Assert.True(await zoomed.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, $"{url} scrolls sideways with text at 200%");
        Assert.True(await zoomed.Locator("h1").IsVisibleAsync());
        await zoomed.Context.CloseAsync();
    }

    [Fact]
    public async Task ReducedMotion_TurnsOffSmoothScrolling()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, ReducedMotion = ReducedMotion.Reduce });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/essay");
        Assert.Equal("auto", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).scrollBehavior"));
        await context.CloseAsync();
    }
}
