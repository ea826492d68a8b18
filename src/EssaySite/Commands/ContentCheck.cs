using EssaySite.Content;
using EssaySite.Hosting;
using EssaySite.Startup;

namespace EssaySite.Commands;

/// <summary><c>dotnet run --project src/EssaySite -- check</c>: reads the content as the site does and lists every problem.</summary>
public static class ContentCheck
{
    public static int Run(IConfiguration configuration, TextWriter output)
    {
        var options = configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        var paths = SitePaths.Resolve(options, AppContext.BaseDirectory, Directory.GetCurrentDirectory());
        var (snapshot, problems) = new ContentLoader(MarkdownRenderer.Take(), SiteAddresses.OfRoutes).TryLoad(paths.ContentRoot);
        if (snapshot is not null)
        {
            output.WriteLine(
                $"content OK: {snapshot.Pages.Count} pages, {snapshot.Commentary.Count} commentary, {snapshot.Events.Count} events, " +
                $"{snapshot.Sources.Count} sources, {snapshot.Questions.Count} questions, {snapshot.Terms.Count} glossary terms, {snapshot.Reading.Count} guided reading sections (version {snapshot.Version})");
            return 0;
        }

        foreach (var problem in problems)
        {
            output.WriteLine(problem);
        }

        output.WriteLine($"{ContentException.Count(problems.Count)} found");
        return 1;
    }
}
