using System.Collections.Concurrent;
using System.Collections.Frozen;
using EssaySite.Content;
using EssaySite.Hosting;
using Microsoft.Extensions.Options;

namespace EssaySite.Edition;

/// <summary>
/// The editions of the current content version. The site's own origin has one: the configured <c>Site:BaseUrl</c>
/// (with its path base), which every request is keyed by, or else the first address the server listens on. It is
/// built in the background at start-up and after each reload, by running each fixed address through the site's own
/// pipeline once; until it is ready, pages are rendered on demand. Any other origin (a Host header no one configured)
/// gets no edition: its pages are rendered on demand, once per address, and kept in a bounded cache with the search
/// answers (<see cref="MaxAnswers"/>, least recently used first out), so a client cycling Host headers costs renders
/// but never takes the site's own edition or clears the cache. A new content version starts a new generation in one
/// reference assignment, so a request is answered wholly from one version.
/// </summary>
public sealed partial class EditionStore : IDisposable
{
    /// <summary>How many answers made on demand (searches, and pages for other origins) a content version keeps.</summary>
    public const int MaxAnswers = 512;

    private readonly IServiceScopeFactory _scopes;
    private readonly FixedAddresses _fixed;
    private readonly SiteOptions _options;
    private readonly ILogger<EditionStore> _logger;

    // The configured public origin, parsed once rather than on every request.
    private readonly EditionKey? _configured;
    private readonly Lazy<EditionKey> _own;
    private Generation _current = new("", new(), new(FrozenSet<string>.Empty));

    public EditionStore(ContentStore content, FixedAddresses fixedAddresses, IServiceScopeFactory scopes, IOptions<SiteOptions> options, Microsoft.AspNetCore.Hosting.Server.IServer server, ILogger<EditionStore> logger)
    {
        _scopes = scopes;
        _fixed = fixedAddresses;
        _options = options.Value;
        _logger = logger;
        _configured = _options.BaseUrl is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? new EditionKey(uri.Scheme, uri.Authority, _options.PublicPathBase)
            : null;
        // Read when first needed: the server knows its addresses only once it has started.
        _own = new(() => _configured ?? ListeningKey(server, _options.NormalizedBasePath));
        // A reload re-renders the origins the last version was serving, at once, rather than on their next request.
        content.Published += Rebuild;
    }

    private sealed record Generation(string Version, ConcurrentDictionary<EditionKey, Lazy<Task<OriginEdition?>>> Editions, Lazy<FrozenSet<string>> Fixed)
    {
        public RecentCache<(EditionKey, string), EditionEntry> Answers { get; } = new(MaxAnswers);
    }

    private Lazy<RequestDelegate>? _pages;

    /// <summary>
    /// Gives the edition the pipeline it renders pages through: a branch of the app's own, built once by
    /// <see cref="EditionPipeline.UseEdition"/>, with the same middleware the pages meet behind the edition.
    /// </summary>
    internal void RenderThrough(Lazy<RequestDelegate> pages)
    {
        if (Interlocked.CompareExchange(ref _pages, pages, null) is not null)
        {
            throw new InvalidOperationException("The edition's pages are built once, by UseEdition.");
        }
    }

    private RequestDelegate? Pipeline => Volatile.Read(ref _pages)?.Value;

    /// <summary>The site's own origin, whose edition is built at start-up and kept whatever other Hosts ask for.</summary>
    public EditionKey OwnKey => _own.Value;

    /// <summary>The origin a request's absolute URLs are written for: with <c>Site:BaseUrl</c>, that one, whatever the request says.</summary>
    public EditionKey KeyFor(HttpContext context)
    {
        if (_configured is { } configured)
        {
            return configured;
        }

        var request = context.Request;
        return new EditionKey(request.Scheme, request.Host.Value ?? "", request.PathBase.Value ?? "");
    }

    // The first address the server listens on ("http://127.0.0.1:5080"); an in-memory server has none, and its
    // requests come as http://localhost.
    private static EditionKey ListeningKey(Microsoft.AspNetCore.Hosting.Server.IServer server, string pathBase) =>
        server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault() is { } address
        && Uri.TryCreate(address, UriKind.Absolute, out var uri)
            ? new EditionKey(uri.Scheme, uri.Authority, pathBase)
            : new EditionKey("http", "localhost", pathBase);

