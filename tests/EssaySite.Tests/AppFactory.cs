using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EssaySite.Tests;

/// <summary>
/// The real app through its real pipeline, reading the fixture guide (<see cref="Repo.FixtureContent"/>) unless told
/// otherwise: tests of code run on it, so an editorial change to content/ cannot fail them. Tests of the real content
/// ask for it by name, <see cref="RealContent"/>.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new(StringComparer.Ordinal) { ["Site:ContentPath"] = Repo.FixtureContent };

    /// <summary>The app on the repository's real content/, for the tests of that content.</summary>
    public static AppFactory RealContent() => new AppFactory().With("Site:ContentPath", Repo.Content);

    private readonly List<Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>> _services = [];

    public AppFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Adds services to the app's own (a log sink, which Serilog reads from the services).</summary>
    public AppFactory WithServices(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // Many hosts start side by side in this process: each keeps its own logger.
        builder.UseSetting("Serilog:PreserveStaticLogger", "true");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var configure in _services)
        {
            builder.ConfigureServices(configure);
        }
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}

/// <summary>One factory shared by the tests of a class that read the fixture guide (<see cref="Repo.FixtureContent"/>).</summary>
public sealed class FixtureGuideHost : IDisposable
{
    public AppFactory Factory { get; } = new();

    public HttpClient Client { get; }

    public FixtureGuideHost() => Client = Factory.Client();

    public void Dispose() => Factory.Dispose();
}

/// <summary>One factory shared by the tests of a class that read the real content (content tests: fidelity, references, links).</summary>
public sealed class RealContentHost : IDisposable
{
    public AppFactory Factory { get; } = AppFactory.RealContent();

    public HttpClient Client { get; }

    public RealContentHost() => Client = Factory.Client();

    public void Dispose() => Factory.Dispose();
}

public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(expectedStatus, (int)response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return Parser.ParseDocument(body);
    }

    /// <summary>Text with runs of white space folded to one space.</summary>
    public static string Fold(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Paths of the repository, for tests that read its files directly.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    /// <summary>
    /// A small guide to another, public-domain text (tests/fixture-guide): tests of how the code behaves run on it,
    /// so an editorial change to content/ can fail only the tests of the real content.
    /// </summary>
    public static string FixtureContent => Path.Combine(Root, "tests", "fixture-guide", "content");

    public static string SeedPath => Path.Combine(Root, "seeds", "000_0273d8e9ceb8cf6c.txt");

    /// <summary>The seed's paragraphs: its non-blank lines.</summary>
    public static IReadOnlyList<string> SeedParagraphs() =>
        [.. File.ReadAllLines(SeedPath).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim())];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EssaySite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}

/// <summary>
/// A throwaway copy of a content folder that a test may break as it likes: the fixture guide's unless a content
/// test asks for the real content's (<see cref="OfRealContent"/>).
/// </summary>
public sealed class TempContent : IDisposable
{
    public TempContent()
        : this(Repo.FixtureContent)
    {
    }

    private TempContent(string? from)
    {
        Root = Path.Combine(Path.GetTempPath(), "essaysite-" + Guid.NewGuid().ToString("N"));
        ContentRoot = Path.Combine(Root, "content");
        Directory.CreateDirectory(ContentRoot);
        foreach (var file in from is null ? [] : Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(ContentRoot, Path.GetRelativePath(from!, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>A copy of the real content/, for the tests of that content.</summary>
    public static TempContent OfRealContent() => new(Repo.Content);

    /// <summary>An empty content folder, for a test that writes every file itself.</summary>
    public static TempContent Empty() => new(null);

    public string Root { get; }

    public string ContentRoot { get; }

    public string Write(string relative, string text)
    {
        var path = Path.Combine(ContentRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine is left for the OS to clean.
        }
    }
}

/// <summary>Runs a command to its end and returns its exit code with everything it printed.</summary>
public static class Processes
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string workingDirectory, IDictionary<string, string> environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
