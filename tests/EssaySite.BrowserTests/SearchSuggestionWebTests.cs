using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// A misspelt query that finds nothing shows the results of its suggestion at once, in the static export's search
/// (search.js) as on the server: the same results, under "Showing results for …".
/// </summary>
[Collection(ExportTestGroup.Name)]
public sealed class SearchSuggestionWebTests(RealContentExport host)
{
    [Fact]
    public async Task AMisspeltWordThatFindsNothing_ShowsTheResultsOfItsSuggestion_AsTheServerDoes()
    {
        const string Misspelling = "assasination";
        Assert.Empty(ServerSearch.Index.Search(Misspelling));
        var suggestion = ServerSearch.Index.Suggest(Misspelling)!.Query;

        var page = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl + "/search?q=" + Misspelling);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).Not.ToHaveTextAsync("Searching…");
        await Assertions.Expect(page.GetByText("Showing results for")).ToHaveTextAsync($"Nothing matches “{Misspelling}”. Showing results for {suggestion}.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = suggestion, Exact = true }).First).ToBeVisibleAsync();
        var found = await page.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(found);
        Assert.Equal(ServerSearch.Index.Search(suggestion).Select(hit => "/reading" + hit.Document.Url), found);
        await page.Context.CloseAsync();
    }
}
