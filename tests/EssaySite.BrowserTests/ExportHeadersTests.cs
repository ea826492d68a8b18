using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// The static export served by nginx configured with nothing but the include the export writes: every page keeps the
/// server's policy (Trusted Types included) and nothing breaks it, and each kind of file has the server's headers.
/// </summary>
[Collection(ExportTestGroup.Name)]
public sealed class ExportHeadersTests(RealContentExport host)
{
    // Describe one answer (or nginx's connection), not a kind of file.
    private static readonly HashSet<string> PerAnswer = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Content-Length", "Content-Encoding", "ETag", "Last-Modified", "Vary", "Date", "Server", "Accept-Ranges", "Connection", "Keep-Alive",
    };

    [Fact]
    public async Task EveryExportedPage_CarriesThePolicy_AndRunsWithNoCspOrTrustedTypesViolation()
    {
        var sitemap = XDocument.Load(Path.Combine(host.Folder, "sitemap.xml"));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var pages = sitemap.Descendants(ns + "loc").Select(l => new Uri(l.Value).AbsolutePath).Append(RealContentExport.BasePath + "/no-such-page").ToList();
        Assert.Contains(RealContentExport.BasePath + "/essay", pages);

        var page = await host.NewPageAsync();
        var console = new List<string>();
        var unprotected = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") { console.Add($"{page.Url}: {m.Text}"); } };
        page.Response += (_, r) =>
        {
            if (r.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)
                && !(r.Headers.TryGetValue("content-security-policy", out var policy) && policy.Contains("require-trusted-types-for 'script'", StringComparison.Ordinal)))
            {
                unprotected.Add(r.Url);
            }
        };
        await page.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(location.pathname + ': ' + e.violatedDirective + ' ' + e.blockedURI));");
        var violations = new List<string>();
        foreach (var path in pages)
        {
            await page.GotoAsync(host.BaseUrl[..^RealContentExport.BasePath.Length] + path, new() { WaitUntil = WaitUntilState.NetworkIdle });
            // What the scripts do on first use: open a paragraph's references, copy a citation.
            if (await page.Locator("details.refs > summary").CountAsync() > 0)
            {
                await page.Locator("details.refs > summary").First.ClickAsync();
            }

            if (await page.Locator(".copy-button").CountAsync() > 0)
            {
                await page.Locator(".copy-button").First.ClickAsync();
            }

            violations.AddRange(await page.EvaluateAsync<string[]>("() => window.__violations"));
        }

        // The service worker registers under Trusted Types (through the "sw" policy) on the export too.
        Assert.True(await page.EvaluateAsync<bool>("async () => !!(await navigator.serviceWorker.getRegistration())"), "no service worker registered");
        Assert.Empty(unprotected);
        Assert.Empty(violations);
        Assert.DoesNotContain(console, c => c.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || c.Contains("Trusted Type", StringComparison.OrdinalIgnoreCase) || c.Contains("Refused to", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EachKindOfExportedFile_HasTheServersHeaders()
    {
        using var nginx = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        await using var factory = new ExportedFilesServer(host.BaseUrl + "/");
        var server = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var essay = new HtmlParser().ParseDocument(await nginx.GetStringAsync(new Uri(host.BaseUrl + "/essay")));
        string Attribute(string selector, string name) => essay.QuerySelector(selector)?.GetAttribute(name) ?? throw new InvalidOperationException($"the essay has no {selector}");
        var kinds = new (string Kind, string Path, int Status)[]
        {
            ("page", RealContentExport.BasePath + "/essay", 200),
            ("script", Attribute("script[src*='/js/site.js']", "src"), 200),
            ("stylesheet", Attribute("link[rel=stylesheet][href*='/css/site.css']", "href"), 200),
            ("image", Attribute("link[rel=icon]", "href"), 200),
            ("share image", new Uri(Attribute("meta[property='og:image']", "content")).AbsolutePath, 200),
            ("e-book", RealContentExport.BasePath + "/essay.epub", 200),
            ("404", RealContentExport.BasePath + "/no-such-page", 404),
        };

        foreach (var (kind, path, status) in kinds)
        {
            var fromServer = await HeadersAsync(server, new Uri(path, UriKind.Relative), status);
            var fromNginx = await HeadersAsync(nginx, new Uri(host.BaseUrl[..^RealContentExport.BasePath.Length] + path), status);
            Assert.True(fromServer.ContainsKey("Content-Security-Policy"), $"{kind}: the server sent no policy");
            Assert.True(fromServer.SequenceEqual(fromNginx), $"{kind} ({path}):\nserver:\n{string.Join('\n', fromServer)}\nnginx:\n{string.Join('\n', fromNginx)}");
        }
    }

    private static async Task<SortedDictionary<string, string>> HeadersAsync(HttpClient client, Uri url, int status)
    {
        using var response = await client.GetAsync(url);
        Assert.True((int)response.StatusCode == status, $"{url}: {(int)response.StatusCode}");
        var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            if (!PerAnswer.Contains(name))
            {
                headers[name.ToLowerInvariant()] = values.ToString();
            }
        }

        return headers;
    }

    /// <summary>The server in memory, with the settings the fixture exported with: the same content, sub-path and public address.</summary>
    private sealed class ExportedFilesServer(string baseUrl) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Serilog:PreserveStaticLogger", "true");
            builder.UseSetting("Site:StaticExport", "true");
            builder.UseSetting("Site:BasePath", RealContentExport.BasePath);
            builder.UseSetting("Site:BaseUrl", baseUrl);
        }
    }
}
