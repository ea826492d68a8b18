using EssaySite.Content;
using EssaySite.Teaching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EssaySite.Site;

/// <summary>Services and endpoints for the teaching pages (packet, citations, assignments).</summary>
public static class TeachingSetup
{
    public static IServiceCollection AddTeaching(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TeachingFacts>();
        return services;
    }

    public static WebApplication MapTeaching(this WebApplication app)
    {
        app.MapGet("/assign/{code}/qr.svg", (string code, HttpContext context, ContentSnapshot site) =>
        {
            var assignment = Assignment.TryDecode(code, site.Essay.Paragraphs.Count, site.Questions.Count, out var problem);
            return assignment is null
                ? Results.Text(problem, "text/plain", statusCode: StatusCodes.Status400BadRequest)
                : Results.Text(QrSvg.For(context.Absolute($"/assign/{code}").AbsoluteUri), "image/svg+xml");
        });
        return app;
    }
}
