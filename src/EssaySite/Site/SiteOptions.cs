namespace EssaySite.Site;

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

    public IEnumerable<string> Validate()
    {
        if (BaseUrl is not null && !IsHttpUrl(BaseUrl))
        {
            yield return $"Site:BaseUrl must be an absolute http(s) URL, not '{BaseUrl}'";
        }

        if (RepositoryUrl is not null && !IsHttpUrl(RepositoryUrl))
        {
            yield return $"Site:RepositoryUrl must be an absolute http(s) URL, not '{RepositoryUrl}'";
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
