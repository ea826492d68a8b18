using EssaySite.Content;
using EssaySite.Preview;
using Microsoft.Extensions.Logging;

namespace EssaySite.Tests;

/// <summary>The Development server's watcher: while content is broken, each save logs each problem once.</summary>
public sealed class ContentWatcherLogTests
{
    /// <summary>Every message logged, kept in order (the watcher logs from timer threads).</summary>
    private sealed class CapturedLog : ILogger<ContentWatcher>
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_lines)
            {
                _lines.Add(formatter(state, exception));
            }
        }
    }

    // Longer than the watcher's debounce and two of its backing polls, so that every trigger of a save has fired.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3.5);

    [Fact]
    public async Task ABrokenFile_LogsItsProblemOncePerSave()
    {
        using var content = new TempContent();
        var store = new ContentStore(new ContentLoader(MarkdownRenderer.Take(), SiteAddresses.OfRoutes), content.ContentRoot);
        store.Load();
        var log = new CapturedLog();
        using var watcher = new ContentWatcher(store, log);
        const string Broken = "---\ntitle: \"A page\"\nauthor: \"A Maintainer\"\ndate: 2030-13-01\nsummary: \"About it.\"\n---\n\nText.\n";
        int Failures() => log.Lines.Count(l => l.Contains("commentary/broken.md", StringComparison.Ordinal) && l.Contains("'date' is not a valid date", StringComparison.Ordinal));

        content.Write("commentary/broken.md", Broken);
        await Task.Delay(Settle);
        Assert.Equal(1, Failures());

        // A second save, still broken, is a second change: one more line, not two.
        content.Write("commentary/broken.md", Broken + "More text.\n");
        await Task.Delay(Settle);
        Assert.Equal(2, Failures());
    }
}
