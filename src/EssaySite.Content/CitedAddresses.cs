namespace EssaySite.Content;

/// <summary>
/// What <c>check</c> asks of every web address the guide cites: that it is the publisher's public address of the
/// page, as a reader would be given it. Search results and crawls also hand out copies of a page on a publisher's
/// own staging, preview or resolver servers, and addresses with a query that only says how a list or a login
/// showed the page; those reach the same text today but are not the page's address, and often stop answering.
/// </summary>
public static class CitedAddresses
{
    /// <summary>
    /// First labels of a host that name a publisher's non-public copy of its site. Kept to what was met in this
    /// guide's sources (digital-stage.thehill.com, digital-release.thehill.com, preview.standard.co.uk,
    /// resolve.cambridge.org) and their plain kin; a public host rarely starts with one of these.
    /// </summary>
    private static readonly string[] StagingLabels =
    [
        "staging", "stage", "preview", "resolve", "digital-stage", "digital-release", "digital-staging", "digital-preview",
    ];

    /// <summary>
    /// Query parameters that say where a reader was sent back to or how a listing showed the page (<c>?return</c>,
    /// <c>?amp=1</c>), never which page it is; checked like the tracking parameters, by name.
    /// </summary>
    private static readonly string[] ListOnlyParameters = ["return", "returnto", "return_to", "returnurl", "redirect_to", "amp", "outputtype"];

    /// <summary>The first fault of an http(s) address, as a <c>check</c> problem, or null if it has none.</summary>
    public static string? Problem(string url)
    {
        if (TrackingParameters.Find(url) is { } tracking)
        {
            return TrackingParameters.Problem(tracking);
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var first = uri.Host.Split('.')[0].ToLowerInvariant();
        if (uri.Host.Contains('.', StringComparison.Ordinal) && StagingLabels.Contains(first))
        {
            return $"the address is on '{uri.Host}', a staging, preview or resolver server: cite the publisher's public address of the page (or leave the address out and list 'url' as unconfirmed)";
        }

        foreach (var name in QueryNames(uri.Query))
        {
            if (ListOnlyParameters.Contains(name))
            {
                return $"the address carries the query parameter '{name}', which only says how the page was reached or listed: cite the page without it";
            }
        }

        return null;
    }

    private static IEnumerable<string> QueryNames(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => Uri.UnescapeDataString(pair.Split('=', 2)[0]).ToLowerInvariant());
}
