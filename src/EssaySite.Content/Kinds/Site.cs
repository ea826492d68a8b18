namespace EssaySite.Content;

// The site's identity: content/site.yml, a file of YAML alone, read once the essay (its fallback) is known.
public static partial class ContentKinds
{
    public static readonly ContentKind Site = new("site", "site.yml", "content/site.yml",
    [
        new("name", FieldType.Text, true, "the site's name"),
        new("tagline", FieldType.Text, false, "a few words after the name (default: essay and reading guide)"),
        new("description", FieldType.Text, true, "a sentence on the home page and for search engines"),
        new("language", FieldType.Text, false, "the pages' language tag, such as en or en-GB (default: en)"),
        new("repository", FieldType.WebAddress, false, "where maintainers send changes"),
    ]);

    /// <summary>content/site.yml, or what the essay's front matter gives when there is none.</summary>
    internal static SiteIdentity ReadIdentity(ContentLoad load, Essay essay)
    {
        if (load.IdentityFile is not { } fm)
        {
            return new SiteIdentity(essay.Page.Title, SiteIdentity.DefaultTagline, essay.Page.Summary, "en", null);
        }

        fm.Use(Site);
        var language = fm.Text("language");
        if (language is not null && !LanguageTag().IsMatch(language))
        {
            load.Problems.Add(fm.Path, fm.LineOf("language"), $"'language' must be a language tag such as en or en-GB, not '{language}'");
        }

        return new SiteIdentity(
            fm.Text("name") ?? essay.Page.Title,
            fm.Text("tagline") ?? SiteIdentity.DefaultTagline,
            fm.Text("description") ?? essay.Page.Summary,
            language ?? "en",
            load.WebAddress(fm, "repository", keepIfInvalid: false));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial System.Text.RegularExpressions.Regex LanguageTag();
}
