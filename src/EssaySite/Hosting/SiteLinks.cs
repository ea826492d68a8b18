using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace EssaySite.Hosting;

/// <summary>
/// The one way the site writes a link to itself: with the request's path base in front, when the page is rendered.
/// C# and content hold root-relative paths ("/essay", "/timeline#id"); a view writes each one through
/// <c>Html.Href</c> (<c>href="@Html.Href("/essay")"</c>, <c>src="@Html.Href(Assets.Url("/js/site.js"))"</c>),
/// each content fragment through <c>Html.Fragment</c> (<c>Html.Raw</c> would leave its links without the base),
/// and a redirect names its target through <c>HttpContext.Href</c>. Under <c>/reading</c> (see <see cref="SubPath"/>)
/// that gives "/reading/essay"; without a path base the path is written unchanged. The edition renders each public
/// origin and path base separately, so its bytes carry the base they are served under.
/// </summary>
/// <remarks>
/// Deliberately not Razor's <c>~/</c> tag helper (UrlResolutionTagHelper): it wraps every element it looks at in a
/// tag-helper context, a cost on each of the thousand pages an edition renders; a string in front costs nothing.
/// Redirects use it rather than <c>RedirectToPage</c> so that they name exactly the addresses the pages link to
/// (<c>IndexModel.UrlOf</c>, the route table), with no second derivation of the same URL.
/// </remarks>
public static partial class SiteLinks
{
    /// <summary>A root-relative site path ("/essay#p3") with the request's path base in front ("/reading/essay#p3").</summary>
    public static string Href(this HttpContext context, string path)
    {
        var pathBase = context.Request.PathBase;
        return pathBase.HasValue ? pathBase.ToUriComponent() + path : path;
    }

    /// <summary>A root-relative site path with the path base of the request being rendered, for views.</summary>
    public static string Href(this IHtmlHelper html, string path) => html.ViewContext.HttpContext.Href(path);

    /// <summary>A content fragment with its root-relative links under the path base (see the other overload), for views.</summary>
    public static HtmlString Fragment(this IHtmlHelper html, string content) => html.ViewContext.HttpContext.Fragment(content);

    /// <summary>
    /// A fragment of content HTML (Markdown rendered once per snapshot, sanitized) as it goes into a page. Its links to
    /// the site are root-relative ("/glossary#term"); under a path base each <c>href</c> and <c>src</c> that is
    /// root-relative gets the base in front, so the snapshot holds one rendering whatever base it is served under.
    /// The sanitizer writes every attribute double-quoted; "//host" and "/\" are not root-relative and stay as they are.
    /// Without a path base the fragment is written unchanged.
    /// </summary>
    public static HtmlString Fragment(this HttpContext context, string html)
    {
        var pathBase = context.Request.PathBase;
        if (!pathBase.HasValue)
        {
            return new HtmlString(html);
        }

        var prefix = HtmlEncoder.Default.Encode(pathBase.ToUriComponent()) + "/";
        return new HtmlString(RootRelativeLink().Replace(html, m => string.Concat(m.Groups["start"].ValueSpan, prefix)));
    }

    // From a tag's "<" to the leading "/" of a root-relative href or src value in it. Text cannot match: the sanitizer
    // writes a "<" in text as "&lt;", so words such as href="/x" in a paragraph are left as they are.
    [GeneratedRegex(@"(?<start><[a-zA-Z][^<>]*?\s(?:href|src)="")/(?![/\\])", RegexOptions.CultureInvariant)]
    private static partial Regex RootRelativeLink();
}
