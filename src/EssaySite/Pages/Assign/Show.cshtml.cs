using EssaySite.Content;
using EssaySite.Site;
using EssaySite.Teaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Assign;

/// <summary>One assignment, read from its code; a code that is not one gets a 400 page saying so.</summary>
public sealed class ShowModel(ContentSnapshot site, TimeProvider clock) : PageModel
{
    public ContentSnapshot Site { get; } = site;

    public Assignment? Assignment { get; private set; }

    public string? Problem { get; private set; }

    public string Code { get; private set; } = "";

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyList<EssayParagraph> Paragraphs { get; private set; } = [];

    /// <summary>Plain links sharing this assignment to Google Classroom, Microsoft Teams and e-mail.</summary>
    public IReadOnlyList<ShareLink> ShareLinks { get; private set; } = [];

    /// <summary>True when the due date is before today (UTC): the assignment still opens, with a word that the date has passed.</summary>
    public bool DuePassed => Assignment?.Due is { } due && due < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public void OnGet(string code)
    {
        Code = code;
        Address = HttpContext.Absolute($"/assign/{Uri.EscapeDataString(code)}");
        Assignment = Assignment.TryDecode(code, Site.Essay.Paragraphs.Count, Site.Questions.Count, out var problem);
        if (Assignment is null)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ViewData["Title"] = "This assignment link does not work";
            return;
        }

        Paragraphs = [.. Assignment.Paragraphs.Select(n => Site.Essay.Paragraphs[n - 1])];
        Questions = [.. Assignment.Questions.Select(n => Site.Questions[n - 1])];
        var title = Assignment.Due is { } due ? $"Assignment due {due:d MMMM yyyy}" : "Assignment";
        var essay = Site.Essay;
        var summary = $"{title} on the essay “{essay.Page.Title}” by {essay.Author}.{(Assignment.Note is { } note ? $" Note: {note}" : "")}";
        ShareLinks = AssignmentShare.Links(Address, $"{title}: “{essay.Page.Title}”", summary);
        ViewData["Title"] = title;
        ViewData["Description"] = $"A reading assignment on the essay “{essay.Page.Title}” and its reading guide.";
    }
}
