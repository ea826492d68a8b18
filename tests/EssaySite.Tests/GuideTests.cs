using AngleSharp.Dom;
using YamlDotNet.Serialization;

namespace EssaySite.Tests;

/// <summary>
/// The guide's pages against the files they are made from: every event, source and question, and every reference
/// between them and the essay, shown both ways and pointing at something that exists. Run on the fixture guide
/// (<see cref="GuidePageTests"/>) for the code and on the real content (<see cref="GuideTests"/>) for its references.
/// </summary>
public abstract class GuideReferenceTests(HttpClient client, string contentRoot, int minimumEvents, int minimumSources)
{
    /// <summary>The declarations, read straight from the files with a plain YAML deserializer (not the site's loader).</summary>
    private sealed record Declared(string Kind, string Id, List<int> Paragraphs, List<string> Events, List<string> Sources);

    private List<Declared> ReadDeclarations(string folder, string kind)
    {
        var yaml = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();
        var result = new List<Declared>();
        foreach (var file in Directory.GetFiles(Path.Combine(contentRoot, folder), "*.md"))
        {
            var text = File.ReadAllText(file);
            var front = text.Split("\n---", 2)[0].TrimStart('-', '\n');
            var map = yaml.Deserialize<Dictionary<string, object>>(front);
            List<string> Strings(string key) => map.TryGetValue(key, out var v) && v is List<object> list ? [.. list.Select(x => x.ToString()!)] : [];
            result.Add(new Declared(kind, Path.GetFileNameWithoutExtension(file), [.. Strings("paragraphs").Select(int.Parse)], Strings("events"), Strings("sources")));
        }

        return result;
    }

    [Fact]
    public async Task Timeline_EveryEventHasIdDateDescriptionParagraphsAndSources()
    {
        var doc = await client.GetDocumentAsync("/timeline");
        var events = doc.QuerySelectorAll("ol.timeline > li.event").ToList();
        Assert.True(events.Count >= minimumEvents, $"only {events.Count} events");
        foreach (var e in events)
        {
            Assert.False(string.IsNullOrEmpty(e.Id));
            Assert.NotNull(e.QuerySelector("h3"));
            var time = e.QuerySelector(".when time[datetime]");
            Assert.NotNull(time);
            Assert.Matches(@"^\d{4}(-\d{2}(-\d{2})?)?$", time.GetAttribute("datetime")!);
            Assert.True(e.QuerySelectorAll(":scope > p").Length >= 2, $"{e.Id} has no description");
            Assert.NotEmpty(e.QuerySelectorAll(".xrefs a[href^='/sources#']"));
        }

        Assert.NotEmpty(doc.QuerySelectorAll("section.era > h2"));
    }

    [Fact]
    public async Task Timeline_IsInDateOrder()
    {
        var doc = await client.GetDocumentAsync("/timeline");
        var dates = doc.QuerySelectorAll("li.event .when time:first-child").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
    }

    [Fact]
    public async Task Sources_EveryEntryHasItsFieldsOrSaysNotConfirmed()
    {
        var doc = await client.GetDocumentAsync("/sources");
        var sources = doc.QuerySelectorAll("ol.sources > li.source").ToList();
        Assert.True(sources.Count >= minimumSources, $"only {sources.Count} sources");
        foreach (var s in sources)
        {
            Assert.False(string.IsNullOrEmpty(s.Id));
            Assert.False(string.IsNullOrWhiteSpace(s.QuerySelector("cite")?.TextContent), $"{s.Id} has no title");
            var url = s.QuerySelector(".url")!;
            Assert.True(url.QuerySelector("a[href^='http']") is not null || url.TextContent.Contains("not confirmed", StringComparison.Ordinal), $"{s.Id} neither links nor says not confirmed");
            Assert.True(s.QuerySelector("time[datetime]") is not null || s.TextContent.Contains("date not confirmed", StringComparison.Ordinal), $"{s.Id} has no date");
        }
    }

    [Fact]
    public async Task EssayParagraphs_OfferExactlyTheReferencesDeclaredInTheContent()
    {
        var declared = ReadDeclarations("timeline", "timeline")
            .Concat(ReadDeclarations("sources", "sources"))
            .Concat(ReadDeclarations("questions", "questions"))
            .ToList();
        var commentary = ReadDeclarations("commentary", "commentary");
        var doc = await client.GetDocumentAsync("/essay");
        var paragraphs = doc.QuerySelectorAll(".essay-text .para").Length;
        Assert.True(paragraphs > 0);
        for (var n = 1; n <= paragraphs; n++)
        {
            var expected = declared.Where(d => d.Paragraphs.Contains(n)).Select(d => $"/{d.Kind}#{d.Id}")
                .Concat(commentary.Where(d => d.Paragraphs.Contains(n)).Select(d => $"/commentary/{d.Id}"))
                .Order(StringComparer.Ordinal).ToList();
            var shown = doc.QuerySelectorAll($"#p{n} details.refs a").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, shown);
        }
    }

    [Fact]
    public async Task Sources_ListEveryEventAndQuestionThatCitesThem()
    {
        var citing = ReadDeclarations("timeline", "timeline").Concat(ReadDeclarations("questions", "questions")).ToList();
        var doc = await client.GetDocumentAsync("/sources");
        foreach (var source in doc.QuerySelectorAll("li.source"))
        {
            var expected = citing.Where(c => c.Sources.Contains(source.Id!)).Select(c => $"/{c.Kind}#{c.Id}").Order(StringComparer.Ordinal).ToList();
            var shown = source.QuerySelectorAll(".xrefs a[href^='/timeline#'], .xrefs a[href^='/questions#']").Select(a => a.GetAttribute("href")!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, shown);
        }
    }

    [Fact]
    public async Task EveryGuideReference_PointsAtSomethingThatExists()
    {
        var essay = await client.GetDocumentAsync("/essay");
        var pages = new Dictionary<string, AngleSharp.Html.Dom.IHtmlDocument>
        {
            ["/essay"] = essay,
            ["/timeline"] = await client.GetDocumentAsync("/timeline"),
            ["/sources"] = await client.GetDocumentAsync("/sources"),
            ["/questions"] = await client.GetDocumentAsync("/questions"),
        };
        foreach (var (url, doc) in pages)
        {
            foreach (var a in doc.QuerySelectorAll("main a[href*='#']"))
            {
                var href = a.GetAttribute("href")!;
                var parts = href.Split('#');
                var target = parts[0].Length == 0 ? url : parts[0];
                if (pages.TryGetValue(target, out var page))
                {
                    Assert.True(page.GetElementById(parts[1]) is not null, $"{url}: {href} points at nothing");
                }
            }
        }
    }
}

