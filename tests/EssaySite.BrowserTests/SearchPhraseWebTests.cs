using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// The static export's search (search.js, in the browser) reads a phrase in quotes as the server's search does:
/// only documents with its words in that order, the same results in the same order.
/// </summary>
[Collection(ExportTestGroup.Name)]
public sealed class SearchPhraseWebTests(RealContentExport host)
{
    [Fact]
    public async Task AQuotedPhrase_FindsWhatTheServerFinds_AndFewerThanItsLooseWords()
    {
        var page = await host.NewPageAsync();

        async Task<string[]> FoundAsync(string query)
        {
            await page.GotoAsync(host.BaseUrl + "/search?q=" + Uri.EscapeDataString(query));
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).Not.ToHaveTextAsync("Searching…");
            return await page.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        }

        var problems = new List<string>();
        foreach (var query in new[] { "\"only one position\"", "“only one position”", "\"only one position\" Mosadeq", "\"position one only\"", "\"only one position" })
        {
            var found = await FoundAsync(query);
            var expected = ServerSearch.Index.Search(query).Select(hit => "/reading" + hit.Document.Url).ToArray();
            if (!found.SequenceEqual(expected))
            {
                problems.Add($"{query}: the browser found {string.Join(' ', found)}; the server {string.Join(' ', expected)}");
            }
        }

        var loose = await FoundAsync("only one position");
        var quoted = await FoundAsync("\"only one position\"");
        Assert.NotEmpty(quoted);
        Assert.True(quoted.Length < loose.Length, $"{quoted.Length} results in quotes, {loose.Length} without");
        Assert.True(problems.Count == 0, string.Join('\n', problems));
        await page.Context.CloseAsync();
    }
}
