using System.Net;
using EssaySite.Export;

namespace EssaySite.Tests;

/// <summary>
/// <c>serve &lt;folder&gt; --base-path /reading/</c>: an export previewed as its host will serve it, under its path
/// only. The folder is the test's own, laid out as an export is (pages as <c>path/index.html</c>, a 404.html).
/// </summary>
public sealed class ExportPreviewTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("essaysite-preview-").FullName;

    public ExportPreviewTests()
    {
        Write("index.html", "<h1>Home</h1>");
        Write("essay/index.html", "<h1>The essay</h1>");
        Write("css/site.css", "body { color: black; }");
        Write(StaticExport.NotFoundFile, "<h1>Not here</h1>");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string file, string text)
    {
        var path = Path.Combine(_folder, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public async Task Serve_AnswersTheExportUnderItsBasePath_AndItsOwn404PageElsewhere()
    {
        using var errors = new StringWriter();
        var created = await ExportPreview.CreateAsync(["serve", _folder, "--base-path", "/reading/", "--urls", "http://127.0.0.1:0"], errors);
        Assert.True(created is not null, errors.ToString());
        await using var app = created.Value.App;
        await app.StartAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.Urls.Single()) };

        async Task<(HttpStatusCode Status, string? Type, string Body)> GetAsync(string path)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
        }

        Assert.Equal((HttpStatusCode.OK, "text/html", "<h1>Home</h1>"), await GetAsync("/reading/"));
        Assert.Equal((HttpStatusCode.OK, "text/html", "<h1>The essay</h1>"), await GetAsync("/reading/essay"));
        Assert.Equal((HttpStatusCode.OK, "text/css", "body { color: black; }"), await GetAsync("/reading/css/site.css"));
        Assert.Equal((HttpStatusCode.NotFound, "text/html", "<h1>Not here</h1>"), await GetAsync("/reading/no-such-page"));
        // Outside the base path the export has nothing, as on its host: a link that forgot the path shows up here.
        Assert.Equal((HttpStatusCode.NotFound, "text/html", "<h1>Not here</h1>"), await GetAsync("/essay"));
        Assert.Equal((HttpStatusCode.NotFound, "text/html", "<h1>Not here</h1>"), await GetAsync("/css/site.css"));

        using var root = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/reading/", root.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Serve_OfAFolderThatIsNoExport_SaysHowToMakeOne()
    {
        using var errors = new StringWriter();
        var empty = Directory.CreateTempSubdirectory("essaysite-preview-empty-").FullName;
        try
        {
            Assert.Null(await ExportPreview.CreateAsync(["serve", empty, "--base-path", "/reading/"], errors));
            Assert.Contains("holds no index.html, so it is not an export", errors.ToString(), StringComparison.Ordinal);
            Assert.Null(await ExportPreview.CreateAsync(["serve"], errors));
            Assert.Contains(ExportPreview.Usage, errors.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
