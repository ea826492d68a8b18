using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using EssaySite.Edition;
using EssaySite.Startup;
using Microsoft.AspNetCore.TestHost;

namespace EssaySite.Export;

/// <summary>
/// The headers the server sends with each exported file, asked of the server itself (a HEAD request through its
/// pipeline, in memory, for one file of each kind), and written out as the configuration a static host reads:
/// <c>_headers</c> (Netlify, Cloudflare Pages), <c>staticwebapp.config.json</c> (Azure Static Web Apps) and an
/// nginx include. Nothing here names a header: whatever the middleware sets, the files carry, so the two cannot drift.
/// </summary>
public sealed partial class HostHeaders
{
    public const string NetlifyFile = "_headers";
    public const string AzureFile = "staticwebapp.config.json";
    public const string NginxFile = "essaysite-nginx.conf";

    /// <summary>What Netlify and Cloudflare Pages send as Cache-Control when no rule names one (both document it).</summary>
    public const string HostDefaultCache = "public, max-age=0, must-revalidate";

    /// <summary>Cloudflare Pages reads at most 100 rules from <c>_headers</c>.</summary>
    public const int HeaderRuleLimit = 100;

    // What describes one answer rather than a kind of file: the host makes these from the file it serves.
    private static readonly HashSet<string> PerAnswer = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Content-Encoding", "ETag", "Last-Modified", "Vary", "Date", "Server",
        "Transfer-Encoding", "Accept-Ranges", "Connection",
    };

    private HostHeaders(string basePath, IReadOnlyList<KeyValuePair<string, string>> common, IReadOnlyDictionary<string, Headers> files, Headers pages, Headers notFound)
    {
        BasePath = basePath;
        Common = common;
        Files = files;
        Pages = pages;
        NotFound = notFound;
    }

    /// <summary>The headers in one answer, by name (in the server's order), beyond those every file shares.</summary>
    public sealed class Headers(IEnumerable<KeyValuePair<string, string>> values)
    {
        public IReadOnlyList<KeyValuePair<string, string>> Values { get; } = [.. values];

        public string Key => string.Join('\n', Values.Select(v => $"{v.Key}: {v.Value}"));

        public string? this[string name] => Values.FirstOrDefault(v => v.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
    }

    public string BasePath { get; }

    /// <summary>The headers every file is sent with: the security headers, in practice.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Common { get; }

    /// <summary>Every exported address (site path, without the base path) with the headers of its kind beyond <see cref="Common"/>.</summary>
    public IReadOnlyDictionary<string, Headers> Files { get; }

    /// <summary>What most files (the pages) get beyond <see cref="Common"/>: the fallback rule.</summary>
    public Headers Pages { get; }

    /// <summary>What the not-found answer gets beyond <see cref="Common"/>.</summary>
    public Headers NotFound { get; }

    /// <summary>
    /// Asks the running site for the headers of each kind of file in the export: an edition entry is answered by its
    /// status, cache policy and download name, so one request each of those stands for the rest; a static file by
    /// whether the pages name it with its fingerprint (then immutable at its path) or ever without it (the share image,
    /// in the share tags: then it revalidates, as the server would answer that address).
    /// </summary>
    public static async Task<HostHeaders> AskAsync(IHost app, OriginEdition edition, StaticAssets assets, IReadOnlyList<string> assetPaths, string basePath, Uri publicUri)
    {
        using var client = app.GetTestClient();
        client.BaseAddress = new Uri(publicUri.GetLeftPart(UriPartial.Authority));
        var answers = new Dictionary<string, Headers>(StringComparer.Ordinal);
        async Task<Headers> AskOnce(string url)
        {
            if (!answers.TryGetValue(url, out var headers))
            {
                using var request = new HttpRequestMessage(HttpMethod.Head, basePath + url);
                using var response = await client.SendAsync(request);
                // The values as sent: the typed view would rewrite Cache-Control in an order of its own.
                answers[url] = headers = new Headers(response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated)
                    .Where(h => !PerAnswer.Contains(h.Key))
                    .Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())));
            }

            return headers;
        }

        var files = new Dictionary<string, Headers>(StringComparer.Ordinal);
        var representative = new Dictionary<(int, string?, string?), string>();
        foreach (var (path, entry) in edition.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (path == SiteRoutes.NotFound)
            {
                continue;
            }

            var kind = (entry.Status, entry.CacheControl, entry.ContentDisposition);
            representative.TryAdd(kind, path);
            files[path] = await AskOnce(representative[kind]);
        }

        var bare = BareReferences(edition, assetPaths, basePath);
        foreach (var path in assetPaths)
        {
            files[path] = await AskOnce(bare.Contains(path) ? path : assets.Url(path));
        }

        // The not-found page as a missing address gets it, which is how a static host serves 404.html.
        var notFound = await AskOnce("/" + Guid.NewGuid().ToString("N"));
        files["/" + StaticExport.NotFoundFile] = notFound;

        var all = files.Values.Append(notFound).ToList();
        var common = all[0].Values.Where(h => all.All(f => f[h.Key] == h.Value)).ToList();
        Headers Rest(Headers headers) => new(headers.Values.Where(h => !common.Any(c => c.Key.Equals(h.Key, StringComparison.OrdinalIgnoreCase))));
        var rest = files.ToDictionary(f => f.Key, f => Rest(f.Value), StringComparer.Ordinal);
        var pages = rest.Values.GroupBy(r => r.Key, StringComparer.Ordinal).MaxBy(g => g.Count())!.First();
        return new HostHeaders(basePath, common, rest, pages, Rest(notFound));
    }

    /// <summary>The static files some exported text names without their fingerprint.</summary>
    private static HashSet<string> BareReferences(OriginEdition edition, IReadOnlyList<string> assetPaths, string basePath)
    {
        var bare = new HashSet<string>(StringComparer.Ordinal);
        if (assetPaths.Count == 0)
        {
            return bare;
        }

        // One pass a file for every static file's address; the longest first, so /js/read-aloud.js is not read as /js/read.
        var pattern = new Regex(Regex.Escape(basePath) + "(?<path>" + string.Join('|', assetPaths.OrderByDescending(p => p.Length).Select(Regex.Escape)) + @")(?![\w./-])(?<fingerprint>\?v=)?",
            RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        foreach (var entry in edition.Entries.Values.Where(e => IsText(e.ContentType)))
        {
            foreach (Match match in pattern.Matches(Encoding.UTF8.GetString(entry.Identity.Span)))
            {
                if (!match.Groups["fingerprint"].Success)
                {
                    bare.Add(match.Groups["path"].Value);
                }
            }
        }

        return bare;
    }

    private static bool IsText(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.Contains("json", StringComparison.Ordinal)
        || contentType.Contains("xml", StringComparison.Ordinal) || contentType.Contains("javascript", StringComparison.Ordinal);

    /// <summary>The URL a host matches a file by: a page's own address, any other file's path, under the base path.</summary>
    private string Url(string path) => BasePath + path;

    /// <summary>
    /// Netlify's and Cloudflare Pages' <c>_headers</c>. Both apply every rule that matches and join a header two rules
    /// name with a comma, so no header is named twice for one file: the shared ones once for everything, and a file's
    /// own only where it differs from what the host sends anyway (Cache-Control <see cref="HostDefaultCache"/>, which
    /// the pages get). Cloudflare reads 100 rules at most; past that, a download's name is left out first (its URL
    /// still names the file), and the file says how many were.
    /// </summary>
    public string NetlifyHeaders()
    {
        var rules = new List<(string Url, List<KeyValuePair<string, string>> Headers)>();
        // The not-found page is served for any missing address, which no rule names; it gets the shared headers.
        foreach (var (path, headers) in Files.Where(f => f.Key != "/" + StaticExport.NotFoundFile).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (headers["Cache-Control"] is null)
            {
                throw new InvalidOperationException($"{path}: the server sends no Cache-Control, which _headers cannot take away from the host's default");
            }

            var own = headers.Values.Where(h => !(h.Key.Equals("Cache-Control", StringComparison.OrdinalIgnoreCase) && h.Value == HostDefaultCache)).ToList();
            if (own.Count > 0)
            {
                rules.Add((Url(path), own));
            }
        }

        var left = 0;
        while (rules.Count + 1 > HeaderRuleLimit
            && rules.FindLastIndex(r => r.Headers.All(h => h.Key.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))) is var last and >= 0)
        {
            rules.RemoveAt(last);
            left++;
        }

        var text = new StringBuilder()
            .AppendLine("# Written by `export` from the headers the site sends with each kind of file (Netlify, Cloudflare Pages).");
        if (left > 0)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"# {left} downloads' Content-Disposition left out, to stay within Cloudflare's {HeaderRuleLimit} rules.");
        }

        text.AppendLine(BasePath + "/*");
        foreach (var (name, value) in Common)
        {
            text.Append("  ").Append(name).Append(": ").AppendLine(value);
        }

        foreach (var (url, headers) in rules)
        {
            text.AppendLine(url);
            foreach (var (name, value) in headers)
            {
                text.Append("  ").Append(name).Append(": ").AppendLine(value);
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Azure Static Web Apps' <c>staticwebapp.config.json</c>: the pages' headers as <c>globalHeaders</c>, a route for
    /// each file whose headers differ (a route's header replaces the global one of that name; an empty value removes
    /// it), and the not-found page for 404.
    /// </summary>
    public string AzureConfig()
    {
        var global = Common.Concat(Pages.Values).ToList();
        var routes = new List<object>();
        foreach (var (path, headers) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (headers.Key == Pages.Key || path == "/" + StaticExport.NotFoundFile)
            {
                continue;
            }

            var own = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in headers.Values.Where(h => Pages[h.Key] != h.Value))
            {
                own[name] = value;
            }

            foreach (var (name, _) in Pages.Values.Where(h => headers[h.Key] is null))
            {
                own[name] = "";
            }

            // A page is matched by its file: the docs say a folder's route does not match its index.html.
            var route = Url(StaticExport.FileFor(path) is var file && file.EndsWith("index.html", StringComparison.Ordinal) ? "/" + file : path);
            routes.Add(new { route, headers = own });
        }

        var config = new
        {
            globalHeaders = global.ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal),
            routes,
            responseOverrides = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["404"] = new { rewrite = Url("/" + StaticExport.NotFoundFile) },
            },
        };
        return JsonSerializer.Serialize(config, JsonOptions) + "\n";
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
