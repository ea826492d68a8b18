namespace EssaySite.Tests;

/// <summary>The essay page and the text as received (/essay.txt), on the fixture guide; the real essay's fidelity is <see cref="EssayFidelityTests"/>.</summary>
public sealed class EssayPageTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    [Fact]
    public async Task Essay_EveryParagraphHasAStableIdInOrderAndANumberLink()
    {
        var doc = await host.Client.GetDocumentAsync("/essay");
        var paras = doc.QuerySelectorAll(".essay-text .para").ToList();
        var seed = FixtureGuide.Paragraphs();
        Assert.Equal(seed.Count, paras.Count);
        for (var i = 0; i < paras.Count; i++)
        {
            var n = i + 1;
            Assert.Equal($"p{n}", paras[i].Id);
            var link = paras[i].QuerySelector("a.pnum")!;
            Assert.Equal($"#p{n}", link.GetAttribute("href"));
            Assert.Equal($"Link to paragraph {n}", link.GetAttribute("aria-label"));
            Assert.StartsWith(Html.Fold(seed[i])[..20], Html.Fold(paras[i].QuerySelector(":scope > p, :scope > blockquote")!.TextContent), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Essay_IsAttributedWithItsOriginalPublication()
    {
        var doc = await host.Client.GetDocumentAsync("/essay");
        var header = doc.QuerySelector(".essay-header")!;
        Assert.Equal(FixtureGuide.Field("essay.md", "title"), doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(FixtureGuide.Field("essay.md", "author"), header.TextContent, StringComparison.Ordinal);
        Assert.NotNull(header.QuerySelector($"time[datetime='{FixtureGuide.Field("essay.md", "written")}']"));
        Assert.NotNull(header.QuerySelector($"time[datetime='{FixtureGuide.Field("essay.md", "published")}']"));
        Assert.NotNull(header.QuerySelector($"a[href='{FixtureGuide.Field("essay.md", "original_url")}']"));
    }

    [Fact]
    public async Task AnUnconfirmedOriginal_LinksToTheSourcesEntryTheEssayNames()
    {
        var doc = await host.Client.GetDocumentAsync("/essay");
        var note = doc.QuerySelector(".essay-header .unconfirmed")!;
        var link = note.QuerySelector("a")!;
        Assert.Equal("not confirmed", link.TextContent);
        Assert.Equal("/sources#" + ((IEnumerable<object>)FixtureGuide.FrontMatter("essay.md")["sources"]).First(), link.GetAttribute("href"));
        var sources = await host.Client.GetDocumentAsync("/sources");
        Assert.NotNull(sources.GetElementById(link.GetAttribute("href")!.Split('#')[1]));
    }

    // The fixture essay lists both facts as unconfirmed; each test replaces that line with its own.
    private static async Task<(AngleSharp.Html.Dom.IHtmlDocument Essay, AngleSharp.Html.Dom.IHtmlDocument Packet)> PagesWithUnconfirmedLine(string line)
    {
        using var content = new TempContent();
        var essayMd = Path.Combine(content.ContentRoot, "essay.md");
        File.WriteAllText(essayMd, File.ReadAllText(essayMd).Replace("unconfirmed: [published, original_url]\n", line, StringComparison.Ordinal));
        using var factory = new AppFactory().With("Site:ContentPath", content.ContentRoot);
        var client = factory.Client();
        return (await client.GetDocumentAsync("/essay"), await client.GetDocumentAsync("/packet"));
    }

    // When the record confirms the address but not the date, every attribution says only the date is unconfirmed.
    [Fact]
    public async Task AConfirmedAddressWithAnUnconfirmedDate_IsCalledUnconfirmedOnlyForTheDate()
    {
        var (essay, packet) = await PagesWithUnconfirmedLine("unconfirmed: [published]\n");
        Assert.Equal("(date as supplied with the essay; not confirmed)", Html.Fold(essay.QuerySelector(".essay-header .unconfirmed")!.TextContent));
        Assert.Contains("(date as supplied with the essay; not confirmed).", Html.Fold(essay.QuerySelector("footer.site-footer")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("the author’s website (date as supplied with the essay; not confirmed), reproduced", Html.Fold(packet.QuerySelector(".packet-header")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConfirmedOriginal_CarriesNoUnconfirmedNote()
    {
        var (essay, packet) = await PagesWithUnconfirmedLine("");
        Assert.Null(essay.QuerySelector(".essay-header .unconfirmed"));
        Assert.DoesNotContain("not confirmed", essay.QuerySelector("footer.site-footer")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("not confirmed", packet.QuerySelector(".packet-header > p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EssayTxt_IsTheTextAsReceivedByteForByte_AsPlainText()
    {
        using var response = await host.Client.GetAsync(new Uri("/essay.txt", UriKind.Relative));
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(FixtureGuide.File("essay.txt")), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheEssayPage_ShowsTheTextsSha256AndWordCount_AsRecomputedHere()
    {
        var seed = await File.ReadAllBytesAsync(FixtureGuide.File("essay.txt"));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(seed));
        var words = System.Text.Encoding.UTF8.GetString(seed).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var doc = await host.Client.GetDocumentAsync("/essay");
        var proof = doc.QuerySelector(".text-proof")!;
        Assert.Equal(hash, proof.QuerySelector("code.hash")!.TextContent);
        Assert.Contains($"{words:N0} words", proof.TextContent, StringComparison.Ordinal);
        Assert.Equal("/essay.txt", proof.QuerySelector("a[download]")!.GetAttribute("href"));
        Assert.Contains("sha256sum essay.txt", proof.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ATextThatDiffersFromTheMarkdown_IsAProblemOnItsLine()
    {
        using var content = new TempContent();
        var text = File.ReadAllText(Path.Combine(content.ContentRoot, "essay.txt"));
        File.WriteAllText(Path.Combine(content.ContentRoot, "essay.txt"), text.Replace("Perhaps the sentiments", "Perhaps these sentiments", StringComparison.Ordinal));
        var (_, problems) = new EssaySite.Content.ContentLoader(new EssaySite.Content.MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).TryLoad(content.ContentRoot);
        var line = File.ReadAllLines(Path.Combine(content.ContentRoot, "essay.md")).ToList().FindIndex(l => l.StartsWith("text:", StringComparison.Ordinal)) + 1;
        Assert.Equal([$"content/essay.md:{line}: paragraph 1 differs from essay.txt: the essay must be published word for word"], problems.Select(p => p.ToString()));
    }
}
