using System.Net;
using System.Text.RegularExpressions;

namespace EssaySite.Teaching;

/// <summary>The text of sanitized HTML, for places where links would not belong (a form label).</summary>
public static partial class PlainText
{
    public static string FromHtml(string html) =>
        string.Join(' ', WebUtility.HtmlDecode(Tags().Replace(html, " ")).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .Replace(" ,", ",", StringComparison.Ordinal).Replace(" .", ".", StringComparison.Ordinal)
            .Replace(" ?", "?", StringComparison.Ordinal).Replace("( ", "(", StringComparison.Ordinal).Replace(" )", ")", StringComparison.Ordinal);

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
