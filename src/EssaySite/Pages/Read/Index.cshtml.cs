using EssaySite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Read;

/// <summary>The guided reading's contents: the essay in short sections, each with its questions.</summary>
public sealed class IndexModel(ContentSnapshot snapshot) : PageModel
{
    public ReadingView View { get; } = new(GuidedReading.Guide(snapshot), snapshot);

    public IActionResult OnGet()
    {
        if (snapshot.Reading.Count == 0)
        {
            return NotFound();
        }

        ViewData["Title"] = "Guided reading";
        ViewData["Description"] = $"Read “{snapshot.Essay.Page.Title}” in {snapshot.Reading.Count} short sections, each with questions to think about as you go.";
        return Page();
    }
}
