using EssaySite.Content;
using EssaySite.Hosting;
using EssaySite.Teaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages;

/// <summary>"Cite this paragraph": the essay's citation with the paragraph locator and the paragraph's URL.</summary>
public sealed class CiteParagraphModel(ContentSnapshot snapshot) : PageModel
{
    public Essay Essay { get; } = snapshot.Essay;

    public EssayParagraph Paragraph { get; private set; } = null!;

    public Uri ParagraphUrl { get; private set; } = null!;

    public IReadOnlyList<Citation> Citations { get; private set; } = [];

    public IActionResult OnGet(int number)
    {
        if (number < 1 || number > Essay.Paragraphs.Count)
        {
            return NotFound();
        }

        Paragraph = Essay.Paragraphs[number - 1];
        ParagraphUrl = HttpContext.Absolute(Routes.Paragraph(Paragraph.Number));
        Citations = Teaching.Citations.EssayParagraph(Essay.Author, Essay.Page.Title, Essay.Published, Essay.Page.LastUpdated, number, HttpContext.Absolute(Routes.Essay), snapshot.Identity.FullName);
        ViewData["Title"] = $"Cite paragraph {number}";
        ViewData["Description"] = $"MLA, APA and Chicago citations for paragraph {number} of “{Essay.Page.Title}” by {Essay.Author}.";
        return Page();
    }
}
