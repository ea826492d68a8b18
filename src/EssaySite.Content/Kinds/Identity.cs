namespace EssaySite.Content;

// The site's identity: content/site.yml, a file of YAML alone, read once the essay (its fallback) is known.
public static partial class ContentKinds
{
    private static class IdentityField
    {
        public static readonly Field<string?> Name = Field.Text("name", true, "the site's name");
        public static readonly Field<string?> Tagline = Field.Text("tagline", false, "a few words after the name (default: essay and reading guide)");
        public static readonly Field<string?> Description = Field.Text("description", true, "a sentence on the home page and for search engines");
        public static readonly Field<string?> Language = Field.Text("language", false, "the pages' language tag, such as en or en-GB (default: en)");
        public static readonly Field<string?> Repository = Field.WebAddress("repository", false, "where maintainers send changes");
    }

    public static readonly ContentKind Identity = new("site", "site.yml", "content/site.yml",
        [IdentityField.Name, IdentityField.Tagline, IdentityField.Description, IdentityField.Language, IdentityField.Repository]);

    /// <summary>content/site.yml, or what the essay's front matter gives when there is none.</summary>
    internal static SiteIdentity ReadIdentity(ContentLoad load, Essay essay)
    {
        if (load.IdentityFile is not { } fm)
        {
            return new SiteIdentity(essay.Page.Title, SiteIdentity.DefaultTagline, essay.Page.Summary, "en", null);
        }

        fm.Use(Identity);
        var language = load.Read(fm, IdentityField.Language);
        if (language is not null && !LanguageTag().IsMatch(language))
        {
            fm.Report(IdentityField.Language, $"'language' must be a language tag such as en or en-GB, not '{language}'");
        }

        return new SiteIdentity(
            load.Read(fm, IdentityField.Name) ?? essay.Page.Title,
            load.Read(fm, IdentityField.Tagline) ?? SiteIdentity.DefaultTagline,
            load.Read(fm, IdentityField.Description) ?? essay.Page.Summary,
            language ?? "en",
            load.Read(fm, IdentityField.Repository));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial System.Text.RegularExpressions.Regex LanguageTag();
}
