using System.Collections.Frozen;
using EssaySite.Book;
using EssaySite.Content;
using EssaySite.Feeds;
using EssaySite.Search;
using EssaySite.Teaching;

namespace EssaySite.Startup;

/// <summary>
/// The addresses whose answer depends only on the content: every page a reader reaches (the sitemap's list), the
/// pages of the site's own tools before they are given a query, one citation page for each paragraph, the
/// machine-readable files, the e-book and the service worker that keeps the site for reading offline. The edition
/// renders exactly these, and the export writes them.
/// </summary>
public static class SiteRoutes
{
    /// <summary>
    /// What the content loader is told of the site's own addresses: slugs a page may not take, and the site's own
    /// pages a content link may name.
    /// </summary>
    public static readonly SiteAddresses ForContent = new(
        new[] { "commentary", "search", "healthz", "not-found", "error", "assign", "packet", "feed", "sitemap", "robots", "read" }.ToFrozenSet(StringComparer.Ordinal),
        new[] { "/", "/commentary", "/search" }.ToFrozenSet(StringComparer.Ordinal));

    public const string NotFound = "/not-found";

    public static IEnumerable<string> Fixed(ContentSnapshot snapshot) =>
        Syndication.AllPages(snapshot).Select(p => p.Url)
            .Concat(["/search", "/assign", "/packet"])
            .Concat(snapshot.Reading.Count == 0 ? [] : snapshot.Reading.Select(r => r.Url).Prepend("/read").Append("/read/summary"))
            .Concat(snapshot.Essay.Paragraphs.Select(p => $"/essay/cite/{p.Number}"))
            .Concat(Teaching.CitationFiles.Formats.SelectMany(f =>
                snapshot.Essay.Paragraphs.Select(p => (int?)p.Number).Prepend(null).Select(n => TeachingEndpoints.CitationFilePath(n, f.Extension))))
            .Concat(["/feed.xml", "/sitemap.xml", "/robots.txt", BrowserIndex.Path, TeachingEndpoints.ClassroomCartridge, BookEndpoints.Path, Offline.ServiceWorker.Path, NotFound])
            .Concat(snapshot.Essay.SourceText is null ? [] : [Syndication.EssayText])
            .Distinct(StringComparer.Ordinal);
}
