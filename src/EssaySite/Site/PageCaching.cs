using System.Security.Cryptography;
using EssaySite.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace EssaySite.Site;

/// <summary>
/// Pages are rendered once per content version and then served from memory (output caching). Each
/// rendered page carries a weak ETag (a hash of its HTML) and a Last-Modified (when its content was
/// loaded), so a browser that has it gets 304 Not Modified.
/// </summary>
public static class PageCaching
{
    public const string PolicyName = "pages";

    public static IServiceCollection AddPageCaching(this IServiceCollection services) =>
        services.AddOutputCache(options =>
        {
            options.SizeLimit = 64 * 1024 * 1024;
            options.AddBasePolicy(policy => policy
                .With(c => !c.HttpContext.Request.Path.StartsWithSegments("/search") && !c.HttpContext.Request.Path.StartsWithSegments(Health.Path))
                .SetVaryByQuery("*")
                .SetVaryByHeader(HeaderNames.AcceptEncoding)
                // A page changes only when the content does: no page depends on the day it is read.
                .VaryByValue(c => new KeyValuePair<string, string>(
                    "content",
                    $"{c.RequestServices.GetRequiredService<ContentStore>().Current.Version}{c.Request.PathBase}"))
                .Expire(TimeSpan.FromHours(12)));
        });

    /// <summary>Adds ETag and Last-Modified to successful HTML and XML responses and answers 304 when they match.</summary>
    public static IApplicationBuilder UseValidators(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (request.PathBase.HasValue)
        {
            SubPath.RewriteLocation(context);
            if (buffer.Length > 0 && SubPath.IsHtml(response))
            {
                var rewritten = SubPath.RewriteHtml(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), request.PathBase.Value!);
                buffer.SetLength(0);
                buffer.Write(rewritten);
            }
        }

        if (response.StatusCode == StatusCodes.Status200OK && buffer.Length > 0 && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            var loaded = context.RequestServices.GetRequiredService<ContentStore>().Current.LoadedAt;
            var etag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))[..16]}\"";
            response.Headers.ETag = etag;
            response.Headers.LastModified = loaded.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            response.Headers.CacheControl = "public, max-age=0, must-revalidate";
            if (request.Headers.IfNoneMatch.ToString().Split(',').Any(tag => tag.Trim() == etag || tag.Trim() == "*"))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            response.ContentLength = buffer.Length;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    });
}
