using Microsoft.Extensions.Options;

namespace EssaySite.Hosting;

/// <summary>The <c>Site</c> section of configuration (environment: <c>Site__BaseUrl</c> and so on).</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The public address, used for canonical links (for example https://essay.example.org).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Where the source lives; when set, every page links to its file ("Edit this page").</summary>
    public string? RepositoryUrl { get; set; }

    /// <summary>The content folder; found automatically when not set.</summary>
    public string? ContentPath { get; set; }

    /// <summary>The static files folder; found automatically when not set.</summary>
    public string? WebRootPath { get; set; }

    /// <summary>Reload content when files change (on by default in Development).</summary>
    public bool? WatchContent { get; set; }

    /// <summary>
    /// The sub-path the site is served under ("/reading"), when a proxy passes it on; empty for the root.
    /// Every link, asset and canonical URL carries it.
    /// </summary>
    public string? BasePath { get; set; }

    /// <summary>
    /// Proxies whose X-Forwarded-For/-Proto/-Host/-Prefix headers are believed: addresses or networks
    /// ("10.0.0.0/8"), or "*" for any (Development only). Empty: none, not even one on this machine, whose forwarded
    /// headers may be a client's own.
    /// </summary>
    public string[]? TrustedProxies { get; set; }

    /// <summary>
    /// Set by the <c>export</c> command: pages are rendered for a static host, so what needs a server
    /// (search, assignment links) is done in the browser or says that it needs the server version.
    /// </summary>
    public bool StaticExport { get; set; }

    /// <summary><see cref="BasePath"/> in one form: "" or "/reading" (leading slash, no trailing one).</summary>
    public string NormalizedBasePath => BasePath is { Length: > 0 } b && b.Trim('/') is { Length: > 0 } trimmed ? "/" + trimmed : "";

    /// <summary>
    /// The path base links are written under when <see cref="BaseUrl"/> is set: <see cref="BasePath"/>, or else the
    /// configured address's own path ("https://example.org/reading" gives "/reading"). No request header changes it.
    /// </summary>
    public string PublicPathBase => NormalizedBasePath is { Length: > 0 } basePath ? basePath
        : BaseUrl is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.Trim('/') is { Length: > 0 } path ? "/" + path
        : "";

    /// <summary>
    /// Whether a path base (configured, or a proxy's X-Forwarded-Prefix) is one this site writes links under: a
    /// leading slash and segments of letters, digits and - _ . ~, so no "//host", scheme, "..", space or control
    /// character can reach a link or a redirect.
    /// </summary>
    public static bool IsSitePath(string path) =>
        path.StartsWith('/') && !path.Contains("//", StringComparison.Ordinal)
        && !path.Split('/').Any(segment => segment is "." or ".." || segment.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')));

    public IEnumerable<string> Validate()
    {
        if (BaseUrl is not null && !IsHttpUrl(BaseUrl))
        {
            yield return $"Site:BaseUrl must be an absolute http(s) URL, not '{BaseUrl}'";
        }

        if (BasePath is { Length: > 0 } basePath && !IsSitePath(basePath))
        {
            yield return $"Site:BasePath must be a path such as /reading (letters, digits, - _ . ~ between slashes), not '{basePath}'";
        }
        else if (BaseUrl is { Length: > 0 } url && IsHttpUrl(url) && new Uri(url).AbsolutePath.TrimEnd('/') is { Length: > 0 } urlPath && NormalizedBasePath.Length > 0 && urlPath != NormalizedBasePath)
        {
            yield return $"Site:BaseUrl's path ('{urlPath}') and Site:BasePath ('{NormalizedBasePath}') must agree: links are written under one path";
        }

        foreach (var proxy in TrustedProxies ?? [])
        {
            if (proxy != "*" && !System.Net.IPAddress.TryParse(proxy, out _) && !System.Net.IPNetwork.TryParse(proxy, out _))
            {
                yield return $"Site:TrustedProxies must hold IP addresses, networks such as 10.0.0.0/8, or *, not '{proxy}'";
            }
        }

        if (RepositoryUrl is not null && !IsHttpUrl(RepositoryUrl))
        {
            yield return $"Site:RepositoryUrl must be an absolute http(s) URL, not '{RepositoryUrl}'";
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

/// <summary>The framework's check of the site's options (<c>ValidateOnStart</c>), with <see cref="SiteOptions.Validate"/>'s messages.</summary>
public sealed class SiteOptionsValidator : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options) =>
        options.Validate().ToList() is { Count: > 0 } errors ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}

public static class SiteOptionsAccess
{
    /// <summary>The checked <see cref="SiteOptions"/> of the app serving this request.</summary>
    public static SiteOptions Options(this HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value;
}
