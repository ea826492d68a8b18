using EssaySite.Content;
using EssaySite.Hosting;
using EssaySite.Teaching;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EssaySite.Teaching;

/// <summary>Services and endpoints for the teaching pages (packet, citations, assignments).</summary>
public static class TeachingEndpoints
{
    public static IServiceCollection AddTeaching(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TeachingFacts>();
        return services;
    }

    public static WebApplication MapTeaching(this WebApplication app)
    {
        app.MapGet(Routes.Endpoints.AssignmentQrCode, (string code, HttpContext context, ContentSnapshot snapshot) =>
        {
            var assignment = Assignment.TryDecode(code, snapshot.Essay.Paragraphs.Count, snapshot.Questions.Count, out var problem);
            return assignment is null
                ? Results.Text(problem, "text/plain", statusCode: StatusCodes.Status400BadRequest)
                : Results.Text(QrSvg.For(context.Absolute(Routes.Assignment(code)).AbsoluteUri), "image/svg+xml");
        });
        app.MapGet(ClassroomCartridge, (HttpContext context, ContentSnapshot snapshot) =>
            Results.File(ClassroomCartridges.Guide(snapshot, context.Absolute), CommonCartridge.ContentType, ClassroomCartridges.GuideFileName(snapshot)));
        app.MapGet(Routes.Endpoints.AssignmentCartridge, (string code, HttpContext context, ContentSnapshot snapshot) =>
        {
            var assignment = Assignment.TryDecode(code, snapshot.Essay.Paragraphs.Count, snapshot.Questions.Count, out var problem);
            return assignment is null
                ? Results.Text(problem, "text/plain", statusCode: StatusCodes.Status400BadRequest)
                : Results.File(ClassroomCartridges.Assignment(snapshot, assignment, code, context.Absolute), CommonCartridge.ContentType, ClassroomCartridges.AssignmentFileName(snapshot, assignment));
        });

        foreach (var format in CitationFiles.Formats)
        {
            app.MapGet(Routes.CitationFile(null, format.Extension), (HttpContext context, ContentSnapshot snapshot) =>
                CitationFile(format, CitedCopy.Of(snapshot.Essay, context.Absolute(Routes.Essay), snapshot.Identity.FullName)));
            app.MapGet(Routes.Endpoints.ParagraphCitationFile(format.Extension), (int number, HttpContext context, ContentSnapshot snapshot) =>
                number < 1 || number > snapshot.Essay.Paragraphs.Count
                    ? Results.NotFound()
                    : CitationFile(format, CitedCopy.Of(snapshot.Essay, context.Absolute(Routes.Essay), snapshot.Identity.FullName, number)));
        }

        return app;
    }

    /// <summary>The guide as an IMS Common Cartridge, for a learning platform's course import.</summary>
    public const string ClassroomCartridge = Routes.ClassroomCartridge;

    /// <summary>The address of a citation file: /essay/cite.bib, or /essay/cite/17.bib for paragraph 17.</summary>
    public static string CitationFilePath(int? paragraph, string extension) =>
        Routes.CitationFile(paragraph, extension);

    private static IResult CitationFile(CitationFiles.Format format, CitedCopy copy)
    {
        // A download named for what it holds (Content-Disposition: attachment); the edition keeps the header with the bytes.
        return Results.File(System.Text.Encoding.UTF8.GetBytes(format.Write(copy)), format.ContentType, CitationFiles.FileName(copy.Title, copy.Paragraph, format.Extension));
    }
}
