using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EssaySite.Teaching;

/// <summary>schema.org Article data for the essay page, so search engines and link cards know its author and date.</summary>
public static class ArticleJsonLd
{
    /// <summary>
    /// JSON safe inside a script element: the writer's default encoder escapes &lt;, &gt; and &amp;. Written
    /// field by field, so the first render of the essay does not have to set up the reflection-based serializer.
    /// </summary>
    public static string For(string title, string author, DateOnly published, string description, Uri pageUrl, Uri originalUrl, Uri imageUrl)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "Article");
            json.WriteString("headline", title);
            json.WriteStartObject("author");
            json.WriteString("@type", "Person");
            json.WriteString("name", author);
            json.WriteEndObject();
            json.WriteString("datePublished", published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("description", description);
            json.WriteString("url", pageUrl.AbsoluteUri);
            json.WriteString("mainEntityOfPage", pageUrl.AbsoluteUri);
            json.WriteString("isBasedOn", originalUrl.AbsoluteUri);
            json.WriteString("image", imageUrl.AbsoluteUri);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
