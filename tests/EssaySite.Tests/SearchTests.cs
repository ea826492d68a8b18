using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

public sealed class SearchTests(RealSite site) : IClassFixture<RealSite>
{
    private async Task<List<(string Href, string Snippet)>> ResultsAsync(string query)
    {
        var doc = await site.Client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
        return [.. doc.QuerySelectorAll("ol.results > li").Select(li => (li.QuerySelector("a")!.GetAttribute("href")!, li.QuerySelector(".snippet")!.InnerHtml))];
    }

    [Fact]
    public async Task APhraseFromParagraph18_FindsParagraph18First()
    {
        var results = await ResultsAsync("Iraqi forces used chemical weapons against Iranian troops");
        Assert.Equal("/essay#p18", results[0].Href);
    }

    [Fact]
    public async Task Results_HighlightTheMatchedWords()
    {
        var results = await ResultsAsync("archipelago");
        var hit = Assert.Single(results, r => r.Href == "/essay#p27");
        Assert.Contains("<mark>archipelago</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Suleimani")]
    [InlineData("Soleymani")]
    [InlineData("SOLEIMANI")]
    public async Task SpellingVariants_FindTheEssaysSpelling(string spelling)
    {
        var results = await ResultsAsync(spelling);
        Assert.Contains(results, r => r.Href == "/essay#p1");
        Assert.Contains("<mark>Soleimani</mark>", results.First(r => r.Href == "/essay#p1").Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Solemani", "Soleimani")]
    [InlineData("Mosadegh", "Mossadegh")]
    [InlineData("the chemcal weapons", "the chemical weapons")]
    public async Task AMisspeltWord_IsOfferedTheNearestWordInTheIndex(string query, string suggestion)
    {
        var doc = await site.Client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
        var offer = doc.QuerySelector(".did-you-mean a")!;
        Assert.Equal(suggestion, offer.TextContent);
        Assert.Equal("/search?q=" + Uri.EscapeDataString(suggestion), offer.GetAttribute("href"));
        Assert.NotEmpty(await ResultsAsync(suggestion));
    }

    [Theory]
    [InlineData("Soleimani")]
    [InlineData("war")]
    [InlineData("xqzvwk")]
    public async Task AQueryOfKnownWords_OrWithNothingNear_OffersNoSuggestion(string query) =>
        Assert.Null((await site.Client.GetDocumentAsync("/search?q=" + query)).QuerySelector(".did-you-mean"));

    [Fact]
    public async Task AGlossaryResult_ShowsItsDefinition_NotItsSpellings()
    {
        var results = await ResultsAsync("Suleimani");
        var term = results.First(r => r.Href == "/glossary#qasem-soleimani");
        Assert.DoesNotContain("Suleimani", term.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("Soleymani", term.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hürriyet", "hurriyet")]
    [InlineData("Mosaddéq", "mosaddeq")]
    [InlineData("DÍA", "dia")]
    [InlineData("Straße", "strasse")]
    [InlineData("e\u0301", "e")]
    public void Fold_DropsAccentsWithoutICU(string word, string folded) => Assert.Equal(folded, EssaySite.Search.SearchIndex.Fold(word));

    [Fact]
    public async Task AQueryWithoutAccents_FindsTheAccentedWord()
    {
        var plain = await ResultsAsync("Hurriyet");
        Assert.NotEmpty(plain);
        Assert.Equal(plain.Select(r => r.Href), (await ResultsAsync("Hürriyet")).Select(r => r.Href));
        Assert.Contains("<mark>Hürriyet</mark>", plain[0].Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kataib Hizballah", "/glossary#kataib-hezbollah")]
    [InlineData("Abu Mahdi al-Mohandes", "/glossary#abu-mahdi-al-muhandis")]
    public async Task MultiWordRespellings_FindTheGlossaryEntry(string spelling, string expected)
    {
        var results = await ResultsAsync(spelling);
        Assert.Contains(results, r => r.Href == expected);
    }

    [Fact]
    public void VariantMap_JoinsOnlySpellingsOfOneWord()
    {
        var variants = new Dictionary<string, string>(site.Factory.Services.GetRequiredService<EssaySite.Content.ContentStore>().Current.Search.Variants);
        Assert.Equal("soleimani", variants["suleimani"]);
        Assert.Equal("hezbollah", variants["hizballah"]);
        // Different words in two names of one thing are not spellings of each other, and "is" is a word, not ISIS.
        foreach (var word in new[] { "is", "iran", "general", "attack", "act" })
        {
            Assert.False(variants.ContainsKey(word), $"'{word}' is mapped to '{variants.GetValueOrDefault(word)}'");
        }
    }

    [Theory]
    [InlineData("qassem", "qasem", true)]
    [InlineData("hizballah", "hezbollah", true)]
    [InlineData("ayn", "ain", true)]
    [InlineData("general", "mark", false)]
    [InlineData("attack", "threat", false)]
    [InlineData("iran", "pahlavi", false)]
    public void IsRespelling_TellsSpellingsFromOtherWords(string a, string b, bool expected) =>
        Assert.Equal(expected, EssaySite.Search.SearchIndex.IsRespelling(a, b));

    [Theory]
    [InlineData("Mosaddeq")]
    [InlineData("Mosaddegh")]
    [InlineData("Mossadegh")]
    public async Task MossadeghSpellings_AllFindParagraph17(string spelling)
    {
        var results = await ResultsAsync(spelling);
        Assert.Contains(results, r => r.Href == "/essay#p17");
    }

    [Fact]
    public async Task Results_SpanTheEssayTheGuideAndCommentary()
    {
        var results = await ResultsAsync("Flight 655");
        Assert.Contains(results, r => r.Href.StartsWith("/essay#", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Href.StartsWith("/timeline#", StringComparison.Ordinal));
        var commentary = await ResultsAsync("Ukraine International Airlines");
        Assert.Contains(commentary, r => r.Href.StartsWith("/commentary/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("\u202Eevil\u202C")]
    [InlineData("🙂🙂🙂")]
    [InlineData("e\u0301\u0301\u0301\u0301")]
    [InlineData("\u0301")]
    [InlineData("Soleimani \u0301\u0302")]
    [InlineData("\u0000\u0001")]
    [InlineData("\uD800")]
    [InlineData("%%%%")]
    [InlineData("ﷺ ﷽ 𝕊𝕠𝕝𝕖𝕚𝕞𝕒𝕟𝕚")]
    public async Task OddQueries_GetASensiblePageNeverA500(string query)
    {
        using var response = await site.Client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Search", doc.QuerySelector("h1")!.TextContent);
        Assert.Empty(doc.QuerySelectorAll("main script, main img"));
    }

    [Fact]
    public async Task AQueryOf2000Characters_IsShortenedNotRejected()
    {
        var query = string.Concat(Enumerable.Repeat("Soleimani ", 200));
        using var response = await site.Client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("the query was shortened", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQuery_IsAlwaysHtmlEncoded()
    {
        using var response = await site.Client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString("<b>bold</b>"), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPage_HasASearchBoxInTheHeader()
    {
        var doc = await site.Client.GetDocumentAsync("/essay");
        var form = doc.QuerySelector("header form[role='search']")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("label[for='site-search-q']"));
        Assert.Equal("q", form.QuerySelector("input#site-search-q")!.GetAttribute("name"));
        Assert.Equal("/search", doc.QuerySelector("header a.search-link")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=Mosaddegh")]
    public async Task TheSearchPage_HasOneSearchForm(string url)
    {
        var doc = await site.Client.GetDocumentAsync(url);
        Assert.Single(doc.QuerySelectorAll("form[role='search']"));
        Assert.Null(doc.QuerySelector("header a.search-link"));
    }
}
