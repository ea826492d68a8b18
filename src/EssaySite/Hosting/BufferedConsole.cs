using System.Globalization;
using System.Text;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace EssaySite.Hosting;

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
/// each line is made before that, by its own thread. Only whole lines ever reach the stream, and in writes of at most
/// <see cref="AtomicWrite"/> bytes where the lines allow it, so a process killed at any moment leaves no half event
/// for a log shipper: a pipe takes a write of that size whole or not at all.
/// </summary>
public sealed class BufferedLines(Stream stream) : IDisposable
{
    /// <summary>PIPE_BUF on Linux: the largest write to a pipe that is never interleaved or split.</summary>
    public const int AtomicWrite = 4096;

    private const int Capacity = 64 * 1024;
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly Lock _gate = new();
    private readonly Encoder _encoder = Utf8.GetEncoder();
    private byte[] _buffer = new byte[Capacity];
    private int _used;
    private bool _closed;

    public void Write(StringBuilder line)
    {
        lock (_gate)
        {
            var most = Utf8.GetMaxByteCount(line.Length);
            if (_used + most > _buffer.Length)
            {
                WriteOut();
                if (most > _buffer.Length)
                {
                    // One line longer than the buffer (a long stack trace): a buffer of its size, for this line only.
                    _buffer = new byte[most];
                }
            }

            foreach (var chunk in line.GetChunks())
            {
                _used += _encoder.GetBytes(chunk.Span, _buffer.AsSpan(_used), flush: false);
            }

            _used += _encoder.GetBytes([], _buffer.AsSpan(_used), flush: true);
        }
    }

    public void Flush()
    {
        lock (_gate)
        {
            WriteOut();
        }
    }

    // Under the lock: the buffer goes out in pieces that each end at a line's end.
    private void WriteOut()
    {
        var pending = _buffer.AsSpan(0, _used);
        _used = 0;
        if (_buffer.Length > Capacity)
        {
            // The one long line's buffer is not kept (pending still reads it).
            _buffer = new byte[Capacity];
        }

        if (_closed || pending.IsEmpty)
        {
            return;
        }

        try
        {
            while (!pending.IsEmpty)
            {
                var window = pending[..Math.Min(pending.Length, AtomicWrite)];
                var end = window.LastIndexOf((byte)'\n');
                if (end < 0)
                {
                    // A line longer than one atomic write: it goes out alone, whole.
                    end = pending.IndexOf((byte)'\n') is var next and >= 0 ? next : pending.Length - 1;
                }

                stream.Write(pending[..(end + 1)]);
                pending = pending[(end + 1)..];
            }

            stream.Flush();
        }
        catch (IOException)
        {
            // Standard output closed (a pipe whose reader went away): nothing more can be written.
            _closed = true;
        }
        catch (ObjectDisposedException)
        {
            _closed = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            WriteOut();
            _closed = true;
            stream.Dispose();
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
