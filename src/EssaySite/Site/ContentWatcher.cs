using EssaySite.Content;

namespace EssaySite.Site;

/// <summary>
/// Live preview: watches the content folder and rebuilds the snapshot when a file is edited, added or
/// deleted. A change marks the content stale; the next request (or a short debounce, whichever comes
/// first) reloads it, so the next page load shows the edit. A reload that fails keeps the last good
/// snapshot and logs every problem with its file and line.
/// </summary>
public sealed partial class ContentWatcher : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(150);

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
    private int _stale;

    public ContentWatcher(ContentStore store, ILogger<ContentWatcher> logger)
    {
        _store = store;
        _logger = logger;
        _timer = new Timer(_ => ReloadIfStale(), null, Timeout.Infinite, Timeout.Infinite);
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
            ReloadIfStale();
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

    /// <summary>Reloads if a change was seen since the last reload. Safe to call from any thread.</summary>
    public void ReloadIfStale()
    {
        if (Volatile.Read(ref _stale) == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (Interlocked.Exchange(ref _stale, 0) == 0)
            {
                return;
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
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

                    return;
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
                    return;
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
