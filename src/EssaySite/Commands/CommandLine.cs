using EssaySite.Content;
using EssaySite.Export;
using EssaySite.Health;
using EssaySite.Startup;

namespace EssaySite.Commands;

/// <summary>The commands of the README (export, serve, check, schemas, report, healthcheck); any other arguments serve the site.</summary>
public static class CommandLine
{
    /// <summary>Runs the command the arguments name and returns its exit code; null when they name none.</summary>
    public static async Task<int?> RunAsync(string[] args, Action<WebApplication> pipeline)
    {
        // The container's probe, every few seconds: it reads no content, so it starts no renderer.
        if (args is ["healthcheck", ..])
        {
            return await HealthEndpoints.ProbeAsync(args);
        }

        MarkdownRenderer.StartMaking();
        return args switch
        {
            ["export", ..] => await StaticExport.RunAsync(args, Console.Out, Console.Error, pipeline),
            ["serve", ..] => await ExportPreview.RunAsync(args, Console.Out, Console.Error),
            ["check", ..] => ContentCheck.Run(Configuration(args), Console.Out),
            ["schemas", var folder] => Schemas(folder),
            ["report", ..] => await ChangeReportCommand.RunAsync(Configuration(args), args, Console.Out, Console.Error),
            _ => null,
        };
    }

    // The site's own configuration, checked as the server checks it, so a bad setting fails the command the same way.
    private static ConfigurationManager Configuration(string[] args) => SiteSetup.CreateBuilder(args).AddEssaySite().Configuration;

    private static int Schemas(string folder)
    {
        foreach (var written in ContentSchemas.Write(folder))
        {
            Console.WriteLine(written);
        }

        return 0;
    }
}
