using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace EssaySite.Site;

/// <summary>
/// Standard output for the production log, written in batches: events go into a 64 KB buffer under one lock, and
/// the buffer goes to the console when it fills, every quarter of a second, and when the app stops. Written one
/// event at a time, each request's log line cost a system call under the console's lock, about a fifth of what the
/// site could serve of a small page (measured in benchmarks/http.sh); batched, a line may reach the console up to a
/// quarter of a second late.
/// </summary>
public static class BufferedConsole
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static Timer? _timer;

    private static readonly Lazy<TextWriter> Shared = new(() =>
    {
        var writer = TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 64 * 1024) { AutoFlush = false });
        // Held in a static field: a timer nothing refers to may be collected, and stop.
        _timer = new Timer(_ => Flush(writer), null, Interval, Interval);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Flush(writer);
        return writer;
    });

    /// <summary>The one buffered writer over standard output, shared by every logger in the process.</summary>
    public static TextWriter Out => Shared.Value;

    /// <summary>Writes what is buffered now (the app calls this as it stops).</summary>
    public static void Flush()
    {
        if (Shared.IsValueCreated)
        {
            Flush(Shared.Value);
        }
    }

    private static void Flush(TextWriter writer)
    {
        try
        {
            writer.Flush();
        }
        catch (IOException)
        {
            // Standard output closed (a pipe whose reader went away): nothing more can be written.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}

/// <summary>A Serilog sink that formats each event into <see cref="BufferedConsole.Out"/>.</summary>
public sealed class BufferedConsoleSink(ITextFormatter formatter) : ILogEventSink
{
    private readonly TextWriter _out = BufferedConsole.Out;

    public void Emit(LogEvent logEvent)
    {
        // The writer is synchronized: one event's line is written whole.
        lock (_out)
        {
            formatter.Format(logEvent, _out);
        }
    }
}
