using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using EssaySite.Content;
using EssaySite.Site;
using Microsoft.AspNetCore.TestHost;

namespace EssaySite.Export;

/// <summary>
/// <c>export &lt;folder&gt; [--base-path /reading/] [--base-url https://host/]</c>: writes the whole site as static
/// files. It runs the site itself, in memory (ASP.NET Core's TestServer), and saves what it answers, so the files are the
/// server's own HTML: every page as <c>path/index.html</c>, the 404 page as <c>404.html</c>, the assets, feed,
/// sitemap and robots.txt. It starts from every page the sitemap lists and follows every link, so a page
/// reachable on the site is in the export, and a broken link stops the export.
/// </summary>
public static partial class StaticExport
{
    public const string Usage = "usage: export <folder> [--base-path /sub/path/] [--base-url https://public.host/]";

    /// <summary>Where a static host finds the page for a missing address.</summary>
    public const string NotFoundFile = "404.html";

    private const string NotFoundPath = "/not-found";
    private const string DefaultBaseUrl = "http://localhost:8080";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (ExportArguments.Parse(args) is not { } arguments)
        {
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        var folder = Path.GetFullPath(arguments.Folder);
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            await errors.WriteLineAsync($"export: {folder} is not empty; choose an empty folder, or delete it first");
            return 2;
        }

        var started = Stopwatch.GetTimestamp();
        // The pages are found in this assembly, whichever process runs the export.
        var builder = SiteSetup.CreateBuilder(arguments.Rest, Environments.Production, typeof(StaticExport).Assembly.GetName().Name);
        var basePath = new SiteOptions { BasePath = arguments.BasePath ?? builder.Configuration["Site:BasePath"] }.NormalizedBasePath;
        var baseUrl = arguments.BaseUrl ?? builder.Configuration["Site:BaseUrl"];
        if (string.IsNullOrEmpty(baseUrl))
        {
            baseUrl = DefaultBaseUrl;
            await errors.WriteLineAsync(
                $"export: no public address given (--base-url or Site__BaseUrl), so canonical links, citations, the feed and the sitemap " +
                $"use {DefaultBaseUrl}{basePath}/; pass --base-url with the address the files will be served from");
        }

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Site:StaticExport"] = "true",
            ["Site:BasePath"] = arguments.BasePath ?? builder.Configuration["Site:BasePath"],
            ["Site:BaseUrl"] = baseUrl,
            ["Site:WatchContent"] = "false",
            // The export reports what it wrote; a line for each of a thousand requests would bury that.
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        // The requests go to the site in memory: the same pipeline and the same bytes as over HTTP, without sockets.
        builder.WebHost.UseTestServer();
        builder.AddEssaySite();
        await using var app = await builder.StartEssaySiteAsync();
        var ready = Stopwatch.GetElapsedTime(started);

        var site = app.Services.GetRequiredService<ContentStore>().Current;
        var seeds = Syndication.AllPages(site).Select(p => p.Url)
            .Concat(["/search", "/assign", "/packet", "/feed.xml", "/sitemap.xml", "/robots.txt", NotFoundPath])
            .Concat(app.Services.GetRequiredService<StaticAssets>().All.Select(a => a.Path));

        // This client neither follows redirects nor asks for compression, so a redirect shows as a problem.
        using var client = app.GetTestClient();
        var crawl = new Crawl(client, basePath, folder);
        await crawl.RunAsync(seeds);
        await app.StopAsync();

        if (!crawl.Problems.IsEmpty)
        {
            foreach (var problem in crawl.Problems.Order(StringComparer.Ordinal))
            {
                await errors.WriteLineAsync(problem);
            }

            await errors.WriteLineAsync($"export: {ContentException.Count(crawl.Problems.Count)}; the export in {folder} is incomplete");
            return 1;
        }

