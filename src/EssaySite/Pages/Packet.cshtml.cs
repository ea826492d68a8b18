using EssaySite.Content;
using EssaySite.Site;
using EssaySite.Teaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages;

/// <summary>The essay, timeline, sources and questions on one page, made to be printed.</summary>
public sealed class PacketModel(ContentStore store, TeachingFacts facts) : PageModel
{
    public ContentSnapshot Site { get; } = store.Current;

    public ReadingFacts Facts { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public void OnGet()
    {
        Facts = facts.For(Site);
        Address = HttpContext.Canonical();
        ViewData["Title"] = "Class packet";
        ViewData["Description"] = "The essay with paragraph numbers, the timeline, the sources and the discussion questions, on one page for printing.";
    }
}
