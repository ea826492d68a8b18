using EssaySite.Content;
using EssaySite.Hosting;
using EssaySite.Teaching;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages;

/// <summary>
/// The parts of the guide a teacher chooses (the essay, timeline, sources, questions, glossary), on one page made
/// to be printed. The choice is in the address (<c>/packet?part=essay&amp;part=questions</c>), so it can be shared.
/// </summary>
public sealed class PacketModel(ContentSnapshot snapshot, TeachingFacts facts) : PageModel
{
    /// <summary>Every part, in the order the packet prints them, with the name the form shows.</summary>
    public static readonly IReadOnlyList<(string Id, string Label)> AllParts =
    [
        ("essay", "The essay, with numbered paragraphs"),
        ("timeline", "Timeline"),
        ("sources", "Sources"),
        ("questions", "Discussion questions"),
        ("glossary", "Glossary"),
    ];

    /// <summary>What a class needs in hand: the text and the questions; the rest is a link away.</summary>
    public static readonly IReadOnlyList<string> DefaultParts = ["essay", "questions"];

    public ContentSnapshot Snapshot { get; } = snapshot;

    [BindProperty(SupportsGet = true, Name = "part")]
    public List<string> Requested { get; set; } = [];

    /// <summary>The parts this packet prints, in the packet's order.</summary>
    public IReadOnlyList<string> Parts { get; private set; } = [];

    public string? Problem { get; private set; }

    public ReadingFacts Facts { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public bool Has(string part) => Parts.Contains(part);

    /// <summary>The part's number in this packet ("2. Timeline"): parts left out are not counted.</summary>
    public int NumberOf(string part) => Parts.ToList().IndexOf(part) + 1;

    public IActionResult OnGet()
    {
        ViewData["Title"] = "Class packet";
        ViewData["Description"] = "The essay with numbered paragraphs and the discussion questions, with the timeline, sources and glossary if you choose them, on one page for printing.";
        var unknown = Requested.FirstOrDefault(p => !AllParts.Any(a => a.Id == p));
        if (unknown is not null)
        {
            Problem = $"The packet has no part “{unknown}”: choose from {string.Join(", ", AllParts.Select(a => a.Id))}.";
            Parts = DefaultParts;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Parts = Requested.Count == 0 ? DefaultParts : [.. AllParts.Select(a => a.Id).Where(Requested.Contains)];
        }

        Facts = facts.For(Snapshot);
        var query = Parts.SequenceEqual(DefaultParts) ? "" : "?" + string.Join('&', Parts.Select(p => "part=" + p));
        Address = new Uri(HttpContext.Canonical().AbsoluteUri + query);
        return Page();
    }
}
