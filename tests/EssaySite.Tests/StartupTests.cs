namespace EssaySite.Tests;

/// <summary>Starts the built app as a process, the way an operator would, to see what it prints.</summary>
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
        Assert.Contains("content/about.md:7: link to a fragment that does not exist: '/essay#p99'", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
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
}
