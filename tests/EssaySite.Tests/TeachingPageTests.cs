using System.Net;
using System.Text.Json;
using EssaySite.Content;
using EssaySite.Teaching;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>
/// The teaching pages through the real pipeline, with a fixed clock and a configured public address, on the fixture
/// guide: its essay is the introduction of Thomas Paine's Common Sense, dated (as the fixture gives it) 10 January 1776.
/// </summary>
public sealed class TeachingPageTests(TeachingHost host) : IClassFixture<TeachingHost>
{
    private const string BaseUrl = TeachingHost.BaseUrl;

    // The fixture's site.yml name and tagline, title-cased as citations give a work's title.
    private const string Guide = "Reading Common Sense: A Pamphlet and Its Guide";

    private static readonly int Paragraphs = FixtureGuide.Paragraphs().Count;
    private readonly WebApplicationFactory<Program> _factory = host.Factory;
    private readonly HttpClient _client = host.Client;

    private string Version => _factory.Services.GetRequiredService<ContentStore>().Current.Version;

    [Fact]
    public async Task Packet_HasEveryPartWithNumberedParagraphsAndReadingFacts()
    {
        var doc = await _client.GetDocumentAsync("/packet?part=essay&part=timeline&part=sources&part=questions&part=glossary");
        Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Equal(["essay", "timeline", "sources", "questions", "glossary"], doc.QuerySelectorAll("section.packet-part > h2").Select(h => h.Id));
        var paras = doc.QuerySelectorAll(".packet-part .essay-text .para").ToList();
        Assert.Equal(Paragraphs, paras.Count);
        Assert.Equal(Enumerable.Range(1, Paragraphs).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), paras.Select(p => p.QuerySelector(".pnum")!.TextContent));
        var header = Html.Fold(doc.QuerySelector(".packet-header")!.TextContent);
        Assert.Contains("Thomas Paine", header, StringComparison.Ordinal);
        Assert.Contains("10 January 1776", header, StringComparison.Ordinal);
        Assert.Contains($"{BaseUrl}/packet?part=essay&part=timeline&part=sources&part=questions&part=glossary", header, StringComparison.Ordinal);
        Assert.Contains($"{FixtureGuide.Paragraphs().Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length)} words", header, StringComparison.Ordinal);
        Assert.Contains("Flesch–Kincaid grade", header, StringComparison.Ordinal);
        Assert.Equal(FixtureGuide.Ids("timeline").Count, doc.QuerySelectorAll(".packet-part li.event").Length);
        Assert.Equal(FixtureGuide.Ids("questions").Count, doc.QuerySelectorAll(".packet-part li.question").Length);
    }

    [Fact]
    public async Task Packet_ByDefault_HoldsWhatAClassNeedsInHand_AndTheChoiceIsInTheAddress()
    {
        var doc = await _client.GetDocumentAsync("/packet");
        Assert.Equal(["essay", "questions"], doc.QuerySelectorAll("section.packet-part > h2").Select(h => h.Id));
        Assert.Equal("2. Discussion questions", doc.GetElementById("questions")!.TextContent);
        var boxes = doc.QuerySelectorAll("form.packet-parts input[type='checkbox'][name='part']");
        Assert.Equal(["essay", "timeline", "sources", "questions", "glossary"], boxes.Select(b => b.GetAttribute("value")));
        Assert.Equal(["essay", "questions"], boxes.Where(b => b.HasAttribute("checked")).Select(b => b.GetAttribute("value")));
        Assert.Equal("get", doc.QuerySelector("form.packet-parts")!.GetAttribute("method"));

        var chosen = await _client.GetDocumentAsync("/packet?part=questions&part=glossary");
        Assert.Equal(["questions", "glossary"], chosen.QuerySelectorAll("section.packet-part > h2").Select(h => h.Id));
        Assert.Equal("1. Discussion questions", chosen.GetElementById("questions")!.TextContent);
        Assert.Contains($"{BaseUrl}/packet?part=questions&part=glossary", chosen.QuerySelector(".packet-header")!.TextContent, StringComparison.Ordinal);

        var bad = await _client.GetDocumentAsync("/packet?part=everything", 400);
        Assert.Contains("The packet has no part “everything”", bad.QuerySelector(".form-problems")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PacketSources_NameTheTitleFirstWhenTheAuthorIsUnknown_AndNeverDoubleTheStop()
    {
        var doc = await _client.GetDocumentAsync("/packet?part=sources");
        var entries = doc.QuerySelectorAll(".packet-part li.source .citation").Select(c => Html.Fold(c.TextContent)).ToList();
        Assert.NotEmpty(entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("Author not confirmed", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Contains("?.", StringComparison.Ordinal) || e.Contains("!.", StringComparison.Ordinal) || e.Contains("..", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Who Won?", "")]
    [InlineData("Stop!", "")]
    [InlineData("A Title", ".")]
    public void ATitleEndingASentence_TakesNoFullStop(string title, string expected) => Assert.Equal(expected, Citations.EndOf(title));

    [Fact]
    public async Task TheEssay_CarriesHighwireCitationTags_ForReferenceManagers()
    {
        var doc = await _client.GetDocumentAsync("/essay");
        string? Tag(string name) => doc.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");
        Assert.Equal("Common Sense: Introduction", Tag("citation_title"));
        Assert.Equal("Paine, Thomas", Tag("citation_author"));
        Assert.Equal("1776/01/10", Tag("citation_publication_date"));
        Assert.Equal("1776/01/10", Tag("citation_online_date"));
        Assert.Equal($"{BaseUrl}/essay", Tag("citation_public_url"));
        Assert.Equal(FixtureGuide.Identity()["language"], Tag("citation_language"));
        Assert.Null((await _client.GetDocumentAsync("/timeline")).QuerySelector("meta[name='citation_title']"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/essay")]
    [InlineData("/questions")]
    public async Task TheTeachingTools_AreLinkedWhereTeachersRead(string url)
    {
        var doc = await _client.GetDocumentAsync(url);
        Assert.NotNull(doc.QuerySelector("main a[href='/packet']"));
        Assert.NotNull(doc.QuerySelector("main a[href='/assign']"));
    }

    [Fact]
    public async Task Home_ShowsTheMeasuredReadingLevel()
    {
        var facts = EssaySite.Teaching.ReadingFacts.Measure(FixtureGuide.Paragraphs());
        var text = Html.Fold((await _client.GetDocumentAsync("/")).QuerySelector("main")!.TextContent);
        Assert.Contains($"Flesch–Kincaid grade {facts.GradeDisplay}", text, StringComparison.Ordinal);
        var time = (await _client.GetDocumentAsync("/")).QuerySelectorAll("main dt").Single(dt => dt.TextContent == "Reading time").NextElementSibling!;
        Assert.Equal(facts.ReadingTime, time.TextContent);
    }

    [Theory]
    [InlineData(1, "about 1 minute")]
    [InlineData(230, "about 1 minute")]
    [InlineData(231, "about 2 minutes")]
    public void TheReadingTime_IsSingularForOneMinute(int words, string expected)
    {
        var facts = EssaySite.Teaching.ReadingFacts.Measure([string.Join(' ', Enumerable.Repeat("word", words)) + "."]);
        Assert.Equal(expected, facts.ReadingTime);
    }

    [Theory]
    [InlineData("/timeline", "Timeline")]
    [InlineData("/questions", "Discussion Questions")]
    [InlineData("/sources", "Sources")]
    public async Task CiteThis_OnAGuidePage_GivesTheOriginalAndThePageWithItsLastUpdatedDate(string url, string title)
    {
        var doc = await _client.GetDocumentAsync(url);
        var section = doc.QuerySelector("section.cite-this");
        Assert.NotNull(section);
        var texts = section.QuerySelectorAll(".cite-text").Select(e => e.TextContent).ToList();
        Assert.Equal(8, texts.Count);
        Assert.Contains("Paine, Thomas. “Common Sense: Introduction.” tipiglen.co.uk, 10 Jan. 1776, tipiglen.co.uk/tompaine.html.", texts);
        var updated = doc.QuerySelector(".page-meta time")!.GetAttribute("datetime")!;
        var day = DateOnly.ParseExact(updated, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"“{title}.” {Guide}, {Citations.MlaDate(day)}, essay.example.org{url}.", texts);
        Assert.Contains(texts, t => t.StartsWith($"{Guide}. “{title}.” Last modified {Citations.ChicagoDate(day)}.", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("n.d.", StringComparison.Ordinal) || t.Contains("ccessed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CiteThis_OnTheEssay_CreditsTheAuthor_NeverTheEditors()
    {
        var doc = await _client.GetDocumentAsync("/essay");
        var section = doc.QuerySelector("section.cite-this")!;
        var texts = section.QuerySelectorAll(".cite-text").Select(e => e.TextContent).ToList();
        Assert.Equal(8, texts.Count);
        Assert.All(texts, t => Assert.Contains("Paine", t, StringComparison.Ordinal));
        Assert.DoesNotContain("editors", Html.Fold(section.QuerySelector("dl:nth-of-type(2)")!.TextContent), StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"Paine, Thomas. “Common Sense: Introduction.” 1776. {Guide}, 2 Dec. 2026, essay.example.org/essay.", texts);
    }

    [Theory]
    [InlineData("/essay")]
    [InlineData("/timeline")]
    [InlineData("/essay/cite/2")]
    public async Task Pages_AreByteIdenticalOnTwoDifferentDays(string url)
    {
        using var otherDay = new TeachingHost(new DateTimeOffset(2027, 3, 9, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(
            await _client.GetStringAsync(new Uri(url, UriKind.Relative)),
            await otherDay.Client.GetStringAsync(new Uri(url, UriKind.Relative)));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/packet")]
    [InlineData("/assign")]
    public async Task CiteThis_IsOnlyOnTheEssayAndGuidePages(string url) =>
        Assert.Null((await _client.GetDocumentAsync(url)).QuerySelector("section.cite-this"));

    [Fact]
    public async Task EveryParagraph_LinksToItsCitation_WithTheLocatorAndItsUrl()
    {
        var essay = await _client.GetDocumentAsync("/essay");
        Assert.Equal(Paragraphs, essay.QuerySelectorAll(".para > a.pcite[href^='/essay/cite/']").Length);
        Assert.Equal("/essay/cite/2", essay.QuerySelector("#p2 a.pcite")!.GetAttribute("href"));

        var doc = await _client.GetDocumentAsync("/essay/cite/2");
        var texts = doc.QuerySelectorAll(".cite-text").Select(e => e.TextContent).ToList();
        Assert.Contains("(Paine, par. 2)", texts);
        Assert.Contains("(Paine, 1776/2026, para. 2)", texts);
        Assert.Contains($"Thomas Paine, “Common Sense: Introduction,” January 10, 1776, par. 2, reproduced in {Guide}, last modified December 2, 2026, {BaseUrl}/essay#p2.", texts);
        Assert.Contains($"Paine, T. (2026, December 2). Common sense: Introduction. {Guide}. {BaseUrl}/essay (Original work published 1776)", texts);
        Assert.StartsWith("¶ 2 " + string.Join(' ', FixtureGuide.Paragraphs()[1].Split(' ')[..6]), Html.Fold(doc.QuerySelector(".cited-paragraph")!.TextContent), StringComparison.Ordinal);
        await _client.GetDocumentAsync($"/essay/cite/{Paragraphs + 1}", 404);
        await _client.GetDocumentAsync("/essay/cite/0", 404);
    }

    [Theory]
    [InlineData("/", "website")]
    [InlineData("/essay", "article")]
    [InlineData("/timeline", "website")]
    [InlineData("/packet", "website")]
    [InlineData("/assign", "website")]
    public async Task EveryPage_HasCanonicalOpenGraphAndTwitterCard(string url, string type)
    {
        var doc = await _client.GetDocumentAsync(url);
        string? Meta(string selector) => doc.QuerySelector(selector)?.GetAttribute("content");
        Assert.Equal(BaseUrl + url, doc.QuerySelector("link[rel='canonical']")?.GetAttribute("href"));
        Assert.Equal(BaseUrl + url, Meta("meta[property='og:url']"));
        Assert.Equal(type, Meta("meta[property='og:type']"));
        Assert.False(string.IsNullOrWhiteSpace(Meta("meta[property='og:title']")));
        Assert.False(string.IsNullOrWhiteSpace(Meta("meta[property='og:description']")));
        Assert.Equal($"{BaseUrl}/img/share.png", Meta("meta[property='og:image']"));
        Assert.Equal("summary_large_image", Meta("meta[name='twitter:card']"));
        Assert.Equal($"{BaseUrl}/img/share.png", Meta("meta[name='twitter:image']"));
        Assert.Equal(Meta("meta[property='og:title']"), Meta("meta[name='twitter:title']"));
    }

    [Fact]
    public async Task ShareImage_IsA1200By630Png()
    {
        using var response = await _client.GetAsync(new Uri("/img/share.png", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(1200, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(630, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public async Task Essay_HasArticleJsonLdWithAuthorAndOriginalDate()
    {
        var doc = await _client.GetDocumentAsync("/essay");
        var blocks = doc.QuerySelectorAll("script[type='application/ld+json']");
        using var json = JsonDocument.Parse(Assert.Single(blocks).TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("Article", root.GetProperty("@type").GetString());
        Assert.Equal(FixtureGuide.Field("essay.md", "title"), root.GetProperty("headline").GetString());
        Assert.Equal("Person", root.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal(FixtureGuide.Field("essay.md", "author"), root.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(FixtureGuide.Field("essay.md", "published"), root.GetProperty("datePublished").GetString());
        Assert.Equal($"{BaseUrl}/essay", root.GetProperty("url").GetString());
        Assert.Empty((await _client.GetDocumentAsync("/timeline")).QuerySelectorAll("script[type='application/ld+json']"));
    }

    [Fact]
    public void ArticleJsonLd_CannotCloseItsScriptElement()
    {
        var json = ArticleJsonLd.For(
            "</script><script>alert(1)</script>", "A & B", new DateOnly(2020, 1, 8), "<!-- d -->",
            new Uri("https://example.org/essay"), new Uri("https://example.org/original"), new Uri("https://example.org/share.png"));
        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain('&', json);
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal("</script><script>alert(1)</script>", parsed.RootElement.GetProperty("headline").GetString());
        Assert.Equal("A & B", parsed.RootElement.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("2020-01-08", parsed.RootElement.GetProperty("datePublished").GetString());
        Assert.Equal("https://example.org/original", parsed.RootElement.GetProperty("isBasedOn").GetString());
    }

    [Fact]
    public async Task AssignForm_RedirectsToAShortUrlThatShowsExactlyTheChoice()
    {
        using var response = await _client.GetAsync(new Uri("/assign?essay=some&paragraphs=2-3&timeline=1&q=1&q=2&due=2026-12-01&note=Bring+notes", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/assign/[A-Za-z0-9_-]{10,40}$", location);

        var doc = await _client.GetDocumentAsync(location);
        Assert.Equal("Assignment due 1 December 2026", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(["2", "3"], doc.QuerySelectorAll(".assigned-paragraphs .para").Select(p => p.GetAttribute("data-paragraph")));
        Assert.Equal(["1", "2"], doc.QuerySelectorAll(".assigned-questions > li").Select(p => p.GetAttribute("data-question")));
        Assert.Equal(["paragraphs", "timeline"], doc.QuerySelectorAll(".assigned-parts > li").Select(p => p.GetAttribute("data-part")));
        Assert.Contains("Bring notes", doc.QuerySelector(".assignment-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(BaseUrl + location, doc.QuerySelector(".assignment-url a")!.GetAttribute("href"));
        Assert.Equal(location + "/qr.svg", doc.QuerySelector(".qr img")!.GetAttribute("src"));
    }

    [Fact]
    public async Task AssignForm_WithBadInput_Answers400AndSaysWhy()
    {
        var doc = await _client.GetDocumentAsync("/assign?essay=some&paragraphs=40&q=99", 400);
        Assert.StartsWith("Error:", doc.Title, StringComparison.Ordinal);
        var summary = doc.QuerySelector(".error-summary")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        var links = summary.QuerySelectorAll("li a").Select(a => (Href: a.GetAttribute("href"), Text: a.TextContent)).ToList();
        Assert.Contains(("#paragraphs", $"There is no paragraph 40: the essay has {Paragraphs}."), links);
        Assert.Contains(links, l => l.Href == "#questions" && l.Text.StartsWith("There is no question “99”", StringComparison.Ordinal));
        Assert.All(links, l => Assert.NotNull(doc.QuerySelector(l.Href!)));

        var field = doc.QuerySelector("#paragraphs")!;
        Assert.Equal("40", field.GetAttribute("value"));
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Null(field.GetAttribute("inputmode"));
        var describedBy = field.GetAttribute("aria-describedby")!.Split(' ');
        Assert.Contains("paragraphs-error", describedBy);
        Assert.Equal($"Error: There is no paragraph 40: the essay has {Paragraphs}.", Html.Fold(doc.GetElementById("paragraphs-error")!.TextContent));
        Assert.Null(doc.QuerySelector("#due")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task APastDueDate_IsAccepted_WithAWarning()
    {
        using var response = await _client.GetAsync(new Uri("/assign?essay=all&due=2026-11-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await _client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("The due date, 1 November 2026, has passed.", doc.QuerySelector(".due-passed")!.TextContent, StringComparison.Ordinal);

        using var future = await _client.GetAsync(new Uri("/assign?essay=all&due=2026-12-01", UriKind.Relative));
        Assert.Null((await _client.GetDocumentAsync(future.Headers.Location!.OriginalString)).QuerySelector(".due-passed"));
    }

    [Fact]
    public async Task AnAssignment_OffersALargeQrCodeAndNeverCallsItsLinkShort()
    {
        using var response = await _client.GetAsync(new Uri("/assign?essay=all&q=1", UriKind.Relative));
        var location = response.Headers.Location!.OriginalString;
        var doc = await _client.GetDocumentAsync(location);
        Assert.Equal("#qr-large", doc.QuerySelector(".qr figcaption a")!.GetAttribute("href"));
        Assert.Equal(location + "/qr.svg", doc.QuerySelector("#qr-large img")!.GetAttribute("src"));
        Assert.Contains("screen-only", doc.QuerySelector(".qr figcaption")!.ClassList);
        var form = await _client.GetDocumentAsync("/assign");
        Assert.DoesNotContain("short link", form.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AssignForm_KeepsTypedParagraphs_EvenWithTheWholeEssayStillSelected()
    {
        using var response = await _client.GetAsync(new Uri("/assign?essay=all&paragraphs=p2%E2%80%93p3", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var doc = await _client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal([2, 3], doc.QuerySelectorAll(".assigned-paragraphs .para").Select(p => int.Parse(p.GetAttribute("data-paragraph")!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Null(doc.QuerySelector("[data-part='essay']"));
    }

    [Fact]
    public async Task AssignForm_IgnoresParametersItDoesNotOwn()
    {
        var doc = await _client.GetDocumentAsync("/assign?utm_source=lms");
        Assert.Null(doc.QuerySelector(".form-problems"));
        Assert.NotNull(doc.QuerySelector("form.assign-form[method='get'][action='/assign']"));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("AAAAAAAAAAAA")]
    [InlineData("ARgDAAAHARUJ3g5SZWFkIGNhcmVmdWxsefQQQB")]
    [InlineData("not%20a%20code")]
    [InlineData("%E2%9C%93")]
    [InlineData("ARgDAAAHARUJ3g5SZWFkIGNhcm")]
    public async Task BrokenAssignmentLinks_Answer400WithAClearMessage(string code)
    {
        var doc = await _client.GetDocumentAsync($"/assign/{code}", 400);
        Assert.Equal("This assignment link does not work", doc.QuerySelector("h1")!.TextContent);
        Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector(".form-problems")!.TextContent));
        Assert.NotNull(doc.QuerySelector("main a[href='/assign']"));
        // The problem says what is wrong; the page's advice to ask again is given once, not in both.
        var main = doc.QuerySelector("main")!.TextContent;
        Assert.True(main.Split("again").Length <= 2, main);
        using var qr = await _client.GetAsync(new Uri($"/assign/{code}/qr.svg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, qr.StatusCode);
    }

    [Fact]
    public async Task QrCode_IsSvgWithoutStyleAttributesOrScripts()
    {
        var code = new EssaySite.Teaching.Assignment { WholeEssay = true, Questions = [1] }.Encode();
        using var response = await _client.GetAsync(new Uri($"/assign/{code}/qr.svg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("style", svg, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", svg, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"{BaseUrl}/assign/{code}", svg, StringComparison.Ordinal);
    }

}

/// <summary>One app for the teaching page tests: Site:BaseUrl set and the clock fixed at 23 November 2026.</summary>
public sealed class TeachingHost : IDisposable
{
    public const string BaseUrl = "https://essay.example.org";
    private readonly AppFactory _app = new AppFactory().With("Site:BaseUrl", BaseUrl);

    public TeachingHost()
        : this(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero))
    {
    }

    internal TeachingHost(DateTimeOffset now)
    {
        Factory = _app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FixedClock(now))));
        Client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public WebApplicationFactory<Program> Factory { get; }

    public HttpClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        _app.Dispose();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
