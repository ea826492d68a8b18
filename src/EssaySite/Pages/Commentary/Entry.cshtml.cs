using EssaySite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Commentary;

public sealed class EntryModel(ContentSnapshot snapshot) : PageModel
{
    public ContentSnapshot Snapshot { get; } = snapshot;

    public GuidePage? Entry { get; private set; }

    public IActionResult OnGet(string slug)
    {
        Entry = Snapshot.Commentary.FirstOrDefault(c => c.Slug == slug);
        return Entry is null ? NotFound() : Page();
    }
}
