using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using Serilog.Settings.Configuration;

namespace EssaySite.Hosting;

/// <summary>Serilog from configuration (after Program.cs's bootstrap logger), and the one event per request.</summary>
public static class SiteLogging
{
    public static WebApplicationBuilder AddSiteLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        // The server takes over Serilog's process-wide logger (Program.cs starts it as a bootstrap logger). The
        // export runs inside another command, or a test beside other hosts, so it keeps a logger of its own.
        builder.Services.AddSerilog(
            (services, log) =>
            {
                // Settings may name the console and file sinks; naming their assemblies here spares a scan of
                // every assembly the app depends on for Serilog extensions, on the start-up path.
                var sinks = new ConfigurationReaderOptions(typeof(ConsoleLoggerConfigurationExtensions).Assembly, typeof(FileLoggerConfigurationExtensions).Assembly);
                log.ReadFrom.Configuration(builder.Configuration, sinks)
                    .ReadFrom.Services(services)
                    .Enrich.FromLogContext()
                    // A taken port is told in one line by Program.cs; the host's report of it is a stack trace.
                    .Filter.ByExcluding(e => e.Exception is IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException })
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    // The host logs nothing of its own per request at these levels, but while its category is on it
                    // opens a log scope and an Activity for every request, whose only use would be a trace id on the
                    // request log. The request log names the request itself (RequestId, below); this saves the rest.
                    // (A pipeline that fails to build is still reported: the exception reaches Program.cs.)
                    .MinimumLevel.Override("Microsoft.AspNetCore.Hosting.Diagnostics", LevelAlias.Off);
                if (development)
                {
                    log.WriteTo.Console();
                }
                else
                {
                    // One JSON event a line, to standard output in batches (BufferedConsole).
                    log.WriteTo.Sink(new BufferedConsoleSink(new CompactJsonFormatter()));
                }
            },
            // Several hosts in one process (the export inside a command, the test suites) each keep a logger of their
            // own: two hosts taking over the one static logger at once can fail the second ("already frozen").
            preserveStaticLogger: KeepsOwnLogger(builder.Configuration));
        return builder;
    }

    /// <summary>One event per request, except a 200 from <paramref name="quietPath"/> (the health probe a container or load balancer sends every few seconds).</summary>
    public static WebApplication UseRequestLog(this WebApplication app, PathString quietPath)
    {
        app.UseSerilogRequestLogging(o =>
        {
            // The host's own Serilog logger (the static one, unless the host keeps its own: see AddEssaySite). Named
            // here, the middleware takes its context once; left unset, it asks the static logger for one per request.
            o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // The default template formats the elapsed time ("{Elapsed:0.0000}"), so every JSON event also carries a
            // rendering of it ("@r"); the number alone is what a log reader needs, and it is cheaper to write.
            o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed} ms";
            // The template's properties as Serilog makes them, and the request's id: the connection and the request on
            // it ("0HN…:00000001"), as the host's request scope gave it. Added here, not through the diagnostic context,
            // it takes no lock.
            var templateProperties = o.GetMessageTemplateProperties;
            o.GetMessageTemplateProperties = (context, path, elapsed, status) =>
                templateProperties(context, path, elapsed, status).Append(new LogEventProperty("RequestId", new ScalarValue(context.TraceIdentifier)));
            // One event per request, except the health probes a container or load balancer sends every few seconds.
            o.GetLevel = (context, _, error) =>
                error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path == quietPath && context.Response.StatusCode == 200 ? LogEventLevel.Verbose
                : LogEventLevel.Information;
        });
        return app;
    }

    private static bool KeepsOwnLogger(IConfiguration configuration) =>
        configuration.GetValue<bool>("Site:StaticExport") || configuration.GetValue<bool>("Serilog:PreserveStaticLogger");
}
