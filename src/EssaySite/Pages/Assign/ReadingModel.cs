using EssaySite.Content;
using EssaySite.Pages.Read;
using Microsoft.AspNetCore.Mvc;

namespace EssaySite.Pages.Assign;

/// <summary>
/// An assignment's guided reading (its contents, a section, the summary): the sections holding the assigned
/// paragraphs with the assigned questions. A code that is not one gets the 400 page; a section past the end, 404.
/// </summary>
public sealed class ReadingModel(ContentSnapshot snapshot) : AssignmentPageModel(snapshot)
{
    public ReadingView? View { get; private set; }

    public IActionResult OnGet(string code, int? number)
    {
        if (Decode(code) is not { } assignment)
        {
            return Page();
        }

        var reading = GuidedReading.For(Snapshot, code, assignment);
        if (number is { } n && (n < 1 || n > reading.Steps.Count))
        {
            return NotFound();
        }

        View = new(reading, Snapshot, number ?? 0);
        ViewData["Title"] = number is { } at ? $"Assignment reading {at} of {reading.Steps.Count}: {View.Step.Section.Title}"
            : Request.Path.Value!.EndsWith("/summary", StringComparison.Ordinal) ? "Assignment reading: your answers" : "Assignment: guided reading";
        ViewData["Description"] = $"A guided reading of “{Snapshot.Essay.Page.Title}” for an assignment.";
        return Page();
    }
}
