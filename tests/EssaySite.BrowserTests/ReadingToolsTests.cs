using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>The essay's reading tools: a link to a selected quote, reading settings, glossary definitions.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReadingToolsTests(BrowserFixture site)
{
    // Selects the words of a paragraph's text from the first occurrence of `from` to the end of `to`, across the sentence spans.
    private const string SelectScript = """
        ([id, from, to]) => {
          const block = document.querySelector('#' + id + ' > p');
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          const nodes = []; let text = '';
          for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.data; }
          const at = (offset) => { for (let i = nodes.length - 1; i >= 0; i--) { if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]]; } };
          const start = text.indexOf(from), end = text.indexOf(to, start) + to.length;
          const range = document.createRange();
          range.setStart(...at(start)); range.setEnd(...at(end));
          const selection = document.getSelection(); selection.removeAllRanges(); selection.addRange(range);
        }
        """;

    private static readonly string[] ShortQuote = ["p17", "The result was twenty-five", "autocratic rule"];
    private static readonly string[] LongQuote = ["p17", "Over four days", "regime of torture."];

    private static string Encode(string text) => Uri.EscapeDataString(text).Replace("-", "%2D", StringComparison.Ordinal);

    [Fact]
    public async Task SelectingWords_OffersALinkToTheQuote_ThatOpensAtItsParagraph()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/essay");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Copy link to quote" });
        await Assertions.Expect(button).ToBeHiddenAsync();

        // A short quote is the whole directive, its hyphen encoded.
        await page.EvaluateAsync(SelectScript, ShortQuote);
        await button.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "quote" })).ToHaveTextAsync("Link to the quote copied");
        var shortLink = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(site.BaseUrl + ("/essay#p17:~:text=" + Encode("The result was twenty-five years of autocratic rule")), shortLink);

        // A long one, across two sentences, is its first and last words: textStart,textEnd.
        await page.EvaluateAsync(SelectScript, LongQuote);
        await button.ClickAsync();
        var longLink = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(site.BaseUrl + ("/essay#p17:~:text=" + Encode("Over four days in") + "," + Encode("a regime of torture.")), longLink);

        // Opening the link brings the paragraph into view.
        var reader = await context.NewPageAsync();
        await reader.SetViewportSizeAsync(1280, 700);
        await reader.GotoAsync(longLink);
        await Assertions.Expect(reader.Locator("#p17")).ToBeInViewportAsync();
        Assert.True(await reader.EvaluateAsync<double>("() => window.scrollY") > 1000, "the page did not scroll to paragraph 17");
        await context.CloseAsync();
    }
}
