using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using EssaySite.Content;
using EssaySite.Content.Search;

namespace EssaySite.Search;

/// <summary>
/// The search index as one JSON file, for the static export: there a plain host serves the same
/// search page whatever the query, so wwwroot/js/search.js searches in the browser from this file.
/// It holds the documents as they are, not postings: the browser folds the words itself, and the
/// text compresses far better than an inverted index would.
/// </summary>
public static class BrowserIndex
{
    public const string Path = Routes.SearchIndex;

    // Non-ASCII letters and typographic quotes stay as they are (é, “), a third smaller than \u escapes;
    // the characters that matter in HTML (< > & ' ") are still escaped.
    private static readonly BrowserIndexJsonContext Json = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });

    public static WebApplication MapBrowserIndex(this WebApplication app)
    {
        // Made once per content version: the edition keeps the bytes (and the export writes them).
        app.MapGet(Path, (ContentSnapshot snapshot) => Results.Bytes(Serialize(snapshot), "application/json"));
        return app;
    }

    public static ReadOnlyMemory<byte> Serialize(ContentSnapshot snapshot)
    {
        var data = new BrowserIndexData(
            new SortedDictionary<string, string>(snapshot.SearchVariants, StringComparer.Ordinal),
            [.. snapshot.SearchDocuments.Select(d => new BrowserDocument(d.Url, d.Title, d.Kind, d.Text, d.Boost, d.Keywords.Length == 0 ? null : d.Keywords))]);
        return JsonSerializer.SerializeToUtf8Bytes(data, Json.BrowserIndexData);
    }
}

/// <summary>The file's shape: <c>{"v": {variant: form}, "d": [{"u", "t", "k", "x", "b", "w"?}]}</c>; short names keep it small.</summary>
public sealed record BrowserIndexData(
    [property: JsonPropertyName("v")] SortedDictionary<string, string> Variants,
    [property: JsonPropertyName("d")] IReadOnlyList<BrowserDocument> Documents);

public sealed record BrowserDocument(
    [property: JsonPropertyName("u")] string Url,
    [property: JsonPropertyName("t")] string Title,
    [property: JsonPropertyName("k")] string Kind,
    [property: JsonPropertyName("x")] string Text,
    [property: JsonPropertyName("b")] double Boost,
    [property: JsonPropertyName("w"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Keywords);

[JsonSerializable(typeof(BrowserIndexData))]
internal sealed partial class BrowserIndexJsonContext : JsonSerializerContext;
