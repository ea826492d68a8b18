using System.Collections.Frozen;

namespace EssaySite.Content;

/// <summary>
/// What the web side tells the loader about the addresses it answers itself: the slugs a content page may not take
/// (they would clash with the site's own pages), and the site's own pages a content link may name besides the
/// content's pages. The loader knows no route of its own; the web project's route table (SiteRoutes) hands it this.
/// </summary>
public sealed record SiteAddresses(FrozenSet<string> ReservedSlugs, FrozenSet<string> OwnPages);
