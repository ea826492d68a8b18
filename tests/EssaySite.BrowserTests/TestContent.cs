using System.Collections.Concurrent;
using EssaySite.Content;
using EssaySite.Hosting;

namespace EssaySite.BrowserTests;

/// <summary>
/// The two content folders a copy of the site can serve: the fixture guide (tests/fixture-guide/content, a short guide
/// to Paine's Common Sense), which the tests of how the site behaves run on, so an editorial change to content/ fails
/// only the real content's checks; and the real content/, for those checks (the essay as rendered, axe on the real
/// pages, the export's links).
/// </summary>
public static class TestContent
{
    private static readonly ConcurrentDictionary<string, Lazy<ContentSnapshot>> Loaded = new(StringComparer.Ordinal);

    public static string RepoRoot { get; } = FindRoot();

    public static string Real => Path.Combine(RepoRoot, "content");

    public static string FixtureGuide => Path.Combine(RepoRoot, "tests", "fixture-guide", "content");

    /// <summary>A content folder loaded as the server loads it, once per run.</summary>
    public static ContentSnapshot Load(string contentRoot) => Loaded.GetOrAdd(contentRoot, root => new(() =>
    {
        var paths = SitePaths.Resolve(new SiteOptions { ContentPath = root }, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        var (snapshot, problems) = new ContentLoader(new MarkdownRenderer(), SiteAddresses.OfRoutes).TryLoad(paths.ContentRoot);
        return snapshot ?? throw new InvalidOperationException($"The content in {root} does not load (run check): " + string.Join("; ", problems));
    })).Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EssaySite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("EssaySite.sln not found above " + AppContext.BaseDirectory);
    }
}
