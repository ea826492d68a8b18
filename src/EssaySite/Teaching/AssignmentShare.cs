namespace EssaySite.Teaching;

/// <summary>A plain link that hands an assignment's address to a learning platform or a mail program.</summary>
public sealed record ShareLink(string Name, string Href);

/// <summary>
/// Links that share an assignment without any script: each is the address the platform's own share button opens
/// (Google Classroom's <c>/share?url=</c> with a <c>title</c>, Teams' <c>/share?href=</c> with <c>msgText</c>),
/// and a <c>mailto:</c> with a subject and body (RFC 6068: every value percent-encoded as UTF-8, spaces as %20).
/// Nothing is loaded from those sites until the teacher follows a link.
/// </summary>
public static class AssignmentShare
{
    public static IReadOnlyList<ShareLink> Links(Uri address, string title, string summary)
    {
        var url = Uri.EscapeDataString(address.AbsoluteUri);
        return
        [
            new("Google Classroom", $"https://classroom.google.com/share?url={url}&title={Uri.EscapeDataString(title)}"),
            new("Microsoft Teams", $"https://teams.microsoft.com/share?href={url}&msgText={Uri.EscapeDataString(title)}"),
            new("E-mail", $"mailto:?subject={Uri.EscapeDataString(title)}&body={Uri.EscapeDataString($"{summary}\r\n\r\n{address.AbsoluteUri}\r\n")}"),
        ];
    }
}
