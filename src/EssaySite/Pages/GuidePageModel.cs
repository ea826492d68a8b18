using EssaySite.Content;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages;

/// <summary>A page drawn from one content page (and, for the guide, its items): reads one snapshot per request.</summary>
public class GuidePageModel(ContentSnapshot snapshot) : PageModel
{
    public ContentSnapshot Snapshot { get; } = snapshot;

    public GuidePage UsePage(string slug)
    {
        var page = Snapshot.Page(slug) ?? throw new InvalidOperationException($"content/{slug}.md is missing");
        ViewData["Title"] = page.Title;
        ViewData["Slug"] = page.Slug;
        ViewData["Updated"] = page.LastUpdated;
        ViewData["SourcePath"] = page.SourcePath;
        ViewData["Description"] = page.Summary;
        return page;
    }

    public virtual IActionResult OnGet() => Snapshot.Page(RouteSlug) is null ? NotFound() : Page();

    /// <summary>The slug this request is for: the last path segment (/timeline → timeline).</summary>
    protected virtual string RouteSlug => (HttpContext.Request.Path.Value ?? "").Trim('/');

    /// <summary>
    /// What goes before the link at <paramref name="index"/> of a list of cross-references: nothing before the first, a
    /// dot before the others, so that titles which wrap on a phone do not run into one another. The dot is hidden from
    /// screen readers, which announce each link on its own.
    /// </summary>
    public static HtmlString LinkSeparator(int index) => index == 0 ? HtmlString.Empty : Separator;

    private static readonly HtmlString Separator = new("<span class=\"sep\" aria-hidden=\"true\"> · </span>");

    public static string ShortLabel(Source s) => s.Author is { } author && s.Publication is { } pub && author != pub
        ? $"{author}, {pub}"
        : s.Author ?? s.Publication ?? s.Title ?? s.Id;
}