    /// <summary>The ready edition of this snapshot for this origin, or null (and, for the site's own origin, one is begun).</summary>
    public OriginEdition? Find(ContentSnapshot snapshot, EditionKey key)
    {
        if (CurrentFor(snapshot) is not { } generation)
        {
            return null;
        }

        if (!generation.Editions.TryGetValue(key, out var edition))
        {
            if (key != OwnKey)
            {
                return null;
            }

            edition = generation.Editions.GetOrAdd(key, k => Start(snapshot, k));
        }

        var task = edition.Value;
        return task.IsCompletedSuccessfully ? task.Result : null;
    }

    /// <summary>
    /// A search answer, or a fixed address without its edition: made through the pipeline the first time it is asked
    /// (once, however many ask at that moment), then kept with the content version (the <see cref="MaxAnswers"/> most
    /// recently used), so a popular query costs a look-up. Null while no pipeline is set.
    /// </summary>
    public async ValueTask<EditionEntry?> AnswerAsync(ContentSnapshot snapshot, EditionKey key, string path, QueryString query)
    {
        if (Pipeline is not { } pipeline || CurrentFor(snapshot) is not { } generation)
        {
            return null;
        }

        return await generation.Answers.GetOrAdd((key, path + query.Value), _ =>
        {
            // Made for whoever asks first, but it belongs to none of them: their cancellation or log context is not its.
            using (ExecutionContext.SuppressFlow())
            {
                return Task.Run(() => key == OwnKey ? RenderAsync(pipeline, snapshot, key, path, query, quick: true, expectedStatus: null) : RenderForStrangerAsync(pipeline, snapshot, key, path, query));
            }
        });
    }

    // Pages for origins other than the site's own are rendered one at a time: a client cycling Host headers makes
    // every one of its requests a render, and unchecked those took both cores from the site's own address (measured
    // with benchmarks/host-cycling.sh: 3,100 requests/s alone, 150–230 beside it). One at a time, they can take one.
    private readonly SemaphoreSlim _strangerRenders = new(1);

    public void Dispose() => _strangerRenders.Dispose();

    private async Task<EditionEntry?> RenderForStrangerAsync(RequestDelegate pipeline, ContentSnapshot snapshot, EditionKey key, string path, QueryString query)
    {
        await _strangerRenders.WaitAsync();
        try
        {
            return await RenderAsync(pipeline, snapshot, key, path, query, quick: true, expectedStatus: null);
        }
        finally
        {
            _strangerRenders.Release();
        }
    }

    /// <summary>Whether the address is one of the snapshot's fixed addresses, which its edition holds.</summary>
    public bool IsFixed(ContentSnapshot snapshot, string path) => CurrentFor(snapshot) is { } generation && generation.Fixed.Value.Contains(path);

    /// <summary>
    /// The edition of this snapshot for this origin once it is built (begun if it is not). For code that names its
    /// origin (start-up, the export); a request begins none but its site's own (<see cref="Find"/>).
    /// </summary>
    public Task<OriginEdition?> WhenBuilt(ContentSnapshot snapshot, EditionKey key) =>
        CurrentFor(snapshot) is { } generation ? generation.Editions.GetOrAdd(key, k => Start(snapshot, k)).Value : Task.FromResult<OriginEdition?>(null);

    /// <summary>Builds the site's own edition now, in the background (start-up calls this once the content is loaded).</summary>
    public Task<OriginEdition?> Warm(ContentSnapshot snapshot) => WhenBuilt(snapshot, OwnKey);

    /// <summary>
    /// Renders every fixed address of the snapshot for one origin; also what the static export writes. The export
    /// uses every core (<paramref name="workers"/> null); a build behind a live server leaves one core to the
    /// requests that arrive meanwhile, which are rendered on demand until the edition is ready.
    /// </summary>
    public async Task<OriginEdition> BuildAsync(ContentSnapshot snapshot, EditionKey key, int? workers = null, CancellationToken cancel = default)
    {
        var pipeline = Pipeline ?? throw new InvalidOperationException("The edition's pipeline is set when the app is built.");
        var entries = new ConcurrentDictionary<string, EditionEntry>(StringComparer.Ordinal);
        // One page per core at a time: rendering and compressing are independent, and together most of the work.
        await Parallel.ForEachAsync(_fixed.Of(snapshot), new ParallelOptions { MaxDegreeOfParallelism = workers ?? Environment.ProcessorCount, CancellationToken = cancel }, async (path, _) =>
        {
            var expected = path == _fixed.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
            if (await RenderAsync(pipeline, snapshot, key, path, QueryString.Empty, quick: false, expected) is { } entry)
            {
                entries[path] = entry;
            }
        });

        return new OriginEdition(snapshot.Version, key, entries.ToFrozenDictionary(StringComparer.Ordinal), snapshot.LoadedAt);
    }

