using EssaySite.Content;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// A brand-new visitor: nothing in storage, the system's dark scheme, JavaScript on. The reading settings were never
/// chosen, so the page must look as it does without JavaScript: dark, at the standard size, spacing and width. On the
/// fixture guide: the templates decide this, not the words.
/// </summary>
public static class FirstVisit
{
    private static readonly string[] Pages = [Routes.Home, Routes.Essay, Routes.Glossary, Routes.Timeline()];

    /// <summary>What differs on each page between a first visit with JavaScript and one without it, one line each.</summary>
    public static async Task<List<string>> ProblemsAsync(IBrowser browser, string baseUrl)
    {
        var withScript = await NewDarkPageAsync(browser, baseUrl, javaScript: true);
        var withoutScript = await NewDarkPageAsync(browser, baseUrl, javaScript: false);
        var problems = new List<string>();
        foreach (var url in Pages)
        {
            await withScript.GotoAsync(baseUrl + url);
            await withoutScript.GotoAsync(baseUrl + url);

            // Every reading-settings attribute on <html> is absent or one of the choices the settings form offers.
            var invalid = await withScript.EvaluateAsync<string[]>("""
                () => ["text-size", "line-spacing", "width", "theme"].flatMap(name => {
                  const value = document.documentElement.getAttribute("data-" + name);
                  if (value === null) { return []; }
                  const choices = [...document.querySelectorAll(`input[type=radio][name="${name}"]`)].map(i => i.value);
                  return choices.includes(value) ? [] : [`data-${name}="${value}" (choices: ${choices.join(", ") || "none on this page"})`];
                })
                """);
            problems.AddRange(invalid.Select(i => $"{url}: {i}"));

            var colours = "() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color, getComputedStyle(document.documentElement).fontSize].join(' / '); }";
            var seen = await withScript.EvaluateAsync<string>(colours);
            var expected = await withoutScript.EvaluateAsync<string>(colours);
            if (seen != expected)
            {
                problems.Add($"{url}: background / text / font size are {seen} with JavaScript, {expected} without it");
            }
        }

        // And the page really is dark: its background is darker than its text.
        var (background, text) = (await Luminance(withScript, "backgroundColor"), await Luminance(withScript, "color"));
        if (background >= text)
        {
            problems.Add($"the last page is not dark: background luminance {background:0.00}, text {text:0.00}");
        }

        await withScript.Context.CloseAsync();
        await withoutScript.Context.CloseAsync();
        return problems;
    }

    private static async Task<IPage> NewDarkPageAsync(IBrowser browser, string baseUrl, bool javaScript)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ColorScheme = ColorScheme.Dark,
            JavaScriptEnabled = javaScript,
        });
        context.SetDefaultTimeout(EssaySite.BrowserTests.Pages.Wait);
        context.SetDefaultNavigationTimeout(EssaySite.BrowserTests.Pages.Wait);
        return await context.NewPageAsync();
    }

    private static Task<double> Luminance(IPage page, string property) => page.EvaluateAsync<double>($$"""
        () => {
          const [r, g, b] = getComputedStyle(document.body).{{property}}.match(/\d+(\.\d+)?/g).map(Number);
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        }
        """);
}

[Collection(BrowserTestGroup.Name)]
public sealed class FirstVisitTests(FixtureGuideServer site)
{
    [Fact]
    public async Task ANewVisitorInDarkMode_SeesTheDarkThemeAndNoInvalidSetting()
    {
        var problems = await FirstVisit.ProblemsAsync(site.Browser, site.BaseUrl);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}

[Collection(ExportTestGroup.Name)]
public sealed class FirstVisitExportTests(FixtureGuideExport site)
{
    [Fact]
    public async Task ANewVisitorInDarkMode_SeesTheDarkThemeAndNoInvalidSetting_OnTheExport()
    {
        var problems = await FirstVisit.ProblemsAsync(site.Browser, site.BaseUrl);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
