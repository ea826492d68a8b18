using EssaySite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Read;

/// <summary>The end of the guided reading: each question with the answer the student wrote (kept by the browser), to print or copy.</summary>
public sealed class SummaryModel(ContentSnapshot snapshot) : PageModel
{
    public ReadingView View { get; } = new(GuidedReading.Guide(snapshot), snapshot);

    public IActionResult OnGet()
    {
        if (snapshot.Reading.Count == 0)
        {
            return NotFound();
        }

        ViewData["Title"] = "Guided reading: your answers";
        ViewData["Description"] = $"The questions of the guided reading of “{snapshot.Essay.Page.Title}”, with your answers, to print or copy.";
        return Page();
    }
}
