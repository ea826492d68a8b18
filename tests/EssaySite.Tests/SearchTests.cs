using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>How search behaves, on the fixture guide; the real content's own spellings are checked by <see cref="SearchContentTests"/>.</summary>
public sealed class SearchTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    internal static async Task<List<(string Href, string Snippet)>> ResultsAsync(HttpClient client, string query)
    {
        var doc = await client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
        return [.. doc.QuerySelectorAll("ol.results > li").Select(li => (li.QuerySelector("a")!.GetAttribute("href")!, li.QuerySelector(".snippet")!.InnerHtml))];
    }

    private Task<List<(string Href, string Snippet)>> ResultsAsync(string query) => ResultsAsync(host.Client, query);

    [Fact]
    public async Task APhraseFromAParagraph_FindsThatParagraphFirst()
    {
        var words = FixtureGuide.Paragraphs()[2].Split(' ');
        var results = await ResultsAsync(string.Join(' ', words[10..20]));
        Assert.Equal("/essay#p3", results[0].Href);
    }

    // Paragraph 3 says "in its best state"; its four words are all over the fixture, but in that order only there.
    private static string BestState() => string.Join(' ', FixtureGuide.Paragraphs()[2].Split(' ')[10..14]);

    [Fact]
    public async Task AQuotedPhrase_FindsOnlyDocumentsWithItsWordsInThatOrder()
    {
        var loose = await ResultsAsync(BestState());
        var quoted = await ResultsAsync($"\"{BestState()}\"");
        Assert.Contains(quoted, r => r.Href == "/essay#p3");
        Assert.True(quoted.Count < loose.Count, $"{quoted.Count} results in quotes, {loose.Count} without");
        Assert.Empty(await ResultsAsync($"\"{string.Join(' ', BestState().Split(' ').Reverse())}\""));
    }

    [Fact]
    public async Task WordsOutsideTheQuotes_BringInNoDocumentWithoutThePhrase()
    {
        Assert.Contains(await ResultsAsync("formidable"), r => r.Href == "/essay#p1");
        var results = await ResultsAsync($"\"{BestState()}\" formidable");
        Assert.Contains(results, r => r.Href == "/essay#p3");
        Assert.DoesNotContain(results, r => r.Href == "/essay#p1");
    }

    // A phone's keyboard types curly quotes.
    [Fact]
    public async Task CurlyQuotes_QuoteAsStraightOnesDo()
    {
        var curly = await ResultsAsync($"“{BestState()}”");
        Assert.Equal(await ResultsAsync($"\"{BestState()}\""), curly);
        Assert.True(curly.Count < (await ResultsAsync(BestState())).Count);
    }

    // A quote left open is a slip, not a phrase.
    [Fact]
    public async Task AnOpenQuote_QuotesNothing() =>
        Assert.Equal(await ResultsAsync(BestState()), await ResultsAsync($"\"{BestState()}"));

    [Fact]
    public async Task Results_HighlightTheMatchedWords()
    {
        var results = await ResultsAsync("formidable");
        var hit = Assert.Single(results, r => r.Href == "/essay#p1");
        Assert.Contains("<mark>formidable</mark>", hit.Snippet, StringComparison.Ordinal);
    }

    // The fixture's glossary gives 'parliaments' as a variant of 'parliament', the word the essay uses.
    [Theory]
    [InlineData("parliaments")]
    [InlineData("PARLIAMENT")]
    public async Task SpellingVariants_FindTheEssaysSpelling(string spelling)
    {
        var results = await ResultsAsync(spelling);
        Assert.Contains(results, r => r.Href == "/essay#p2");
        Assert.Contains("<mark>parliament</mark>", results.First(r => r.Href == "/essay#p2").Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parliment", "parliament")]
    [InlineData("formidible", "formidable")]
    [InlineData("a necesary evil", "a necessary evil")]
    public async Task AMisspeltWord_IsOfferedTheNearestWordInTheIndex(string query, string suggestion)
    {
        var doc = await host.Client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
        var offer = doc.QuerySelector(".did-you-mean a")!;
        Assert.Equal(suggestion, offer.TextContent);
        Assert.Equal("/search?q=" + Uri.EscapeDataString(suggestion), offer.GetAttribute("href"));
        Assert.NotEmpty(await ResultsAsync(suggestion));
    }

    [Fact]
    public async Task AMisspeltWordThatFindsNothing_ShowsTheResultsOfItsSuggestionAtOnce()
    {
        var doc = await host.Client.GetDocumentAsync("/search?q=formidible");
        Assert.Equal("Nothing matches “formidible”. Showing results for formidable.", doc.QuerySelector(".did-you-mean")!.TextContent);
        Assert.EndsWith(" for “formidable”.", doc.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(await ResultsAsync("formidable"), await ResultsAsync("formidible"));
    }

    [Theory]
    [InlineData("parliament")]
    [InlineData("custom")]
    [InlineData("xqzvwk")]
    public async Task AQueryOfKnownWords_OrWithNothingNear_OffersNoSuggestion(string query) =>
        Assert.Null((await host.Client.GetDocumentAsync("/search?q=" + query)).QuerySelector(".did-you-mean"));

    [Fact]
    public async Task AGlossaryResult_ShowsItsDefinition_NotItsSpellings()
    {
        var results = await ResultsAsync("usurpations");
        var term = results.First(r => r.Href == "/glossary#usurpation");
        Assert.DoesNotContain("usurpations", term.Snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("usurp,", term.Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hürriyet", "hurriyet")]
    [InlineData("Mosaddéq", "mosaddeq")]
    [InlineData("DÍA", "dia")]
    [InlineData("Straße", "strasse")]
    [InlineData("e\u0301", "e")]
    public void Fold_DropsAccentsWithoutICU(string word, string folded) => Assert.Equal(folded, EssaySite.Content.Search.SearchIndex.Fold(word));

    [Fact]
    public async Task AQueryWithoutAccents_FindsTheAccentedWord()
    {
        var plain = await ResultsAsync("naive");
        Assert.NotEmpty(plain);
        Assert.Equal(plain.Select(r => r.Href), (await ResultsAsync("naïve")).Select(r => r.Href));
        Assert.Contains("<mark>naïve</mark>", plain[0].Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void VariantMap_JoinsTheGlossarysSpellingsOfAWord()
    {
        var variants = host.Factory.Services.GetRequiredService<EssaySite.Content.ContentStore>().Current.Search.Variants;
        Assert.Equal("parliament", variants["parliaments"]);
        Assert.False(variants.ContainsKey("custom"));
    }

    [Theory]
    [InlineData("qassem", "qasem", true)]
    [InlineData("hizballah", "hezbollah", true)]
    [InlineData("ayn", "ain", true)]
    [InlineData("general", "mark", false)]
    [InlineData("attack", "threat", false)]
    [InlineData("iran", "pahlavi", false)]
    public void IsRespelling_TellsSpellingsFromOtherWords(string a, string b, bool expected) =>
        Assert.Equal(expected, EssaySite.Content.Search.SearchIndex.IsRespelling(a, b));

    // The fixture's glossary names 'parliament' and 'usurpation' (with 'usurp' and 'usurpations').
    [Theory]
    [InlineData("parlament", "parliament")]
    [InlineData("parlaiment", "parliament")]
    [InlineData("usurpasion", "usurpation")]
    [InlineData("usourpation", "usurpation")]
    [InlineData("ussurpation", "usurpation")]
    [InlineData("usurpatiouns", "usurpation")]
    public async Task AMisspeltGlossaryName_FindsWhatTheNameFinds_AndIsOfferedIt(string misspelling, string name)
    {
        var results = await ResultsAsync(misspelling);
        Assert.NotEmpty(results);
        Assert.Equal(await ResultsAsync(name), results);
        var offer = (await host.Client.GetDocumentAsync("/search?q=" + misspelling)).QuerySelector(".did-you-mean a");
        Assert.Equal(name, offer?.TextContent, StringComparer.OrdinalIgnoreCase);
    }

    // The index itself, since the page shows a suggestion's results when a query finds nothing.
    [Theory]
    [InlineData("parliamentarian")]
    [InlineData("station")]
    public void AWordFarFromEveryGlossaryName_IsNotTakenForOne(string query) =>
        Assert.Empty(host.Factory.Services.GetRequiredService<EssaySite.Content.ContentStore>().Current.Search.Search(query));

    [Theory]
    [InlineData("mosaddeq", "mossadegh")]
    [InlineData("soleymani", "suleimani")]
    [InlineData("qods", "kuds")]
    [InlineData("husayn", "hussein")]
    public void SpellingKey_UndoesTheSwapsBetweenTransliterations(string a, string b) =>
        Assert.Equal(EssaySite.Content.Search.SearchIndex.SpellingKey(a), EssaySite.Content.Search.SearchIndex.SpellingKey(b));

    [Fact]
    public async Task Results_SpanTheEssayTheGuideAndCommentary()
    {
        var results = await ResultsAsync("custom");
        Assert.Contains(results, r => r.Href.StartsWith("/essay#", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Href.StartsWith("/commentary/", StringComparison.Ordinal));
        Assert.Contains(await ResultsAsync("independence"), r => r.Href.StartsWith("/timeline#", StringComparison.Ordinal));
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
    [InlineData("custom \u0301\u0302")]
    [InlineData("\u0000\u0001")]
    [InlineData("\uD800")]
    [InlineData("%%%%")]
    [InlineData("ﷺ ﷽ 𝕊𝕠𝕝𝕖𝕚𝕞𝕒𝕟𝕚")]
    public async Task OddQueries_GetASensiblePageNeverA500(string query)
    {
        using var response = await host.Client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Search", doc.QuerySelector("h1")!.TextContent);
        Assert.Empty(doc.QuerySelectorAll("main script, main img"));
    }

    [Fact]
    public async Task AQueryOf2000Characters_IsShortenedNotRejected()
    {
        var query = string.Concat(Enumerable.Repeat("government ", 200));
        using var response = await host.Client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("the query was shortened", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheQuery_IsAlwaysHtmlEncoded()
    {
        using var response = await host.Client.GetAsync(new Uri("/search?q=" + Uri.EscapeDataString("<b>bold</b>"), UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<b>bold</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPage_HasASearchBoxInTheHeader()
    {
        var doc = await host.Client.GetDocumentAsync("/essay");
        var form = doc.QuerySelector("header form[role='search']")!;
        Assert.Equal("/search", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.NotNull(form.QuerySelector("label[for='site-search-q']"));
        Assert.Equal("q", form.QuerySelector("input#site-search-q")!.GetAttribute("name"));
        Assert.Equal("/search", doc.QuerySelector("header a.search-link")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/search")]
    [InlineData("/search?q=custom")]
    public async Task TheSearchPage_HasOneSearchForm(string url)
    {
        var doc = await host.Client.GetDocumentAsync(url);
        Assert.Single(doc.QuerySelectorAll("form[role='search']"));
        Assert.Null(doc.QuerySelector("header a.search-link"));
    }
}
