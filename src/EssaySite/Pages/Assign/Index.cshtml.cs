using EssaySite.Content;
using EssaySite.Hosting;
using EssaySite.Teaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages.Assign;

/// <summary>The assignment form: a plain GET form, so it works without JavaScript; a valid choice redirects to its short URL.</summary>
public sealed class IndexModel(ContentSnapshot snapshot) : PageModel
{
    public ContentSnapshot Snapshot { get; } = snapshot;

    [BindProperty(SupportsGet = true)] public string? Essay { get; set; }
    [BindProperty(SupportsGet = true)] public string? Paragraphs { get; set; }
    [BindProperty(SupportsGet = true)] public string? Timeline { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sources { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public List<string> Questions { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public string? Note { get; set; }

    public IReadOnlyList<FormProblem> Problems { get; private set; } = [];

    /// <summary>The essay choice the form shows: a filled paragraphs box means "some paragraphs".</summary>
    public string EssayChoice => Form.EssayChoice ?? AssignmentForm.WholeEssay;

    private AssignmentForm Form => new(Essay, Paragraphs, Timeline is not null, Sources is not null, Questions, Due, Note);

    /// <summary>The problem with one field, for its message and its aria attributes, or null.</summary>
    public FormProblem? ProblemWith(string field) => Problems.FirstOrDefault(p => p.Field == field);

    private static readonly HashSet<string> FormFields = new(["essay", "paragraphs", "timeline", "sources", "q", "due", "note"], StringComparer.OrdinalIgnoreCase);

    public IActionResult OnGet()
    {
        ViewData["Title"] = "Make an assignment";
        ViewData["Description"] = "Choose parts of the essay and guide and some questions, and get a short link and QR code for your class.";
        // Only the form's own fields make a submission; a bare visit (or one with tracking parameters) shows the form.
        if (!Request.Query.Keys.Any(FormFields.Contains))
        {
            return Page();
        }

        var (assignment, problems) = Form.Build(Snapshot.Essay.Paragraphs.Count, Snapshot.Questions.Count);
        if (assignment is not null)
        {
            return LocalRedirect(HttpContext.Href(Routes.Assignment(assignment.Encode())));
        }

        Problems = problems;
        // The form is shown again with what was sent, but no more of it than the form allows.
        (Paragraphs, Due, Note) = (AssignmentForm.Echo(Paragraphs), AssignmentForm.Echo(Due), AssignmentForm.Echo(Note));
        Questions = [.. Questions.Take(Snapshot.Questions.Count)];
        ViewData["Title"] = "Error: make an assignment";
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public bool IsChecked(int question) => Questions.Contains(question.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
