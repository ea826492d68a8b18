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
    public const string NotFound = Routes.NotFound;

    public static IEnumerable<string> Fixed(ContentSnapshot snapshot) =>
        Syndication.AllPages(snapshot).Select(p => p.Url)
            .Concat([Routes.Search, Routes.Assign, Routes.Packet])
            .Concat(snapshot.Reading.Count == 0 ? [] : snapshot.Reading.Select(r => r.Url).Prepend(Routes.ReadingIndex).Append(Routes.ReadingSummary))
            .Concat(snapshot.Essay.Paragraphs.Select(p => Routes.Cite(p.Number)))
            .Concat(Teaching.CitationFiles.Formats.SelectMany(f =>
                snapshot.Essay.Paragraphs.Select(p => (int?)p.Number).Prepend(null).Select(n => TeachingEndpoints.CitationFilePath(n, f.Extension))))
            .Concat([Routes.Feed, Routes.Sitemap, Routes.Robots, BrowserIndex.Path, TeachingEndpoints.ClassroomCartridge, BookEndpoints.Path, Offline.ServiceWorker.Path, NotFound])
            .Concat(snapshot.Essay.SourceText is null ? [] : [Syndication.EssayText])
            .Distinct(StringComparer.Ordinal);
}
