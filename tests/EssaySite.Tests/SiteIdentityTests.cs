using EssaySite.Content;

namespace EssaySite.Tests;

/// <summary>
/// The site's name, tagline, description and language come from content (site.yml), so a guide to another essay
/// shows its own names: these tests use a made-up guide and check that none of the real one's names appear.
/// </summary>
public sealed class SiteIdentityTests : IDisposable
{
    private const string Essay = """
        ---
        kind: essay
        title: "On the Lighthouse Keeper"
        slug: essay
        order: 1
        author: "Ada Example"
        written: 1901-03-04
        published: 1901-03-05
        original_url: "https://example.org/keeper"
        summary: "A short essay about a lighthouse."
        ---

        The keeper climbs the stairs each night.

        The light turns until morning.
        """;

    private const string Identity = """
        # Who the site is.
        name: "The Keeper's Guide"
        tagline: "an essay and notes for class"
        description: "A reading guide to a short essay about a lighthouse keeper."
        language: en-GB
        """;

    private readonly TempContent _content = TempContent.Empty();

    public SiteIdentityTests() => _content.Write("essay.md", Essay);

    public void Dispose() => _content.Dispose();

    private (ContentSnapshot? Snapshot, IReadOnlyList<string> Problems) Load()
    {
        var (snapshot, problems) = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).TryLoad(_content.ContentRoot);
        return (snapshot, [.. problems.Select(p => p.ToString())]);
    }

    [Fact]
    public void SiteYml_GivesTheNameTaglineDescriptionAndLanguage()
    {
        _content.Write("site.yml", Identity);
        var (snapshot, problems) = Load();
        Assert.Empty(problems);
        Assert.Equal(new SiteIdentity("The Keeper's Guide", "an essay and notes for class", "A reading guide to a short essay about a lighthouse keeper.", "en-GB", null), snapshot!.Identity);
    }

    [Fact]
    public void WithoutSiteYml_TheEssayNamesTheSite()
    {
        var (snapshot, _) = Load();
        Assert.Equal("On the Lighthouse Keeper", snapshot!.Identity.Name);
        Assert.Equal("A short essay about a lighthouse.", snapshot.Identity.Description);
        Assert.Equal("en", snapshot.Identity.Language);
    }

    [Fact]
    public void SiteYml_IsPartOfTheContentVersion()
    {
        var before = Load().Snapshot!.Version;
        _content.Write("site.yml", Identity);
        Assert.NotEqual(before, Load().Snapshot!.Version);
    }

    [Fact]
    public void SiteYml_Problems_NameTheFileAndLine()
    {
        _content.Write("site.yml", "name: \"Guide\"\ntagine: \"x\"\ndescription: \"D\"\nlanguage: English\nrepository: \"ftp://example.org\"\n");
        Assert.Equal(
            [
                "content/site.yml:2: unknown front matter key 'tagine' in site.yml (did you mean 'tagline'?)",
                "content/site.yml:4: 'language' must be a language tag such as en or en-GB, not 'English'",
                "content/site.yml:5: repository must be an http(s) address, not 'ftp://example.org'",
            ],
            Load().Problems);
    }

    [Fact]
    public void SiteYml_MissingName_IsAProblem()
    {
        _content.Write("site.yml", "description: \"D\"\n");
        Assert.Contains("content/site.yml:1: missing front matter field 'name'", Load().Problems);
    }

    /// <summary>
    /// The fixture guide (tests/fixture-guide: another, public-domain text) started as a maintainer would, from its
    /// content folder alone: every fixed address shows its names, and none shows this essay's title, author, site
    /// name or subject.
    /// </summary>
    [Fact]
    public async Task AnotherGuide_ShowsItsOwnNamesEverywhere_AndNoneOfThisEssays()
    {
        var fixture = Path.Combine(Repo.Root, "tests", "fixture-guide", "content");
        var guide = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).Load(fixture);
        var real = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).Load(Repo.Content);
        string[] theirs = [real.Identity.Name, real.Essay.Author, real.Essay.Page.Title, "Soleimani", "Iran"];

        using var factory = new AppFactory().With("Site:ContentPath", fixture);
        var client = factory.Client();
        var home = await client.GetDocumentAsync("/");
        Assert.Equal(guide.Identity.FullName, home.Title);
        Assert.Equal(guide.Identity.Language, home.DocumentElement.GetAttribute("lang"));
        Assert.Equal(guide.Identity.Name, home.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(guide.Identity.Description, home.QuerySelector(".lede")!.TextContent.Trim());

        var checkedPages = 0;
        foreach (var path in EssaySite.Startup.SiteRoutes.Fixed(guide))
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var type = response.Content.Headers.ContentType?.MediaType ?? "";
            if (!(type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("xml", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal) || type.Contains("bibtex", StringComparison.Ordinal) || type.Contains("research-info", StringComparison.Ordinal)))
            {
                continue;
            }

            var body = await response.Content.ReadAsStringAsync();
            foreach (var name in theirs)
            {
                Assert.False(body.Contains(name, StringComparison.Ordinal), $"{path} names '{name}'");
            }

            if (type == "text/html")
            {
                Assert.True(body.Contains(guide.Identity.Name, StringComparison.Ordinal), $"{path} does not name the site");
                checkedPages++;
            }
        }

        Assert.True(checkedPages > 10, $"only {checkedPages} pages checked");
    }
}
