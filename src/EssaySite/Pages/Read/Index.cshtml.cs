using EssaySite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Read;

/// <summary>The guided reading's contents: the essay in short sections, each with its questions.</summary>
public sealed class IndexModel(ContentSnapshot site) : PageModel
{
    public ContentSnapshot Site { get; } = site;

    public IActionResult OnGet()
    {
        if (Site.Reading.Count == 0)
        {
            return NotFound();
        }

        ViewData["Title"] = "Guided reading";
        ViewData["Description"] = $"Read “{Site.Essay.Page.Title}” in {Site.Reading.Count} short sections, each with questions to think about as you go.";
        return Page();
    }
}
