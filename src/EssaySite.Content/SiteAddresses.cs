using System.Collections.Frozen;

namespace EssaySite.Content;

/// <summary>
/// What the loader is told of the addresses the site answers itself: the slugs a content page may not take (they
/// would clash with the site's own pages), and the site's own pages a content link may name besides the content's
/// pages. <see cref="OfRoutes"/> is the site's, from the route table; a test may hand the loader others.
/// </summary>
public sealed record SiteAddresses(FrozenSet<string> ReservedSlugs, FrozenSet<string> OwnPages)
{
    public static readonly SiteAddresses OfRoutes = new(
        Routes.ReservedSlugs.ToFrozenSet(StringComparer.Ordinal),
        Routes.OwnPages.ToFrozenSet(StringComparer.Ordinal));
}
