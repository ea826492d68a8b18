using System.Xml.Linq;
using EssaySite.Content;

namespace EssaySite.Tests;

/// <summary>The corrections column: every correction to the guide, newest first, each linked to its page (on the fixture guide, but for the tests named Real).</summary>
public sealed class CorrectionsTests
{
    private static string Correction(string date, string page, string was, string now) =>
        $"---\ndate: {date}\npage: \"{page}\"\nwas: \"{was}\"\n---\n\n{now}\n";

    [Fact]
    public async Task Corrections_AreListedNewestFirstWithDatePageAndBothWordings()
    {
        using var content = new TempContent();
        var folder = Path.Combine(content.ContentRoot, "corrections");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        content.Write("corrections/older.md", Correction("2030-01-05", "/glossary", "The glossary said one thing.", "It now says [another](/sources)."));
        content.Write("corrections/newer.md", Correction("2030-02-10", "/timeline", "The timeline said a thing.", "It now says the right thing."));
        using var factory = new AppFactory().With("Site:ContentPath", content.ContentRoot);
        var client = factory.Client();

        var page = await client.GetDocumentAsync("/corrections");
        var items = page.QuerySelectorAll("ol.corrections > li");
        Assert.Equal(["newer", "older"], items.Select(i => i.Id));
        var first = items[0];
        Assert.Equal("2030-02-10", first.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Equal("10 February 2030", first.QuerySelector("time")!.TextContent);
        var link = first.QuerySelector(".correction-head a")!;
        Assert.Equal("/timeline", link.GetAttribute("href"));
        Assert.Equal("Timeline", link.TextContent);
        var dd = first.QuerySelectorAll("dd");
        Assert.Equal("The timeline said a thing.", dd[0].TextContent.Trim());
        Assert.Equal("It now says the right thing.", dd[1].TextContent.Trim());
        Assert.Equal("/sources", items[1].QuerySelector("dd a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task TheColumn_IsLinkedFromTheFooter_AndIsInTheSitemapAndFeed()
    {
        using var host = new FixtureGuideHost();
        var home = await host.Client.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("footer a[href='/corrections']"));
        Assert.Contains("/corrections</loc>", await host.Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);

        var feed = XDocument.Parse(await host.Client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative)));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var ids = feed.Descendants(atom + "entry").Select(e => e.Element(atom + "id")!.Value).ToList();
        var corrections = FixtureGuide.Ids("corrections");
        Assert.NotEmpty(corrections);
        Assert.All(corrections, id => Assert.Contains(ids, i => i.EndsWith($"/corrections#{id}", StringComparison.Ordinal)));
    }

    // Content tests, on the real content/: its about page and its corrections' links.
    [Fact]
    public async Task TheRealAboutPage_LinksToTheColumn()
    {
        using var host = new RealContentHost();
        var about = await host.Client.GetDocumentAsync("/about");
        Assert.NotNull(about.QuerySelector("main a[href='/corrections']"));
    }

    [Fact]
    public async Task EveryRealCorrection_LinksToAPageThatAnswers()
    {
        using var host = new RealContentHost();
        var page = await host.Client.GetDocumentAsync("/corrections");
        var links = page.QuerySelectorAll("ol.corrections .correction-head a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var hash = link.IndexOf('#', StringComparison.Ordinal);
            var target = await host.Client.GetDocumentAsync(hash < 0 ? link : link[..hash]);
            if (hash >= 0)
            {
                Assert.True(target.GetElementById(link[(hash + 1)..]) is not null, $"{link}: no element with that id");
            }
        }
    }

    [Fact]
    public void ACorrection_ToAPageThatDoesNotExist_IsAProblemWithItsLine()
    {
        using var content = new TempContent();
        content.Write("corrections/bad.md", Correction("2030-01-05", "/sources#no-such-source", "Said.", "Says."));
        content.Write("corrections/offsite.md", Correction("2030-01-05", "https://example.org/", "Said.", "Says."));
        var (_, problems) = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).TryLoad(content.ContentRoot);
        var text = problems.Select(p => p.ToString()).ToList();
        Assert.Contains("content/corrections/bad.md:3: link to a fragment that does not exist: '/sources#no-such-source'", text);
        Assert.Contains(text, p => p.StartsWith("content/corrections/offsite.md:3: 'page' must be a link to a page of this site", StringComparison.Ordinal));
    }
}
