using EssaySite.Content;

namespace EssaySite.Preview;

/// <summary>
/// Live preview: watches the content folder and rebuilds the snapshot when a file is edited, added or
/// deleted. A change marks the content stale; the next request (or a short debounce, whichever comes
/// first) starts a reload in the background, and the request waits for it a moment (<see cref="RequestWait"/>), so
/// the next page load shows the edit. No request ever runs a reload or waits on a lock one holds: a file that blocks
/// when read (a named pipe, a stalled mount) costs that moment at most, the read gives up after
/// <see cref="ReadLimit"/>, and the last good snapshot is served meanwhile. A reload that fails keeps the last good
/// snapshot and logs every problem with its file and line.
/// </summary>
public sealed partial class ContentWatcher : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);

    /// <summary>How long one content file may take to read in a reload.</summary>
    public static readonly TimeSpan ReadLimit = TimeSpan.FromSeconds(3);

    /// <summary>How long a request waits for a reload it found pending before it is answered from the last snapshot.</summary>
    public static readonly TimeSpan RequestWait = TimeSpan.FromSeconds(1);

    // File system events can be dropped (a busy machine, inotify limits), so a slow poll of the
    // files' names, sizes and times backs the watcher up.
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private readonly ContentStore _store;
    private readonly ILogger<ContentWatcher> _logger;
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _timer;
    private readonly Timer _poll;
    private long _fingerprint;
    private readonly Lock _gate = new();
    private Task _reload = Task.CompletedTask;
    private int _stale;

    public ContentWatcher(ContentStore store, ILogger<ContentWatcher> logger)
    {
        _store = store;
        _logger = logger;
        _timer = new Timer(_ => _ = ReloadIfStale(), null, Timeout.Infinite, Timeout.Infinite);
        _fingerprint = Fingerprint();
        _poll = new Timer(_ => PollForChanges(), null, Poll, Poll);
        _watcher = new FileSystemWatcher(store.ContentRoot)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        Interlocked.Exchange(ref _stale, 1);
        _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
    }

    private void PollForChanges()
    {
        var now = Fingerprint();
        if (Interlocked.Exchange(ref _fingerprint, now) != now)
        {
            Interlocked.Exchange(ref _stale, 1);
            _ = ReloadIfStale();
        }
    }

    private long Fingerprint()
    {
        try
        {
            var hash = new HashCode();
            foreach (var file in new DirectoryInfo(_store.ContentRoot).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                hash.Add(file.FullName, StringComparer.Ordinal);
                hash.Add(file.Length);
                hash.Add(file.LastWriteTimeUtc.Ticks);
            }

            return hash.ToHashCode();
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Starts a reload in the background if a change was seen since the last one, and returns it (or the one already
    /// running, which picks the change up when it is done). Safe to call from any thread; never blocks.
    /// </summary>
    public Task ReloadIfStale()
    {
        if (Volatile.Read(ref _stale) == 0)
        {
            return Task.CompletedTask;
        }

        // Held only to start a reload, never while one runs.
        lock (_gate)
        {
            if (!_reload.IsCompleted)
            {
                return _reload;
            }

            using (ExecutionContext.SuppressFlow())
            {
                _reload = Task.Run(Reload);
            }

            return _reload;
        }
    }

    /// <summary>For the request pipeline: waits a moment for a pending reload, then goes on with whatever snapshot is current.</summary>
    public async Task WaitBrieflyAsync(CancellationToken aborted)
    {
        var reload = ReloadIfStale();
        if (reload.IsCompleted)
        {
            return;
        }

        try
        {
            await reload.WaitAsync(RequestWait, aborted);
        }
        catch (TimeoutException)
        {
            // The reload goes on in the background; this request gets the last good snapshot.
        }
    }

    private void Reload()
    {
        // A change seen while a reload runs is read by the next round, not lost.
        while (Interlocked.Exchange(ref _stale, 0) == 1)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    // What this round reads, as the poll sees it: without this the poll, a second later, found the
                    // change the watcher's event had already reloaded, reloaded it again and logged every problem twice.
                    // A change made during the read still differs from this, so the poll still catches it.
                    Interlocked.Exchange(ref _fingerprint, Fingerprint());
                    var problems = _store.TryReload();
                    if (problems.Count == 0)
                    {
                        Reloaded(_store.CurrentVersion);
                    }
                    else
                    {
                        foreach (var problem in problems)
                        {
                            ReloadFailed(problem.Path, problem.Line, _store.CurrentVersion, problem.ToString());
                        }
                    }

                    break;
                }
                catch (IOException e) when (attempt < 5)
                {
                    // An editor may still be writing the file; try again in a moment.
                    FileBusy(e);
                    Thread.Sleep(100 * attempt);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or AggregateException)
                {
                    FileUnreadable(e, _store.CurrentVersion);
                    break;
                }
            }
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _timer.Dispose();
        _poll.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Content reloaded: version {Version:l}")]
    private partial void Reloaded(string version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content reload failed in {File:l} line {Line}, still serving version {Version:l}: {Problem:l}")]
    private partial void ReloadFailed(string file, int line, string version, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Content file busy, retrying")]
    private partial void FileBusy(Exception e);

    [LoggerMessage(Level = LogLevel.Error, Message = "Content reload failed: a file could not be read; still serving version {Version}")]
    private partial void FileUnreadable(Exception e, string version);
}
