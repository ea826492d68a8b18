using EssaySite.Content;

namespace EssaySite.Edition;

/// <summary>
/// The snapshot one scope must use. A request leaves it empty and gets the store's current snapshot; the edition
/// sets it, so every page of an edition is rendered from the one snapshot the edition is for.
/// </summary>
public sealed class SnapshotPin
{
    public ContentSnapshot? Snapshot { get; set; }
}
