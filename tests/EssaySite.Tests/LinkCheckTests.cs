using System.Collections.Frozen;
using System.Text;
using EssaySite.Edition;
using EssaySite.Export;

namespace EssaySite.Tests;

/// <summary>The export's link check: a dead link or fragment is named with the page it is on, and the nearest address.</summary>
public sealed class LinkCheckTests
{
    private static EditionEntry Page(string html) => new()
    {
        Status = 200,
        ContentType = "text/html; charset=utf-8",
        CacheControl = null,
        ETag = "\"e\"",
        Identity = Encoding.UTF8.GetBytes(html),
    };

    private static OriginEdition Edition(params (string Path, string Html)[] pages) => new(
        "v1",
        new EditionKey("https", "essay.example.org", "/reading"),
        pages.ToFrozenDictionary(p => p.Path, p => Page(p.Html), StringComparer.Ordinal),
        DateTimeOffset.UnixEpoch);

    [Fact]
    public void ALinkToAMistypedPage_SaysWhichAddressItMeant()
    {
        var edition = Edition(
            ("/essay", """<p><a href="/reading/timelines#e1">the timeline</a></p>"""),
            ("/timeline", """<li id="e1">An event</li>"""));
        var problems = LinkCheck.Run(edition, [], "/reading");
        Assert.Equal(["/essay: links to /reading/timelines#e1, which the export does not have (did you mean '/timeline'?)"], problems);
    }

    [Fact]
    public void ALinkFarFromEveryAddress_IsReportedWithoutAGuess()
    {
        var edition = Edition(("/essay", """<p><a href="/reading/completely-elsewhere">gone</a></p>"""), ("/timeline", "<p>t</p>"));
        Assert.Equal(["/essay: links to /reading/completely-elsewhere, which the export does not have"], LinkCheck.Run(edition, [], "/reading"));
    }
}