        await output.WriteLineAsync(
            $"Exported {crawl.Files:N0} files ({crawl.Bytes / 1024.0 / 1024.0:0.0} MB) to {folder} " +
            $"in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:N0} ms ({ready.TotalMilliseconds:N0} ms to load the content and start), for {baseUrl.TrimEnd('/')}{(new Uri(baseUrl).AbsolutePath == "/" ? basePath : "")}/");
        return 0;
    }

    /// <summary>The file a site path is saved as: a page becomes <c>path/index.html</c>, a file keeps its name.</summary>
    public static string FileFor(string path)
    {
        if (path == NotFoundPath)
        {
            return NotFoundFile;
        }

        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? "index.html"
            : Path.HasExtension(trimmed[(trimmed.LastIndexOf('/') + 1)..]) ? trimmed
            : trimmed + "/index.html";
    }

    /// <summary>Fetches pages level by level, in parallel, saving each and queuing the site paths it links to.</summary>
    // The site's own markup, where every attribute is double-quoted (Razor and the sanitizer both write it so).
    [GeneratedRegex(@"\s(?:" + SubPath.LinkAttributes + @")=""(?<url>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex LinkAttribute();

    private sealed class Crawl(HttpClient client, string basePath, string folder)
    {
        private readonly ConcurrentDictionary<string, string> _seen = new(StringComparer.Ordinal);
        private long _files;
        private long _bytes;

        public ConcurrentBag<string> Problems { get; } = [];

        public long Files => _files;

        public long Bytes => _bytes;

        public async Task RunAsync(IEnumerable<string> seeds)
        {
            var level = seeds.Where(s => _seen.TryAdd(s, "the sitemap")).ToList();
            while (level.Count > 0)
            {
                var found = new ConcurrentBag<string>();
                await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount * 2 }, async (path, cancel) =>
                {
                    foreach (var link in await SaveAsync(path, cancel))
                    {
                        if (_seen.TryAdd(link, path))
                        {
                            found.Add(link);
                        }
                    }
                });
                level = [.. found];
            }
        }

        private async Task<IReadOnlyList<string>> SaveAsync(string path, CancellationToken cancel)
        {
            using var response = await client.GetAsync(new Uri(basePath + path, UriKind.Relative), cancel);
            var expected = path == NotFoundPath ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            if (response.StatusCode != expected)
            {
                var where = response.Headers.Location is { } to ? $", redirecting to {to}" : "";
                Problems.Add($"{path}: answered {(int)response.StatusCode}{where} (linked from {_seen[path]})");
                return [];
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancel);
            var file = Path.GetFullPath(Path.Combine(folder, FileFor(path)));
            if (!file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                Problems.Add($"{path}: would be written outside the export folder");
                return [];
            }

            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, body, cancel);
            Interlocked.Increment(ref _files);
            Interlocked.Add(ref _bytes, body.Length);
            return response.Content.Headers.ContentType?.MediaType == "text/html" ? Links(body) : [];
        }

        /// <summary>The site paths a page points at, without base path, query or fragment.</summary>
        private List<string> Links(byte[] html)
        {
            var links = new List<string>();
            foreach (Match match in LinkAttribute().Matches(Encoding.UTF8.GetString(html)))
            {
                if (SitePath(WebUtility.HtmlDecode(match.Groups["url"].Value)) is { } path)
                {
                    links.Add(path);
                }
            }

            return links;
        }

        private string? SitePath(string url)
        {
            if (!url.StartsWith(basePath + "/", StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal))
            {
                return null; // Another site, or a fragment of this page.
            }

            var path = url[basePath.Length..];
            var end = path.IndexOfAny(['?', '#']);
            return end < 0 ? path : path[..end];
        }
    }
}

/// <summary>The export command's own arguments; everything else is passed on as configuration.</summary>
public sealed record ExportArguments(string Folder, string? BasePath, string? BaseUrl, string[] Rest)
{
    public static ExportArguments? Parse(string[] args)
    {
        if (args is not ["export", var folder, .. var tail] || folder.StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        string? basePath = null, baseUrl = null;
        var rest = new List<string>();
        for (var i = 0; i < tail.Length; i++)
        {
            var (name, inline) = tail[i].Split('=', 2) is [var n, var v] ? (n, v) : (tail[i], null);
            if (name is not ("--base-path" or "--base-url"))
            {
                rest.Add(tail[i]);
                continue;
            }

            var value = inline ?? (i + 1 < tail.Length ? tail[++i] : null);
            if (value is null)
            {
                return null;
            }

            if (name == "--base-path")
            {
                basePath = value;
            }
            else
            {
                baseUrl = value;
            }
        }

        return new ExportArguments(folder, basePath, baseUrl, [.. rest]);
    }
}
