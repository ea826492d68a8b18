using EssaySite.Content;
using Microsoft.Net.Http.Headers;

namespace EssaySite.Edition;

/// <summary>
/// Answers GET and HEAD for the static files and the edition's addresses with a dictionary look-up: the encoding
/// the client accepts (Brotli, gzip or none), a strong ETag and 304 for a match, Vary, Content-Length. Everything
/// else (a query string, another method, an address that depends on the request) goes on to the pages.
/// </summary>
public sealed class EditionMiddleware(RequestDelegate next, EditionStore editions, ContentStore store, Site.StaticAssets assets)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Path.Value is not { } path)
        {
            return next(context);
        }

        if (assets.Find(path, request.Query["v"], out var current) is { } asset)
        {
            return ServeAsync(context, asset, null, current ? Site.StaticAssets.Immutable : Site.StaticAssets.Revalidate);
        }

        if (request.QueryString.HasValue || !store.IsLoaded)
        {
            return next(context);
        }

        var site = context.RequestServices.GetRequiredService<ContentSnapshot>();
        if (editions.Find(site, editions.KeyFor(context)) is not { } edition || !edition.Entries.TryGetValue(path, out var entry))
        {
            return next(context);
        }

        return ServeAsync(context, entry, edition.LastModified, entry.CacheControl ?? "public, max-age=0, must-revalidate");
    }

    private static async Task ServeAsync(HttpContext context, EditionEntry entry, DateTimeOffset? lastModified, string cacheControl)
    {
        var (body, coding, tag) = Negotiate(context.Request.Headers.AcceptEncoding, entry);
        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = entry.Status;
        response.ContentType = entry.ContentType;
        headers.ETag = tag;
        if (lastModified is { } modified)
        {
            headers.LastModified = modified.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        headers.CacheControl = cacheControl;
        if (entry.Brotli is not null)
        {
            headers.Vary = HeaderNames.AcceptEncoding;
        }

        if (coding is not null)
        {
            headers.ContentEncoding = coding;
        }

        if (entry.Status == StatusCodes.Status200OK && Matches(context.Request.Headers.IfNoneMatch, entry.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            headers.ContentEncoding = default;
            return;
        }

        response.ContentLength = body.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>Brotli if accepted, else gzip, else the plain bytes; each with its own strong tag.</summary>
    private static (ReadOnlyMemory<byte> Body, string? Coding, string Tag) Negotiate(Microsoft.Extensions.Primitives.StringValues acceptEncoding, EditionEntry entry)
    {
        var accepts = acceptEncoding.Count == 0 ? [] : acceptEncoding.ToString().Split(',');
        if (entry.Brotli is { } br && Accepts(accepts, "br"))
        {
            return (br, "br", entry.ETag.Insert(entry.ETag.Length - 1, "-br"));
        }

        if (entry.Gzip is { } gzip && Accepts(accepts, "gzip"))
        {
            return (gzip, "gzip", entry.ETag.Insert(entry.ETag.Length - 1, "-gz"));
        }

        return (entry.Identity, null, entry.ETag);
    }

    private static bool Accepts(string[] accepts, string coding)
    {
        foreach (var item in accepts)
        {
            var parts = item.Split(';');
            if (parts[0].Trim().Equals(coding, StringComparison.OrdinalIgnoreCase))
            {
                // "br;q=0" refuses it.
                return !parts.Skip(1).Any(p => p.Trim().Replace(" ", "", StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
            }
        }

        return false;
    }

    // Any representation's tag names the same content: "abc", "abc-br" and "abc-gz" all match.
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string tag)
    {
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }

        var stem = tag[..^1];
        foreach (var candidate in ifNoneMatch.ToString().Split(','))
        {
            var value = candidate.Trim();
            if (value.StartsWith("W/", StringComparison.Ordinal))
            {
                value = value[2..];
            }

            if (value == "*" || value == tag || value == stem + "-br\"" || value == stem + "-gz\"")
            {
                return true;
            }
        }

        return false;
    }
}
