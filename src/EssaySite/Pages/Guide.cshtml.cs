using EssaySite.Content;
using Microsoft.AspNetCore.Mvc;

namespace EssaySite.Pages;

/// <summary>Any guide or about page that has no page of its own: adding one needs only a Markdown file.</summary>
public sealed class GuideModel(ContentSnapshot snapshot) : GuidePageModel(snapshot)
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    protected override string RouteSlug => Slug;

    public override IActionResult OnGet() =>
        Snapshot.Page(Slug) is { Kind: PageKind.Guide or PageKind.About } ? Page() : NotFound();
}
