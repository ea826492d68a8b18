using EssaySite.Content;

namespace EssaySite.Hosting;

/// <summary>
/// Without <c>Site:BaseUrl</c>, absolute URLs are made from the request's scheme and Host. A request whose Host is
/// missing (HTTP/1.0) or is no address at all ("x:99999") cannot have them, so it gets the 400 page, with the
/// security headers and the one line of the request log, before any page tries to make one.
/// </summary>
public sealed class HostCheck(RequestDelegate next)
{
    /// <summary>The page that says so; it answers 404 to anyone who asks for it by name.</summary>
    public const string Path = Routes.BadRequest;

    // The page itself is written for a stand-in host: nothing on it links anywhere but the site's own root.
    private static readonly HostString StandIn = new("localhost");

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (IsAddress(request.Scheme, request.Host))
        {
            return next(context);
        }

        request.Host = StandIn;
        request.Path = Path;
        request.QueryString = QueryString.Empty;
        context.Features.Set(new BadHostFeature());
        return next(context);
    }

    /// <summary>Whether the scheme and Host make an http(s) address, as <see cref="PublicUrls"/> needs them to.</summary>
    public static bool IsAddress(string scheme, HostString host) =>
        host.HasValue && scheme is "http" or "https" && Uri.TryCreate($"{scheme}://{host.Value}/", UriKind.Absolute, out _);
}

/// <summary>Set on a request whose Host was refused, so that only such a request gets the 400 page.</summary>
public sealed class BadHostFeature;
