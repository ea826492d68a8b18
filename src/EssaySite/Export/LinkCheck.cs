using System.Net;
using System.Text.RegularExpressions;
using EssaySite.Content;
using EssaySite.Content.Text;
using System.Text;
using EssaySite.Edition;

namespace EssaySite.Export;

/// <summary>
/// What the export's crawl used to find, found in the edition instead: every link in every page points at an address
/// the edition or the static files hold, and every fragment at an element on that page.
/// </summary>
public static partial class LinkCheck
{
    public static IReadOnlyList<string> Run(OriginEdition edition, IEnumerable<string> assets, string basePath)
    {
        var files = assets.ToHashSet(StringComparer.Ordinal);
        var pages = edition.Entries
            .Where(e => e.Value.ContentType.StartsWith("text/html", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => Encoding.UTF8.GetString(e.Value.Identity.Span), StringComparer.Ordinal);
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        HashSet<string> IdsOf(string page) => ids.TryGetValue(page, out var found) ? found
            : ids[page] = [.. IdAttribute().Matches(pages[page]).Select(m => WebUtility.HtmlDecode(m.Groups["id"].Value))];

        var problems = new List<string>();
        foreach (var (page, html) in pages.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (Match match in LinkAttribute().Matches(html))
            {
                var url = WebUtility.HtmlDecode(match.Groups["url"].Value);
                if (Resolve(url, page, basePath) is not var (path, fragment))
                {
                    continue; // Another site, or mail.
                }

                if (!edition.Entries.ContainsKey(path) && !files.Contains(path))
                {
                    problems.Add($"{page}: links to {url}, which the export does not have{EditDistance.Hint(path, pages.Keys)}");
                }
                else if (fragment is { Length: > 0 } && pages.ContainsKey(path) && !IdsOf(path).Contains(fragment))
                {
                    problems.Add($"{page}: links to {url}, but {path} has no element with id '{fragment}'");
                }
            }
        }

        return problems.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The site path and fragment a link names, or null for a link that leaves the site.</summary>
    private static (string Path, string? Fragment)? Resolve(string url, string page, string basePath)
    {
        if (url.StartsWith('#'))
        {
            return (page, url[1..]);
        }

        if (!url.StartsWith(basePath + "/", StringComparison.Ordinal) || url.StartsWith("//", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = url[basePath.Length..];
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash < 0 ? null : rest[(hash + 1)..];
        var path = hash < 0 ? rest : rest[..hash];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        return (query < 0 ? path : path[..query], fragment);
    }

    /// <summary>The attributes that hold the site's own URLs in its markup (the search script reads the two data ones).</summary>
    public const string LinkAttributes = "href|src|action|data-index-url|data-base-url";

    // The site's own markup, where every attribute is double-quoted (Razor and the sanitizer both write it so).
    [GeneratedRegex(@"\s(?:" + LinkAttributes + @")=""(?<url>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex LinkAttribute();

    [GeneratedRegex(@"\sid=""(?<id>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex IdAttribute();
}
