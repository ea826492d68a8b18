using EssaySite.Content;
using EssaySite.Hosting;
using EssaySite.Teaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Assign;

/// <summary>A page made from an assignment's code (the assignment, its worksheet): the code read once, or a 400 saying why not.</summary>
public abstract class AssignmentPageModel(ContentSnapshot snapshot) : PageModel
{
    public ContentSnapshot Snapshot { get; } = snapshot;

    public Assignment? Assignment { get; private set; }

    public string? Problem { get; private set; }

    public string Code { get; private set; } = "";

    /// <summary>The assignment page's absolute address.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Reads the code; when it is not an assignment, answers 400 with the reason and returns null.</summary>
    protected Assignment? Decode(string code)
    {
        Code = code;
        Address = HttpContext.Absolute(Routes.Assignment(Uri.EscapeDataString(code)));
        Assignment = Assignment.TryDecode(code, Snapshot.Essay.Paragraphs.Count, Snapshot.Questions.Count, out var problem);
        if (Assignment is null)
        {
            Problem = problem;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            ViewData["Title"] = "This assignment link does not work";
        }

        return Assignment;
    }
}
