using EssaySite.Content;
using EssaySite.Hosting;

namespace EssaySite.Book;

/// <summary>The e-book of the essay and its guide, at a fixed address (so it is in the edition and the export).</summary>
public static class BookEndpoints
{
    public const string Path = Routes.EBook;

    public static WebApplication MapEBook(this WebApplication app)
    {
        // A download: saved under the essay's title. The edition keeps the header, so its answer is the same.
        app.MapGet(Path, (HttpContext context, ContentSnapshot snapshot) =>
            Results.File(EssayBook.Make(snapshot, context.BaseUri()), EssayBook.MediaType, EssayBook.FileName(snapshot)));
        return app;
    }
}
