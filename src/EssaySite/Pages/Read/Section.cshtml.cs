using EssaySite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Read;

/// <summary>One section of the guided reading: its paragraphs, its questions, and the way on.</summary>
public sealed class SectionModel(ContentSnapshot site) : PageModel
{
    public ContentSnapshot Site { get; } = site;

    public ReadingSection Section { get; private set; } = null!;

    public ReadingSection? Previous { get; private set; }

    public ReadingSection? Next { get; private set; }

    public IReadOnlyList<EssayParagraph> Paragraphs { get; private set; } = [];

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IActionResult OnGet(int number)
    {
        var reading = Site.Reading;
        if (number < 1 || number > reading.Count)
        {
            return NotFound();
        }

        Section = reading[number - 1];
        Previous = number > 1 ? reading[number - 2] : null;
        Next = number < reading.Count ? reading[number] : null;
        Paragraphs = [.. Section.Paragraphs.Select(n => Site.Essay.Paragraphs[n - 1])];
        Questions = [.. Section.Questions.Select(id => Site.Questions.First(q => q.Id == id))];
        ViewData["Title"] = $"Guided reading {number} of {reading.Count}: {Section.Title}";
        ViewData["Description"] = $"Paragraphs {EssaySite.Teaching.Assignment.Ranges(Section.Paragraphs)} of “{Site.Essay.Page.Title}”, with questions to think about.";
        return Page();
    }
}
