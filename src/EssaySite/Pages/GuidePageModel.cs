using EssaySite.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages;

/// <summary>A page drawn from one content page (and, for the guide, its items): reads one snapshot per request.</summary>
public class GuidePageModel(ContentSnapshot site) : PageModel
{
    public ContentSnapshot Site { get; } = site;

    public SitePage Page(string slug)
    {
        var page = Site.Page(slug) ?? throw new InvalidOperationException($"content/{slug}.md is missing");
        ViewData["Title"] = page.Title;
        ViewData["Slug"] = page.Slug;
        ViewData["Updated"] = page.LastUpdated;
        ViewData["SourcePath"] = page.SourcePath;
        ViewData["Description"] = page.Summary;
        return page;
    }

    public virtual IActionResult OnGet() => Site.Page(RouteSlug) is null ? NotFound() : Page();

    /// <summary>The slug this request is for: the last path segment (/timeline → timeline).</summary>
    protected virtual string RouteSlug => (HttpContext.Request.Path.Value ?? "").Trim('/');

    public static string ShortLabel(Source s) => s.Author is { } author && s.Publication is { } pub && author != pub
        ? $"{author}, {pub}"
        : s.Author ?? s.Publication ?? s.Title ?? s.Id;
}
