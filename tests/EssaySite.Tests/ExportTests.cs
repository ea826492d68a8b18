using System.Xml.Linq;
using EssaySite.Export;

namespace EssaySite.Tests;

/// <summary>The static export: what it writes, and that it is the server's own HTML.</summary>
public sealed class ExportTests
{
    private const string PublicUrl = "https://essay.example.org/reading/";

    private static async Task<(int Exit, string Output, string Errors)> ExportAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await StaticExport.RunAsync(["export", .. args], output, errors, Program.UseEssaySite);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task Export_WritesEveryPageAsTheServerSendsIt()
    {
        using var folder = new TempFolder();
        var (exit, output, errors) = await ExportAsync(folder.Path, "--base-path", "/reading/", "--base-url", PublicUrl);
        Assert.True(exit == 0, errors);
        Assert.Contains("Exported ", output, StringComparison.Ordinal);
        Assert.Contains($"preview it: dotnet run --project src/EssaySite -- serve {folder.Path} --base-path /reading/", output, StringComparison.Ordinal);

        // The same settings on a running server give the same bytes, page for page. The command exports the content
        // the shipped app reads (the real content/), so the server reads it too.
        using var server = AppFactory.RealContent().With("Site:StaticExport", "true").With("Site:BasePath", "/reading").With("Site:BaseUrl", PublicUrl);
        var client = server.Client();
        var sitemap = XDocument.Load(Path.Combine(folder.Path, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var pages = sitemap.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).ToList();
        Assert.Contains("/reading/essay", pages);
        Assert.Contains("/reading/commentary/what-happened-next", pages);
        foreach (var page in pages.Append("/reading/essay/cite/17").Append("/reading/search").Append("/reading/assign").Append("/reading/sw.js"))
        {
            var file = Path.Combine(folder.Path, StaticExport.FileFor(page["/reading".Length..]));
            Assert.True(File.Exists(file), $"{page} was not exported");
            Assert.Equal(await client.GetStringAsync(new Uri(page, UriKind.Relative)), await File.ReadAllTextAsync(file));
        }

        var notFound = await client.GetAsync(new Uri("/reading/no-such-page", UriKind.Relative));
        Assert.Equal(await notFound.Content.ReadAsStringAsync(), await File.ReadAllTextAsync(Path.Combine(folder.Path, "404.html")));
        foreach (var file in new[] { "feed.xml", "robots.txt", "css/site.css", "js/site.js", "favicon.svg", "img/share.png" })
        {
            Assert.True(File.Exists(Path.Combine(folder.Path, file)), $"{file} was not exported");
        }

        Assert.Contains($"Sitemap: {PublicUrl}sitemap.xml", await File.ReadAllTextAsync(Path.Combine(folder.Path, "robots.txt")), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Repo.Root, "wwwroot", "img", "share.png")), File.ReadAllBytes(Path.Combine(folder.Path, "img", "share.png")));
        // A file that does not compress gets no compressed siblings: an empty one would be served in its place.
        Assert.False(File.Exists(Path.Combine(folder.Path, "img", "share.png.br")));
        Assert.False(File.Exists(Path.Combine(folder.Path, "essay.epub.gz")));
        Assert.Equal(await client.GetByteArrayAsync(new Uri("/reading/essay.epub", UriKind.Relative)), File.ReadAllBytes(Path.Combine(folder.Path, "essay.epub")));

        // The real essay's citation files are more downloads than Cloudflare Pages' rules can name: the rules stay
        // within its limit, the e-book's name and the assets' caching among them.
        var rules = File.ReadAllLines(Path.Combine(folder.Path, HostHeaders.NetlifyFile)).Where(l => l.StartsWith('/')).ToList();
        Assert.InRange(rules.Count, 2, HostHeaders.HeaderRuleLimit);
        Assert.Contains("/reading/essay.epub", rules);
        Assert.Contains("/reading/css/site.css", rules);
    }

    [Fact]
    public async Task Export_SaysWhatNeedsTheServerInsteadOfADeadEnd()
    {
        using var folder = new TempFolder();
        var (exit, _, errors) = await ExportAsync(folder.Path);
        Assert.True(exit == 0, errors);
        // Without a public address it still exports, and says which address it used.
        Assert.Contains("no public address given", errors, StringComparison.Ordinal);

        var assign = await File.ReadAllTextAsync(Path.Combine(folder.Path, "assign", "index.html"));
        Assert.Contains("cannot make assignment links", assign, StringComparison.Ordinal);
        Assert.DoesNotContain("<form class=\"assign-form\"", assign, StringComparison.Ordinal);
        var notFound = await File.ReadAllTextAsync(Path.Combine(folder.Path, "404.html"));
        Assert.Contains("assignment links", notFound, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost:8080/essay\"", await File.ReadAllTextAsync(Path.Combine(folder.Path, "essay", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_RefusesAFolderThatIsNotEmptyAndBadArguments()
    {
        using var folder = new TempFolder();
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "keep.txt"), "mine");
        var (exit, _, errors) = await ExportAsync(folder.Path);
        Assert.Equal(2, exit);
        Assert.Contains("is not empty", errors, StringComparison.Ordinal);
        Assert.Equal("mine", await File.ReadAllTextAsync(Path.Combine(folder.Path, "keep.txt")));

        (exit, _, errors) = await ExportAsync("--base-path");
        Assert.Equal(2, exit);
        Assert.Contains("usage: export <folder>", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/essay", "essay/index.html")]
    [InlineData("/essay/cite/3", "essay/cite/3/index.html")]
    [InlineData("/commentary/page/2", "commentary/page/2/index.html")]
    [InlineData("/not-found", "404.html")]
    [InlineData("/feed.xml", "feed.xml")]
    [InlineData("/essay.epub", "essay.epub")]
    [InlineData("/css/site.css", "css/site.css")]
    public void FileFor_MapsAddressesToFiles(string path, string file) => Assert.Equal(file, StaticExport.FileFor(path));

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("essaysite-export-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
