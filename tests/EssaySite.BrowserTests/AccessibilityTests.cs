using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// WCAG 2.2 AA on every page, at desktop and phone widths, in light and dark schemes; keyboard and zoom. Each page is
/// loaded once and scanned again after its width or colour scheme is switched in place (<see cref="AxeInEveryVariantAsync"/>).
/// </summary>
[Collection(AccessibilityTestGroup.Name)]
public sealed class AccessibilityTests(RealContentServer site)
{
    /// <summary>Every page (<see cref="SitePages.All"/>): each kind of fixed page and the request-dependent ones.</summary>
    public static readonly string[] AllPages = [.. SitePages.All];

    public static TheoryData<string> EveryPage() => SitePages.Data(AllPages);

    [Theory]
    [MemberData(nameof(EveryPage))]
    public async Task EveryPage_HasNoAxeViolations(string url)
    {
        var problems = await AxeInEveryVariantAsync(site.Browser, site.BaseUrl, [url]);
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

    [Fact]
    public async Task PagesInTheirOtherStates_HaveNoAxeViolations()
    {
        var problems = await AxeInEveryVariantAsync(site.Browser, site.BaseUrl, PagesInOtherStates);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>
    /// The phone menu and an essay paragraph's panel, open, in all four variants and every rule the scheme decides:
    /// the menu's button and the header's search link show only at a phone's width, so this is where their own rules run.
    /// </summary>
    [Fact]
    public async Task TheEssayWithItsMenuAndAPanelOpen_HasNoAxeViolations()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.BaseUrl + "/essay");
        await page.EvaluateAsync("() => { document.querySelector('details.menu').open = true; document.querySelector('#p1 details.refs').open = true; }");
        var problems = new List<string>();
        foreach (var (width, scheme) in new[] { (1280, "light"), (1280, "dark"), (375, "light"), (375, "dark") })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.EmulateMediaAsync(new() { ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
            var result = await page.RunAxe(AxeOptions(coloursOnly: scheme == "dark"));
            CheckLog.Record("axe", CheckLog.CopyOf(site.BaseUrl), "/essay (menu and panel open)", width, scheme, CheckLog.RulesRun(result));
            problems.AddRange(result.Violations.Select(v => $"/essay, menu and panel open ({width}px, {scheme}): {v.Id}: {v.Help}"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        await context.CloseAsync();
    }

    /// <summary>
    /// What axe checks: every WCAG 2.0–2.2 A and AA rule; or, for a colour scheme or theme that differs from one already
    /// checked in colour only, the rules that read colours (text contrast, links told apart from the text).
    /// </summary>
    // axe gives every node of a passing rule unless told otherwise; only violations are asserted, so it reports passing
    // and incomplete rules by one node each (every rule run is still listed, so the count of rules run is the same).
    private static readonly HashSet<ResultType> ViolationsOnly = [ResultType.Violations];

    public static AxeRunOptions AxeOptions(bool coloursOnly) => new()
    {
        ResultTypes = ViolationsOnly,
        RunOnly = coloursOnly
            ? new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "link-in-text-block"] }
            : new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>
    /// The rules whose answer the width can change, for a page already checked in full at a desktop width: the size of
    /// targets, contrast and links in text where text wraps over other backgrounds, and regions that scroll. Names,
    /// roles, labels, landmarks and headings are the same markup at every width.
    /// </summary>
    public static readonly AxeRunOptions LayoutRules = new()
    {
        ResultTypes = ViolationsOnly,
        RunOnly = new RunOnlyOptions { Type = "rule", Values = ["target-size", "color-contrast", "link-in-text-block", "scrollable-region-focusable"] },
    };

    /// <summary>
    /// Each page loaded once and scanned three times, switched in place: at 1280 px in the light scheme with every rule,
    /// in the dark scheme with the colour rules (the dark scheme changes the stylesheet's colour variables and nothing
    /// else), and at 375 px with <see cref="LayoutRules"/>. No media query changes a colour by width, so a phone-width
    /// dark scan would repeat the desktop's.
    /// </summary>
    public static async Task<List<string>> AxeInEveryVariantAsync(IBrowser browser, string baseUrl, IEnumerable<string> urls, bool waitForScripts = false)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(Pages.Wait);
        context.SetDefaultNavigationTimeout(Pages.Wait);
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        foreach (var url in urls)
        {
            await page.SetViewportSizeAsync(1280, 900);
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
            await page.GotoAsync(baseUrl + url);
            if (waitForScripts)
            {
                // Let a page's own scripts finish (the export's search fills its results in the browser).
                await page.SettleAsync(LoadState.NetworkIdle);
            }

            await ScanAsync(1280, "light", AxeOptions(coloursOnly: false));
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
            await ScanAsync(1280, "dark", AxeOptions(coloursOnly: true));
            await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
            await page.SetViewportSizeAsync(375, 900);
            await ScanAsync(375, "light", LayoutRules);

            async Task ScanAsync(int width, string scheme, AxeRunOptions options)
            {
                var result = await page.RunAxe(options);
                CheckLog.Record("axe", CheckLog.CopyOf(baseUrl), url, width, scheme, CheckLog.RulesRun(result));
                problems.AddRange(result.Violations.Select(v =>
                    $"{url} ({width}px, {scheme}): {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
            }
        }

        await context.CloseAsync();
        return problems;
    }

    /// <summary>Every violation axe finds on the pages in one variant, one line each: every rule in the light scheme, the colour rules in the dark (<see cref="AxeOptions"/>).</summary>
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
