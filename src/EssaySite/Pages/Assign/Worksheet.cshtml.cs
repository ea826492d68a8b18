using EssaySite.Content;
using EssaySite.Teaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Assign;

/// <summary>An assignment as a worksheet to print: its questions, the paragraphs they refer to, and lines to answer on.</summary>
public sealed class WorksheetModel(ContentSnapshot snapshot) : AssignmentPageModel(snapshot)
{
    public Worksheet Sheet { get; private set; } = new([], []);

    /// <summary>Ruled lines under each question: enough for a paragraph-long answer, few enough for two sheets.</summary>
    public const int AnswerLines = 7;

    public void OnGet(string code)
    {
        if (Decode(code) is not { } assignment)
        {
            return;
        }

        Sheet = Worksheet.For(assignment, Snapshot.Essay, Snapshot.Questions);
        ViewData["Title"] = assignment.Due is { } due ? $"Worksheet: assignment due {due:d MMMM yyyy}" : "Worksheet";
        ViewData["Description"] = "A worksheet to print: the assignment's questions, the paragraphs they refer to, and lines to answer on.";
    }
}
