using System.Diagnostics;
using EssaySite.Content;
using EssaySite.Edition;
using EssaySite.Hosting;
using EssaySite.Startup;
using Microsoft.AspNetCore.TestHost;

namespace EssaySite.Export;

/// <summary>
/// <c>export &lt;folder&gt; [--base-path /reading/] [--base-url https://host/]</c>: writes the whole site as static
/// files. It starts the site in memory (ASP.NET Core's TestServer, no socket), renders the edition for the public
/// address, the same bytes the server serves, checks that every link in it resolves, and writes it: every page as
/// <c>path/index.html</c>, the 404 page as <c>404.html</c>, the assets, feed, sitemap and robots.txt.
/// </summary>
public static class StaticExport
{
    public const string Usage = "usage: export <folder> [--base-path /sub/path/] [--base-url https://public.host/] [--csp-meta]";

    /// <summary>Where a static host finds the page for a missing address.</summary>
    public const string NotFoundFile = "404.html";

    private const string DefaultBaseUrl = "http://localhost:8080";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Action<WebApplication> pipeline)
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
        await using var app = await builder.StartEssaySiteAsync(pipeline);
        var ready = Stopwatch.GetElapsedTime(started);

        var snapshot = app.Services.GetRequiredService<ContentStore>().Current;
        var publicUri = new Uri(baseUrl);
        var key = new EditionKey(publicUri.Scheme, publicUri.Authority, basePath);
        // The same edition the server warms at start-up for its public address: begun already, awaited here.
        var edition = await app.Services.GetRequiredService<EditionStore>().WhenBuilt(snapshot, key)
            ?? throw new InvalidOperationException($"the edition for {key} could not be built");
        var assets = app.Services.GetRequiredService<StaticAssets>().All.ToList();
        var hostHeaders = await HostHeaders.AskAsync(app, edition, app.Services.GetRequiredService<StaticAssets>(), [.. assets.Select(a => a.Path)], basePath, publicUri);
        var rendered = Stopwatch.GetElapsedTime(started);
        await app.StopAsync();
        var stopped = Stopwatch.GetElapsedTime(started);

        // The export is the edition written out: the same bytes the server sends, with .br and .gz beside each
        // file that compresses, for a host that serves precompressed files (nginx gzip_static, Caddy, a CDN).
        var problems = LinkCheck.Run(edition, assets.Select(a => a.Path), basePath);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await errors.WriteLineAsync(problem);
            }

            await errors.WriteLineAsync($"export: {ContentException.Count(problems.Count)}; nothing was written to {folder}");
            return 1;
        }

        var checkedAt = Stopwatch.GetElapsedTime(started);
        var pages = edition.Entries.Select(e => (e.Key, e.Value));
        if (arguments.MetaPolicy)
        {
            if (hostHeaders.MetaPolicy() is not { } policy)
            {
                await errors.WriteLineAsync("export: --csp-meta: the site sends no Content-Security-Policy to write into the pages");
                return 1;
            }

            pages = pages.Select(p => (p.Key, WithMetaPolicy(p.Value, policy))).ToList();
        }

        var files = pages.Concat(assets).ToList();
        var targets = files.Select(f => (f.Item1, Path.GetFullPath(Path.Combine(folder, FileFor(f.Item1))))).ToList();
        if (targets.FirstOrDefault(t => !t.Item2.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal)) is { Item1: { } outside })
        {
            await errors.WriteLineAsync($"{outside}: would be written outside the export folder");
            return 1;
        }

        foreach (var directory in targets.Select(t => Path.GetDirectoryName(t.Item2)!).Distinct(StringComparer.Ordinal))
        {
            Directory.CreateDirectory(directory);
        }

        // Plain blocking writes, a core each: asynchronous file writes cost about a millisecond apiece here, which
        // for three thousand small files was most of the export.
        var (written, bytes) = (0, 0L);
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var entry = files[i].Item2;
            var file = targets[i].Item2;
            File.WriteAllBytes(file, entry.Identity.Span);
            if (entry.Brotli is { } br)
            {
                File.WriteAllBytes(file + ".br", br.Span);
            }

            if (entry.Gzip is { } gz)
            {
                File.WriteAllBytes(file + ".gz", gz.Span);
            }

            Interlocked.Add(ref bytes, entry.Identity.Length);
            if (Interlocked.Increment(ref written) % 250 == 0)
            {
                lock (output)
                {
                    output.WriteLine($"… {written:N0} of {files.Count:N0} files written");
                }
            }
        });

        // Beside the files, what a host needs to send them with the server's headers.
        await File.WriteAllTextAsync(Path.Combine(folder, HostHeaders.NetlifyFile), hostHeaders.NetlifyHeaders());
        await File.WriteAllTextAsync(Path.Combine(folder, HostHeaders.AzureFile), hostHeaders.AzureConfig());
        await File.WriteAllTextAsync(Path.Combine(folder, HostHeaders.NginxFile), hostHeaders.NginxInclude());

        await output.WriteLineAsync(
            $"Exported {written:N0} files ({bytes / 1024.0 / 1024.0:0.0} MB, with .br and .gz beside those that compress) to {folder} " +
            $"in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:N0} ms ({ready.TotalMilliseconds:N0} ms to load the content and start, " +
            $"{(rendered - ready).TotalMilliseconds:N0} ms to render the edition, {(stopped - rendered).TotalMilliseconds:N0} ms to stop, {(checkedAt - stopped).TotalMilliseconds:N0} ms to check its links), for {baseUrl.TrimEnd('/')}{(publicUri.AbsolutePath == "/" ? basePath : "")}/; " +
            $"preview it: {ExportPreview.CommandFor(arguments.Folder, basePath)}");
        return 0;
    }

    /// <summary>
    /// A page with its policy in a <c>&lt;meta http-equiv&gt;</c> first thing after the character set, before any script
    /// or style it governs; compressed again, since its bytes changed.
    /// </summary>
    private static EditionEntry WithMetaPolicy(EditionEntry entry, string policy)
    {
        const string Charset = "<meta charset=\"utf-8\">";
        if (!entry.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            return entry;
        }

        var html = System.Text.Encoding.UTF8.GetString(entry.Identity.Span);
        var at = html.IndexOf(Charset, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            throw new InvalidOperationException("a page without <meta charset=\"utf-8\"> cannot take the policy in its head");
        }

        var meta = $"\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{System.Net.WebUtility.HtmlEncode(policy)}\">";
        var bytes = System.Text.Encoding.UTF8.GetBytes(html.Insert(at + Charset.Length, meta));
        return EditionEntry.Make(entry.Status, entry.ContentType, entry.CacheControl, bytes, contentDisposition: entry.ContentDisposition);
    }

    /// <summary>The file a site path is saved as: a page becomes <c>path/index.html</c>, a file keeps its name.</summary>
    public static string FileFor(string path)
    {
        if (path == SiteRoutes.NotFound)
        {
            return NotFoundFile;
        }

        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? "index.html"
            : Path.HasExtension(trimmed[(trimmed.LastIndexOf('/') + 1)..]) ? trimmed
            : trimmed + "/index.html";
    }

}

/// <summary>The export command's own arguments; everything else is passed on as configuration.</summary>
public sealed record ExportArguments(string Folder, string? BasePath, string? BaseUrl, string[] Rest, bool MetaPolicy = false)
{
    public static ExportArguments? Parse(string[] args)
    {
        if (args is not ["export", var folder, .. var tail] || folder.StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        string? basePath = null, baseUrl = null;
        var metaPolicy = false;
        var rest = new List<string>();
        for (var i = 0; i < tail.Length; i++)
        {
            if (tail[i] == "--csp-meta")
            {
                metaPolicy = true;
                continue;
            }

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

        return new ExportArguments(folder, basePath, baseUrl, [.. rest], metaPolicy);
    }
}
