using System.Text.Json;

namespace EssaySite.Tests;

/// <summary>The site as the static export renders it (<c>Site:StaticExport=true</c>), for tests that only read.</summary>
public sealed class FixtureExport : IDisposable
{
    public AppFactory Factory { get; } = new AppFactory().With("Site:StaticExport", "true");

    public HttpClient Client { get; }

    public FixtureExport() => Client = Factory.Client();

    public void Dispose() => Factory.Dispose();
}

/// <summary>
/// On a static copy of the site the search page cannot search, so it carries an index and a script
/// that search in the browser, and says so plainly when JavaScript is off.
/// </summary>
public sealed class StaticSearchTests(FixtureGuideHost server, FixtureExport export) : IClassFixture<FixtureGuideHost>, IClassFixture<FixtureExport>
{
    private static async Task<JsonElement> IndexAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/search-index.json", UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task BrowserFold_SpellsTheLettersNfdLeavesAloneAsTheServerDoes()
    {
        var script = await File.ReadAllTextAsync(Path.Combine(Repo.Root, "wwwroot", "js", "search.js"));
        var table = System.Text.RegularExpressions.Regex.Match(script, @"var plain = (\{[^}]*\});").Groups[1].Value;
        using var letters = JsonDocument.Parse(table);
        Assert.NotEmpty(letters.RootElement.EnumerateObject());
        foreach (var letter in letters.RootElement.EnumerateObject())
        {
            Assert.Equal(letter.Value.GetString(), EssaySite.Content.Search.SearchIndex.Fold(letter.Name));
        }
    }

    [Fact]
    public async Task SearchIndexJson_HoldsEveryDocumentWithUrlTitleKindTextAndBoost()
    {
        var index = await IndexAsync(server.Client);
        var documents = index.GetProperty("d").EnumerateArray().ToList();
        Assert.True(documents.Count > FixtureGuide.Paragraphs().Count, $"only {documents.Count} documents");
        foreach (var d in documents)
        {
            Assert.StartsWith("/", d.GetProperty("u").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("t").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("k").GetString()));
            Assert.Equal(JsonValueKind.String, d.GetProperty("x").ValueKind);
            Assert.True(d.GetProperty("b").GetDouble() > 0);
        }

        var urls = documents.Select(d => d.GetProperty("u").GetString()).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("/timeline#", string.Join(' ', urls), StringComparison.Ordinal);
        Assert.Contains(urls, u => u!.StartsWith("/commentary/", StringComparison.Ordinal));
        Assert.Contains(urls, u => u!.StartsWith("/glossary#", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchIndexJson_HoldsEveryEssayParagraphAsWritten()
    {
        var index = await IndexAsync(server.Client);
        var essay = index.GetProperty("d").EnumerateArray()
            .Where(d => d.GetProperty("k").GetString() == "Essay")
            .ToDictionary(d => d.GetProperty("u").GetString()!, d => d.GetProperty("x").GetString()!, StringComparer.Ordinal);
        var paragraphs = FixtureGuide.Paragraphs();
        Assert.Equal(paragraphs.Count, essay.Count);
        for (var n = 1; n <= paragraphs.Count; n++)
        {
            Assert.Equal(Html.Fold(paragraphs[n - 1]), Html.Fold(essay[$"/essay#p{n}"]));
        }
    }

    [Theory]
    [InlineData("parliaments", "parliament")]
    public async Task SearchIndexJson_MapsGlossarySpellingsToOneFoldedForm(string variant, string form)
    {
        var variants = (await IndexAsync(server.Client)).GetProperty("v");
        Assert.Equal(form, variants.GetProperty(variant).GetString());
        Assert.All(variants.EnumerateObject(), v => Assert.Equal(v.Name.ToLowerInvariant(), v.Name));
    }

    [Fact]
    public async Task SearchIndexJson_EscapesHtmlCharactersButNotLetters()
    {
        using var response = await server.Client.GetAsync(new Uri("/search-index.json", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Contains("reader’s", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportSearchPage_HasTheResultsContainerTheScriptAndTheNoscriptText()
    {
        var doc = await export.Client.GetDocumentAsync("/search");
        Assert.NotNull(doc.QuerySelector("main form[role='search'][action='/search'] input[name='q']"));
        var container = doc.QuerySelector("#static-search")!;
        Assert.Equal("/search-index.json", container.GetAttribute("data-index-url"));
        Assert.Equal("/", container.GetAttribute("data-base-url"));
        Assert.NotNull(container.QuerySelector("[role='status']"));

        var script = doc.QuerySelector("script[src^='/js/search.js']")!;
        Assert.Matches(@"^/js/search\.js\?v=[0-9a-f]{12}$", script.GetAttribute("src"));
        Assert.True(script.HasAttribute("defer"));

        var noscript = Html.Fold(doc.QuerySelector("main noscript")!.TextContent);
        Assert.Contains("On this static copy of the site, search needs JavaScript", noscript, StringComparison.Ordinal);
        Assert.Contains("The server version of the site searches without JavaScript", noscript, StringComparison.Ordinal);
        var links = doc.QuerySelectorAll("main noscript a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/timeline", "/glossary", "/sources"], links);
    }

    [Fact]
    public async Task ExportSearchPage_LeavesResultsToTheBrowserEvenWithAQuery()
    {
        var doc = await export.Client.GetDocumentAsync("/search?q=custom");
        Assert.NotNull(doc.QuerySelector("#static-search"));
        Assert.Empty(doc.QuerySelectorAll("ol.results, mark"));
        Assert.StartsWith("Search · ", doc.Title, StringComparison.Ordinal);
        Assert.Equal("", doc.QuerySelector("#search-page-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task TheScript_IsServedAsJavaScript()
    {
        using var response = await export.Client.GetAsync(new Uri("/js/search.js", UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        var script = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("innerHTML", script, StringComparison.Ordinal);
        Assert.DoesNotContain("eval(", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=custom")]
    public async Task ServerSearchPage_HasNoStaticSearch(string url)
    {
        var doc = await server.Client.GetDocumentAsync(url);
        Assert.Null(doc.QuerySelector("#static-search"));
        Assert.Null(doc.QuerySelector("script[src^='/js/search.js']"));
        Assert.Null(doc.QuerySelector("noscript"));
    }
}
