using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>Nothing leaves the site, nothing needs JavaScript, nothing is heavy, nothing breaks the CSP.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LightAndSafeTests(RealContentServer host)
{
    [Fact]
    public async Task EveryRequestAPageMakes_StaysOnTheSitesOrigin_AndTheConsoleShowsNoCspViolation()
    {
        var page = await host.NewPageAsync();
        var offsite = new List<string>();
        var console = new List<string>();
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(host.BaseUrl + "/", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                offsite.Add(r.Url);
            }
        };
        page.Console += (_, m) => { if (m.Type is "error" or "warning") { console.Add($"{page.Url}: {m.Text}"); } };
        // Every violation of the policy, Trusted Types included, as the page itself sees it.
        await page.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI));");
        var violations = new List<string>();
        foreach (var url in AccessibilityTests.AllPages)
        {
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
            // Use what the scripts add: open a panel, copy a citation (refused without permission, which the script says).
            if (await page.Locator("details.refs > summary").CountAsync() > 0)
            {
                await page.Locator("details.refs > summary").First.ClickAsync();
            }

            if (await page.Locator(".copy-button").CountAsync() > 0)
            {
                await page.Locator(".copy-button").First.ClickAsync();
            }

            violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__violations"));
        }

        Assert.Empty(violations);
        Assert.Empty(offsite);
        Assert.DoesNotContain(console, c => c.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || c.Contains("Refused to", StringComparison.Ordinal));
        Assert.DoesNotContain(console, c => !c.Contains("404", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheEssay_IsCompleteWithJavaScriptOff()
    {
        var page = await host.NewPageAsync(javaScript: false);
        await page.GotoAsync("/essay");
        Assert.Equal(30, await page.Locator(".essay-text .para").CountAsync());
        Assert.StartsWith("No War on Iran.", (await page.Locator("#p30 > p").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        var refs = page.Locator("#p17 details.refs");
        await refs.Locator("summary").ClickAsync();
        await Assertions.Expect(refs.Locator("a").First).ToBeVisibleAsync();
        var box = page.GetByRole(AriaRole.Search, new() { Name = "Site search" }).GetByRole(AriaRole.Searchbox);
        await box.FillAsync("Mossadegh");
        // Enter goes to the box itself, not to whatever the keyboard's focus is.
        await box.PressAsync("Enter");
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("/search\\?q=Mossadegh"));
        Assert.True(await page.Locator("ol.results > li").CountAsync() > 0);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheEssayPage_TransfersUnder60KbFirstAndUnder15KbOnARepeatVisit()
    {
        var page = await host.NewPageAsync();
        var responses = new List<IResponse>();
        page.Response += (_, r) => responses.Add(r);

        await page.GotoAsync("/essay", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var first = await TransferredAsync(responses);
        responses.Clear();
        await page.GotoAsync("/essay", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var repeat = await TransferredAsync(responses);

        Assert.True(first < 60 * 1024, $"first visit transferred {first} bytes");
        Assert.True(repeat < 15 * 1024, $"repeat visit transferred {repeat} bytes: {string.Join(", ", responses.Select(r => $"{r.Status} {r.Url}"))}");
        await page.Context.CloseAsync();
    }

    private static async Task<long> TransferredAsync(List<IResponse> responses)
    {
        long total = 0;
        foreach (var r in responses.ToList())
        {
            var sizes = await r.Request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }

        return total;
    }

    [Fact]
    public async Task TheServer_SendsNoServerHeader()
    {
        var page = await host.NewPageAsync();
        var response = await page.GotoAsync("/essay");
        var headers = await response!.AllHeadersAsync();
        Assert.False(headers.ContainsKey("server"));
        Assert.True(headers.ContainsKey("content-security-policy"));
        await page.Context.CloseAsync();
    }
}
