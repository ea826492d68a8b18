using EssaySite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Read;

/// <summary>One section of the guided reading: its paragraphs, its questions, and the way on.</summary>
public sealed class SectionModel(ContentSnapshot snapshot) : PageModel
{
    public ReadingView View { get; private set; } = null!;

    public IActionResult OnGet(int number)
    {
        var reading = GuidedReading.Guide(snapshot);
        if (number < 1 || number > reading.Steps.Count)
        {
            return NotFound();
        }

        View = new(reading, snapshot, number);
        var section = View.Step.Section;
        ViewData["Title"] = $"Guided reading {number} of {reading.Steps.Count}: {section.Title}";
        ViewData["Description"] = $"Paragraphs {EssaySite.Teaching.Assignment.Ranges(section.Paragraphs)} of “{snapshot.Essay.Page.Title}”, with questions to think about.";
        return Page();
    }
}
