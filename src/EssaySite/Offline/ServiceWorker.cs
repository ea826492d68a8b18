using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using EssaySite.Content;
using EssaySite.Edition;

namespace EssaySite.Offline;

/// <summary>
/// <c>/sw.js</c>, the service worker that keeps the site for reading offline after a first visit: the home page, the
/// reading order (the essay and the guide), the glossary, the class packet and the files those pages load, at the
/// addresses the pages use (path base and fingerprint included). It sits at the site's root so that its scope is the
/// whole site. The script is the same for every request of one content version, so it is part of the edition and
/// of the static export; its first line names the cache after the content version (and the files' fingerprints), so
/// a new version replaces the old copy.
/// </summary>
public static class ServiceWorker
{
    public const string Path = Routes.ServiceWorker;

    // Browsers check a worker for updates on each visit and bypass their HTTP cache for it; no-cache says the same to
    // any cache between, so a new content version reaches readers on their next visit.
    private const string CacheControl = "no-cache";

    /// <summary>The files every page loads, those the essay loads on first use (so read aloud and notes work offline too), and the guided reading's answer boxes.</summary>
    private static readonly string[] Files =
        ["/css/site.css", "/css/teaching.css", "/js/settings.js", "/js/site.js", "/js/teaching.js", "/js/essay.js", "/js/read-aloud.js", "/js/notes.js", "/js/read.js", "/favicon.svg"];

    private static readonly Lazy<string> Body = new(() =>
    {
        using var stream = typeof(ServiceWorker).Assembly.GetManifestResourceStream("EssaySite.Offline.service-worker.js")
            ?? throw new InvalidOperationException("The service worker's script is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static WebApplication MapServiceWorker(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext context, ContentSnapshot snapshot, StaticAssets assets) =>
        {
            context.Response.Headers.CacheControl = CacheControl;
            return Results.Text(Script(snapshot, assets, context.Request.PathBase.Value ?? ""), "text/javascript; charset=utf-8");
        });
        return app;
    }

    /// <summary>The addresses kept for reading offline, as the pages link to them under <paramref name="pathBase"/>.</summary>
    public static IReadOnlyList<string> Urls(ContentSnapshot snapshot, StaticAssets assets, string pathBase)
    {
        var pages = new List<string> { Routes.Home };
        pages.AddRange(snapshot.ReadingOrder.Select(p => p.Url));
        if (snapshot.Page("glossary") is { } glossary)
        {
            pages.Add(glossary.Url);
        }

        pages.Add(Routes.Packet);
        return [.. pages.Concat(Files.Select(assets.Url)).Distinct(StringComparer.Ordinal).Select(u => pathBase + u)];
    }

    public static string Script(ContentSnapshot snapshot, StaticAssets assets, string pathBase)
    {
        var urls = Urls(snapshot, assets, pathBase);
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', urls))))[..8];
        var settings = JsonSerializer.Serialize(new OfflineSettings($"{snapshot.Version}-{fingerprint}", urls), OfflineJson.Default.OfflineSettings);
        return $"const OFFLINE = {settings};\n{Body.Value}";
    }
}

/// <summary>The worker's first line: the cache's name and the addresses to keep.</summary>
public sealed record OfflineSettings(
    [property: System.Text.Json.Serialization.JsonPropertyName("cache")] string Cache,
    [property: System.Text.Json.Serialization.JsonPropertyName("urls")] IReadOnlyList<string> Urls);

[System.Text.Json.Serialization.JsonSerializable(typeof(OfflineSettings))]
internal sealed partial class OfflineJson : System.Text.Json.Serialization.JsonSerializerContext;
