using Microsoft.AspNetCore.HttpOverrides;

namespace EssaySite.Site;

/// <summary>
/// Serving behind a proxy and under a sub-path. Forwarded headers from trusted proxies give the public
/// scheme, host and (X-Forwarded-Prefix) path base; <c>Site:BasePath</c> sets the path base outright. Nothing
/// rewrites an answer afterwards: pages, redirects and the scripts' data attributes are written with the path base
/// when they are rendered (<see cref="SiteLinks"/>), and absolute URLs come from <see cref="PublicUrls"/>. The
/// edition renders each public origin and path base separately, so its bytes carry the base they are served under.
/// </summary>
public static class SubPath
{
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
}
