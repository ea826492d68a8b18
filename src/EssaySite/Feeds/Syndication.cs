using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using EssaySite.Content;
using EssaySite.Hosting;

namespace EssaySite.Feeds;

/// <summary>The machine-readable views of the site: the Atom feed, the sitemap and robots.txt.</summary>
public static class Syndication
{
    public static WebApplication MapSyndication(this WebApplication app)
    {
        app.MapGet(Routes.Feed, (HttpContext context, ContentSnapshot snapshot) =>
            Results.Text(Feed(snapshot, Root(context)), "application/atom+xml; charset=utf-8"));
        app.MapGet(Routes.Sitemap, (HttpContext context, ContentSnapshot snapshot) =>
            Results.Text(Sitemap(snapshot, Root(context)), "application/xml; charset=utf-8"));
        // The essay exactly as received, so a reader can check it against the SHA-256 the essay page shows.
        app.MapGet(EssayText, (ContentSnapshot snapshot) => snapshot.Essay.SourceText is { } text
            ? Results.Bytes(text, "text/plain; charset=utf-8")
            : Results.NotFound());
        app.MapGet(Routes.Robots, (HttpContext context) =>
            Results.Text($"User-agent: *\nAllow: /\nSitemap: {Root(context)}/sitemap.xml\n", "text/plain; charset=utf-8"));
        return app;
    }

    public const string EssayText = Routes.EssayText;

    // The public root without its trailing slash, so paths ("/essay") append to it.
    private static string Root(HttpContext context) => context.BaseUri().AbsoluteUri.TrimEnd('/');

    /// <summary>Every page a reader can reach, with the date it last changed.</summary>
    public static IEnumerable<(string Url, DateOnly? Updated)> AllPages(ContentSnapshot snapshot)
    {
        yield return ("/", snapshot.LastUpdated);
        foreach (var page in snapshot.Pages.Values.OrderBy(p => p.Order ?? int.MaxValue).ThenBy(p => p.Slug, StringComparer.Ordinal))
        {
            yield return (page.Url, page.LastUpdated);
        }

        var listUpdated = snapshot.Commentary.Select(c => c.LastUpdated).Max();
        for (var n = 1; n <= Pages.Commentary.IndexModel.PageCountFor(snapshot.Commentary.Count); n++)
        {
            yield return (Pages.Commentary.IndexModel.UrlOf(n), listUpdated);
        }
        foreach (var c in snapshot.Commentary)
        {
            yield return (c.Url, c.LastUpdated);
        }
    }

    public static string Feed(ContentSnapshot snapshot, string baseUrl)
    {
        var essay = snapshot.Essay;
        var items = snapshot.Commentary
            .Select(c => Item(baseUrl, c, c.Author ?? "EssaySite editors", c.Date!.Value, c.LastUpdated!.Value))
            .Append(Item(baseUrl, essay.Page, essay.Author, essay.Published, essay.Page.LastUpdated ?? essay.Published))
            .Concat(snapshot.Corrections.Select(c => CorrectionItem(baseUrl, snapshot, c)))
            .OrderByDescending(i => i.LastUpdatedTime)
            .ToList();
        var feed = new SyndicationFeed(
            snapshot.Identity.FullName,
            "The essay, its reading guide, and commentary added by the site's maintainers.",
            new Uri(baseUrl + "/"),
            baseUrl + Routes.Feed,
            items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : DateTimeOffset.UnixEpoch,
            items);
        feed.Links.Add(new SyndicationLink(new Uri(baseUrl + Routes.Feed), "self", null, "application/atom+xml", 0));

        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static SyndicationItem Item(string baseUrl, GuidePage page, string author, DateOnly published, DateOnly updated)
    {
        var url = new Uri(baseUrl + page.Url);
        var item = new SyndicationItem(page.Title, page.Summary, url, url.ToString(), Midnight(updated))
        {
            PublishDate = Midnight(published),
        };
        item.Authors.Add(new SyndicationPerson { Name = author });
        return item;
    }

    // Each correction is an update of its own, so a reader who follows the feed learns what changed and where.
    private static SyndicationItem CorrectionItem(string baseUrl, ContentSnapshot snapshot, Correction correction)
    {
        var url = new Uri($"{baseUrl}/corrections#{correction.Id}");
        var item = new SyndicationItem($"Correction: {snapshot.Describe(correction.Page)}", $"The guide said: {correction.Was}", url, url.ToString(), Midnight(correction.Date))
        {
            PublishDate = Midnight(correction.Date),
        };
        item.Authors.Add(new SyndicationPerson { Name = "EssaySite editors" });
        return item;
    }

    private static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static string Sitemap(ContentSnapshot snapshot, string baseUrl)
    {
        const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Indent = true }))
        {
            writer.WriteStartElement("urlset", Ns);
            foreach (var (url, updated) in AllPages(snapshot))
            {
                writer.WriteStartElement("url", Ns);
                writer.WriteElementString("loc", Ns, baseUrl + url);
                if (updated is { } day)
                {
                    writer.WriteElementString("lastmod", Ns, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
