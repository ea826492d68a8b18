using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// The static export's search (search.js, in the browser) forgives the misspellings of glossary names in
/// tests/EssaySite.Tests/glossary-misspellings.txt as the server's search does: the same results and the same offer.
/// </summary>
[Collection(ExportTestGroup.Name)]
public sealed class SearchSpellingWebTests(RealContentExport host)
{
    [Fact]
    public async Task EveryMisspellingInTheTable_FindsItsGlossaryEntry_AsTheServerDoes()
    {
        var table = File.ReadLines(Path.Combine(NodeTools.RepoRoot(), "tests", "EssaySite.Tests", "glossary-misspellings.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .ToList();
        Assert.NotEmpty(table);

        var page = await host.NewPageAsync();
        var problems = new List<string>();
        foreach (var row in table)
        {
            var (misspelling, entry) = (row[0], row[1]);
            await page.GotoAsync(host.BaseUrl + "/search?q=" + Uri.EscapeDataString(misspelling));
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).Not.ToHaveTextAsync("Searching…");
            var found = await page.Locator("ol.results > li > a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            var expected = ServerSearch.Index.Search(misspelling).Select(hit => "/reading" + hit.Document.Url).ToArray();
            if (!found.Contains("/reading/glossary#" + entry))
            {
                problems.Add($"{misspelling}: no /glossary#{entry} among {found.Length} results");
            }

            if (!found.SequenceEqual(expected))
            {
                problems.Add($"{misspelling}: the browser found {string.Join(' ', found)}; the server {string.Join(' ', expected)}");
            }

            var offer = page.Locator(".did-you-mean a");
            var offered = await offer.CountAsync() == 0 ? null : await offer.InnerTextAsync();
            if (offered != ServerSearch.Index.Suggest(misspelling)?.Query)
            {
                problems.Add($"{misspelling}: the browser offered {offered ?? "nothing"}; the server {ServerSearch.Index.Suggest(misspelling)?.Query ?? "nothing"}");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        await page.Context.CloseAsync();
    }
}
