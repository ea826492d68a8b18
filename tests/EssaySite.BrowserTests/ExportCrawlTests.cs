using System.Net;
using AngleSharp.Html.Parser;

namespace EssaySite.BrowserTests;

/// <summary>The static export as a static host serves it: every link and fragment leads somewhere.</summary>
[Collection(ExportTestGroup.Name)]
public sealed class ExportCrawlTests(RealContentExport host)
{
    private static readonly string[] LinkAttributes = ["href", "src", "action", "data-index-url"];

    [Fact]
    public async Task Crawl_FindsNoBrokenLinkOrFragment()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var parser = new HtmlParser();
        var root = new Uri(host.BaseUrl + "/");
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var fragments = new List<(string From, Uri Target)>();
        var queue = new Queue<(Uri Url, string From)>([(root, "start")]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { root.AbsolutePath };
        var problems = new List<string>();

        while (queue.TryDequeue(out var item))
        {
            using var response = await client.GetAsync(item.Url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{item.Url.AbsolutePath}: {(int)response.StatusCode} (linked from {item.From})");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var document = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            ids[item.Url.AbsolutePath] = [.. document.All.Select(e => e.Id).OfType<string>()];
            foreach (var value in document.All.SelectMany(e => LinkAttributes.Select(e.GetAttribute)).OfType<string>())
            {
                var target = new Uri(item.Url, value);
                if (target.Scheme is not ("http" or "https") || target.Authority != root.Authority)
                {
                    continue; // Other sites (sources, the repository) are not the export's to check.
                }

                if (target.Fragment.Length > 1)
                {
                    fragments.Add((item.Url.AbsolutePath, target));
                }

                if (seen.Add(target.AbsolutePath))
                {
                    queue.Enqueue((new Uri(target.GetLeftPart(UriPartial.Path)), item.Url.AbsolutePath));
                }
            }
        }

        foreach (var (from, target) in fragments)
        {
            var id = Uri.UnescapeDataString(target.Fragment[1..]);
            if (!ids.TryGetValue(target.AbsolutePath, out var known) || !known.Contains(id))
            {
                problems.Add($"{from}: links to {target.PathAndQuery}{target.Fragment}, which has no such id");
            }
        }

        Assert.Empty(problems);
        // The crawl really went everywhere: the guide, every paragraph's citation page, the commentary.
        Assert.Contains("/reading/essay/cite/30", seen);
        Assert.Contains("/reading/commentary/what-happened-next", seen);
        Assert.Contains("/reading/css/site.css", seen);
        Assert.True(fragments.Count > 100, $"only {fragments.Count} links with fragments were checked");
        Assert.All(seen, path => Assert.StartsWith("/reading/", path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingAddress_GetsTheExportedNotFoundPage()
    {
        using var client = new HttpClient();
        using var response = await client.GetAsync(new Uri(host.BaseUrl + "/assign/AQEAAA"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Page not found</h1>", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/reading/essay\"", body, StringComparison.Ordinal);
    }
}
