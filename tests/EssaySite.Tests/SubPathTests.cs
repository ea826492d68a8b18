using System.Net;
using AngleSharp.Html.Dom;
using EssaySite.Site;

namespace EssaySite.Tests;

/// <summary>Serving under a sub-path (Site:BasePath or X-Forwarded-Prefix) and behind a proxy, on the fixture guide.</summary>
public sealed class SubPathTests
{
    private static readonly string[] Pages = ["/", "/essay", "/timeline", "/sources", "/questions", "/commentary", "/search?q=usurpation", "/assign", "/packet", "/essay/cite/3"];

    /// <summary>Every URL a page points at on the site itself: links, assets, forms.</summary>
    private static IEnumerable<string> LocalUrls(IHtmlDocument doc) =>
        doc.QuerySelectorAll("[href], [src], [action]")
            .SelectMany(e => new[] { e.GetAttribute("href"), e.GetAttribute("src"), e.GetAttribute("action") })
            .OfType<string>()
            .Where(u => u.StartsWith('/'));

    [Theory]
    [InlineData("/reading")]
    [InlineData("/reading/")]
    public async Task BasePath_PutsEveryLinkAssetAndCanonicalUrlUnderIt(string basePath)
    {
        using var factory = new SiteFactory().With("Site:ContentPath", Repo.FixtureContent).With("Site:BasePath", basePath);
        var client = factory.Client();
        foreach (var page in Pages)
        {
            // A proxy may pass the prefix on or strip it; the page is the same.
            foreach (var requested in new[] { "/reading" + page, page })
            {
                var doc = await client.GetDocumentAsync(requested);
                var urls = LocalUrls(doc).ToList();
                Assert.NotEmpty(urls);
                Assert.All(urls, u => Assert.StartsWith("/reading/", u, StringComparison.Ordinal));
                var canonical = doc.QuerySelector("link[rel='canonical']")!.GetAttribute("href")!;
                Assert.StartsWith("http://localhost/reading/", canonical, StringComparison.Ordinal);
                Assert.DoesNotContain("/reading/reading", canonical, StringComparison.Ordinal);
            }
        }

        var missing = await client.GetDocumentAsync("/reading/no-such-page", expectedStatus: 404);
        Assert.All(LocalUrls(missing), u => Assert.StartsWith("/reading/", u, StringComparison.Ordinal));

        var assign = await client.GetAsync(new Uri("/reading/assign?essay=all", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        Assert.StartsWith("/reading/assign/", assign.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var sitemap = await client.GetStringAsync(new Uri("/reading/sitemap.xml", UriKind.Relative));
        Assert.Contains("<loc>http://localhost/reading/essay</loc>", sitemap, StringComparison.Ordinal);
        var robots = await client.GetStringAsync(new Uri("/reading/robots.txt", UriKind.Relative));
        Assert.Contains("Sitemap: http://localhost/reading/sitemap.xml", robots, StringComparison.Ordinal);
        var css = await client.GetAsync(new Uri("/reading/css/site.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task BasePath_IsAddedToAConfiguredAddressWithoutAPath()
    {
        using var factory = new SiteFactory().With("Site:ContentPath", Repo.FixtureContent).With("Site:BasePath", "/reading").With("Site:BaseUrl", "https://essay.example.org");
        var doc = await factory.Client().GetDocumentAsync("/reading/essay");
        Assert.Equal("https://essay.example.org/reading/essay", doc.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ForwardedHeaders_FromATrustedProxy_GiveThePublicAddressAndPrefix()
    {
        using var factory = new SiteFactory().With("Site:ContentPath", Repo.FixtureContent).With("Site:TrustedProxies:0", "198.51.100.0/24");
        var doc = await GetThroughProxyAsync(factory);
        Assert.Equal("https://essay.example.org/reading/essay", doc.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.All(LocalUrls(doc), u => Assert.StartsWith("/reading/", u, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnUntrustedClient_AreIgnored()
    {
        using var factory = new SiteFactory().With("Site:ContentPath", Repo.FixtureContent).With("Site:TrustedProxies:0", "10.0.0.0/8");
        var doc = await GetThroughProxyAsync(factory);
        Assert.Equal("http://localhost/essay", doc.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.DoesNotContain(LocalUrls(doc), u => u.StartsWith("/reading", StringComparison.Ordinal));
    }

    private static async Task<IHtmlDocument> GetThroughProxyAsync(SiteFactory factory)
    {
        // A request from a client at 198.51.100.7 (TestServer leaves the address unset unless told).
        var context = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/essay";
            c.Connection.RemoteIpAddress = IPAddress.Parse("198.51.100.7");
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-Host"] = "essay.example.org";
            c.Request.Headers["X-Forwarded-Prefix"] = "/reading";
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.9";
        });
        Assert.Equal(200, context.Response.StatusCode);
        using var reader = new StreamReader(context.Response.Body);
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await reader.ReadToEndAsync());
    }

    [Theory]
    [InlineData("reading")]
    [InlineData("/a b")]
    [InlineData("/../etc")]
    [InlineData("//evil.example")]
    [InlineData("/x?y")]
    public void BadBasePath_IsRefused(string basePath) =>
        Assert.Contains(new SiteOptions { BasePath = basePath }.Validate(), e => e.StartsWith("Site:BasePath must be", StringComparison.Ordinal));

    [Theory]
    [InlineData("/reading", "/reading")]
    [InlineData("/reading/", "/reading")]
    [InlineData("/a/b-c/", "/a/b-c")]
    [InlineData("", "")]
    [InlineData("/", "")]
    public void GoodBasePath_IsAcceptedInOneForm(string basePath, string normalized)
    {
        var options = new SiteOptions { BasePath = basePath };
        Assert.Empty(options.Validate());
        Assert.Equal(normalized, options.NormalizedBasePath);
    }

    [Fact]
    public void BadTrustedProxy_IsRefused() =>
        Assert.Contains(new SiteOptions { TrustedProxies = ["10.0.0.0/8", "proxy.local"] }.Validate(), e => e.Contains("'proxy.local'", StringComparison.Ordinal));
}
