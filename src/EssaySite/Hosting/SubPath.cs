using Microsoft.AspNetCore.HttpOverrides;

namespace EssaySite.Hosting;

/// <summary>
/// Serving behind a proxy and under a sub-path. With <c>Site:BaseUrl</c> the public scheme, host and path base are
/// the configured ones and no request header changes them. Without it, forwarded headers from the proxies named in
/// <c>Site:TrustedProxies</c> (and from no one else) give the public scheme, host and (X-Forwarded-Prefix, checked
/// like <c>Site:BasePath</c>) path base; <c>Site:BasePath</c> sets the path base outright. Nothing rewrites an answer
/// afterwards: pages, redirects and the scripts' data attributes are written with the path base when they are
/// rendered (<see cref="SiteLinks"/>), and absolute URLs come from <see cref="PublicUrls"/>. The edition renders the
/// site's own origin and path base, so its bytes carry the base they are served under.
/// </summary>
public static partial class SubPath
{
    public static IServiceCollection AddForwardedHeaders(this IServiceCollection services, SiteOptions options) =>
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The framework trusts a proxy on this machine by default, but a local proxy may pass a client's own
            // X-Forwarded-* headers on: only the proxies configured are believed. (Empty lists would make the
            // framework believe anyone, so with none configured no forwarded header is read at all.)
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            if (options.TrustedProxies is not { Length: > 0 })
            {
                o.ForwardedHeaders = ForwardedHeaders.None;
                return;
            }

            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedPrefix;
            if (options.BaseUrl is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                o.AllowedHosts = [uri.IdnHost];
            }

            var trusted = options.TrustedProxies;
            if (trusted.Contains("*"))
            {
                o.ForwardLimit = null; // Any proxy (Development only: AddEssaySite refuses it elsewhere).
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

    /// <summary>
    /// Fixes the public origin and path base, after <c>UseForwardedHeaders</c> (which believes only the proxies
    /// <see cref="AddForwardedHeaders"/> names): <c>Site:BaseUrl</c> outright, else <c>Site:BasePath</c>, else a
    /// forwarded prefix that is a plain path.
    /// </summary>
    public static IApplicationBuilder UsePublicOrigin(this IApplicationBuilder app, SiteOptions options, ILogger logger)
    {
        if (options.BaseUrl is { Length: > 0 } url)
        {
            var uri = new Uri(url);
            var (scheme, host, pathBase) = (uri.Scheme, new HostString(uri.Authority), options.PublicPathBase);
            return app.Use((context, next) =>
            {
                var request = context.Request;
                request.Scheme = scheme;
                request.Host = host;
                SetPathBase(request, pathBase);
                return next(context);
            });
        }

        var basePath = options.NormalizedBasePath;
        var warned = 0;
        return app.Use((context, next) =>
        {
            var request = context.Request;
            if (basePath.Length > 0)
            {
                SetPathBase(request, basePath);
            }
            else if (request.PathBase.HasValue && !SiteOptions.IsSitePath(request.PathBase.Value))
            {
                // A forwarded prefix that is not a plain path ("//evil.example", "/../x") would put another host or
                // a way out of the site in every link and redirect: it is dropped, and said once.
                if (Interlocked.Exchange(ref warned, 1) == 0)
                {
                    PrefixIgnored(logger, request.PathBase.Value);
                }

                request.PathBase = PathString.FromUriComponent(request.Headers["X-Original-Prefix"].ToString());
            }

            return next(context);
        });
    }

    // A proxy may pass the prefix on ("/reading/essay") or strip it ("/essay"); either way links carry it.
    private static void SetPathBase(HttpRequest request, string pathBase)
    {
        if (pathBase.Length > 0 && request.Path.StartsWithSegments(pathBase, StringComparison.OrdinalIgnoreCase, out var remaining))
        {
            request.Path = remaining.HasValue ? remaining : "/";
        }

        request.PathBase = pathBase;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an X-Forwarded-Prefix that is not a path such as /reading: '{Prefix}' (said once; later ones are ignored silently)")]
    private static partial void PrefixIgnored(ILogger logger, string prefix);
}
