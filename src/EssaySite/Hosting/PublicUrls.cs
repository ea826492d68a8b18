namespace EssaySite.Hosting;

/// <summary>Absolute addresses of the site's pages: Site:BaseUrl when configured, else the request's scheme and host.</summary>
public static class PublicUrls
{
    /// <remarks>A configured address without a path ("https://example.org") gets the request's path base.</remarks>
    public static Uri BaseUri(this HttpContext context)
    {
        var configured = context.Options().BaseUrl;
        var root = configured is { Length: > 0 }
            ? new Uri(configured).AbsolutePath == "/" ? configured.TrimEnd('/') + context.Request.PathBase : configured.TrimEnd('/')
            : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return new Uri(root + "/");
    }

    /// <summary>The absolute URL of a site path ("/essay#p17").</summary>
    public static Uri Absolute(this HttpContext context, string path) => new(context.BaseUri(), path.TrimStart('/'));

    /// <summary>This page's canonical URL: its path without query string.</summary>
    public static Uri Canonical(this HttpContext context) => context.Absolute(context.Request.Path.Value ?? "/");
}
