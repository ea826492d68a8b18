using EssaySite.Content;
using EssaySite.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Commentary;

/// <summary>
/// The commentary list, newest first, 20 to a page: <c>/commentary</c>, then <c>/commentary/page/2</c> and so on.
/// Page numbers live in the path rather than the query string so a static export can hold every page.
/// </summary>
public sealed class IndexModel(ContentSnapshot snapshot) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<GuidePage> Items { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    /// <summary>How many pages a list of this many entries takes (at least one).</summary>
    public static int PageCountFor(int entries) => Math.Max(1, (entries + PageSize - 1) / PageSize);

    /// <summary>The address of a page of the list.</summary>
    public static string UrlOf(int page) => Routes.CommentaryList(page);

    public IActionResult OnGet(string? number, [FromQuery(Name = "page")] string? legacy)
    {
        var all = snapshot.Commentary;
        PageCount = PageCountFor(all.Count);
        if (number is null && legacy is not null)
        {
            // The first version used ?page=N; its links keep working.
            return Parse(legacy) is { } old ? LocalRedirectPermanent(HttpContext.Href(UrlOf(old))) : NotFound();
        }

        if (number is not null && (Parse(number) is not { } n || n == 1))
        {
            // "/commentary/page/1" is "/commentary": one address for each page.
            return number == "1" ? LocalRedirectPermanent(HttpContext.Href(UrlOf(1))) : NotFound();
        }

        PageNumber = number is null ? 1 : Parse(number)!.Value;
        Items = [.. all.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        return Page();
    }

    // Plain digits only (no sign, spaces or separators), within the list.
    private int? Parse(string value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= PageCount ? n : null;
}
