using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace EssaySite.Site;

/// <summary>
/// Standard output for the production log, written in batches: lines go into a 64 KB buffer under one lock, and
/// the buffer goes to the console when it fills, every quarter of a second, and when the app stops. Written one
/// event at a time, each request's log line cost a system call under the console's lock, about a fifth of what the
/// site could serve of a small page (measured in benchmarks/http.sh); batched, a line may reach the console up to a
/// quarter of a second late.
/// </summary>
public static class BufferedConsole
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private static Timer? _timer;

    private static readonly Lazy<BufferedLines> Shared = new(() =>
    {
        var lines = new BufferedLines(Console.OpenStandardOutput());
        // Held in a static field: a timer nothing refers to may be collected, and stop.
        _timer = new Timer(_ => lines.Flush(), null, Interval, Interval);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => lines.Flush();
        return lines;
    });

    /// <summary>The one buffer over standard output, shared by every logger in the process.</summary>
    public static BufferedLines Out => Shared.Value;

    /// <summary>Writes what is buffered now (the app calls this as it stops).</summary>
    public static void Flush()
    {
        if (Shared.IsValueCreated)
        {
            Shared.Value.Flush();
        }
    }
}

/// <summary>
/// Lines written whole into a buffer over a stream, from any thread. Only the copy into the buffer holds the lock;
/// each line is made before that, by its own thread.
/// </summary>
public sealed class BufferedLines(Stream stream) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };

    public void Write(StringBuilder line)
    {
        lock (_gate)
        {
            _writer.Write(line);
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            try
            {
                _writer.Flush();
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

    public void Dispose()
    {
        Flush();
        lock (_gate)
        {
            _writer.Dispose();
        }
    }
}

/// <summary>
/// A Serilog sink that formats each event on the thread that logs it, into a writer that thread keeps, and then hands
/// the finished line to <see cref="BufferedLines"/>. Formatting straight into the shared writer held its lock for the
/// whole event, and took it again for every character written.
/// </summary>
public sealed class BufferedConsoleSink(ITextFormatter formatter, BufferedLines? lines = null) : ILogEventSink
{
    // A line longer than this (an exception's stack trace) is not kept for the next event on the thread.
    private const int KeptCapacity = 16 * 1024;

    [ThreadStatic]
    private static StringWriter? t_line;

    private readonly BufferedLines _lines = lines ?? BufferedConsole.Out;

    public void Emit(LogEvent logEvent)
    {
        var line = t_line ??= new StringWriter(CultureInfo.InvariantCulture);
        var text = line.GetStringBuilder();
        text.Clear();
        formatter.Format(logEvent, line);
        _lines.Write(text);
        if (text.Capacity > KeptCapacity)
        {
            t_line = null;
        }
    }
}
