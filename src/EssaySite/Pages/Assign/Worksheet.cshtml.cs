using EssaySite.Content;
using EssaySite.Site;
using EssaySite.Teaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Assign;

/// <summary>An assignment as a worksheet to print: its questions, the paragraphs they refer to, and lines to answer on.</summary>
public sealed class WorksheetModel(ContentSnapshot site) : PageModel
{
    public ContentSnapshot Site { get; } = site;

    public Assignment? Assignment { get; private set; }

    public string? Problem { get; private set; }

    public string Code { get; private set; } = "";

    public Uri Address { get; private set; } = null!;

    public Worksheet Sheet { get; private set; } = new([], []);

    /// <summary>Ruled lines under each question: enough for a paragraph-long answer, few enough for two sheets.</summary>
    public const int AnswerLines = 7;

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

        Sheet = Worksheet.For(Assignment, Site.Essay, Site.Questions);
        ViewData["Title"] = Assignment.Due is { } due ? $"Worksheet: assignment due {due:d MMMM yyyy}" : "Worksheet";
        ViewData["Description"] = "A worksheet to print: the assignment's questions, the paragraphs they refer to, and lines to answer on.";
    }
}