    private Generation? CurrentFor(ContentSnapshot snapshot)
    {
        var generation = Volatile.Read(ref _current);
        if (generation.Version == snapshot.Version)
        {
            return generation;
        }

        var fresh = new Generation(snapshot.Version, new(), new(() => _fixed.Of(snapshot).ToFrozenSet(StringComparer.Ordinal)));
        var seen = Interlocked.CompareExchange(ref _current, fresh, generation);
        generation = ReferenceEquals(seen, generation) ? fresh : seen;
        return generation.Version == snapshot.Version ? generation : null;
    }

    private void Rebuild(ContentSnapshot snapshot)
    {
        var previous = Volatile.Read(ref _current);
        // Not Pipeline: reading it builds the branch, and the first load is published before the endpoints are mapped.
        if (Volatile.Read(ref _pages) is null || previous.Version == snapshot.Version || CurrentFor(snapshot) is not { } generation)
        {
            return;
        }

        foreach (var key in previous.Editions.Keys)
        {
            _ = generation.Editions.GetOrAdd(key, k => Start(snapshot, k)).Value;
        }
    }

    // The build belongs to no request: it does not carry the log context or trace of the one that began it.
    private Lazy<Task<OriginEdition?>> Start(ContentSnapshot snapshot, EditionKey key) => new(() =>
    {
        using (ExecutionContext.SuppressFlow())
        {
            return Task.Run(() => BuildLoggedAsync(snapshot, key));
        }
    });

    private async Task<OriginEdition?> BuildLoggedAsync(ContentSnapshot snapshot, EditionKey key)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            // The export has nothing else to do; a server keeps a core for the requests that come meanwhile.
            var edition = await BuildAsync(snapshot, key, workers: _options.StaticExport ? null : Math.Max(1, Environment.ProcessorCount - 1));
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var origin = key.ToString();
            Built(_logger, snapshot.Version, origin, edition.Entries.Count, elapsed);
            if (!_options.StaticExport)
            {
                // The server idles from here on at what it serves from; the export is about to exit anyway.
                MemoryRelease.AfterBurst();
            }

            return edition;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Pages are still rendered on demand; the failure is logged, not thrown at a request.
            BuildFailed(_logger, e, snapshot.Version, key.ToString());
            return null;
        }
    }

    private async Task<EditionEntry?> RenderAsync(RequestDelegate pipeline, ContentSnapshot snapshot, EditionKey key, string path, QueryString query, bool quick, int? expectedStatus)
    {
        await using var scope = _scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SnapshotPin>().Snapshot = snapshot;
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var request = context.Request;
        request.Method = HttpMethods.Get;
        request.Scheme = key.Scheme;
        request.Host = new HostString(key.Host);
        request.PathBase = key.PathBase;
        request.Path = path;
        request.QueryString = query;
        using var body = new MemoryStream();
        context.Response.Body = body;
        await pipeline(context);

        var response = context.Response;
        if ((expectedStatus is { } expected && response.StatusCode != expected) || response.StatusCode is < 200 or >= 300 and not 404 || response.ContentType is not { } type)
        {
            if (expectedStatus is not null)
            {
                Skipped(_logger, path, response.StatusCode);
            }

            return null;
        }

        return EditionEntry.Make(response.StatusCode, type, response.Headers.CacheControl.ToString() is { Length: > 0 } cache ? cache : null, body.ToArray(), quick,
            response.Headers.ContentDisposition.ToString() is { Length: > 0 } disposition ? disposition : null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Edition of content {Version:l} for {Origin:l}: {Count} addresses rendered in {Elapsed:0} ms")]
    private static partial void Built(ILogger logger, string version, string origin, int count, double elapsed);

    [LoggerMessage(Level = LogLevel.Error, Message = "The edition of content {Version:l} for {Origin:l} could not be built; pages are rendered on demand")]
    private static partial void BuildFailed(ILogger logger, Exception e, string version, string origin);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edition: {Path:l} answered {Status} and is left to be rendered on demand")]
    private static partial void Skipped(ILogger logger, string path, int status);
}
