using System.Diagnostics;
using System.Net;
using EssaySite.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>Start-up: the built app run as a process, the way an operator would, and the site while its content loads.</summary>
public sealed class StartupTests
{
    private static string AppDll => Path.Combine(AppContext.BaseDirectory, "EssaySite.dll");

    private static Task<(int ExitCode, string Output)> RunAppAsync(string workingDirectory, IDictionary<string, string> environment) =>
        Processes.RunAsync("dotnet", workingDirectory, environment, AppDll);

    [Fact]
    public async Task BadContent_StopsStartUpWithPathLineProblemsAndNoStackTrace()
    {
        using var content = new TempContent();
        content.Write("about.md", "---\nkind: about\ntitle: \"About\"\nsummary: \"S\"\n---\n\nSee [missing](/essay#p99).\n");
        var (exit, output) = await RunAppAsync(content.Root, new Dictionary<string, string>
        {
            ["Site__ContentPath"] = content.ContentRoot,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.Equal(1, exit);
        Assert.Contains($"content/about.md:7: link to a fragment that does not exist: '/essay#p99' (the essay has p1 to p{FixtureGuide.Paragraphs().Count})", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Contains("The content has 1 problem:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Application started", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), l => l.Contains("/essay#p99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GoodContent_IsLoadedBeforeTheAppSaysItStarted()
    {
        using var content = new TempContent();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = content.Root };
        start.ArgumentList.Add(AppDll);
        start.Environment["Site__ContentPath"] = content.ContentRoot;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var app = Process.Start(start)!;
        var lines = new List<string>();
        try
        {
            while (await app.StandardOutput.ReadLineAsync(stop.Token) is { } line)
            {
                lines.Add(line);
                if (line.Contains("Application started", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        finally
        {
            app.Kill();
        }

        var loaded = lines.FindIndex(l => l.Contains("Loaded content", StringComparison.Ordinal));
        var started = lines.FindIndex(l => l.Contains("Application started", StringComparison.Ordinal));
        Assert.True(loaded >= 0 && started > loaded, string.Join('\n', lines));
    }

    [Fact]
    public async Task ATakenPort_IsToldInOneLineWithTheFix()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var (exit, output) = await RunAppAsync(Repo.Root, new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" });

        Assert.Equal(1, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"127.0.0.1:{port}: address already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls http://127.0.0.1:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadConfiguration_StopsStartUpWithAClearMessage()
    {
        var (exit, output) = await RunAppAsync(Repo.Root, new Dictionary<string, string>
        {
            ["Site__BaseUrl"] = "not a url",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });

        Assert.Equal(1, exit);
        Assert.Contains("Site:BaseUrl must be an absolute http(s) URL, not 'not a url'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSiteOptions_AreCheckedByTheFrameworkOnStart_WithTheSameMessages()
    {
        using var host = new AppFactory();
        var validators = host.Services.GetServices<Microsoft.Extensions.Options.IValidateOptions<SiteOptions>>();
        var validator = Assert.Single(validators.OfType<SiteOptionsValidator>());

        var bad = validator.Validate(null, new SiteOptions { BaseUrl = "not a url", BasePath = "/a/../b" });
        Assert.True(bad.Failed);
        Assert.Contains("Site:BaseUrl must be an absolute http(s) URL, not 'not a url'", bad.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Site:BasePath must be a path such as /reading", bad.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new SiteOptions { BaseUrl = "https://example.org/", BasePath = "/reading" }).Succeeded);
    }

    [Fact]
    public async Task WhileTheContentLoads_HealthAnswers503AndPagesWaitForIt()
    {
        using var content = new TempContent();
        // A named pipe in place of one content file: the load blocks reading it until the test writes the file.
        var about = Path.Combine(content.ContentRoot, "about.md");
        var text = await File.ReadAllTextAsync(about);
        File.Delete(about);
        using (var mkfifo = Process.Start("mkfifo", about))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        using var host = new AppFactory().With("Site:ContentPath", content.ContentRoot);
        var client = host.Client();
        using (var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("content not loaded\n", await health.Content.ReadAsStringAsync());
        }

        var essay = client.GetAsync(new Uri("/essay", UriKind.Relative));
        await Task.Delay(300);
        Assert.False(essay.IsCompleted, "a page answered before the content was loaded");

        await Task.Run(() => File.WriteAllText(about, text));
        using var page = await essay.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(FixtureGuide.Field("essay.md", "title"), await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var ready = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
