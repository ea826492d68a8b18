using AngleSharp.Dom;

namespace EssaySite.Tests;

/// <summary>
/// Lists of links (a timeline event's sources, a commentary page's paragraphs and events …) show a mark between
/// two links, so that titles which wrap on a phone's narrow screen do not read as one long link.
/// </summary>
public sealed class CrossReferenceListTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    public static TheoryData<string> Pages() => ["/timeline", "/sources", "/questions", "/glossary", "/commentary/reading-the-introduction"];

    // A nav lays its links out apart (the previous and next links sit at either end), so only text is looked at.
    [Theory]
    [MemberData(nameof(Pages))]
    public async Task NoTwoLinksInTheText_AreSeparatedOnlyBySpace(string url)
    {
        var doc = await host.Client.GetDocumentAsync(url);
        var runTogether = doc.QuerySelectorAll("main a")
            .Where(a => a.Closest("nav") is null && a.NextElementSibling is { LocalName: "a" } && string.IsNullOrWhiteSpace(Between(a, a.NextElementSibling)))
            .Select(a => $"“{a.TextContent}” then “{a.NextElementSibling!.TextContent}”")
            .ToList();
        Assert.True(runTogether.Count == 0, string.Join('\n', runTogether));
    }

    // The fixture's one event cites two sources, and its commentary page names two paragraphs.
    [Theory]
    [InlineData("/timeline", "a[href^='/sources#']")]
    [InlineData("/commentary/reading-the-introduction", "a[href^='/essay#p']")]
    public async Task ACrossReferenceList_ShowsADotBetweenItsLinks(string url, string links)
    {
        var doc = await host.Client.GetDocumentAsync(url);
        var list = doc.QuerySelectorAll(".xrefs > span").Single(span => span.QuerySelectorAll(links).Length > 1);
        var all = list.QuerySelectorAll(links);
        Assert.All(all.Skip(1), a => Assert.Equal("·", a.PreviousElementSibling?.TextContent.Trim()));
    }

    private static string Between(IElement first, IElement second)
    {
        var text = "";
        for (var node = first.NextSibling; node is not null && node != second; node = node.NextSibling)
        {
            text += node.TextContent;
        }

        return text;
    }
}
