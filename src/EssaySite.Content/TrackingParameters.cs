namespace EssaySite.Content;

/// <summary>
/// Query parameters that only tell a site where a reader came from (campaign tags and click ids). A guide
/// cites the page itself, so an address carrying one is a problem for <c>check</c>, not a link to publish.
/// </summary>
public static class TrackingParameters
{
    private static readonly string[] Names =
    [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
        "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "ocid", "cmpid", "smid",
    ];

    private static readonly string[] Prefixes = ["utm_", "pk_", "mtm_"];

    /// <summary>The first tracking parameter in an http(s) address's query, or null if it has none.</summary>
    public static string? Find(string url)
    {
        var start = url.IndexOf('?', StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = url.IndexOf('#', start);
        var query = end < 0 ? url[(start + 1)..] : url[(start + 1)..end];
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            if (Names.Contains(name) || Prefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)))
            {
                return name;
            }
        }

        return null;
    }

    public static string Problem(string parameter) =>
        $"the address carries the tracking parameter '{parameter}': cite the page without it (remove the query string, or at least '{parameter}=…')";
}
