using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

public sealed class CommentaryTests
{
    private static string Commentary(string title, string date, string body = "Some words about the essay.") =>
        $"---\ntitle: \"{title}\"\nauthor: \"A Maintainer\"\ndate: {date}\nsummary: \"About {title}.\"\n---\n\n{body}\n";

    [Fact]
    public async Task AMarkdownFile_BecomesAPageListedEverywhereWithNoCode()
    {
        using var content = new TempContent();
        content.Write("commentary/a-new-page.md", Commentary("A brand new page", "2030-05-01"));
        using var factory = new AppFactory().With("Site:ContentPath", content.ContentRoot);
        var client = factory.Client();

        var page = await client.GetDocumentAsync("/commentary/a-new-page");
        Assert.Equal("A brand new page", page.QuerySelector("h1")!.TextContent);
        var list = await client.GetDocumentAsync("/commentary");
        Assert.Equal("/commentary/a-new-page", list.QuerySelector("ol.commentary-list a")!.GetAttribute("href"));
        var home = await client.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("main a[href='/commentary/a-new-page']"));
        Assert.Contains("/commentary/a-new-page", await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("/commentary/a-new-page", await client.GetStringAsync(new Uri("/feed.xml", UriKind.Relative)), StringComparison.Ordinal);
        var search = await client.GetDocumentAsync("/search?q=brand+new+page");
        Assert.Equal("/commentary/a-new-page", search.QuerySelector("ol.results a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ACommentaryPage_IsListedWhereItPoints_UnderItsParagraphAndOnItsEvent()
    {
        using var content = new TempContent();
        var eventId = Path.GetFileNameWithoutExtension(Directory.EnumerateFiles(Path.Combine(content.ContentRoot, "timeline"), "*.md").Order(StringComparer.Ordinal).First());
        content.Write("commentary/on-paragraph-three.md", $"---\ntitle: \"On paragraph three\"\nauthor: \"A Maintainer\"\ndate: 2030-05-01\nsummary: \"S.\"\nparagraphs: [3]\nevents: [{eventId}]\n---\n\nWords.\n");
        using var factory = new AppFactory().With("Site:ContentPath", content.ContentRoot);
        var client = factory.Client();

        var essay = await client.GetDocumentAsync("/essay");
        var refs = essay.QuerySelector("#p3 details.refs")!;
        Assert.Contains("1 commentary page", refs.QuerySelector("summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("On paragraph three", refs.QuerySelector("a[href='/commentary/on-paragraph-three']")!.TextContent);
        Assert.Null(essay.QuerySelector("#p2 a[href='/commentary/on-paragraph-three']"));

        var timeline = await client.GetDocumentAsync("/timeline");
        Assert.NotNull(timeline.QuerySelector($"li[id='{eventId}'] .xrefs a[href='/commentary/on-paragraph-three']"));
    }

    [Fact]
    public async Task TheList_IsNewestFirstAndPaginatedPast20()
    {
        using var content = new TempContent();
        for (var i = 1; i <= 45; i++)
        {
            content.Write($"commentary/generated-{i:D2}.md", Commentary($"Generated {i:D2}", new DateOnly(2030, 1, 1).AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        using var factory = new AppFactory().With("Site:ContentPath", content.ContentRoot);
        var client = factory.Client();
        var first = await client.GetDocumentAsync("/commentary");
        var titles = first.QuerySelectorAll("ol.commentary-list h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(20, titles.Count);
        Assert.Equal("Generated 45", titles[0]);
        Assert.Equal("Generated 26", titles[^1]);
        Assert.Equal("/commentary/page/2", first.QuerySelector("nav.pager a[rel='next']")!.GetAttribute("href"));

        var second = await client.GetDocumentAsync("/commentary/page/2");
        Assert.Equal("/commentary", second.QuerySelector("nav.pager a[rel='prev']")!.GetAttribute("href"));
        var third = await client.GetDocumentAsync("/commentary/page/3");
        Assert.Equal("/commentary/page/2", third.QuerySelector("nav.pager a[rel='prev']")!.GetAttribute("href"));
        Assert.Null(third.QuerySelector("nav.pager a[rel='next']"));
        Assert.Equal("Generated 05", third.QuerySelector("ol.commentary-list h2")!.TextContent.Trim());
        await client.GetDocumentAsync("/commentary/page/4", expectedStatus: 404);
        await client.GetDocumentAsync("/commentary/page/abc", expectedStatus: 404);
        await client.GetDocumentAsync("/commentary/page/0", expectedStatus: 404);
        await client.GetDocumentAsync("/commentary/nope", expectedStatus: 404);

        // One address per page: page 1 and the first version's ?page=N links redirect for good.
        var noRedirects = factory.Client();
        foreach (var (from, to) in new[] { ("/commentary/page/1", "/commentary"), ("/commentary?page=3", "/commentary/page/3"), ("/commentary?page=1", "/commentary") })
        {
            var response = await noRedirects.GetAsync(new Uri(from, UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(to, response.Headers.Location?.OriginalString);
        }

        await client.GetDocumentAsync("/commentary?page=4", expectedStatus: 404);
        await client.GetDocumentAsync("/commentary?page=abc", expectedStatus: 404);
        await client.GetDocumentAsync("/commentary/nope", expectedStatus: 404);
    }

    [Fact]
    public async Task EveryPage_ShowsLastUpdatedAndEditLinkOnlyWhenARepositoryIsConfigured()
    {
        using var plain = new AppFactory();
        var without = await plain.Client().GetDocumentAsync("/essay");
        Assert.NotNull(without.QuerySelector(".page-meta time[datetime]"));
        Assert.DoesNotContain(without.QuerySelectorAll("a"), a => a.TextContent.Contains("Edit this page", StringComparison.Ordinal));

        using var configured = new AppFactory().With("Site:RepositoryUrl", "https://git.example.org/essaysite");
        var client = configured.Client();
        var essay = await client.GetDocumentAsync("/essay");
        Assert.Equal("https://git.example.org/essaysite/edit/main/content/essay.md", essay.QuerySelector(".page-meta a")!.GetAttribute("href"));
        var commentary = await client.GetDocumentAsync("/commentary/reading-the-introduction");
        Assert.Equal("https://git.example.org/essaysite/edit/main/content/commentary/reading-the-introduction.md", commentary.QuerySelector(".page-meta a")!.GetAttribute("href"));
        var timeline = await client.GetDocumentAsync("/timeline");
        Assert.NotNull(timeline.QuerySelector(".page-meta time[datetime]"));
    }
}

public sealed class LivePreviewTests
{
    private sealed class CollectingSink : ILogEventSink
    {
        public List<string> Messages { get; } = [];

        public void Emit(LogEvent logEvent)
        {
            lock (Messages)
            {
                Messages.Add(logEvent.RenderMessage(CultureInfo.InvariantCulture));
            }
        }
    }

    private static async Task<string> WaitForAsync(HttpClient client, string url, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var text = (await client.GetDocumentAsync(url)).QuerySelector("main")!.TextContent;
            if (condition(text) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task EditedAddedAndDeletedFiles_ShowWithoutARestart_AndABrokenFileKeepsTheLastGoodPage()
    {
        using var content = new TempContent();
        var sink = new CollectingSink();
        using var factory = new AppFactory().With("Site:ContentPath", content.ContentRoot).With("Site:WatchContent", "true");
        using var withSink = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILogEventSink>(sink)));
        var client = withSink.CreateClient();
        Assert.Contains("written only to test", (await client.GetDocumentAsync("/about")).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var about = Path.Combine(content.ContentRoot, "about.md");
        var original = await File.ReadAllTextAsync(about);
        await File.WriteAllTextAsync(about, original.Replace("written only to test", "written to help out", StringComparison.Ordinal));
        Assert.Contains("written to help out", await WaitForAsync(client, "/about", t => t.Contains("written to help out", StringComparison.Ordinal)), StringComparison.Ordinal);

        content.Write("commentary/fresh.md", "---\ntitle: \"Fresh\"\nauthor: \"A\"\ndate: 2030-01-01\nsummary: \"S\"\n---\n\nNew.\n");
        await WaitForAsync(client, "/commentary", t => t.Contains("Fresh", StringComparison.Ordinal));
        Assert.Equal(200, (int)(await client.GetAsync(new Uri("/commentary/fresh", UriKind.Relative))).StatusCode);
        File.Delete(Path.Combine(content.ContentRoot, "commentary", "fresh.md"));
        await WaitForAsync(client, "/commentary", t => !t.Contains("Fresh", StringComparison.Ordinal));
        Assert.Equal(404, (int)(await client.GetAsync(new Uri("/commentary/fresh", UriKind.Relative))).StatusCode);

        await File.WriteAllTextAsync(about, "---\nkind: about\ntitle: [broken\n---\n");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Logged(sink, "content/about.md") && DateTime.UtcNow < deadline)
        {
            await client.GetAsync(new Uri("/about", UriKind.Relative));
            await Task.Delay(100);
        }

        Assert.True(Logged(sink, "Content reload failed in content/about.md"), "the broken file was not logged with its path");
        var still = await client.GetDocumentAsync("/about");
        Assert.Contains("written to help out", still.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private static bool Logged(CollectingSink sink, string text)
    {
        lock (sink.Messages)
        {
            return sink.Messages.Any(m => m.Contains(text, StringComparison.Ordinal));
        }
    }
}
