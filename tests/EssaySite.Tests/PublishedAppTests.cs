using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Xml.Linq;

namespace EssaySite.Tests;

/// <summary>
/// What the Dockerfile does, without a container engine: publish the app, start the published app from
/// another working directory as Production, fetch every page, then stop it with SIGTERM.
/// </summary>
public sealed class PublishedAppTests : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private readonly string _root = Path.Combine(Path.GetTempPath(), "essaysite-publish-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task ThePublishedApp_ServesEveryPageFromAnotherDirectory_LogsJson_AndStopsOnSigterm()
    {
        var publish = Path.Combine(_root, "app");
        var (exit, output) = await Processes.RunAsync("dotnet", Repo.Root, new Dictionary<string, string>(), "publish", "src/EssaySite", "-c", Configuration, "--no-build", "-o", publish, "-nologo");
        Assert.True(exit == 0, output);
        Assert.True(File.Exists(Path.Combine(publish, "content", "essay.md")), "content/ is not published beside the app");
        Assert.True(File.Exists(Path.Combine(publish, "wwwroot", "css", "site.css")), "wwwroot/ is not published beside the app");

        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = elsewhere, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(publish, "EssaySite.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        using var app = Process.Start(start)!;
        var stdout = app.StandardOutput.ReadToEndAsync();
        var stderr = app.StandardError.ReadToEndAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = false;
            for (var i = 0; i < 200 && !ready; i++)
            {
                try
                {
                    ready = (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(100);
                }
            }

            Assert.True(ready, "the published app never answered /healthz");
            var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
            var pages = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).PathAndQuery).ToList();
            Assert.True(pages.Count >= 10);
            foreach (var url in pages.Concat(["/feed.xml", "/robots.txt", "/css/site.css", "/js/site.js", "/favicon.svg", "/search?q=Soleimani", "/packet", "/assign"]))
            {
                using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
            }

            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/no-such-page", UriKind.Relative))).StatusCode);
        }
        finally
        {
            using var kill = Process.Start("kill", ["-TERM", app.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await app.WaitForExitAsync(timeout.Token);
        }

        Assert.Equal(0, app.ExitCode);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(events, e => e.TryGetProperty("RequestPath", out var p) && p.GetString() == "/essay"
            && e.GetProperty("RequestMethod").GetString() == "GET" && e.GetProperty("StatusCode").GetInt32() == 200 && e.TryGetProperty("Elapsed", out _)
            && e.GetProperty("RequestId").GetString()!.Contains(':', StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.TryGetProperty("RequestPath", out var p) && p.GetString() == "/healthz");
        Assert.Contains(events, e => e.GetProperty("@mt").GetString()!.Contains("shutting down", StringComparison.Ordinal));
        Assert.Equal("", await stderr);
    }
}
