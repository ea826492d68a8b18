using EssaySite.Content;
using EssaySite.Teaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Assign;

/// <summary>One assignment, read from its code; a code that is not one gets a 400 page saying so.</summary>
public sealed class ShowModel(ContentSnapshot snapshot, TimeProvider clock) : AssignmentPageModel(snapshot)
{
    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public IReadOnlyList<EssayParagraph> Paragraphs { get; private set; } = [];

    /// <summary>Plain links sharing this assignment to Google Classroom, Microsoft Teams and e-mail.</summary>
    public IReadOnlyList<ShareLink> ShareLinks { get; private set; } = [];

    /// <summary>True when the due date is before today (UTC): the assignment still opens, with a word that the date has passed.</summary>
    public bool DuePassed => Assignment?.Due is { } due && due < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public void OnGet(string code)
    {
        if (Decode(code) is not { } assignment)
        {
            return;
        }

        Paragraphs = [.. assignment.Paragraphs.Select(n => Snapshot.Essay.Paragraphs[n - 1])];
        Questions = [.. assignment.Questions.Select(n => Snapshot.Questions[n - 1])];
        var title = assignment.Due is { } due ? $"Assignment due {due:d MMMM yyyy}" : "Assignment";
        var essay = Snapshot.Essay;
        var summary = $"{title} on the essay “{essay.Page.Title}” by {essay.Author}.{(assignment.Note is { } note ? $" Note: {note}" : "")}";
        ShareLinks = AssignmentShare.Links(Address, $"{title}: “{essay.Page.Title}”", summary);
        ViewData["Title"] = title;
        ViewData["Description"] = $"A reading assignment on the essay “{essay.Page.Title}” and its reading guide.";
    }
}
