using EssaySite.Content;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace EssaySite.Edition;

/// <summary>
/// Answers GET and HEAD for the static files and the edition's addresses with a dictionary look-up: the encoding
/// the client accepts (Brotli, gzip or none), a strong ETag and 304 for a match, Vary, Content-Length. Everything
/// else (a query string, another method, an address that depends on the request) goes on to the pages.
/// </summary>
public sealed class EditionMiddleware(RequestDelegate next, EditionStore editions, ContentStore store, StaticAssets assets)
{
    private static readonly StringValues AcceptEncodingVary = HeaderNames.AcceptEncoding;
    private static readonly StringValues Br = "br";
    private static readonly StringValues GzipCoding = "gzip";
    private static readonly StringValues PageCache = "public, max-age=0, must-revalidate";
    private static readonly StringValues ImmutableCache = StaticAssets.Immutable;
    private static readonly StringValues RevalidateCache = StaticAssets.Revalidate;

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || request.Path.Value is not { } path)
        {
            return next(context);
        }

        if (assets.Find(path, request.QueryString.HasValue ? request.Query["v"] : default, out var current) is { } asset)
        {
            return ServeAsync(context, asset, default, current ? ImmutableCache : RevalidateCache);
        }

        if (!store.IsLoaded)
        {
            return next(context);
        }

        // The request's snapshot (a scoped service, resolved once): the decision here, an answer rendered for it and
        // the pages behind all read this one version, whatever a reload swaps in meanwhile.
        var snapshot = context.RequestServices.GetRequiredService<ContentSnapshot>();
        if (request.QueryString.HasValue)
        {
            return path == SearchPath && request.Query.Count == 1 && request.Query.ContainsKey("q") ? AnswerAsync(context, snapshot, path) : next(context);
        }

        if (editions.Find(snapshot, editions.KeyFor(context)) is not { } edition)
        {
            // Until the edition is ready, a fixed address is rendered once and kept like a search answer, so even
            // the first visitors get a tag to revalidate with and the bytes the edition will hold.
            return editions.IsFixed(snapshot, path) ? AnswerAsync(context, snapshot, path) : next(context);
        }

        if (!edition.Entries.TryGetValue(path, out var entry))
        {
            return next(context);
        }

        return ServeAsync(context, entry, edition.LastModifiedHeader, entry.CacheControl is { } cache ? cache : PageCache);
    }

    private const string SearchPath = Routes.Search;

    // A search for the words q, or a fixed address before the edition is ready: kept per content version once
    // answered, and served like an edition entry.
    private async Task AnswerAsync(HttpContext context, ContentSnapshot snapshot, string path)
    {
        if (await editions.AnswerAsync(snapshot, editions.KeyFor(context), path, context.Request.QueryString) is { } entry)
        {
            await ServeAsync(context, entry, default, entry.CacheControl is { } cache ? cache : PageCache);
        }
        else
        {
            await next(context);
        }
    }

    private static Task ServeAsync(HttpContext context, EditionEntry entry, StringValues lastModified, StringValues cacheControl)
    {
        var accept = context.Request.Headers.AcceptEncoding;
        var (body, coding, tag) =
            entry.Brotli is { } br && Accepts(accept, "br") ? (br, Br, entry.BrotliTag)
            : entry.Gzip is { } gzip && Accepts(accept, "gzip") ? (gzip, GzipCoding, entry.GzipTag)
            : (entry.Identity, default, entry.IdentityTag);
        var response = context.Response;
        var headers = response.Headers;
        response.StatusCode = entry.Status;
        headers.ContentType = entry.ContentTypeHeader;
        headers.ETag = tag;
        headers.CacheControl = cacheControl;
        if (entry.ContentDisposition is { } disposition)
        {
            headers.ContentDisposition = disposition;
        }

        if (lastModified.Count > 0)
        {
            headers.LastModified = lastModified;
        }

        if (entry.Brotli is not null)
        {
            headers.Vary = AcceptEncodingVary;
        }

        if (entry.Status == StatusCodes.Status200OK && Matches(context.Request.Headers.IfNoneMatch, entry.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        if (coding.Count > 0)
        {
            headers.ContentEncoding = coding;
        }

        response.ContentLength = body.Length;
        return HttpMethods.IsGet(context.Request.Method)
            ? response.Body.WriteAsync(body, context.RequestAborted).AsTask()
            : Task.CompletedTask;
    }

    /// <summary>Whether an Accept-Encoding header accepts a coding ("br;q=0" refuses it), read without allocating.</summary>
    private static bool Accepts(StringValues header, string coding)
    {
        foreach (var value in header)
        {
            var rest = value.AsSpan();
            while (rest.Length > 0)
            {
                var comma = rest.IndexOf(',');
                var item = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? default : rest[(comma + 1)..];
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                if (!name.Equals(coding, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (semicolon < 0)
                {
                    return true;
                }

                var parameters = item[(semicolon + 1)..];
                var q = parameters.IndexOf("q=", StringComparison.OrdinalIgnoreCase);
                return q < 0 || !double.TryParse(parameters[(q + 2)..].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var quality) || quality > 0;
            }
        }

        return false;
    }

    // Any representation's tag names the same content: "abc", "abc-br" and "abc-gz" all match.
    private static bool Matches(StringValues ifNoneMatch, string tag)
    {
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }

        var stem = tag.AsSpan(0, tag.Length - 1);
        foreach (var header in ifNoneMatch)
        {
            foreach (var range in header.AsSpan().Split(','))
            {
                var value = header.AsSpan()[range].Trim();
                if (value.StartsWith("W/"))
                {
                    value = value[2..];
                }

                if (value.SequenceEqual("*") || (value.StartsWith(stem) && value[stem.Length..] is "\"" or "-br\"" or "-gz\""))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
