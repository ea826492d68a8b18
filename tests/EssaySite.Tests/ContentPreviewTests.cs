using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EssaySite.Tests;

/// <summary>
/// The kinder preview: in Development, broken content does not stop the server; every page answers 503 with the
/// problems as path:line links, and the site comes back by itself once the file is fixed. Outside Development,
/// bad content still stops start-up (StartupTests).
/// </summary>
public sealed class ContentPreviewTests
{
    [Fact]
    public async Task BrokenContentAtStart_ListsItsProblems_AndTheSiteComesBackWhenFixed()
    {
        using var content = new TempContent();
        var about = Path.Combine(content.ContentRoot, "about.md");
        var original = await File.ReadAllTextAsync(about);
        await File.WriteAllTextAsync(about, original.Replace("kind: about", "kind: about\ntitel: \"x\"", StringComparison.Ordinal));

        using var factory = new PreviewHost(content.ContentRoot);
        var client = factory.CreateClient();
        var broken = await client.GetAsync(new Uri("/essay", UriKind.Relative));
        Assert.True(503 == (int)broken.StatusCode, $"{(int)broken.StatusCode}: {await broken.Content.ReadAsStringAsync()}");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await broken.Content.ReadAsStringAsync());
        Assert.Equal("The content has 1 problem", page.QuerySelector("h1")!.TextContent);
        var link = page.QuerySelector("main li a")!;
        Assert.Equal("content/about.md:3", link.TextContent);
        Assert.Equal($"vscode://file{about}:3", link.GetAttribute("href"));
        Assert.Contains("unknown front matter key 'titel'", page.QuerySelector("main li")!.TextContent, StringComparison.Ordinal);

        await File.WriteAllTextAsync(about, original);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var status = 503;
        while (status != 200 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            status = (int)(await client.GetAsync(new Uri("/essay", UriKind.Relative))).StatusCode;
        }

        Assert.Equal(200, status);
    }

    [Fact]
    public async Task AnEditThatBreaksTheContent_Answers503UntilItIsUndone()
    {
        using var content = new TempContent();
        using var factory = new PreviewHost(content.ContentRoot);
        var client = factory.CreateClient();
        Assert.Equal(200, (int)(await client.GetAsync(new Uri("/timeline", UriKind.Relative))).StatusCode);

        var path = content.Write("commentary/half-written.md", "---\ntitle: \"Half\"\n---\n\nText.\n");
        var status = await WaitForStatusAsync(client, 503);
        Assert.Equal(503, status);
        File.Delete(path);
        Assert.Equal(200, await WaitForStatusAsync(client, 200));
    }

    private static async Task<int> WaitForStatusAsync(HttpClient client, int wanted)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        int status;
        do
        {
            await Task.Delay(200);
            status = (int)(await client.GetAsync(new Uri("/timeline", UriKind.Relative))).StatusCode;
        }
        while (status != wanted && DateTime.UtcNow < deadline);
        return status;
    }

    private sealed class PreviewHost(string contentRoot) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            builder.UseEnvironment("Development")
                .UseSetting("Serilog:PreserveStaticLogger", "true")
                .UseSetting("Site:ContentPath", contentRoot);
    }
}
