using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace EssaySite.Tests;

/// <summary>The structure every page shares, on the fixture guide; the real content's links are crawled by <see cref="RealContentTests"/>.</summary>
public sealed class PageStructureTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    /// <summary>Every page the site has, with the nav item that should be marked current (null: none).</summary>
    public static TheoryData<string, string?> Pages() => new()
    {
        { "/", "/" },
        { "/essay", "/essay" },
        { "/timeline", "/timeline" },
        { "/sources", "/sources" },
        { "/questions", "/questions" },
        { "/about", "/about" },
        { "/glossary", "/glossary" },
        { "/corrections", null },
        { "/commentary", "/commentary" },
        { "/commentary/reading-the-introduction", "/commentary" },
        { "/search", null },
        { "/search?q=custom", null },
        { "/packet", null },
        { "/assign", null },
        { "/read/1", null },
        { "/essay/cite/2", null },
        { "/assign/" + new EssaySite.Teaching.Assignment { Paragraphs = [2, 3], Questions = [1, 2] }.Encode(), null },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_IsHtmlWithTitleOneH1LandmarksAndCurrentNav(string url, string? current)
    {
        using var response = await host.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);

        var doc = await host.Client.GetDocumentAsync(url);
        Assert.Equal(FixtureGuide.Identity()["language"], doc.DocumentElement.GetAttribute("lang"));
        Assert.False(string.IsNullOrWhiteSpace(doc.Title));
        Assert.Contains(FixtureGuide.Identity()["name"], doc.Title, StringComparison.Ordinal);
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Single(doc.QuerySelectorAll("main#main"));
        Assert.NotNull(doc.QuerySelector("header nav[aria-label='Site']"));
        Assert.NotNull(doc.QuerySelector("footer"));
        Assert.Equal("#main", doc.QuerySelector("a.skip-link")?.GetAttribute("href"));
        Assert.Equal(new Uri(host.Client.BaseAddress!, url.Split('?')[0]).AbsoluteUri, doc.QuerySelector("link[rel='canonical']")?.GetAttribute("href"));
        foreach (var meta in new[] { "meta[property='og:title']", "meta[property='og:description']", "meta[property='og:image']", "meta[name='twitter:card']", "meta[name='twitter:image']" })
        {
            Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector(meta)?.GetAttribute("content")), $"{url} lacks {meta}");
        }

        var marked = doc.QuerySelectorAll("header nav a[aria-current='page']").ToList();
        if (current is null)
        {
            Assert.Empty(marked);
        }
        else
        {
            Assert.Equal(current, Assert.Single(marked).GetAttribute("href"));
        }
    }

    [Fact]
    public async Task Titles_AreDistinctPerPage()
    {
        var titles = new List<string>();
        foreach (var url in Pages().Select(row => (string)row[0]))
        {
            titles.Add((await host.Client.GetDocumentAsync(url)).Title!);
        }

        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public async Task ReadingOrder_PrevNextRunFromEssayThroughTheGuide()
    {
        var order = new List<string>();
        var url = "/essay";
        while (url is not null && order.Count < 20)
        {
            order.Add(url);
            var doc = await host.Client.GetDocumentAsync(url);
            url = doc.QuerySelector("nav.prev-next a[rel='next']")?.GetAttribute("href");
        }

        Assert.Equal(["/essay", "/timeline", "/sources", "/questions"], order.Take(4));

        var essay = await host.Client.GetDocumentAsync("/essay");
        Assert.Null(essay.QuerySelector("nav.prev-next a[rel='prev']"));
        var timeline = await host.Client.GetDocumentAsync("/timeline");
        Assert.Equal("/essay", timeline.QuerySelector("nav.prev-next a[rel='prev']")?.GetAttribute("href"));
    }

    [Fact]
    public async Task EveryInternalLinkAndFragment_ResolvesToAnElementThatExists() => Assert.Empty(await BrokenLinksAsync(host.Client, minimumPages: 6));

    /// <summary>Crawls the site from its home page and lists every internal link whose page or fragment does not exist.</summary>
    public static async Task<List<string>> BrokenLinksAsync(HttpClient client, int minimumPages)
    {
        var pages = new Dictionary<string, IHtmlDocument>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/"]);
        var links = new List<(string From, string Href)>();
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            if (pages.ContainsKey(url))
            {
                continue;
            }

            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}; linked from {string.Join(", ", links.Where(l => l.Href.Split('#')[0] == url).Select(l => l.From).Distinct())}");
            var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            pages[url] = doc;
            foreach (var a in doc.QuerySelectorAll("a[href]"))
            {
                var href = a.GetAttribute("href")!;
                if (href.StartsWith("http", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                links.Add((url, href));
                var path = href.Split('#')[0];
                if (path.Length > 0 && !path.Contains('.', StringComparison.Ordinal))
                {
                    queue.Enqueue(path);
                }
            }
        }

        Assert.True(pages.Count >= minimumPages, $"crawled only {pages.Count} pages");
        var broken = new List<string>();
        foreach (var (from, href) in links)
        {
            var parts = href.Split('#', 2);
            var target = parts[0].Length == 0 ? from : parts[0];
            if (target.Contains('.', StringComparison.Ordinal))
            {
                using var asset = await client.GetAsync(new Uri(target, UriKind.Relative));
                if (!asset.IsSuccessStatusCode)
                {
                    broken.Add($"{from} -> {href} ({(int)asset.StatusCode})");
                }

                continue;
            }

            if (!pages.TryGetValue(target, out var page))
            {
                broken.Add($"{from} -> {href} (page not crawled)");
            }
            else if (parts.Length == 2 && page.GetElementById(parts[1]) is null)
            {
                broken.Add($"{from} -> {href} (no element with that id)");
            }
        }

        return broken;
    }

    [Fact]
    public async Task Home_ShowsTheEssayFactsAndTheGuide()
    {
        var doc = await host.Client.GetDocumentAsync("/");
        var text = Html.Fold(doc.QuerySelector("main")!.TextContent);
        var words = FixtureGuide.Paragraphs().Sum(p => p.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains(FixtureGuide.Field("essay.md", "author"), text, StringComparison.Ordinal);
        Assert.Contains($"{words.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} words", text, StringComparison.Ordinal);
        Assert.Contains("minute", text, StringComparison.Ordinal);
        foreach (var href in new[] { "/essay", "/timeline", "/sources", "/questions", "/about" })
        {
            Assert.NotNull(doc.QuerySelector($"main a[href='{href}']"));
        }
    }
}
