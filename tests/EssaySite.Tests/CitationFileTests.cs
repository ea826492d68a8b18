using EssaySite.Content;
using EssaySite.Startup;
using EssaySite.Teaching;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>
/// The files a reference manager imports (BibTeX, RIS, CSL-JSON): how each writer writes, and how the site serves
/// and links them. CitationFileTests in the browser tests read them back with real parsers.
/// </summary>
public sealed class CitationFileTests(TeachingHost host) : IClassFixture<TeachingHost>
{
    private const string BaseUrl = TeachingHost.BaseUrl;
    private readonly HttpClient _client = host.Client;

    private static readonly CitedCopy Awkward = new("Ann", "O'Brien-Smith", "Costs & {Benefits}: 100% of #1_a~b^c\\d", "A Site and Its Guide", new DateOnly(2021, 3, 9), new Uri("https://example.org/reading/essay"), 4);

    [Fact]
    public void BibTeX_EscapesItsSpecialCharacters_AndKeepsTheSiteNameWhole()
    {
        var bib = CitationFiles.BibTeX(Awkward);
        Assert.Contains(@"title        = {Costs \& \{Benefits\}: 100\% of \#1\_a\textasciitilde{}b\textasciicircum{}c\textbackslash{}d},", bib, StringComparison.Ordinal);
        Assert.Contains("organization = {{A Site and Its Guide}},", bib, StringComparison.Ordinal);
        Assert.Contains("author       = {O'Brien-Smith, Ann},", bib, StringComparison.Ordinal);
        Assert.Contains("date         = {2021-03-09},", bib, StringComparison.Ordinal);
        Assert.Contains("url          = {https://example.org/reading/essay},", bib, StringComparison.Ordinal);
        Assert.Contains(@"note         = {Paragraph 4 of the essay: https://example.org/reading/essay\#p4}", bib, StringComparison.Ordinal);
        Assert.Contains("@online{obriensmith2021p4,", bib, StringComparison.Ordinal);
        // Every brace the writer opens it closes, whatever the title held.
        var unescaped = bib.Replace(@"\{", "", StringComparison.Ordinal).Replace(@"\}", "", StringComparison.Ordinal);
        Assert.Equal(unescaped.Count(c => c == '{'), unescaped.Count(c => c == '}'));
    }

