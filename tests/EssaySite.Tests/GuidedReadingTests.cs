using EssaySite.Content;
using EssaySite.Startup;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>A student reads the essay section by section, with questions, following next and previous links, without JavaScript.</summary>
public sealed class GuidedReadingTests(TeachingHost host) : IClassFixture<TeachingHost>
{
    private readonly HttpClient _client = host.Client;

    private async Task<ContentSnapshot> ContentAsync()
    {
        (await _client.GetAsync(new Uri("/read", UriKind.Relative))).EnsureSuccessStatusCode();
        return host.Factory.Services.GetRequiredService<ContentStore>().Current;
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

    [Fact]
    public async Task TheSummary_IsFixed_AndListsEveryQuestionWithAPlaceForItsAnswer_AndANameField()
    {
        var content = await ContentAsync();
        Assert.Contains("/read/summary", SiteRoutes.Fixed(content));
        var doc = await _client.GetDocumentAsync("/read/summary");
        Assert.Contains(content.Essay.Page.Title, doc.QuerySelector(".kicker")!.TextContent, StringComparison.Ordinal);
        var name = doc.QuerySelector("input#student-name")!;
        Assert.Equal("Your name", doc.QuerySelector("label[for='student-name']")!.TextContent);
        Assert.Equal("text", name.GetAttribute("type"));
        var expected = content.Reading.SelectMany(r => r.Questions).Select(id => content.Questions.First(q => q.Id == id).Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, doc.QuerySelectorAll(".summary-questions li").Select(li => li.GetAttribute("data-question")));
        Assert.All(doc.QuerySelectorAll(".summary-questions li"), li => Assert.NotNull(li.QuerySelector("[data-answer-for]")));
        Assert.Contains("kept by this browser", doc.QuerySelector(".answers-note")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(doc.QuerySelector("script[src*='/js/read.js']"));
        Assert.NotNull((await _client.GetDocumentAsync($"/read/{content.Reading.Count}")).QuerySelector("nav.reading-nav a[href='/read/summary'][data-way-on]"));
    }

    [Fact]
    public async Task WithoutJavaScript_ASectionHasNoAnswerBoxes_OnlyItsQuestionsAndLinks()
    {
        var doc = await _client.GetDocumentAsync("/read/1");
        Assert.Empty(doc.QuerySelectorAll("article textarea, article button, script:not([src])"));
        Assert.NotNull(doc.QuerySelector("script[src*='/js/read.js'][defer]"));
        Assert.Equal("guide", doc.QuerySelector("article[data-reading]")!.GetAttribute("data-reading"));
        Assert.Equal("/read/2", doc.QuerySelector("nav.reading-nav a[rel='next'][data-way-on]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AnAssignmentsReading_HasOnlyTheSectionsWithItsParagraphs_AndOnlyItsQuestions()
    {
        var content = await ContentAsync();
        // Paragraphs from the second section, and one of its questions plus one from another section.
        var second = content.Reading[1];
        var other = content.Reading.First(r => r.Number != 2 && r.Questions.Count > 0);
        var ownQuestion = content.Questions.First(q => q.Id == second.Questions[0]);
        var otherQuestion = content.Questions.First(q => q.Id == other.Questions[0]);
        var code = new EssaySite.Teaching.Assignment { Paragraphs = [second.Paragraphs[0]], Questions = [ownQuestion.Number, otherQuestion.Number], Note = "Read closely" }.Encode();

        var contents = await _client.GetDocumentAsync($"/assign/{code}/read");
        Assert.Equal([$"/assign/{code}/read/1"], contents.QuerySelectorAll(".reading-contents a").Select(a => a.GetAttribute("href")));
        Assert.Equal(second.Title, contents.QuerySelector(".reading-contents a")!.TextContent);

        var section = await _client.GetDocumentAsync($"/assign/{code}/read/1");
        Assert.Equal(second.Title, section.QuerySelector("h1")!.TextContent);
        Assert.Equal(second.Paragraphs, section.QuerySelectorAll(".reading-text .para").Select(p => int.Parse(p.GetAttribute("data-paragraph")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([$"/questions#{ownQuestion.Id}"], section.QuerySelectorAll(".reading-questions .xrefs a").Select(a => a.GetAttribute("href")));
        Assert.Equal(code, section.QuerySelector("article[data-reading]")!.GetAttribute("data-reading"));
        Assert.Equal($"/assign/{code}/read/summary", section.QuerySelector("nav.reading-nav a[data-way-on]")!.GetAttribute("href"));
        await _client.GetDocumentAsync($"/assign/{code}/read/2", 404);

        var summary = await _client.GetDocumentAsync($"/assign/{code}/read/summary");
        Assert.Contains("Read closely", summary.QuerySelector(".summary-assignment")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([ownQuestion.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)], summary.QuerySelectorAll(".summary-questions li").Select(li => li.GetAttribute("data-question")));

        var page = await _client.GetDocumentAsync($"/assign/{code}");
        Assert.NotNull(page.QuerySelector($"a[href='/assign/{code}/read']"));
    }

    [Fact]
    public async Task AnAssignmentWithoutChosenQuestions_AsksEachSectionsOwn()
    {
        var content = await ContentAsync();
        var code = new EssaySite.Teaching.Assignment { WholeEssay = true }.Encode();
        var contents = await _client.GetDocumentAsync($"/assign/{code}/read");
        Assert.Equal(content.Reading.Count, contents.QuerySelectorAll(".reading-contents a").Length);
        var last = await _client.GetDocumentAsync($"/assign/{code}/read/{content.Reading.Count}");
        Assert.Equal(content.Reading[^1].Questions.Select(id => $"/questions#{id}"), last.QuerySelectorAll(".reading-questions .xrefs a").Select(a => a.GetAttribute("href")));
    }

    [Theory]
    [InlineData("/assign/not-a-code/read")]
    [InlineData("/assign/not-a-code/read/1")]
    [InlineData("/assign/not-a-code/read/summary")]
    public async Task AnAssignmentReadingWithABadCode_IsA400PageSayingWhy(string url)
    {
        var doc = await _client.GetDocumentAsync(url, 400);
        Assert.Equal("This assignment link does not work", doc.QuerySelector("h1")!.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector("[role='alert']")!.TextContent));
    }
}
