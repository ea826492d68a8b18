using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using EssaySite.Export;

namespace EssaySite.Tests;

/// <summary>
/// The host configuration the export writes beside the files (<c>_headers</c>, <c>staticwebapp.config.json</c>, the
/// nginx include), read as each host reads it, gives every kind of file the headers the server sends with it.
/// </summary>
public sealed partial class HostHeadersTests : IAsyncLifetime
{
    private const string PublicUrl = "https://guide.example.org/reading/";

    // Describe one answer, not a kind of file: every host makes these itself from the file it serves.
    private static readonly HashSet<string> PerAnswer = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Content-Encoding", "ETag", "Last-Modified", "Vary", "Date", "Accept-Ranges",
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("essaysite-host-").FullName;
    private readonly string _metaFolder = Directory.CreateTempSubdirectory("essaysite-meta-").FullName;
    private AppFactory _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await ExportAsync(_folder);
        _server = new AppFactory().With("Site:StaticExport", "true").With("Site:BasePath", "/reading").With("Site:BaseUrl", PublicUrl);
        _client = _server.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
        Directory.Delete(_metaFolder, recursive: true);
    }

    private static async Task ExportAsync(string folder, params string[] options)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await StaticExport.RunAsync(
            ["export", Path.Combine(folder, "out"), "--base-path", "/reading/", "--base-url", PublicUrl, $"--Site:ContentPath={Repo.FixtureContent}", .. options], output, errors, Program.UseEssaySite);
        Assert.True(exit == 0, errors.ToString());
    }

    private string Exported(string file) => File.ReadAllText(Path.Combine(_folder, "out", file));

    /// <summary>One of each kind of file, at the address the pages use (a script and a stylesheet with their fingerprint).</summary>
    private async Task<IReadOnlyList<(string Kind, string Url, int Status)>> KindsAsync()
    {
        var essay = await _client.GetDocumentAsync("/reading/essay");
        var script = essay.QuerySelector("script[src*='/js/site.js']")!.GetAttribute("src")!;
        var stylesheet = essay.QuerySelector("link[rel=stylesheet][href*='/css/site.css']")!.GetAttribute("href")!;
        var icon = essay.QuerySelector("link[rel=icon]")!.GetAttribute("href")!;
        var shareImage = new Uri(essay.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!).AbsolutePath;
        Assert.Contains("?v=", script, StringComparison.Ordinal);
        return
        [
            ("page", "/reading/essay", 200), ("home page", "/reading/", 200), ("script", script, 200), ("stylesheet", stylesheet, 200),
            ("image named with its fingerprint", icon, 200), ("image named without it", shareImage, 200),
            ("e-book", "/reading/essay.epub", 200), ("service worker", "/reading/sw.js", 200), ("404", "/reading/no-such-page", 404),
        ];
    }

    /// <summary>What the server sends beyond the per-answer headers, by name.</summary>
    private async Task<SortedDictionary<string, string>> ServerHeadersAsync(string url, int status)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(status, (int)response.StatusCode);
        var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            if (!PerAnswer.Contains(name))
            {
                headers[name] = values.ToString();
            }
        }

        Assert.True(headers.ContainsKey("Content-Security-Policy"), $"{url}: the server sent no policy");
        return headers;
    }

    private static string PathOf(string url) => url.Split('?')[0];

    private static void AssertSame(string host, string kind, IDictionary<string, string> server, IDictionary<string, string> hosted)
    {
        var expected = string.Join('\n', server.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}"));
        var actual = string.Join('\n', hosted.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase).Select(h => $"{h.Key.ToLowerInvariant()}: {h.Value}"));
        Assert.True(expected == actual, $"{host}, {kind}:\nserver:\n{expected}\n{host}:\n{actual}");
    }

    [Fact]
    public async Task Nginx_GivesEachKindOfFileTheServersHeaders()
    {
        var locations = NginxLocations(Exported(HostHeaders.NginxFile));
        var notFound = NginxErrorPage().Match(Exported(HostHeaders.NginxFile)).Groups["page"].Value;
        foreach (var (kind, url, status) in await KindsAsync())
        {
            // nginx takes the exact location, else the longest prefix; a 404 is answered from the error page's location.
            var path = status == 404 ? notFound : PathOf(url);
            var location = locations.TryGetValue("= " + path, out var exact) ? exact
                : locations.Where(l => !l.Key.StartsWith('=') && path.StartsWith(l.Key, StringComparison.Ordinal)).MaxBy(l => l.Key.Length).Value;
            Assert.True(location is not null, $"nginx: no location serves {path}");
            AssertSame("nginx", kind, await ServerHeadersAsync(url, status), location);
        }
    }

    [Fact]
    public async Task NetlifyAndCloudflareHeaders_GiveEachKindOfFileTheServersHeaders()
    {
        var rules = HeaderRules(Exported(HostHeaders.NetlifyFile));
        Assert.True(rules.Count <= HostHeaders.HeaderRuleLimit, $"{rules.Count} rules: Cloudflare Pages reads {HostHeaders.HeaderRuleLimit}");
        foreach (var (kind, url, status) in await KindsAsync())
        {
            // Every rule that matches applies, a header two of them name is joined with a comma, and a file no rule
            // gives a Cache-Control gets the host's own.
            var path = PathOf(url);
            var hosted = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (pattern, headers) in rules.Where(r => r.Pattern.EndsWith('*') ? path.StartsWith(r.Pattern[..^1], StringComparison.Ordinal) : r.Pattern == path))
            {
                foreach (var (name, value) in headers)
                {
                    hosted[name] = hosted.TryGetValue(name, out var before) ? before + ", " + value : value;
                }
            }

            hosted.TryAdd("Cache-Control", HostHeaders.HostDefaultCache);
            var server = await ServerHeadersAsync(url, status);
            if (status == 404)
            {
                // The server's not-found answer has no Cache-Control; these hosts always send one, and revalidate it.
                Assert.False(server.ContainsKey("Cache-Control"));
                server["Cache-Control"] = HostHeaders.HostDefaultCache;
            }

            AssertSame("_headers", kind, server, hosted);
        }
    }

    [Fact]
    public async Task AzureStaticWebApps_GivesEachKindOfFileTheServersHeaders()
    {
        using var config = JsonDocument.Parse(Exported(HostHeaders.AzureFile));
        var root = config.RootElement;
        var notFound = root.GetProperty("responseOverrides").GetProperty("404").GetProperty("rewrite").GetString()!;
        Assert.True(File.Exists(Path.Combine(_folder, "out", notFound["/reading/".Length..])), $"{notFound} was not exported");
        foreach (var (kind, url, status) in await KindsAsync())
        {
            // Global headers, then the first route that matches (a page by its index.html): a route's header replaces
            // the global one, and an empty value removes it.
            var path = PathOf(url);
            var file = path.EndsWith('/') ? path + "index.html" : path + "/index.html";
            var hosted = root.GetProperty("globalHeaders").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
            if (status != 404 && root.GetProperty("routes").EnumerateArray().FirstOrDefault(r => r.GetProperty("route").GetString() is var route && (route == path || route == file)) is { ValueKind: JsonValueKind.Object } match)
            {
                foreach (var header in match.GetProperty("headers").EnumerateObject())
                {
                    if (header.Value.GetString() is { Length: > 0 } value)
                    {
                        hosted[header.Name] = value;
                    }
                    else
                    {
                        hosted.Remove(header.Name);
                    }
                }
            }

            var server = await ServerHeadersAsync(url, status);
            if (status == 404)
            {
                Assert.False(server.ContainsKey("Cache-Control"));
                server["Cache-Control"] = hosted["Cache-Control"];
                Assert.Contains("must-revalidate", server["Cache-Control"], StringComparison.Ordinal);
            }

            AssertSame("staticwebapp.config.json", kind, server, hosted);
        }
    }

    [Fact]
    public async Task CspMeta_WritesThePolicyIntoEveryPageBeforeWhatItGoverns()
    {
        await ExportAsync(_metaFolder, "--csp-meta");
        var policy = (await ServerHeadersAsync("/reading/essay", 200))["Content-Security-Policy"];
        var parser = new HtmlParser();
        foreach (var file in new[] { "essay/index.html", "index.html", "404.html", "search/index.html" })
        {
            var html = File.ReadAllText(Path.Combine(_metaFolder, "out", file));
            var document = parser.ParseDocument(html);
            var meta = document.Head!.QuerySelector("meta[http-equiv='Content-Security-Policy']");
            Assert.True(meta is not null, $"{file} has no policy");
            // A meta policy applies only to what comes after it, and cannot carry frame-ancestors (browsers ignore it there).
            Assert.DoesNotContain(document.Head.Children.TakeWhile(e => e != meta), e => e.LocalName is "script" or "link" or "style");
            Assert.Equal(policy.Replace(" frame-ancestors 'none';", "", StringComparison.Ordinal), meta.GetAttribute("content"));
            Assert.DoesNotContain("frame-ancestors", meta.GetAttribute("content"), StringComparison.Ordinal);

            // The compressed copies are of the new bytes, or a host serving them would drop the policy.
            await using var brotli = new BrotliStream(File.OpenRead(Path.Combine(_metaFolder, "out", file + ".br")), CompressionMode.Decompress);
            using var reader = new StreamReader(brotli);
            Assert.Equal(html, await reader.ReadToEndAsync());
        }

        Assert.DoesNotContain("http-equiv", Exported("essay/index.html"), StringComparison.Ordinal);
    }

    /// <summary>Each location's headers, keyed by its match ("/reading/", "= /reading/sw.js"), from the include's own text.</summary>
    private static Dictionary<string, Dictionary<string, string>> NginxLocations(string include)
    {
        var locations = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (Match block in NginxLocation().Matches(include))
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (Match header in NginxHeader().Matches(block.Groups["body"].Value))
            {
                Assert.Equal("always", header.Groups["always"].Value);
                headers[header.Groups["name"].Value] = header.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal);
            }

            locations[block.Groups["match"].Value] = headers;
        }

        return locations;
    }

    private static List<(string Pattern, List<(string Name, string Value)> Headers)> HeaderRules(string text)
    {
        var rules = new List<(string, List<(string, string)>)>();
        foreach (var line in text.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (!char.IsWhiteSpace(line[0]))
            {
                rules.Add((line, []));
            }
            else
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                rules[^1].Item2.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return rules;
    }

    [GeneratedRegex(@"^location (?<match>=? ?[^~{ ][^{]*?) \{\n(?<body>.*?)^\}", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex NginxLocation();

    [GeneratedRegex(@"add_header (?<name>[\w-]+) ""(?<value>(?:[^""\\]|\\.)*)"" ?(?<always>always)?;")]
    private static partial Regex NginxHeader();

    [GeneratedRegex(@"^error_page 404 (?<page>\S+);", RegexOptions.Multiline)]
    private static partial Regex NginxErrorPage();
}