    [Fact]
    public void ARepublishedCopy_IsIssuedOnItsOwnDate_WithTheOriginalsDateBesideWhereTheFormatHasAField()
    {
        var copy = Awkward with { Issued = new DateOnly(2026, 12, 7), Original = new DateOnly(2020, 1, 8), Paragraph = null };
        var bib = CitationFiles.BibTeX(copy);
        Assert.Contains("date         = {2026-12-07},", bib, StringComparison.Ordinal);
        Assert.Contains("origdate     = {2020-01-08}", bib, StringComparison.Ordinal);
        // The key is the work's, so it stays when the copy is updated.
        Assert.Contains("@online{obriensmith2020,", bib, StringComparison.Ordinal);
        using var json = System.Text.Json.JsonDocument.Parse(CitationFiles.CslJson(copy));
        Assert.Equal("[[2020,1,8]]", json.RootElement[0].GetProperty("original-date").GetProperty("date-parts").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        Assert.Equal("[[2026,12,7]]", json.RootElement[0].GetProperty("issued").GetProperty("date-parts").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        Assert.Contains("DA  - 2026/12/07", CitationFiles.Ris(copy).Split("\r\n"));
        Assert.False(System.Text.Json.JsonDocument.Parse(CitationFiles.CslJson(Awkward)).RootElement[0].TryGetProperty("original-date", out _));
    }

    [Fact]
    public void Ris_IsOneElecRecordOfTaggedLinesEndingInCrLf()
    {
        var ris = CitationFiles.Ris(Awkward with { Title = "Two\nlines" });
        var lines = ris.Split("\r\n");
        Assert.Equal("TY  - ELEC", lines[0]);
        Assert.Equal("ER  - ", lines[^2]);
        Assert.Equal("", lines[^1]);
        Assert.All(lines[..^1], l => Assert.Matches("^[A-Z][A-Z0-9]  - ", l));
        Assert.Contains("TI  - Two lines", lines);
        Assert.Contains("AU  - O'Brien-Smith, Ann", lines);
        Assert.Contains("DA  - 2021/03/09", lines);
        Assert.Contains("N1  - Paragraph 4 of the essay: https://example.org/reading/essay#p4", lines);
        Assert.DoesNotContain('\n', ris.Replace("\r\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void CslJson_IsAListOfOneWebpageItem_WithTheParagraphInItsNote()
    {
        using var json = System.Text.Json.JsonDocument.Parse(CitationFiles.CslJson(Awkward));
        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("webpage", item.GetProperty("type").GetString());
        Assert.Equal(Awkward.Title, item.GetProperty("title").GetString());
        Assert.Equal("[[2021,3,9]]", item.GetProperty("issued").GetProperty("date-parts").GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal));
        Assert.Equal("Paragraph 4 of the essay: https://example.org/reading/essay#p4", item.GetProperty("note").GetString());
        Assert.False(System.Text.Json.JsonDocument.Parse(CitationFiles.CslJson(Awkward with { Paragraph = null })).RootElement[0].TryGetProperty("note", out _));
    }

    [Theory]
    [InlineData("/essay/cite.bib", "application/x-bibtex; charset=utf-8", "common-sense-introduction.bib")]
    [InlineData("/essay/cite.ris", "application/x-research-info-systems; charset=utf-8", "common-sense-introduction.ris")]
    [InlineData("/essay/cite.csl.json", "application/vnd.citationstyles.csl+json; charset=utf-8", "common-sense-introduction.csl.json")]
    [InlineData("/essay/cite/2.bib", "application/x-bibtex; charset=utf-8", "common-sense-introduction-paragraph-2.bib")]
    [InlineData("/essay/cite/2.ris", "application/x-research-info-systems; charset=utf-8", "common-sense-introduction-paragraph-2.ris")]
    [InlineData("/essay/cite/2.csl.json", "application/vnd.citationstyles.csl+json; charset=utf-8", "common-sense-introduction-paragraph-2.csl.json")]
    public async Task CitationFiles_AreDownloads_OfTheCopyHere_WithTheirMediaType(string url, string type, string name)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(name, response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains($"{BaseUrl}/essay", text, StringComparison.Ordinal);
        // The file cites this copy: the original's address, which is not confirmed, is not in it.
        Assert.DoesNotContain("tipiglen.co.uk", text, StringComparison.Ordinal);
        // BibTeX escapes the # of the paragraph's address.
        Assert.Equal(url.Contains("/2.", StringComparison.Ordinal), System.Text.RegularExpressions.Regex.IsMatch(text, $@"{BaseUrl}/essay\\?#p2"));
    }

    [Theory]
    [InlineData("/essay/cite/0.bib")]
    [InlineData("/essay/cite/4.ris")]
    [InlineData("/essay/cite/2.txt")]
    public async Task ACitationFileOfNoParagraph_IsNotFound(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(404, (int)response.StatusCode);
    }

    [Fact]
    public async Task CiteThis_LinksTheFiles_OnTheEssayAndOnEachParagraphsCitationPage()
    {
        var essay = await _client.GetDocumentAsync("/essay");
        Assert.Equal(["/essay/cite.bib", "/essay/cite.ris", "/essay/cite.csl.json"],
            essay.QuerySelectorAll("section.cite-this .cite-files a[download]").Select(a => a.GetAttribute("href")));
        var paragraph = await _client.GetDocumentAsync("/essay/cite/2");
        var links = paragraph.QuerySelectorAll(".cite-files a[download]").ToList();
        Assert.Equal(["/essay/cite/2.bib", "/essay/cite/2.ris", "/essay/cite/2.csl.json"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("common-sense-introduction-paragraph-2.ris", links[1].GetAttribute("download"));
        Assert.Equal("RIS (.ris)", links[1].TextContent);
    }

    [Fact]
    public async Task EveryCitationFile_IsAFixedAddress_SoTheEditionAndTheExportHaveIt()
    {
        // A first request makes sure the content is loaded.
        (await _client.GetAsync(new Uri("/essay/cite.bib", UriKind.Relative))).EnsureSuccessStatusCode();
        var content = host.Factory.Services.GetRequiredService<ContentStore>().Current;
        var routes = SiteRoutes.Fixed(content).ToHashSet();
        foreach (var extension in new[] { "bib", "ris", "csl.json" })
        {
            Assert.Contains($"/essay/cite.{extension}", routes);
            Assert.All(content.Essay.Paragraphs, p => Assert.Contains($"/essay/cite/{p.Number}.{extension}", routes));
        }
    }
}
