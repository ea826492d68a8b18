using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Net.Http.Headers;

namespace EssaySite.Site;

/// <summary>
/// Serving behind a proxy and under a sub-path. Forwarded headers from trusted proxies give the public
/// scheme, host and (X-Forwarded-Prefix) path base; <c>Site:BasePath</c> sets the path base outright. Pages
/// are written with root-relative links ("/essay"), so when there is a path base they are rewritten as the
/// page is rendered (once per edition for the fixed pages) to carry it ("/reading/essay").
/// </summary>
public static partial class SubPath
{
    /// <summary>The attributes that hold the site's own URLs in its markup (the search script reads the two data ones).</summary>
    public const string LinkAttributes = "href|src|action|data-index-url|data-base-url";

    public static IServiceCollection AddForwardedHeaders(this IServiceCollection services, SiteOptions options) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
            if (options.TrustedProxies is not { Length: > 0 } trusted)
            {
                return; // The framework's default: trust only a proxy on this machine (loopback).
            }

            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            if (trusted.Contains("*"))
            {
                o.ForwardLimit = null; // Any proxy: for a container network whose address is not known in advance.
                return;
            }

            foreach (var entry in trusted)
            {
                if (System.Net.IPNetwork.TryParse(entry, out var network))
                {
                    o.KnownIPNetworks.Add(network);
                }
                else
                {
                    o.KnownProxies.Add(System.Net.IPAddress.Parse(entry));
                }
            }
        });

    /// <summary>Honours forwarded headers, then the configured base path.</summary>
    public static IApplicationBuilder UseSubPath(this IApplicationBuilder app, string basePath)
    {
        app.UseForwardedHeaders();
        if (basePath.Length == 0)
        {
            return app;
        }

        return app.Use((context, next) =>
        {
            var request = context.Request;
            // A proxy may pass the prefix on ("/reading/essay") or strip it ("/essay"); either way links carry it.
            if (request.Path.StartsWithSegments(basePath, StringComparison.OrdinalIgnoreCase, out var remaining))
            {
                request.Path = remaining.HasValue ? remaining : "/";
            }

            request.PathBase = basePath;
            return next(context);
        });
    }

    /// <summary>
    /// Under a path base, moves the root-relative links of an HTML answer and a redirect's target under it. Only
    /// those answers are buffered; without a path base nothing is.
    /// </summary>
    public static IApplicationBuilder UseSubPathLinks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.PathBase.HasValue)
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

        RewriteLocation(context);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (body.Length > 0 && IsHtml(context.Response))
        {
            body = RewriteHtml(body.Span, context.Request.PathBase.Value!);
        }

        // Only a complete answer gets a length: an empty 404 here is filled in by the status code pages around it.
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            context.Response.ContentLength = body.Length;
        }

        // Nothing written means the answer has not started, so the status code pages can still fill in a 404.
        if (body.Length > 0)
        {
            await original.WriteAsync(body, context.RequestAborted);
        }
    });

    /// <summary>Adds the request's path base to a root-relative redirect target.</summary>
    public static void RewriteLocation(HttpContext context)
    {
        var pathBase = context.Request.PathBase;
        var location = context.Response.Headers.Location.ToString();
        if (pathBase.HasValue && IsRootRelative(location) && !location.StartsWith(pathBase.Value + "/", StringComparison.Ordinal))
        {
            context.Response.Headers.Location = pathBase.Value + location;
        }
    }

    /// <summary>The HTML with every root-relative URL in a link, source or form attribute moved under the path base.</summary>
    public static byte[] RewriteHtml(ReadOnlySpan<byte> html, string pathBase)
    {
        var text = Encoding.UTF8.GetString(html);
        return Encoding.UTF8.GetBytes(RootRelativeAttribute().Replace(text, m => m.Groups["attr"].Value + pathBase + "/"));
    }

    public static bool IsHtml(HttpResponse response) =>
        response.ContentType is { } type && MediaTypeHeaderValue.TryParse(type, out var media) && media.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase);

    private static bool IsRootRelative(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    // Our own markup: attributes are double-quoted. "//host" and "/\" are not root-relative and are left alone.
    [GeneratedRegex(@"(?<attr>\s(?:" + LinkAttributes + @")="")/(?![/\\])", RegexOptions.CultureInvariant)]
    private static partial Regex RootRelativeAttribute();
}
