using System.Text.Json;
using EssaySite.Site;
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
