using EssaySite.Content;

namespace EssaySite.Tests;

public sealed class ContentLoaderTests : IDisposable
{
    private const string Essay = """
        ---
        kind: essay
        title: "An Essay"
        slug: essay
        order: 1
        author: "A. Writer"
        written: 2020-01-07
        published: 2020-01-08
        original_url: "https://example.org/essay"
        summary: "A test essay."
        ---

        First paragraph.

        Second paragraph.
        """;

    private readonly TempContent _content = TempContent.Empty();

    public ContentLoaderTests() => _content.Write("essay.md", Essay);

    public void Dispose() => _content.Dispose();

    private IReadOnlyList<string> Problems()
    {
        var (snapshot, problems) = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).TryLoad(_content.ContentRoot);
        Assert.Equal(problems.Count == 0, snapshot is not null);
        return [.. problems.Select(p => p.ToString())];
    }

    [Fact]
    public void TheContentCore_IsALibraryWithoutWebTypes()
    {
        var core = typeof(ContentLoader).Assembly;
        Assert.Equal("EssaySite.Content", core.GetName().Name);
        Assert.DoesNotContain(core.GetReferencedAssemblies(), a => a.Name!.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void MinimalSite_Loads()
    {
        var snapshot = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).Load(_content.ContentRoot);
        Assert.Equal(2, snapshot.Essay.Paragraphs.Count);
        Assert.Equal("p2", snapshot.Essay.Paragraphs[1].Id);
        Assert.Equal(8, snapshot.Version.Length);
    }

    [Fact]
    public void TheTextAsReceived_IsPartOfTheVersion_WhereverTheEssayKeepsIt()
    {
        using var content = new TempContent();
        var loader = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes);
        var before = loader.Load(content.ContentRoot).Version;
        var text = File.ReadAllText(Path.Combine(content.ContentRoot, "essay.txt"));
        Directory.CreateDirectory(Path.Combine(content.ContentRoot, "texts"));
        File.Move(Path.Combine(content.ContentRoot, "essay.txt"), Path.Combine(content.ContentRoot, "texts", "essay.txt"));
        var essay = Path.Combine(content.ContentRoot, "essay.md");
        File.WriteAllText(essay, File.ReadAllText(essay).Replace("text: essay.txt", "text: texts/essay.txt", StringComparison.Ordinal));
        var moved = loader.Load(content.ContentRoot).Version;

        // The same words with one more blank line: the pages are the same, the bytes served as /essay.txt are not.
        File.WriteAllText(Path.Combine(content.ContentRoot, "texts", "essay.txt"), text + "\n");
        var changed = loader.Load(content.ContentRoot);
        Assert.NotEqual(moved, changed.Version);
        Assert.NotEqual(before, moved);
        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(text + "\n"), changed.Essay.SourceText);
    }

    [Fact]
    public void AddingAPageOfAKnownKind_NeedsNoCode()
    {
        _content.Write("reading-tips.md", "---\nkind: guide\ntitle: \"Reading tips\"\norder: 9\nsummary: \"Tips.\"\n---\n\nRead slowly.\n");
        var snapshot = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).Load(_content.ContentRoot);
        var page = snapshot.Page("reading-tips");
        Assert.NotNull(page);
        Assert.Equal(PageKind.Guide, page.Kind);
        Assert.Equal("/reading-tips", page.Url);
        Assert.Equal("reading-tips", snapshot.ReadingOrder[^1].Slug);
    }

    [Fact]
    public void MissingFrontMatter_IsReportedOnLine1()
    {
        _content.Write("about.md", "Just text.\n");
        Assert.Equal(["content/about.md:1: missing front matter: the file must start with a line '---'"], Problems());
    }

    [Fact]
    public void UnknownKey_IsReportedWithItsLineAndASuggestion()
    {
        _content.Write("about.md", "---\nkind: about\ntitel: \"About\"\ntitle: \"About\"\nsummary: \"S\"\n---\n\nText.\n");
        Assert.Equal(["content/about.md:3: unknown front matter key 'titel' in a page (did you mean 'title'?)"], Problems());
    }

    [Fact]
    public void InvalidYaml_IsReportedWithItsLine()
    {
        _content.Write("about.md", "---\nkind: about\ntitle: [unclosed\nsummary: S\n---\n\nText.\n");
        var problem = Assert.Single(Problems());
        Assert.StartsWith("content/about.md:", problem, StringComparison.Ordinal);
        Assert.Contains("front matter is not valid YAML", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void BadDate_IsReportedWithItsLine()
    {
        _content.Write("essay.md", Essay.Replace("written: 2020-01-07", "written: 2020-02-30", StringComparison.Ordinal));
        Assert.Equal(["content/essay.md:7: 'written' is not a valid date: '2020-02-30' (use YYYY-MM-DD, for example 2020-01-03)"], Problems());
    }

    [Fact]
    public void MissingRequiredField_IsReported()
    {
        _content.Write("about.md", "---\nkind: about\ntitle: \"About\"\n---\n\nText.\n");
        Assert.Equal(["content/about.md:1: missing front matter field 'summary'"], Problems());
    }

    [Fact]
    public void DuplicateSlug_IsReported()
    {
        _content.Write("about.md", "---\nkind: about\ntitle: \"About\"\nsummary: \"S\"\n---\n\nText.\n");
        _content.Write("about-again.md", "---\nkind: about\ntitle: \"Again\"\nslug: about\nsummary: \"S\"\n---\n\nText.\n");
        Assert.Equal(["content/about.md:1: duplicate slug 'about' (also used by content/about-again.md)"], Problems());
    }

    [Fact]
    public void LinksToMissingPagesOrFragments_AreReportedWithTheirLines()
    {
        _content.Write("about.md", "---\nkind: about\ntitle: \"About\"\nsummary: \"S\"\n---\n\nSee [p1](/essay#p1).\n\nSee [p99](/essay#p99) and [nope](/nope).\n");
        Assert.Equal(
        [
            "content/about.md:9: link to a fragment that does not exist: '/essay#p99' (the essay has p1 to p2)",
            "content/about.md:9: link to a page that does not exist: '/nope'",
        ], Problems());
    }

    [Fact]
    public void ReferencesToMissingParagraphsSourcesAndEras_StopTheLoad()
    {
        _content.Write("timeline.md", "---\nkind: guide\ntitle: \"Timeline\"\norder: 2\nsummary: \"S\"\nsections:\n  - id: early\n    title: \"Early\"\n---\n\nIntro.\n");
        _content.Write("sources/real.md", "---\ntitle: \"A real source\"\nparagraphs: [1]\n---\n\nAbout it.\n");
        _content.Write("timeline/an-event.md", "---\ntitle: \"An event\"\ndate: 1953-08\nera: late\nparagraphs: [1, 3]\nsources: [real, missing]\n---\n\nWhat happened.\n");
        Assert.Equal(
        [
            "content/timeline/an-event.md:4: unknown era 'late' (the sections of content/timeline.md are: early)",
            "content/timeline/an-event.md:5: paragraph 3 does not exist (the essay has p1 to p2)",
            "content/timeline/an-event.md:6: unknown source 'missing' (no file content/sources/missing.md)",
        ], Problems());
    }

    [Fact]
    public void BackReferences_AreDerivedFromTheDeclarations()
    {
        _content.Write("timeline.md", "---\nkind: guide\ntitle: \"Timeline\"\norder: 2\nsummary: \"S\"\nsections:\n  - id: early\n    title: \"Early\"\n---\n\nIntro.\n");
        _content.Write("sources/real.md", "---\ntitle: \"A real source\"\nparagraphs: [1]\n---\n\nAbout it.\n");
        _content.Write("timeline/an-event.md", "---\ntitle: \"An event\"\ndate: 1953-08\nera: early\nparagraphs: [2]\nsources: [real]\n---\n\nWhat happened.\n");
        var snapshot = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).Load(_content.ContentRoot);
        Assert.Equal(["real"], snapshot.RefsFor(1).Sources.Select(s => s.Id));
        Assert.Empty(snapshot.RefsFor(1).Events);
        Assert.Equal(["an-event"], snapshot.RefsFor(2).Events.Select(e => e.Id));
        Assert.Equal(["an-event"], snapshot.SourceRefs["real"].Events.Select(e => e.Id));
    }

    [Fact]
    public void EveryProblem_IsReportedNotOnlyTheFirst()
    {
        _content.Write("about.md", "---\nkind: about\ntitel: \"About\"\nsummary: \"S\"\n---\n\n<b>bold</b>\n");
        _content.Write("Bad_Name.md", "---\nkind: guide\ntitle: \"T\"\nsummary: \"S\"\n---\n\n");
        var problems = Problems();
        Assert.Contains("content/about.md:1: missing front matter field 'title'", problems);
        Assert.Contains("content/about.md:3: unknown front matter key 'titel' in a page (did you mean 'title'?)", problems);
        Assert.Contains("content/about.md:7: raw HTML (<b>) is not allowed; write Markdown instead such as **bold**", problems);
        Assert.Single(problems, p => p.Contains("raw HTML", StringComparison.Ordinal));
        Assert.Contains("content/Bad_Name.md:1: file name 'Bad_Name' is not a valid slug: use lowercase letters, digits and hyphens", problems);
        Assert.Contains("content/Bad_Name.md:6: the page is empty: write some Markdown after the front matter", problems);
    }

    [Theory]
    [InlineData("https://example.org/story?utm_source=twitter&utm_medium=social", "utm_source")]
    [InlineData("https://example.org/story?id=7&fbclid=IwAR0abc", "fbclid")]
    [InlineData("https://example.org/story?GCLID=x", "gclid")]
    public void ASourceAddress_WithATrackingParameter_IsAProblemWithItsLine(string url, string parameter)
    {
        _content.Write("sources/tracked.md", $"---\ntitle: \"A story\"\nurl: \"{url}\"\n---\n\nA story.\n");
        var problem = Assert.Single(Problems());
        Assert.Equal($"content/sources/tracked.md:3: the address carries the tracking parameter '{parameter}': cite the page without it (remove the query string, or at least '{parameter}=…')", problem);
    }

    [Fact]
    public void ALinkInABody_WithATrackingParameter_IsAProblemWithItsLine()
    {
        _content.Write("about.md", "---\nkind: about\ntitle: \"About\"\nsummary: \"S\"\n---\n\nSee [the story](https://example.org/a?utm_campaign=x)\nand <https://example.org/b?gclid=1>.\n");
        Assert.Equal(
            [
                "content/about.md:7: the address carries the tracking parameter 'utm_campaign': cite the page without it (remove the query string, or at least 'utm_campaign=…')",
                "content/about.md:8: the address carries the tracking parameter 'gclid': cite the page without it (remove the query string, or at least 'gclid=…')",
            ],
            Problems());
    }

    [Theory]
    [InlineData("https://digital-release.example.com/homenews/senate/1-a-story", "digital-release.example.com")]
    [InlineData("https://STAGING.example.com/a-story", "staging.example.com")]
    [InlineData("https://resolve.example.org/core/journals/a/article/b", "resolve.example.org")]
    public void ASourceAddress_OnAStagingPreviewOrResolverHost_IsAProblemWithItsLine(string url, string host)
    {
        _content.Write("sources/staged.md", $"---\ntitle: \"A story\"\nurl: \"{url}\"\n---\n\nA story.\n");
        var problem = Assert.Single(Problems());
        Assert.Equal($"content/sources/staged.md:3: the address is on '{host}', a staging, preview or resolver server: cite the publisher's public address of the page (or leave the address out and list 'url' as unconfirmed)", problem);
    }

    [Theory]
    [InlineData("https://example.org/a-story/?return", "return")]
    [InlineData("https://example.org/a-story?id=7&amp=1", "amp")]
    [InlineData("https://example.org/a-story?ReturnUrl=%2Fhome", "returnurl")]
    public void ASourceAddress_WithAListOnlyQuery_IsAProblemWithItsLine(string url, string parameter)
    {
        _content.Write("sources/listed.md", $"---\ntitle: \"A story\"\nurl: \"{url}\"\n---\n\nA story.\n");
        var problem = Assert.Single(Problems());
        Assert.Equal($"content/sources/listed.md:3: the address carries the query parameter '{parameter}', which only says how the page was reached or listed: cite the page without it", problem);
    }

    [Theory]
    [InlineData("https://www.thehill.com/homenews/a-story")]
    [InlineData("https://previewer.example.com/a-story")]
    [InlineData("https://example.org/stage/preview?resolve=no")]
    public void AnAddressThatOnlyMentionsAStagingWord_IsAccepted(string url)
    {
        _content.Write("sources/plain.md", $"---\ntitle: \"A record\"\nurl: \"{url}\"\n---\n\nA record.\n");
        Assert.Empty(Problems());
    }

    [Fact]
    public void AnAddressWithAnOrdinaryQuery_IsAccepted()
    {
        _content.Write("sources/plain.md", "---\ntitle: \"A record\"\nurl: \"https://example.org/record?id=42\"\n---\n\nA record.\n");
        Assert.Empty(Problems());
    }
}
