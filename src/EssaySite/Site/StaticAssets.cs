using System.Collections.Frozen;
using System.IO.Compression;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace EssaySite.Site;

/// <summary>One file from wwwroot, read once, with its fingerprint and its compressed forms.</summary>
public sealed record StaticAsset(string Path, string ContentType, byte[] Body, byte[]? Brotli, byte[]? Gzip, string Hash)
{
    public string ETag => $"\"{Hash}\"";
}

/// <summary>
/// The site's static files, read into memory at start-up and precompressed. A URL carrying the file's
/// fingerprint (<c>/css/site.css?v=…</c>) is cached by browsers as immutable; any other URL revalidates.
/// </summary>
public sealed class StaticAssets
{
    private static readonly string[] Compressible = ["text/", "application/javascript", "image/svg+xml", "application/json", "application/xml"];
    private readonly FrozenDictionary<string, StaticAsset> _assets;

    public StaticAssets(SitePaths paths)
    {
        var types = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, StaticAsset>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(paths.WebRoot, "*", SearchOption.AllDirectories))
        {
            var path = "/" + System.IO.Path.GetRelativePath(paths.WebRoot, file).Replace('\\', '/');
            if (path.Split('/').Any(segment => segment.StartsWith('.')))
            {
                continue;
            }

            var body = File.ReadAllBytes(file);
            var type = types.TryGetContentType(file, out var t) ? t : "application/octet-stream";
            var compress = body.Length > 256 && Compressible.Any(c => type.StartsWith(c, StringComparison.Ordinal));
            var hash = Convert.ToHexStringLower(SHA256.HashData(body))[..12];
            assets[path] = new StaticAsset(path, type, body, compress ? Compress(body, brotli: true) : null, compress ? Compress(body, brotli: false) : null, hash);
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IEnumerable<StaticAsset> All => _assets.Values;

    public StaticAsset? Find(string path) => _assets.GetValueOrDefault(path);

    /// <summary>The fingerprinted URL of a file (its content hash in the query), for pages to link to.</summary>
    public string Url(string path) => _assets.TryGetValue(path, out var asset) ? $"{path}?v={asset.Hash}" : path;

    public async Task<bool> TryServeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || Find(request.Path.Value ?? "") is not { } asset)
        {
            return false;
        }

        var response = context.Response;
        var fingerprinted = request.Query["v"] == asset.Hash;
        response.Headers.CacheControl = fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=600, must-revalidate";
        response.Headers.ETag = asset.ETag;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
        response.ContentType = asset.ContentType;
        if (request.Headers.IfNoneMatch.ToString().Split(',').Any(tag => tag.Trim() == asset.ETag || tag.Trim() == "*"))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        var accept = request.Headers.AcceptEncoding.ToString();
        var body = asset.Body;
        if (asset.Brotli is not null && Accepts(accept, "br"))
        {
            body = asset.Brotli;
            response.Headers.ContentEncoding = "br";
        }
        else if (asset.Gzip is not null && Accepts(accept, "gzip"))
        {
            body = asset.Gzip;
            response.Headers.ContentEncoding = "gzip";
        }

        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }

        return true;
    }

    private static bool Accepts(string header, string coding) =>
        header.Split(',').Select(part => part.Split(';')).Any(p =>
            p[0].Trim().Equals(coding, StringComparison.OrdinalIgnoreCase) && !p.Skip(1).Any(q => q.Trim() is "q=0" or "q=0.0" or "q=0.00" or "q=0.000"));

    private static byte[] Compress(byte[] body, bool brotli)
    {
        using var output = new MemoryStream();
        using (Stream stream = brotli ? new BrotliStream(output, CompressionLevel.SmallestSize) : new GZipStream(output, CompressionLevel.SmallestSize))
        {
            stream.Write(body);
        }

        return output.ToArray();
    }
}
