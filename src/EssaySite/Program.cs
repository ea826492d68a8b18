using EssaySite.Commands;
using EssaySite.Content;
using EssaySite.Site;
using Serilog;

// Two-stage Serilog start: a bootstrap logger covers start-up, then the configured one takes over.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

if (args is ["healthcheck", ..])
{
    return await Health.ProbeAsync(args);
}

MarkdownRenderer.StartMaking();
try
{
    if (args is ["export", ..])
    {
        return await EssaySite.Export.StaticExport.RunAsync(args, Console.Out, Console.Error);
    }

    if (args is ["serve", ..])
    {
        return await EssaySite.Export.ExportPreview.RunAsync(args, Console.Out, Console.Error);
    }

    var builder = SiteSetup.CreateBuilder(args);
    builder.AddEssaySite();

    if (args is ["check", ..])
    {
        return ContentCheck.Run(builder.Configuration, Console.Out);
    }

    if (args is ["schemas", var folder])
    {
        foreach (var written in ContentSchemas.Write(folder))
        {
            Console.WriteLine(written);
        }

        return 0;
    }

    if (args is ["report", ..])
    {
        return await ChangeReportCommand.RunAsync(builder.Configuration, args, Console.Out, Console.Error);
    }

    await using var app = await builder.StartEssaySiteAsync();
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
