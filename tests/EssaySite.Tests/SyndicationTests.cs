using System.Xml.Linq;

namespace EssaySite.Tests;

public sealed class SyndicationTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<(XDocument Xml, string? Type)> GetXmlAsync(string url)
    {
        using var response = await host.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        return (XDocument.Parse(await response.Content.ReadAsStringAsync()), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Feed_IsValidAtomWithEveryCommentaryPageAndTheEssay()
    {
        var (xml, type) = await GetXmlAsync("/feed.xml");
        Assert.Equal("application/atom+xml", type);
        Assert.Equal(Atom + "feed", xml.Root!.Name);
        var entries = xml.Root.Elements(Atom + "entry").ToList();
        var links = entries.Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value).ToList();
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.FixtureContent, "commentary"), "*.md"))
        {
            Assert.Contains(links, l => l.EndsWith("/commentary/" + Path.GetFileNameWithoutExtension(file), StringComparison.Ordinal));
        }

        Assert.Contains(links, l => l.EndsWith("/essay", StringComparison.Ordinal));
        Assert.All(entries, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Atom + "title")?.Value));
            Assert.NotNull(e.Element(Atom + "updated"));
            Assert.NotNull(e.Element(Atom + "author")?.Element(Atom + "name"));
            Assert.True(Uri.IsWellFormedUriString(e.Element(Atom + "id")!.Value, UriKind.Absolute));
        });
    }

    [Fact]
    public async Task Sitemap_ListsEveryPageWithALastModifiedDate()
    {
        var (xml, _) = await GetXmlAsync("/sitemap.xml");
        var urls = xml.Root!.Elements(Sitemap + "url").ToList();
        var locs = urls.Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath).ToList();
        foreach (var path in new[] { "/", "/essay", "/timeline", "/sources", "/questions", "/glossary", "/corrections", "/about", "/commentary" })
        {
            Assert.Contains(path, locs);
        }

        Assert.All(urls, u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", u.Element(Sitemap + "lastmod")!.Value));
        foreach (var loc in locs)
        {
            using var response = await host.Client.GetAsync(new Uri(loc, UriKind.Relative));
            Assert.Equal(200, (int)response.StatusCode);
        }
    }

    [Fact]
    public async Task Robots_PointsToTheSitemap()
    {
        var text = await host.Client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));
        Assert.Matches(@"(?m)^Sitemap: https?://[^\s]+/sitemap\.xml$", text);
    }
}
