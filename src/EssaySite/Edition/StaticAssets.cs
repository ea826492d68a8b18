using System.Collections.Frozen;
using EssaySite.Hosting;
using Microsoft.AspNetCore.StaticFiles;

namespace EssaySite.Edition;

/// <summary>
/// The site's static files, read into memory at start-up and made into edition entries (compressed once, with a
/// strong ETag), served by the edition's middleware like the pages. A URL carrying the file's fingerprint
/// (<c>/css/site.css?v=…</c>) is cached by browsers as immutable; any other URL revalidates after ten minutes.
/// </summary>
public sealed class StaticAssets
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "public, max-age=600, must-revalidate";

    private readonly FrozenDictionary<string, (EditionEntry Entry, string Hash)> _assets;

    public StaticAssets(SitePaths paths)
    {
        var types = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, (EditionEntry, string)>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(paths.WebRoot, "*", SearchOption.AllDirectories))
        {
            var path = "/" + Path.GetRelativePath(paths.WebRoot, file).Replace('\\', '/');
            if (path.Split('/').Any(segment => segment.StartsWith('.')))
            {
                continue;
            }

            var type = types.TryGetContentType(file, out var t) ? t : "application/octet-stream";
            var entry = EditionEntry.Make(StatusCodes.Status200OK, type, Revalidate, File.ReadAllBytes(file));
            assets[path] = (entry, entry.ETag.Trim('"')[..12]);
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every file by its path, for the export.</summary>
    public IEnumerable<(string Path, EditionEntry Entry)> All => _assets.Select(a => (a.Key, a.Value.Entry));

    /// <summary>The file at a path, and whether the request names its current fingerprint.</summary>
    public EditionEntry? Find(string path, string? fingerprint, out bool current)
    {
        current = false;
        if (!_assets.TryGetValue(path, out var asset))
        {
            return null;
        }

        current = fingerprint == asset.Hash;
        return asset.Entry;
    }

    /// <summary>The fingerprinted URL of a file (its content hash in the query), for pages to link to.</summary>
    public string Url(string path) => _assets.TryGetValue(path, out var asset) ? $"{path}?v={asset.Hash}" : path;
}
