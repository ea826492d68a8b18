using EssaySite.Teaching;

namespace EssaySite.Tests;

/// <summary>A teacher shares an assignment to Google Classroom, Microsoft Teams or by e-mail, with plain links.</summary>
public sealed class AssignmentShareTests(TeachingHost host) : IClassFixture<TeachingHost>
{
    private readonly HttpClient _client = host.Client;

    [Fact]
    public async Task TheAssignmentPage_SharesItsOwnAbsoluteAddress_ToClassroomTeamsAndMail()
    {
        var code = new Assignment { Paragraphs = [2, 3], Questions = [2], Due = new DateOnly(2026, 12, 9), Note = "Read & answer: 100% honest?" }.Encode();
        var address = $"{TeachingHost.BaseUrl}/assign/{code}";
        var doc = await _client.GetDocumentAsync($"/assign/{code}");
        var links = doc.QuerySelectorAll(".share-to a").ToDictionary(a => a.TextContent, a => a.GetAttribute("href")!);
        Assert.Equal(["Google Classroom", "Microsoft Teams", "E-mail"], links.Keys);

        var classroom = new Uri(links["Google Classroom"]);
        Assert.Equal("https://classroom.google.com/share", classroom.GetLeftPart(UriPartial.Path));
        Assert.Equal(address, Query(classroom)["url"]);
        Assert.Equal($"Assignment due 9 December 2026: “{FixtureGuide.Field("essay.md", "title")}”", Query(classroom)["title"]);

        var teams = new Uri(links["Microsoft Teams"]);
        Assert.Equal("https://teams.microsoft.com/share", teams.GetLeftPart(UriPartial.Path));
        Assert.Equal(address, Query(teams)["href"]);

        var mail = links["E-mail"];
        Assert.StartsWith("mailto:?subject=", mail, StringComparison.Ordinal);
        var fields = Query(new Uri("https://x/" + mail["mailto:".Length..]));
        Assert.Equal($"Assignment due 9 December 2026: “{FixtureGuide.Field("essay.md", "title")}”", fields["subject"]);
        Assert.Contains(address, fields["body"], StringComparison.Ordinal);
        Assert.Contains("Note: Read & answer: 100% honest?", fields["body"], StringComparison.Ordinal);
        // Each value is percent-encoded whole: the note's & and % and the address's own characters cannot split a field.
        Assert.DoesNotContain(' ', mail);
        Assert.DoesNotContain('+', mail);
        Assert.Equal(2, mail.Count(c => c == '='));
        Assert.All(links.Values.Take(2), href => Assert.Equal(2, href.Count(c => c == '=')));
    }

    [Fact]
    public void ShareLinks_EncodeAnAddressWithAQueryAndFragment()
    {
        var links = AssignmentShare.Links(new Uri("https://example.org/reading/assign/abc?x=1&y=2#top"), "A & B", "Read it.");
        Assert.Equal("https://classroom.google.com/share?url=https%3A%2F%2Fexample.org%2Freading%2Fassign%2Fabc%3Fx%3D1%26y%3D2%23top&title=A%20%26%20B", links[0].Href);
    }

    private static Dictionary<string, string> Query(Uri uri) =>
        uri.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
}
