using System.Diagnostics;
using System.Net;
using EssaySite.Content;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>Content files made to break the loader, on a copy of the fixture guide: each is a problem with its file and line.</summary>
public sealed class HostileContentTests : IDisposable
{
    private readonly TempContent _content = new();

    private const string Front = "---\ntitle: \"Deep\"\nauthor: \"Test editors\"\ndate: 2026-12-01\nsummary: \"Deep nesting.\"\n---\n";

    private IReadOnlyList<ContentProblem> Problems() =>
        new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).TryLoad(_content.ContentRoot).Problems;

    [Theory]
    [InlineData("quotes")]
    [InlineData("list")]
    [InlineData("emphasis")]
    public void MarkdownTheRendererGivesUpOn_IsAProblemOfItsFile(string shape)
    {
        var body = shape switch
        {
            "quotes" => new string('>', 2000) + " deep\n",
            "list" => string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i * 2) + "- item\n")),
            _ => new string('*', 20000) + "\n",
        };
        _content.Write("commentary/deep.md", Front + body);
        var problems = Problems();
        // Either the renderer copes, or its failure is this file's problem: never an exception out of the load.
        Assert.All(problems, p => Assert.Equal("content/commentary/deep.md", p.Path));
    }

    [Fact]
    public void TwoThousandNestedQuotes_AreAProblemAtTheBodysFirstLine()
    {
        _content.Write("commentary/deep.md", Front + new string('>', 2000) + " deep\n");
        var problem = Assert.Single(Problems());
        Assert.StartsWith("content/commentary/deep.md:7: the file could not be rendered", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ReportsTheDeepFile_WithoutAStackTrace()
    {
        _content.Write("commentary/deep.md", Front + new string('>', 2000) + " deep\n");
        var output = new StringWriter();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Site:ContentPath"] = _content.ContentRoot }).Build();
        var code = await Task.Run(() => EssaySite.Commands.ContentCheck.Run(configuration, output));
        Assert.Equal(1, code);
        Assert.Contains("commentary/deep.md:7: the file could not be rendered", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFileLargerThanItsKindAllows_IsAProblem_AndIsNotRead()
    {
        _content.Write("commentary/huge.md", Front + string.Concat(Enumerable.Repeat("A sentence of prose, repeated. ", 40_000)));
        var problem = Assert.Single(Problems());
        Assert.Equal("content/commentary/huge.md", problem.Path);
        Assert.Equal(1, problem.Line);
        Assert.Contains("may be at most 1 MB", problem.Message, StringComparison.Ordinal);
        Assert.Equal(1024 * 1024, ContentKinds.Commentary.MaxBytes);
    }

    [Theory]
    [InlineData("title", "Reading \u202Ethe introduction", "U+202E")]
    [InlineData("author", "Test\u200B editors", "U+200B")]
    [InlineData("summary", "How the \u2066introduction prepares its reader.", "U+2066")]
    public void AnInvisibleOrReorderingCharacter_InATitleAuthorOrSummary_IsFlaggedAtItsLine(string key, string value, string named)
    {
        var path = Path.Combine(_content.ContentRoot, "commentary", "reading-the-introduction.md");
        var lines = File.ReadAllLines(path);
        var line = Array.FindIndex(lines, l => l.StartsWith(key + ":", StringComparison.Ordinal));
        lines[line] = $"{key}: \"{value}\"";
        File.WriteAllLines(path, lines);
        var problem = Assert.Single(Problems());
        Assert.Equal($"content/commentary/reading-the-introduction.md:{line + 1}", $"{problem.Path}:{problem.Line}");
        Assert.Contains(named, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheZeroWidthNonJoiner_InsideAPersianWord_IsAllowed_ButNotAtItsEdge()
    {
        Assert.Null(InvisibleCharacters.Find("می\u200Cخواهم"));
        Assert.NotNull(InvisibleCharacters.Find("\u200Cمی"));
        Assert.NotNull(InvisibleCharacters.Find("word \u200C word"));
    }

    public void Dispose() => _content.Dispose();
}

/// <summary>A content file that blocks when read (a named pipe), with the watcher on: requests, the probe and stopping go on.</summary>
public sealed class BlockingContentTests
{
    [Fact]
    public async Task ANamedPipeInContent_HangsNoRequest_TheProbe_OrStopping()
    {
        using var content = new TempContent();
        var factory = new AppFactory().With("Site:ContentPath", content.ContentRoot).With("Site:WatchContent", "true");
        var client = factory.Client();
        client.Timeout = TimeSpan.FromSeconds(20);
        var store = factory.Services.GetRequiredService<ContentStore>();
        await store.FirstLoad;
        var version = store.CurrentVersion;

        var (code, output) = await Processes.RunAsync("mkfifo", content.ContentRoot, new Dictionary<string, string>(), Path.Combine(content.ContentRoot, "commentary", "pipe.md"));
        Assert.True(code == 0, output);
        // Let the watcher's own reload reach the pipe, then change another file so that the content is stale again.
        await Task.Delay(1000);
        content.Write("about.md", (await File.ReadAllTextAsync(Path.Combine(content.ContentRoot, "about.md"))) + "\nA change.\n");

        var timer = Stopwatch.StartNew();
        using (var essay = await client.GetAsync(new Uri("/essay", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, essay.StatusCode);
        }

        using (var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        Assert.True(timer.Elapsed < TimeSpan.FromSeconds(10), $"the requests took {timer.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(version, store.CurrentVersion);

        // The read gives up in a few seconds, and the pipe is the reload's problem, with its file.
        for (var i = 0; i < 100 && !store.Problems.Any(p => p.Path.EndsWith("commentary/pipe.md", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains(store.Problems, p => p.Path == "content/commentary/pipe.md" && p.Message.Contains("could not be read", StringComparison.Ordinal));
        var stopping = Stopwatch.StartNew();
        factory.Dispose();
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(10), $"stopping took {stopping.Elapsed.TotalSeconds:0.0} s");
    }
}
