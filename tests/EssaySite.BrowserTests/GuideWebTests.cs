using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>A reader follows the guide's references across pages.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class GuideWebTests(LiveServerHost host)
{
    [Fact]
    public async Task Paragraph17_OpensItsReferences_ThenTimeline_ThenSource()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/essay#p17");
        var refs = page.Locator("#p17 details.refs");
        var eventLink = refs.Locator("a[href^='/timeline#']").First;
        Assert.False(await eventLink.IsVisibleAsync());
        await refs.Locator("summary").ClickAsync();
        await Assertions.Expect(eventLink).ToBeVisibleAsync();

        var eventHref = await eventLink.GetAttributeAsync("href");
        await eventLink.ClickAsync();
        await page.ArriveAsync(host.BaseUrl + eventHref);
        var eventItem = page.Locator($"li.event#{Css(eventHref!.Split('#')[1])}");
        await Assertions.Expect(eventItem).ToBeInViewportAsync();

        var sourceLink = eventItem.Locator(".xrefs a[href^='/sources#']").First;
        var sourceHref = await sourceLink.GetAttributeAsync("href");
        await sourceLink.ClickAsync();
        await page.ArriveAsync(host.BaseUrl + sourceHref);
        var source = page.Locator($"li.source#{Css(sourceHref!.Split('#')[1])}");
        await Assertions.Expect(source).ToBeInViewportAsync();
        await Assertions.Expect(source.Locator($"a[href='{eventHref}']")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AQuestion_LeadsToTheParagraphItCites()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/questions");
        var link = page.Locator("li.question .xrefs a[href^='/essay#p']").First;
        var href = await link.GetAttributeAsync("href");
        await link.ClickAsync();
        await page.ArriveAsync(host.BaseUrl + href);
        await Assertions.Expect(page.Locator(href!.Replace("/essay", "", StringComparison.Ordinal))).ToBeInViewportAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TeacherNotes_OpenOnClick()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/questions");
        var notes = page.Locator("details.notes").First;
        await notes.Locator("summary").ClickAsync();
        Assert.True(await notes.EvaluateAsync<bool>("d => d.open"));
        await page.Context.CloseAsync();
    }

    // Event ids start with a digit, which a CSS id selector must escape.
    private static string Css(string id) => char.IsDigit(id[0]) ? $"\\3{id[0]} {id[1..]}" : id;
}
