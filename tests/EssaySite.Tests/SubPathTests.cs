using System.Net;
using AngleSharp.Html.Dom;
using EssaySite.Content;
using EssaySite.Edition;
using EssaySite.Hosting;
using EssaySite.Startup;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>The attributes a page names one of the site's own addresses in (the scripts read the data ones).</summary>
    private static readonly string[] UrlAttributes = ["href", "src", "action", "srcset", "data-index-url", "data-base-url", "data-player", "data-notes"];

    /// <summary>Every root-relative URL in a page's link, source, form and script-data attributes (each candidate of a srcset).</summary>
    private static IEnumerable<string> RootRelativeUrls(IHtmlDocument doc) =>
        doc.All.SelectMany(e => UrlAttributes.Select(a => (Name: a, Value: e.GetAttribute(a))))
            .Where(a => a.Value is not null)
            .SelectMany(a => a.Name == "srcset" ? a.Value!.Split(',').Select(c => c.Trim().Split(' ')[0]) : [a.Value!])
            .Where(u => u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/\\", StringComparison.Ordinal));

    /// <summary>
    /// Every page of the edition and a missing page, as served under a path base or without one; for the server (not
    /// the static export) also the pages that depend on the request: search results, an assignment, its worksheet and
    /// its guided reading.
    /// </summary>
    private static async Task<List<(string Path, IHtmlDocument Doc)>> EveryPageAsync(AppFactory factory, string pathBase, bool staticExport)
    {
        var client = factory.Client();
        var store = factory.Services.GetRequiredService<ContentStore>();
        await store.FirstLoad;
        // The edition for this origin and base, so the fixed pages below are its bytes.
        Assert.NotNull(await factory.Services.GetRequiredService<EditionStore>().WhenBuilt(store.Current, new EditionKey("http", "localhost", pathBase)));

        var paths = SiteRoutes.Fixed(store.Current).Append("/no-such-page");
        if (!staticExport)
        {
            using var made = await client.GetAsync(new Uri(pathBase + "/assign?essay=all&q=1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
            var assignment = made.Headers.Location!.OriginalString;
            Assert.StartsWith(pathBase + "/assign/", assignment, StringComparison.Ordinal);
            var code = assignment[(pathBase + "/assign/").Length..];
            paths = paths.Concat(["/search?q=usurpation", "/search?q=usurpaton", $"/assign/{code}", $"/assign/{code}/worksheet", $"/assign/{code}/read", $"/assign/{code}/read/1", $"/assign/{code}/read/summary"]);
        }

        var pages = new List<(string, IHtmlDocument)>();
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(new Uri(pathBase + path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                pages.Add((path, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync())));
            }
        }

        return pages;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryPage_UnderABasePath_WritesEveryLinkToTheSiteUnderIt(bool staticExport)
    {
        using var factory = new AppFactory().With("Site:ContentPath", Repo.FixtureContent).With("Site:BasePath", "/reading")
            .With("Site:StaticExport", staticExport ? "true" : "false");
        var pages = await EveryPageAsync(factory, "/reading", staticExport);
        Assert.Contains(pages, p => p.Path == SiteRoutes.NotFound);
        Assert.Contains(pages, p => p.Path.StartsWith("/commentary/", StringComparison.Ordinal));
        foreach (var (path, doc) in pages)
        {
            var urls = RootRelativeUrls(doc).ToList();
            Assert.NotEmpty(urls);
            Assert.All(urls, u => Assert.True(u.StartsWith("/reading/", StringComparison.Ordinal), $"{path}: {u}"));
        }

        // Content written in Markdown (a commentary entry's "[¶ 1](/essay#p1)") and the glossary links the essay's
        // paragraphs get are content fragments: they too carry the base.
        var entry = pages.Single(p => p.Path == "/commentary/reading-the-introduction").Doc;
        Assert.Equal("/reading/essay#p1", entry.QuerySelector("article > p:not(.xrefs) a")!.GetAttribute("href"));
        Assert.Contains(pages.Single(p => p.Path == "/essay").Doc.QuerySelectorAll("a.gloss"), a => a.GetAttribute("href")!.StartsWith("/reading/glossary#", StringComparison.Ordinal));
        if (staticExport)
        {
            // The search script builds its links and fetches its index from these two.
            var search = pages.Single(p => p.Path == "/search").Doc.GetElementById("static-search")!;
            Assert.Equal("/reading/", search.GetAttribute("data-base-url"));
            Assert.Equal("/reading" + EssaySite.Search.BrowserIndex.Path, search.GetAttribute("data-index-url"));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryPage_WithoutABasePath_WritesNoLinkUnderOne(bool staticExport)
    {
        using var factory = new AppFactory().With("Site:ContentPath", Repo.FixtureContent).With("Site:StaticExport", staticExport ? "true" : "false");
        var pages = await EveryPageAsync(factory, "", staticExport);
        Assert.Contains(pages, p => p.Path == SiteRoutes.NotFound);
        foreach (var (path, doc) in pages)
        {
            var urls = RootRelativeUrls(doc).ToList();
            Assert.NotEmpty(urls);
            Assert.All(urls, u => Assert.False(u.StartsWith("/reading", StringComparison.Ordinal), $"{path}: {u}"));
        }

        var entry = pages.Single(p => p.Path == "/commentary/reading-the-introduction").Doc;
        Assert.Equal("/essay#p1", entry.QuerySelector("article > p:not(.xrefs) a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ARedirect_UnderABasePath_CarriesIt()
    {
        using var factory = new AppFactory().With("Site:ContentPath", Repo.FixtureContent).With("Site:BasePath", "/reading");
        var client = factory.Client();
        using var first = await client.GetAsync(new Uri("/reading/commentary/page/1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, first.StatusCode);
        Assert.Equal("/reading/commentary", first.Headers.Location!.OriginalString);
        using var legacy = await client.GetAsync(new Uri("/reading/commentary?page=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, legacy.StatusCode);
        Assert.Equal("/reading/commentary", legacy.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("", "<a href=\"/essay#p1\">x</a>", "<a href=\"/essay#p1\">x</a>")]
    [InlineData("/reading", "<a href=\"/essay#p1\">x</a> <img src=\"/img/a.png\" alt=\"\">", "<a href=\"/reading/essay#p1\">x</a> <img src=\"/reading/img/a.png\" alt=\"\">")]
    [InlineData("/reading", "<a href=\"//host.example/essay\">x</a><a href=\"#p1\">y</a><a href=\"https://host.example/\">z</a>", "<a href=\"//host.example/essay\">x</a><a href=\"#p1\">y</a><a href=\"https://host.example/\">z</a>")]
    [InlineData("/reading", "<p>See href=\"/essay\" written in text.</p>", "<p>See href=\"/essay\" written in text.</p>")]
    [InlineData("/a \"b", "<a href=\"/essay\">x</a>", "<a href=\"/a%20%22b/essay\">x</a>")]
    public void AContentFragment_GetsTheBaseOnItsRootRelativeLinksOnly(string pathBase, string html, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.PathBase = pathBase;
        Assert.Equal(expected, context.Fragment(html).Value);
    }

    [Theory]
    [InlineData("/reading")]
    [InlineData("/reading/")]
    public async Task BasePath_PutsEveryLinkAssetAndCanonicalUrlUnderIt(string basePath)
    {
        using var factory = new AppFactory().With("Site:ContentPath", Repo.FixtureContent).With("Site:BasePath", basePath);
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
        var feed = await client.GetStringAsync(new Uri("/reading/feed.xml", UriKind.Relative));
        Assert.Contains("http://localhost/reading/commentary/reading-the-introduction", feed, StringComparison.Ordinal);
        Assert.DoesNotContain("\"/commentary/", feed, StringComparison.Ordinal);
        var robots = await client.GetStringAsync(new Uri("/reading/robots.txt", UriKind.Relative));
        Assert.Contains("Sitemap: http://localhost/reading/sitemap.xml", robots, StringComparison.Ordinal);
        var css = await client.GetAsync(new Uri("/reading/css/site.css", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task BasePath_IsAddedToAConfiguredAddressWithoutAPath()
    {
        using var factory = new AppFactory().With("Site:ContentPath", Repo.FixtureContent).With("Site:BasePath", "/reading").With("Site:BaseUrl", "https://essay.example.org");
        var doc = await factory.Client().GetDocumentAsync("/reading/essay");
        Assert.Equal("https://essay.example.org/reading/essay", doc.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ForwardedHeaders_FromATrustedProxy_GiveThePublicAddressAndPrefix()
    {
        using var factory = new AppFactory().With("Site:ContentPath", Repo.FixtureContent).With("Site:TrustedProxies:0", "198.51.100.0/24");
        var doc = await GetThroughProxyAsync(factory);
        Assert.Equal("https://essay.example.org/reading/essay", doc.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.All(LocalUrls(doc), u => Assert.StartsWith("/reading/", u, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForwardedHeaders_FromAnUntrustedClient_AreIgnored()
    {
        using var factory = new AppFactory().With("Site:ContentPath", Repo.FixtureContent).With("Site:TrustedProxies:0", "10.0.0.0/8");
        var doc = await GetThroughProxyAsync(factory);
        Assert.Equal("http://localhost/essay", doc.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.DoesNotContain(LocalUrls(doc), u => u.StartsWith("/reading", StringComparison.Ordinal));
    }

    private static async Task<IHtmlDocument> GetThroughProxyAsync(AppFactory factory)
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