/// <summary>The guide's pages and their references, on the fixture guide.</summary>
public sealed class GuidePageTests(FixtureGuideHost host) : GuideReferenceTests(host.Client, Repo.FixtureContent, minimumEvents: 1, minimumSources: 1), IClassFixture<FixtureGuideHost>;

/// <summary>
/// A content test, on the real content/: the reading guide's entries are complete, its own text is typeset as the
/// house style asks, it holds the events and sources the essay rests on, and every reference resolves both ways.
/// An editorial change can fail these; how the pages are built is tested on the fixture guide.
/// </summary>
public sealed class GuideTests(RealContentHost host) : GuideReferenceTests(host.Client, Repo.Content, minimumEvents: 15, minimumSources: 10), IClassFixture<RealContentHost>
{
    [Theory]
    [InlineData("/timeline")]
    [InlineData("/sources")]
    [InlineData("/questions")]
    [InlineData("/glossary")]
    [InlineData("/perspectives")]
    [InlineData("/about")]
    [InlineData("/corrections")]
    [InlineData("/commentary/reading-an-opinion-essay")]
    [InlineData("/commentary/what-happened-next")]
    public async Task TheGuidesOwnText_UsesCurlyQuotesAndOneFormOfParagraphReference(string url)
    {
        var doc = await host.Client.GetDocumentAsync(url);
        var main = doc.QuerySelector("main")!;
        foreach (var code in main.QuerySelectorAll("code, .url, .cite-this").ToList())
        {
            code.Remove();
        }

        var text = main.TextContent;
        var straight = System.Text.RegularExpressions.Regex.Matches(text, @".{0,30}[""'].{0,30}").Select(m => m.Value).ToList();
        Assert.True(straight.Count == 0, $"{url} has straight quotes: {string.Join(" | ", straight.Take(5))}");
        var shortForms = System.Text.RegularExpressions.Regex.Matches(text, @".{0,20}\bp\d+\b.{0,20}").Select(m => m.Value).ToList();
        Assert.True(shortForms.Count == 0, $"{url} writes a paragraph as pN instead of ¶ N: {string.Join(" | ", shortForms.Take(5))}");
    }

    [Theory]
    [InlineData("1953-coup")]
    [InlineData("1979-revolution")]
    [InlineData("1979-hostage-crisis")]
    [InlineData("1980-iran-iraq-war")]
    [InlineData("1988-iran-air-655")]
    [InlineData("2003-iraq-invasion")]
    [InlineData("2015-nuclear-deal")]
    [InlineData("2018-us-withdrawal")]
    [InlineData("2018-sanctions-reimposed")]
    [InlineData("2019-bolton-departure")]
    [InlineData("2019-12-27-k1-attack")]
    [InlineData("2019-12-29-us-strikes")]
    [InlineData("2019-12-31-embassy-protest")]
    [InlineData("2020-01-03-soleimani-killed")]
    [InlineData("2020-01-08-missile-attack")]
    public async Task Timeline_HasTheEventsTheEssayRestsOn(string id)
    {
        var doc = await host.Client.GetDocumentAsync("/timeline");
        Assert.NotNull(doc.GetElementById(id));
    }

    [Theory]
    [InlineData("nyt-trump-stunned")]
    [InlineData("milley-imminent")]
    [InlineData("pompeo-dozens-or-hundreds")]
    [InlineData("levitz-nymag")]
    [InlineData("cooper-the-week")]
    [InlineData("haider-the-outline")]
    [InlineData("lapd-statement")]
    [InlineData("lasd-statement")]
    [InlineData("bush-never-apologize")]
    [InlineData("us-bases-count")]
    public async Task Sources_ListEveryWorkTheEssayCites(string id)
    {
        var doc = await host.Client.GetDocumentAsync("/sources");
        var entry = doc.GetElementById(id);
        Assert.NotNull(entry);
        Assert.NotEmpty(entry.QuerySelectorAll(".xrefs a[href^='/essay#p']"));
    }

    [Fact]
    public async Task Questions_AtLeastFifteenInFourGroupsEachLinkingToTheEssay()
    {
        var doc = await host.Client.GetDocumentAsync("/questions");
        var questions = doc.QuerySelectorAll("li.question").ToList();
        Assert.True(questions.Count >= 15, $"only {questions.Count} questions");
        Assert.Equal(4, doc.QuerySelectorAll("section.question-group").Length);
        Assert.All(questions, q => Assert.NotEmpty(q.QuerySelectorAll("a[href^='/essay#p']")));
        Assert.All(doc.QuerySelectorAll("details.notes"), d => Assert.NotNull(d.QuerySelector("summary")));
    }

}
