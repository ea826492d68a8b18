using EssaySite.Book;
using EssaySite.Commands;
using EssaySite.Content;
using EssaySite.Edition;
using EssaySite.Feeds;
using EssaySite.Health;
using EssaySite.Hosting;
using EssaySite.Offline;
using EssaySite.Preview;
using EssaySite.Search;
using EssaySite.Startup;
using EssaySite.Teaching;
using Microsoft.Extensions.Options;
using Serilog;

// Two-stage Serilog start: a bootstrap logger covers start-up, then the configured one takes over (SiteLogging).
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();
try
{
    if (await CommandLine.RunAsync(args, Program.UseEssaySite) is { } exitCode)
    {
        return exitCode;
    }

    var builder = SiteSetup.CreateBuilder(args);
    builder.AddEssaySite();
    await using var app = await builder.StartEssaySiteAsync(Program.UseEssaySite);
    await app.WaitForShutdownAsync();
    return 0;
}
catch (ContentException e)
{
    Console.Error.WriteLine(e.Message);
    // The problems themselves were just written, once each; the log says only that start-up stopped.
    Log.Fatal("The site did not start: the content has {Problems:l}", ContentException.Count(e.Problems.Count));
    return 1;
}
catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // The port is taken (often by another copy of the site): one line with the fix, no stack trace.
    Console.Error.WriteLine($"The site could not start: {e.Message.TrimEnd('.')}. Stop whatever uses that port, or choose another: dotnet run --project src/EssaySite --urls http://127.0.0.1:5081");
    return 1;
}
catch (SiteConfigurationException e)
{
    Console.Error.WriteLine(e.Message);
    Log.Fatal("The site did not start: {Message}", e.Message);
    return 1;
}
catch (Exception e) when (e is not HostAbortedException)
{
    Log.Fatal(e, "The site stopped unexpectedly");
    return 1;
}
finally
{
    Log.CloseAndFlush();
    BufferedConsole.Flush();
}

public partial class Program
{
    /// <summary>The request pipeline, in the order a request meets it, then the endpoints. The server and the export both run it.</summary>
    public static void UseEssaySite(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value;
        app.UseForwardedHeaders(); // From Site:TrustedProxies only (SubPath.AddForwardedHeaders).
        app.UsePublicOrigin(options, app.Logger);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(Routes.Error);
        }

        app.UseMiddleware<SecurityHeaders>();
        app.UseRequestLog(quietPath: HealthEndpoints.Path); // Outside the method filter: a 405 is logged like any answer.
        app.UseMiddleware<HostCheck>();
        app.UseMiddleware<MethodFilter>();
        app.UseLivePreview(HealthEndpoints.Path);
        app.UseFirstLoad(HealthEndpoints.Path);
        app.UseEdition(pages => pages
            .UseStatusCodePagesWithReExecute(Routes.NotFound)
            .UseResponseCompression()
            .UseRouting()
            // Razor Pages registers these two, and a WebApplication not given them itself puts them at the very
            // front, where every answer of the edition would pass through them. The site has no sign-in.
            .UseAuthentication()
            .UseAuthorization());

        app.MapRazorPages();
        app.MapSyndication();
        app.MapBrowserIndex();
        app.MapHealth();
        app.MapTeaching();
        app.MapEBook();
        app.MapServiceWorker();
    }
}
