using EssaySite.Content;
using EssaySite.Site;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>A student reads the essay section by section, with questions, following next and previous links, without JavaScript.</summary>
public sealed class GuidedReadingTests(TeachingSite site) : IClassFixture<TeachingSite>
{
    private readonly HttpClient _client = site.Client;

    private async Task<ContentSnapshot> ContentAsync()
    {
        (await _client.GetAsync(new Uri("/read", UriKind.Relative))).EnsureSuccessStatusCode();
        return site.Factory.Services.GetRequiredService<ContentStore>().Current;
    }

    [Fact]
    public async Task TheContents_ListEverySectionInOrder_AndStartWithTheFirst()
    {
        var content = await ContentAsync();
        var doc = await _client.GetDocumentAsync("/read");
        Assert.Equal("Guided reading", doc.QuerySelector("h1")!.TextContent);
        var links = doc.QuerySelectorAll(".reading-contents a").ToList();
        Assert.Equal(Enumerable.Range(1, content.Reading.Count).Select(n => $"/read/{n}"), links.Select(a => a.GetAttribute("href")));
        Assert.Equal(content.Reading.Select(r => r.Title), links.Select(a => a.TextContent));
        Assert.NotNull(doc.QuerySelector("a[href='/read/1'][rel='next']"));
        Assert.Empty(doc.QuerySelectorAll("script:not([src])"));
    }

    [Fact]
    public async Task EachSection_QuotesItsParagraphsAndAsksItsQuestions_WithPreviousAndNextLinks()
    {
        var content = await ContentAsync();
        var count = content.Reading.Count;
        Assert.True(count >= 2, "the guided reading has sections to move between");
        foreach (var section in content.Reading)
        {
            var doc = await _client.GetDocumentAsync(section.Url);
            Assert.Equal(section.Title, doc.QuerySelector("h1")!.TextContent);
            Assert.Contains($"section {section.Number} of {count}", doc.QuerySelector(".kicker")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(section.Paragraphs, doc.QuerySelectorAll(".reading-text .para").Select(p => int.Parse(p.GetAttribute("data-paragraph")!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(section.Paragraphs.Select(n => Html.Fold(content.Essay.Paragraphs[n - 1].Text)),
                doc.QuerySelectorAll(".reading-text .para").Select(p => Html.Fold(p.TextContent)[(p.GetAttribute("data-paragraph")!.Length + 1)..]));
            Assert.Equal(section.Questions.Select(id => $"/questions#{id}"), doc.QuerySelectorAll(".reading-questions .xrefs a").Select(a => a.GetAttribute("href")));

            var nav = doc.QuerySelector("nav.reading-nav")!;
            Assert.Equal(section.Number > 1 ? $"/read/{section.Number - 1}" : null, nav.QuerySelector("a[rel='prev']")?.GetAttribute("href"));
            Assert.Equal(section.Number < count ? $"/read/{section.Number + 1}" : null, nav.QuerySelector("a[rel='next']")?.GetAttribute("href"));
        }

        Assert.NotNull((await _client.GetDocumentAsync($"/read/{count}")).QuerySelector("nav.reading-nav a[href='/questions']"));
    }

    [Theory]
    [InlineData("/read/0")]
    [InlineData("/read/99")]
    [InlineData("/read/first")]
    public async Task ASectionThatDoesNotExist_IsNotFound(string url) => await _client.GetDocumentAsync(url, 404);

    [Fact]
    public async Task TheSections_CoverTheWholeEssayOnce_AndAreFixedAddresses()
    {
        var content = await ContentAsync();
        Assert.Equal(Enumerable.Range(1, content.Essay.Paragraphs.Count), content.Reading.SelectMany(r => r.Paragraphs));
        var routes = SiteRoutes.Fixed(content).ToList();
        Assert.Contains("/read", routes);
        Assert.All(content.Reading, r => Assert.Contains(r.Url, routes));
        Assert.NotNull((await _client.GetDocumentAsync("/")).QuerySelector("a[href='/read']"));
    }
}
