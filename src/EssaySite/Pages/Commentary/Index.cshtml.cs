using EssaySite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Commentary;

public sealed class IndexModel(ContentStore store) : PageModel
{
    public const int PageSize = 20;

    public IReadOnlyList<SitePage> Items { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public IActionResult OnGet([FromQuery(Name = "page")] string? page)
    {
        var all = store.Current.Commentary;
        PageCount = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        if (page is not null && (!int.TryParse(page, out var n) || n < 1 || n > PageCount))
        {
            return NotFound();
        }

        PageNumber = page is null ? 1 : int.Parse(page, System.Globalization.CultureInfo.InvariantCulture);
        Items = [.. all.Skip((PageNumber - 1) * PageSize).Take(PageSize)];
        return Page();
    }
}
