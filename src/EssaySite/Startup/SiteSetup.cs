using System.IO.Compression;
using EssaySite.Content;
using EssaySite.Edition;
using EssaySite.Health;
using EssaySite.Hosting;
using EssaySite.Offline;
using EssaySite.Preview;
using EssaySite.Search;
using EssaySite.Teaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace EssaySite.Startup;

/// <summary>Start-up: services (<see cref="AddEssaySite"/>), then the content, request pipeline, endpoints and server (<see cref="StartEssaySiteAsync"/>).</summary>
public static partial class SiteSetup
{
    /// <summary>
    /// <see cref="WebApplication.CreateBuilder(WebApplicationOptions)"/>, except that appsettings*.json are not
    /// watched for changes. That watch is one recursive file watch over the whole working folder, set up on the
    /// start-up path (measured at up to half a second in a large folder), and a settings change needs a restart
    /// anyway. Content is watched on its own (<see cref="SiteOptions.WatchContent"/>).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, string? environment = null, string? applicationName = null) =>
        WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
            EnvironmentName = environment,
            ApplicationName = applicationName,
            // Settings (appsettings*.json) are read from the app's folder, wherever it is started from.
            ContentRootPath = AppContext.BaseDirectory,
        });

    public static WebApplicationBuilder AddEssaySite(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new SiteConfigurationException(string.Join(Environment.NewLine, errors));
        }

        SitePaths paths;
        try
        {
            paths = SitePaths.Resolve(options, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        }
        catch (InvalidOperationException e)
        {
            throw new SiteConfigurationException(e.Message);
        }

        var development = builder.Environment.IsDevelopment();
        if (!development && options.TrustedProxies?.Contains("*") == true)
        {
            // Anyone who can reach the port could then say which host and path every link is written for.
            throw new SiteConfigurationException("Site:TrustedProxies=* is allowed in Development only: name the proxy's address or network instead (for a container network, its subnet, such as 172.18.0.0/16 from `docker network inspect`)");
        }

        builder.AddSiteLogging();
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        // The host's own "Application started" would come before the content is read; StartEssaySiteAsync says it
        // once the content has loaded, so a content problem is never reported after it.
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.AddForwardedHeaders(options);
        // Checked above already, so that a command fails with one clear line before any host is built; registered
        // with the framework's validation too, so the options every service reads are the checked ones.
        builder.Services.AddOptions<SiteOptions>()
            .Bind(builder.Configuration.GetSection(SiteOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SiteOptions>, SiteOptionsValidator>();
        builder.Services.AddSingleton(paths);
        // The renderer is taken on first use, by the background load; Program.cs starts making it first thing.
        var watching = options.WatchContent ?? builder.Environment.IsDevelopment();
        // A reload behind a running site gives up on a file that blocks when read (see ContentWatcher).
        var store = new ContentStore(new Lazy<ContentLoader>(() => new ContentLoader(MarkdownRenderer.Take(), SiteAddresses.OfRoutes) { ReadLimit = watching ? ContentWatcher.ReadLimit : null }), paths.ContentRoot)
        {
            BuildsSearchIndex = !options.StaticExport,
        };
        builder.Services.AddSingleton(store);
        // One snapshot per request: read once, when the request first asks for it, and shared by its page model,
        // layout, partials and endpoints, so a reload in the middle of a request cannot mix two versions.
        builder.Services.AddScoped<EssaySite.Edition.SnapshotPin>();
        builder.Services.AddScoped(services => services.GetRequiredService<EssaySite.Edition.SnapshotPin>().Snapshot ?? services.GetRequiredService<ContentStore>().Current);
        builder.Services.AddSingleton(new FixedAddresses(SiteRoutes.Fixed, SiteRoutes.NotFound));
        builder.Services.AddSingleton<EssaySite.Edition.EditionStore>();
        builder.Host.Properties[typeof(ContentStore)] = store;
        builder.Services.AddSingleton<StaticAssets>();
        builder.Services.AddResponseCompression(o =>
        {
            // Pages hold no secrets, so compressing over HTTPS carries no BREACH-style risk here.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/atom+xml", "image/svg+xml"]);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.AddRazorPages(o =>
        {
            o.Conventions.Add(new Pages.RouteTableConvention());
            o.Conventions.AddPageRoute("/Commentary/Index", Routes.Endpoints.CommentaryListPage.TrimStart('/'));
        });
        // Pages are UTF-8: Razor writes letters and punctuation as they are ("’", not "&#x2019;"), which keeps the
        // HTML smaller and quicker to parse; the characters HTML gives a meaning (< > & " ') are still escaped.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        if (watching)
        {
            builder.Services.AddSingleton<ContentWatcher>();
        }

        builder.Services.AddTeaching();
        builder.Services.AddHealthChecks().AddCheck<HealthEndpoints.ContentCheck>("content");
        return builder;
    }

    /// <summary>
    /// Builds and starts the app. The content is read on the thread pool while the host, the pipeline and the
    /// endpoints are built and the server starts; a request that arrives before the content is loaded waits
    /// for it, and <c>/healthz</c> answers 503 until then. Returns once the content is loaded. Bad content
    /// stops the app again and throws <see cref="ContentException"/> with every problem. The server and the
    /// export both start this way.
    /// </summary>
    public static async Task<WebApplication> StartEssaySiteAsync(this WebApplicationBuilder builder, Action<WebApplication> pipeline)
    {
        var store = (ContentStore)builder.Host.Properties[typeof(ContentStore)];
        store.StartLoading();
        var app = builder.Build();
        pipeline(app);
        await app.StartAsync();

        var waited = System.Diagnostics.Stopwatch.GetTimestamp();
        ContentSnapshot snapshot;
        try
        {
            snapshot = await store.FirstLoad;
        }
        catch (ContentException e) when (app.Environment.IsDevelopment() && app.Services.GetService<ContentWatcher>() is not null)
        {
            // The preview keeps serving: every page lists the problems until an edit fixes them.
            ContentBroken(app.Logger, ContentException.Count(e.Problems.Count), string.Join(Environment.NewLine, e.Problems));
            Started(app.Logger, app.Environment.EnvironmentName);
            app.Lifetime.ApplicationStopping.Register(() => Stopping(app.Logger));
            return app;
        }
        catch
        {
            await app.StopAsync();
            await app.DisposeAsync();
            throw;
        }

        var heldUp = System.Diagnostics.Stopwatch.GetElapsedTime(waited);
        ContentLoaded(app.Logger, snapshot.Version, store.ContentRoot, store.FirstLoadTime.TotalMilliseconds, heldUp.TotalMilliseconds, snapshot.Pages.Count, snapshot.Commentary.Count);
        Started(app.Logger, app.Environment.EnvironmentName);
        app.Lifetime.ApplicationStopped.Register(BufferedConsole.Flush);
        app.Lifetime.ApplicationStopping.Register(() => Stopping(app.Logger));

        // Measure the essay now, at start-up, rather than on the first request for a teaching page; then render
        // the configured origin's edition in the background (until it is ready, pages are rendered on demand).
        app.Services.GetRequiredService<TeachingFacts>().For(snapshot);
        _ = app.Services.GetRequiredService<EssaySite.Edition.EditionStore>().Warm(snapshot);
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded content {Version:l} from {ContentRoot:l} in {Elapsed:0} ms ({Waited:0} ms of it holding up start-up): {Pages} pages, {Commentary} commentary")]
    private static partial void ContentLoaded(Microsoft.Extensions.Logging.ILogger logger, string version, string contentRoot, double elapsed, double waited, int pages, int commentary);

    [LoggerMessage(Level = LogLevel.Error, Message = "The content has {Count:l}; every page shows them until they are fixed:\n{Problems:l}")]
    private static partial void ContentBroken(Microsoft.Extensions.Logging.ILogger logger, string count, string problems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application started ({Environment:l}). Press Ctrl+C to shut down.")]
    private static partial void Started(Microsoft.Extensions.Logging.ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application is shutting down...")]
    private static partial void Stopping(Microsoft.Extensions.Logging.ILogger logger);

}
