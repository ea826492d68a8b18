using System.Text.Json;

namespace EssaySite.Teaching;

/// <summary>schema.org Article data for the essay page, so search engines and link cards know its author and date.</summary>
public static class ArticleJsonLd
{
    /// <summary>JSON safe inside a script element: the serializer escapes &lt;, &gt; and &amp;.</summary>
    public static string For(string title, string author, DateOnly published, string description, Uri pageUrl, Uri originalUrl, Uri imageUrl) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Article",
            ["headline"] = title,
            ["author"] = new Dictionary<string, string> { ["@type"] = "Person", ["name"] = author },
            ["datePublished"] = published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["description"] = description,
            ["url"] = pageUrl.AbsoluteUri,
            ["mainEntityOfPage"] = pageUrl.AbsoluteUri,
            ["isBasedOn"] = originalUrl.AbsoluteUri,
            ["image"] = imageUrl.AbsoluteUri,
        });
}
