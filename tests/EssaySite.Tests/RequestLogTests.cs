using System.Text.Json;
using EssaySite.Hosting;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Parsing;

namespace EssaySite.Tests;

/// <summary>The production log's sink: each thread makes its own line, and the shared buffer takes lines whole.</summary>
public sealed class RequestLogTests
{
    private static readonly MessageTemplate Template = new MessageTemplateParser().Parse("HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed} ms");

    [Fact]
    public void EventsLoggedAtOnceFromManyThreads_AreEachOneWholeJsonLine()
    {
        const int threads = 8;
        const int each = 2_000;
        var stream = new MemoryStream();
        using (var lines = new BufferedLines(stream))
        {
            var sink = new BufferedConsoleSink(new CompactJsonFormatter(), lines);
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
            {
                for (var i = 0; i < each; i++)
                {
                    // A long path now and then, so that lines of different lengths interleave.
                    var path = i % 97 == 0 ? "/" + new string('x', 20_000) : $"/t{thread}/{i}";
                    sink.Emit(Request(path, thread * each + i));
                }
            });
        }

        var text = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        var written = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(threads * each, written.Length);
        var numbers = written.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("StatusCode").GetInt32()).Order();
        Assert.Equal(Enumerable.Range(0, threads * each), numbers);
    }

    [Fact]
    public void AFormatterThatFails_LeavesNothingOfItsEventForTheNextLine()
    {
        var stream = new MemoryStream();
        using (var lines = new BufferedLines(stream))
        {
            var failing = new BufferedConsoleSink(new HalfThenFail(), lines);
            Assert.Throws<InvalidOperationException>(() => failing.Emit(Request("/first", 1)));
            new BufferedConsoleSink(new CompactJsonFormatter(), lines).Emit(Request("/second", 2));
        }

        var line = Assert.Single(System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("/second", JsonDocument.Parse(line).RootElement.GetProperty("RequestPath").GetString());
    }

    [Fact]
    public void TheStream_IsOnlyEverGivenWholeLines_InPiecesAPipeTakesWhole()
    {
        var stream = new WritesKept();
        using (var lines = new BufferedLines(stream))
        {
            var sink = new BufferedConsoleSink(new CompactJsonFormatter(), lines);
            // More than the buffer holds, in lines of many lengths, so that it fills and is written out mid-stream.
            for (var i = 0; i < 3_000; i++)
            {
                sink.Emit(Request("/" + new string('p', i % 500), i));
            }

            sink.Emit(Request("/" + new string('x', 10_000), 3_000));
            lines.Flush();
        }

        Assert.True(stream.Writes.Count > 20);
        Assert.All(stream.Writes, write =>
        {
            Assert.Equal((byte)'\n', write[^1]);
            Assert.True(write.Length <= BufferedLines.AtomicWrite || write.Count(b => b == '\n') == 1, $"a write of {write.Length} bytes holds more than one line");
            Assert.All(System.Text.Encoding.UTF8.GetString(write).Split('\n', StringSplitOptions.RemoveEmptyEntries), line => JsonDocument.Parse(line).Dispose());
        });
        Assert.Equal(3_001, stream.Writes.Sum(w => w.Count(b => b == '\n')));
    }

    /// <summary>A stream that keeps each write apart, as a pipe would receive them.</summary>
    private sealed class WritesKept : MemoryStream
    {
        public List<byte[]> Writes { get; } = [];

        public override void Write(byte[] buffer, int offset, int count) => Writes.Add(buffer[offset..(offset + count)]);

        public override void Write(ReadOnlySpan<byte> buffer) => Writes.Add(buffer.ToArray());
    }

    private static LogEvent Request(string path, int status) => new(
        DateTimeOffset.UnixEpoch,
        LogEventLevel.Information,
        exception: null,
        Template,
        [
            new LogEventProperty("RequestMethod", new ScalarValue("GET")),
            new LogEventProperty("RequestPath", new ScalarValue(path)),
            new LogEventProperty("StatusCode", new ScalarValue(status)),
            new LogEventProperty("Elapsed", new ScalarValue(0.1)),
        ]);

    private sealed class HalfThenFail : Serilog.Formatting.ITextFormatter
    {
        public void Format(LogEvent logEvent, TextWriter output)
        {
            output.Write("{\"half\":");
            throw new InvalidOperationException("the formatter failed");
        }
    }
}
