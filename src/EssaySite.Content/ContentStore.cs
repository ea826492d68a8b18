namespace EssaySite.Content;

/// <summary>
/// Holds the current snapshot. Requests read <see cref="Current"/> once and use that one snapshot;
/// a reload replaces it in a single reference assignment.
/// </summary>
public sealed class ContentStore(Lazy<ContentLoader> loader, string contentRoot)
{
    private ContentSnapshot? _current;
    private Task<ContentSnapshot>? _firstLoad;

    public ContentStore(ContentLoader loader, string contentRoot)
        : this(new Lazy<ContentLoader>(loader), contentRoot)
    {
    }

    public string ContentRoot { get; } = contentRoot;

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    /// <summary>The version being served, or "none" before any content has loaded.</summary>
    public string CurrentVersion => Volatile.Read(ref _current)?.Version ?? "none";

    public ContentSnapshot Current => Volatile.Read(ref _current) ?? throw new InvalidOperationException("Content is not loaded yet.");

    /// <summary>
    /// Starts the first load on the thread pool, so that reading and rendering the files overlaps the
    /// rest of start-up (building the host, the pipeline, the server). Await <see cref="FirstLoad"/> for it.
    /// </summary>
    public void StartLoading() => _firstLoad ??= Task.Run(() =>
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var snapshot = Load();
            FirstLoadTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            return snapshot;
        }
        catch (ContentException e)
        {
            Volatile.Write(ref _problems, e.Problems);
            throw;
        }
    });

    /// <summary>The problems of the last load or reload that failed; empty once one succeeds.</summary>
    public IReadOnlyList<ContentProblem> Problems => Volatile.Read(ref _problems);

    private IReadOnlyList<ContentProblem> _problems = [];

    /// <summary>How long the first load took, once it is done.</summary>
    public TimeSpan FirstLoadTime { get; private set; }

    /// <summary>The load begun by <see cref="StartLoading"/>; faults with <see cref="ContentException"/> on bad content.</summary>
    public Task<ContentSnapshot> FirstLoad => _firstLoad ?? throw new InvalidOperationException("Content loading was not started.");

    /// <summary>Loads the content, throwing <see cref="ContentException"/> with every problem found.</summary>
    public ContentSnapshot Load()
    {
        var snapshot = loader.Value.Load(ContentRoot);
        Publish(snapshot);
        return snapshot;
    }

    /// <summary>Tries a reload; on failure the last good snapshot stays and the problems are returned.</summary>
    public IReadOnlyList<ContentProblem> TryReload()
    {
        var (snapshot, problems) = loader.Value.TryLoad(ContentRoot);
        Volatile.Write(ref _problems, problems);
        if (snapshot is not null)
        {
            Publish(snapshot);
        }

        return problems;
    }

    /// <summary>
    /// Whether each new snapshot's search index is built at once, in the background (a server: the first search
    /// finds it ready), or only when a search asks for it (the export, which answers no query).
    /// </summary>
    public bool BuildsSearchIndex { get; init; } = true;

    /// <summary>Raised after a new snapshot is in place (the first and every reload).</summary>
    public event Action<ContentSnapshot>? Published;

    private void Publish(ContentSnapshot snapshot)
    {
        Volatile.Write(ref _current, snapshot);
        Published?.Invoke(snapshot);
        // The search index is built next, off the start-up path; a search that comes first waits for it.
        if (BuildsSearchIndex)
        {
            _ = Task.Run(() => snapshot.Search);
        }
    }
}
