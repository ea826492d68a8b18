using System.Collections.Frozen;
using System.IO.Compression;
using System.Security.Cryptography;

namespace EssaySite.Edition;

/// <summary>
/// One address's answer, made once: its status, content type, cache policy and (for a download) disposition, a strong ETag, and the body as it is
/// (identity) and compressed with Brotli and gzip. A body that does not compress gets no compressed forms.
/// </summary>
/// <remarks>
/// Brotli quality 6, not 11: measured on 300 of the site's pages (2.0 MB), quality 11 took 2,932 ms for 477 KB,
/// quality 6 took 44 ms for 553 KB. At 11 an edition of 1,000 commentary pages took 10 s of compression, which the
/// export pays in full; 6 gives up 16% of the savings for a sixty-fold speed-up.
/// </remarks>
public sealed class EditionEntry
{
    public required int Status { get; init; }
    public required string ContentType { get; init; }
    public required string? CacheControl { get; init; }
    /// <summary>A download's Content-Disposition ("attachment; filename=…"), kept with its bytes; null for pages.</summary>
    public string? ContentDisposition { get; init; }
    public required string ETag { get; init; }
    public required ReadOnlyMemory<byte> Identity { get; init; }
    public ReadOnlyMemory<byte>? Brotli { get; init; }
    public ReadOnlyMemory<byte>? Gzip { get; init; }

    // The header values, made once rather than on every request: each encoding has its own strong tag.
    internal Microsoft.Extensions.Primitives.StringValues ContentTypeHeader => _contentType ??= ContentType;
    internal Microsoft.Extensions.Primitives.StringValues IdentityTag => _identityTag ??= ETag;
    internal Microsoft.Extensions.Primitives.StringValues BrotliTag => _brotliTag ??= ETag.Insert(ETag.Length - 1, "-br");
    internal Microsoft.Extensions.Primitives.StringValues GzipTag => _gzipTag ??= ETag.Insert(ETag.Length - 1, "-gz");

    private Microsoft.Extensions.Primitives.StringValues? _contentType;
    private Microsoft.Extensions.Primitives.StringValues? _identityTag;
    private Microsoft.Extensions.Primitives.StringValues? _brotliTag;
    private Microsoft.Extensions.Primitives.StringValues? _gzipTag;

    public const int BrotliQuality = 6;

    public static EditionEntry Make(int status, string contentType, string? cacheControl, byte[] body, bool quick = false, string? contentDisposition = null)
    {
        // An answer made on demand (a search) takes the fastest settings, which still save most of the bytes.
        var (quality, level) = quick ? (1, CompressionLevel.Fastest) : (BrotliQuality, CompressionLevel.Optimal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(body))[..20];
        var compressible = body.Length > 256 && IsCompressible(contentType);
        return new EditionEntry
        {
            Status = status,
            ContentType = contentType,
            CacheControl = cacheControl,
            ContentDisposition = contentDisposition,
            ETag = $"\"{hash}\"",
            Identity = body,
            // Typed as the nullable memory: a null byte[] would become an empty memory, served as an empty body.
            Brotli = compressible ? CompressBrotli(body, quality) : (ReadOnlyMemory<byte>?)null,
            Gzip = compressible ? Compress(body, s => new GZipStream(s, level)) : (ReadOnlyMemory<byte>?)null,
        };
    }

    private static bool IsCompressible(string contentType) =>
        contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.Contains("json", StringComparison.Ordinal)
        || contentType.Contains("xml", StringComparison.Ordinal) || contentType.Contains("svg", StringComparison.Ordinal);

    private static byte[] CompressBrotli(byte[] body, int quality)
    {
        var output = new byte[BrotliEncoder.GetMaxCompressedLength(body.Length)];
        return BrotliEncoder.TryCompress(body, output, out var written, quality, 22) ? output[..written] : throw new InvalidOperationException("Brotli compression failed");
    }

    private static byte[] Compress(byte[] body, Func<Stream, Stream> compressor)
    {
        using var output = new MemoryStream();
        using (var stream = compressor(output))
        {
            stream.Write(body);
        }

        return output.ToArray();
    }
}

/// <summary>Where an edition is for: the public origin and path base its absolute links were written for.</summary>
public readonly record struct EditionKey(string Scheme, string Host, string PathBase)
{
    public override string ToString() => $"{Scheme}://{Host}{PathBase}";
}

/// <summary>Every fixed answer of one content version for one origin, looked up by path.</summary>
public sealed class OriginEdition(string version, EditionKey key, FrozenDictionary<string, EditionEntry> entries, DateTimeOffset lastModified)
{
    public string Version { get; } = version;

    public EditionKey Key { get; } = key;

    public FrozenDictionary<string, EditionEntry> Entries { get; } = entries;

    /// <summary>When this content version was published, for Last-Modified.</summary>
    public DateTimeOffset LastModified { get; } = lastModified;

    internal Microsoft.Extensions.Primitives.StringValues LastModifiedHeader { get; } = lastModified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
