using EssaySite.Content;
using EssaySite.Content.Search;

namespace EssaySite.BrowserTests;

/// <summary>The server's search over the real content, loaded as the site loads it, for the export's search to agree with.</summary>
internal static class ServerSearch
{
    private static readonly Lazy<ContentSnapshot> Snapshot = new(Load);

    public static SearchIndex Index => Snapshot.Value.Search;

    private static ContentSnapshot Load()
    {
        var paths = EssaySite.Hosting.SitePaths.Resolve(new EssaySite.Hosting.SiteOptions(), AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        var (snapshot, _) = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).TryLoad(paths.ContentRoot);
        return snapshot ?? throw new InvalidOperationException("the content does not load: run check");
    }
}
