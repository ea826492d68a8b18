using EssaySite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Commentary;

public sealed class EntryModel(ContentSnapshot site) : PageModel
{
    public ContentSnapshot Site { get; } = site;

    public GuidePage? Entry { get; private set; }

    public IActionResult OnGet(string slug)
    {
        Entry = Site.Commentary.FirstOrDefault(c => c.Slug == slug);
        return Entry is null ? NotFound() : Page();
    }
}
