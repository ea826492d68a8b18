using System.IO.Compression;
using System.Xml.Linq;
using EssaySite.Content;
using EssaySite.Startup;
using EssaySite.Teaching;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>
/// A teacher imports the guide, or one assignment, into a learning platform as an IMS Common Cartridge 1.1. The
/// packages are checked here structurally (namespaces, files, links, order), not imported into a live platform.
/// </summary>
public sealed class CommonCartridgeTests(TeachingHost host) : IClassFixture<TeachingHost>
{
    private const string BaseUrl = TeachingHost.BaseUrl;
    private readonly HttpClient _client = host.Client;
    private ContentSnapshot Content => host.Factory.Services.GetRequiredService<ContentStore>().Current;

    private static readonly XNamespace Cp = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
    private static readonly XNamespace Wl = "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1";
    private static readonly XNamespace Lom = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest";

    [Fact]
    public async Task TheGuideCartridge_LinksEveryGuidePageThePacketAndEachQuestion_InReadingOrder()
    {
        var (manifest, links) = await FetchAsync("/classroom.imscc", "common-sense-introduction-guide.imscc");
        var modules = manifest.Descendants(Cp + "organization").Single().Element(Cp + "item")!.Elements(Cp + "item").ToList();
        Assert.Equal(["Reading guide", "Discussion questions"], modules.Select(m => m.Element(Cp + "title")!.Value));

        var reading = links.Take(modules[0].Elements(Cp + "item").Count()).Select(l => l.Url).ToList();
        var expected = Content.ReadingOrder.Select(p => p.Url)
            .Concat(Content.Pages.Values.Where(p => p.Kind == PageKind.Guide && !Content.ReadingOrder.Contains(p)).Select(p => p.Url).Order(StringComparer.Ordinal))
            .Append("/packet").Select(u => BaseUrl + u);
        Assert.Equal(expected, reading);
        Assert.Equal("/essay", new Uri(reading[0]).AbsolutePath);
        Assert.Equal(Content.Questions.Select(q => $"{BaseUrl}/questions#{q.Id}"), links.Skip(reading.Count).Select(l => l.Url));
        Assert.StartsWith("Question 1: ", links[reading.Count].Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAssignmentCartridge_HoldsItsParagraphsAndQuestionsInOrder_WithItsDueDateAndNote()
    {
        var code = new Assignment { Paragraphs = [1, 3], Questions = [1, 3], Timeline = true, Due = new DateOnly(2026, 12, 9), Note = "Bring <notes> & a pen" }.Encode();
        var (manifest, links) = await FetchAsync($"/assign/{code}/assignment.imscc", "common-sense-introduction-due-2026-12-09.imscc");
        var module = manifest.Descendants(Cp + "organization").Single().Element(Cp + "item")!.Element(Cp + "item")!;
        Assert.Equal("Assignment due 9 December 2026", module.Element(Cp + "title")!.Value);
        Assert.Equal(
            [$"{BaseUrl}/assign/{code}", $"{BaseUrl}/assign/{code}/worksheet", $"{BaseUrl}/essay#p1", $"{BaseUrl}/essay#p3", $"{BaseUrl}/timeline",
             $"{BaseUrl}/questions#{Content.Questions[0].Id}", $"{BaseUrl}/questions#{Content.Questions[2].Id}"],
            links.Select(l => l.Url));
        var description = manifest.Descendants(Lom + "description").Single().Value;
        Assert.Contains("Due 9 December 2026.", description, StringComparison.Ordinal);
        Assert.Contains("Note from your teacher: Bring <notes> & a pen", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAssignmentCartridge_ForABadCode_IsA400SayingWhy()
    {
        using var response = await _client.GetAsync(new Uri("/assign/not-a-code/assignment.imscc", UriKind.Relative));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("assignment code", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheGuideCartridge_IsAFixedAddress_WhoseBytesDoNotDependOnTheTime()
    {
        var first = await _client.GetByteArrayAsync(new Uri("/classroom.imscc", UriKind.Relative));
        Assert.Contains(TeachingEndpoints.ClassroomCartridge, SiteRoutes.Fixed(Content));
        var built = ClassroomCartridges.Guide(Content, path => new Uri(new Uri(BaseUrl + "/"), path.TrimStart('/')));
        Assert.Equal(built, first);
        // The same content on a site whose clock reads years later (a fake clock, not a wait): the same bytes.
        using var later = new TeachingHost(new DateTimeOffset(2031, 6, 1, 12, 30, 59, TimeSpan.Zero));
        Assert.Equal(first, await later.Client.GetByteArrayAsync(new Uri("/classroom.imscc", UriKind.Relative)));
        using var zip = new ZipArchive(new MemoryStream(first));
        Assert.All(zip.Entries, e => Assert.Equal(Content.LastUpdated!.Value, DateOnly.FromDateTime(e.LastWriteTime.DateTime)));
    }

    [Fact]
    public async Task TheCartridges_AreLinkedForTeachers()
    {
        var home = await _client.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("a[href='/classroom.imscc'][download]"));
        Assert.NotNull((await _client.GetDocumentAsync("/questions")).QuerySelector(".teacher-tools a[href='/classroom.imscc'][download]"));
        var code = new Assignment { Paragraphs = [3] }.Encode();
        var page = await _client.GetDocumentAsync($"/assign/{code}");
        // Named after the essay, and without a due date as an assignment, not "assignment.imscc".
        Assert.NotNull(page.QuerySelector($"a[href='/assign/{code}/assignment.imscc'][download='common-sense-introduction-assignment.imscc']"));
    }

    private sealed record Link(string Title, string Url);

    /// <summary>
    /// Unzips a cartridge and checks what holds for any: the CC 1.1 namespaces and schema, every file the manifest
    /// names is in the zip, every item points at a resource, and every web link is an absolute http(s) address.
    /// Returns the manifest and the links in the order the organisation lists them.
    /// </summary>
    private async Task<(XDocument Manifest, List<Link> Links)> FetchAsync(string url, string fileName)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("application/vnd.ims.imsccv1p1", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        XDocument Read(string path)
        {
            var entry = zip.GetEntry(path);
            Assert.True(entry is not null, $"the manifest names {path}, which is not in the package");
            using var stream = entry.Open();
            return XDocument.Load(stream);
        }

        var manifest = Read("imsmanifest.xml");
        var root = manifest.Root!;
        Assert.Equal(Cp + "manifest", root.Name);
        Assert.Equal("http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest", root.Attribute(XNamespace.Xmlns + "lomimscc")!.Value);
        Assert.Equal("http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource", root.Attribute(XNamespace.Xmlns + "lom")!.Value);
        Assert.Equal("IMS Common Cartridge", root.Element(Cp + "metadata")!.Element(Cp + "schema")!.Value);
        Assert.Equal("1.1.0", root.Element(Cp + "metadata")!.Element(Cp + "schemaversion")!.Value);
        Assert.Equal("rooted-hierarchy", root.Descendants(Cp + "organization").Single().Attribute("structure")!.Value);

        var resources = root.Element(Cp + "resources")!.Elements(Cp + "resource").ToDictionary(r => r.Attribute("identifier")!.Value);
        var named = resources.Values.SelectMany(r => r.Elements(Cp + "file")).Select(f => f.Attribute("href")!.Value).ToList();
        Assert.Equal(named.Prepend("imsmanifest.xml").Order(StringComparer.Ordinal), zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));

        var links = new List<Link>();
        foreach (var item in root.Descendants(Cp + "item").Where(i => i.Attribute("identifierref") is not null))
        {
            var resource = resources[item.Attribute("identifierref")!.Value];
            Assert.Equal("imswl_xmlv1p1", resource.Attribute("type")!.Value);
            var webLink = Read(resource.Element(Cp + "file")!.Attribute("href")!.Value).Root!;
            Assert.Equal(Wl + "webLink", webLink.Name);
            Assert.Equal(item.Element(Cp + "title")!.Value, webLink.Element(Wl + "title")!.Value);
            var href = webLink.Element(Wl + "url")!.Attribute("href")!.Value;
            Assert.True(Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https", $"{href} is not an absolute web address");
            links.Add(new Link(webLink.Element(Wl + "title")!.Value, href));
        }

        Assert.Equal(resources.Count, links.Count);
        return (manifest, links);
    }
}
