using System.Net.Http.Headers;

namespace EssaySite.Tests;

/// <summary>
/// Content tests: they read the real content/, not the fixture guide, because what they check is that content
/// (every link and fragment it makes resolves, the pages an editor wrote, its e-book, the weight of the real essay page). An editorial change can fail these.
/// </summary>
public sealed class RealContentTests(RealContentHost host) : IClassFixture<RealContentHost>
{
    [Fact]
    public async Task EveryInternalLinkAndFragment_ResolvesToAnElementThatExists() =>
        Assert.Empty(await PageStructureTests.BrokenLinksAsync(host.Client, minimumPages: 6));

    [Fact]
    public async Task Perspectives_RendersItsSectionsWithSourcesAndIsLinkedFromTheQuestions()
    {
        var doc = await host.Client.GetDocumentAsync("/perspectives");
        Assert.Equal("Perspectives on the strike", doc.QuerySelector("h1")!.TextContent);
        var headings = doc.QuerySelectorAll("main article h2").ToList();
        Assert.True(headings.Count >= 3, $"only {headings.Count} sections");
        Assert.All(headings, h => Assert.False(string.IsNullOrEmpty(h.Id)));
        Assert.True(doc.QuerySelectorAll("main article a[href^='/sources#']").Length >= 10);
        Assert.Empty(doc.QuerySelectorAll("main article script, main article [style], main article [onclick]"));
        Assert.Equal("/questions", doc.QuerySelector("nav.prev-next a[rel='prev']")?.GetAttribute("href"));

        var questions = await host.Client.GetDocumentAsync("/questions");
        Assert.NotNull(questions.QuerySelector("main a[href^='/perspectives']"));
    }

    [Fact]
    public async Task About_GivesAttributionAndHowToContribute()
    {
        var doc = await host.Client.GetDocumentAsync("/about");
        var text = doc.QuerySelector("main")!.TextContent;
        Assert.Contains("Shaine Scarminach", text, StringComparison.Ordinal);
        Assert.Contains("8 January 2020", text, StringComparison.Ordinal);
        Assert.Contains("How to contribute", text, StringComparison.Ordinal);
    }

    // What the real content puts in the e-book (its Markdown, its links) must still make a valid book.
    [Fact]
    public async Task TheEBook_PassesEpubcheck() =>
        await EBookTests.AssertValidAsync(await host.Client.GetByteArrayAsync(new Uri("/essay.epub", UriKind.Relative)));

    // How far the real essay page shrinks depends on its length, so the bar of a third is held on the real one
    // (ServingTests checks on the fixture that each coding is sent and makes the page smaller).
    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task TheEssayPage_CompressesToUnderAThird(string coding)
    {
        var (compressed, plain) = await ServingTests.EssaySizesAsync(host.Factory, host.Client, coding);
        Assert.True(compressed * 3 < plain, $"{coding}: {compressed} bytes against {plain} plain");
    }

    // The weight depends on the essay's length, so it is measured on the real one.
    [Fact]
    public async Task TheEssayPage_IsUnder60KbCompressedWithEverythingItLoads()
    {
        var total = 0L;
        async Task<long> Size(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            using var response = await host.Client.SendAsync(request);
            Assert.Equal(200, (int)response.StatusCode);
            return (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        total += await Size("/essay");
        var doc = await host.Client.GetDocumentAsync("/essay");
        foreach (var url in doc.QuerySelectorAll("link[href][rel='stylesheet'], link[href][rel='icon'], script[src], img[src]")
                     .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
        {
            total += await Size(url);
        }

        Assert.True(total < 60 * 1024, $"the essay page weighs {total} bytes compressed");
    }
}
