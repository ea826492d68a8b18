using EssaySite.Hosting;

namespace EssaySite.Tests;

public sealed class SitePathsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "essaysite-paths-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private string Dir(params string[] parts)
    {
        var path = Path.Combine([_root, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public void FromSource_FindsTheRepositoryRootAboveTheWorkingDirectory()
    {
        var repo = Dir("repo");
        File.WriteAllText(Path.Combine(repo, "EssaySite.sln"), "");
        var content = Dir("repo", "content");
        var web = Dir("repo", "wwwroot");
        var bin = Dir("repo", "src", "EssaySite", "bin", "Debug", "net10.0");

        var paths = SitePaths.Resolve(new SiteOptions(), bin, Dir("repo", "src", "EssaySite"));

        Assert.Equal(content, paths.ContentRoot);
        Assert.Equal(web, paths.WebRoot);
    }

    [Fact]
    public void Published_FindsTheFoldersBesideTheApp()
    {
        var app = Dir("publish");
        var content = Dir("publish", "content");
        var web = Dir("publish", "wwwroot");

        var paths = SitePaths.Resolve(new SiteOptions(), app, Dir("elsewhere"));

        Assert.Equal(content, paths.ContentRoot);
        Assert.Equal(web, paths.WebRoot);
    }

    [Fact]
    public void Configured_PathsWinOverEverythingElse()
    {
        var app = Dir("publish");
        Dir("publish", "content");
        Dir("publish", "wwwroot");
        var content = Dir("mounted", "words");
        var web = Dir("mounted", "static");

        var paths = SitePaths.Resolve(new SiteOptions { ContentPath = content, WebRootPath = web }, app, Dir("elsewhere"));

        Assert.Equal(content, paths.ContentRoot);
        Assert.Equal(web, paths.WebRoot);
    }

    [Fact]
    public void Configured_MissingFolder_SaysWhichSetting()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            SitePaths.Resolve(new SiteOptions { ContentPath = Path.Combine(_root, "nowhere") }, Dir("app"), Dir("cwd")));
        Assert.Contains("Site:ContentPath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingFound_SaysHowToConfigureIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SitePaths.Resolve(new SiteOptions(), Dir("app"), Dir("cwd")));
        Assert.Contains("Set Site:ContentPath", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRunningSite_ServesContentFromAConfiguredFolder()
    {
        using var content = new TempContent();
        content.Write("about.md", File.ReadAllText(FixtureGuide.File("about.md")).Replace("on a second text", "on a second text, from a configured folder", StringComparison.Ordinal));
        using var factory = new AppFactory().With("Site:ContentPath", content.ContentRoot).With("Site:WebRootPath", Path.Combine(Repo.Root, "wwwroot"));
        var doc = await factory.Client().GetDocumentAsync("/about");
        Assert.Contains("from a configured folder", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
