using AngleSharp.Dom;

namespace EssaySite.Tests;

/// <summary>A content test, on the real content/ and seeds/: the essay is published word for word as it was received.</summary>
public sealed class EssayFidelityTests(RealSite site) : IClassFixture<RealSite>
{
    private static readonly string SharedSeed = Path.Combine(Repo.Root, "..", "shared", "seeds", "000_0273d8e9ceb8cf6c.txt");

    [Fact]
    public void Seed_IsAnUnchangedCopyOfTheSharedSeed()
    {
        Assert.True(File.Exists(SharedSeed), $"the shared seed is expected beside the repository at {SharedSeed}");
        Assert.Equal(File.ReadAllBytes(SharedSeed), File.ReadAllBytes(Repo.SeedPath));
    }

    [Fact]
    public void Seed_HasThirtyParagraphsAnd1608Words()
    {
        var paragraphs = Repo.SeedParagraphs();
        Assert.Equal(30, paragraphs.Count);
        Assert.Equal(1608, paragraphs.Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    [Fact]
    public async Task Essay_TextEqualsTheSeedWordForWord()
    {
        var doc = await site.Client.GetDocumentAsync("/essay");
        var rendered = doc.QuerySelectorAll(".essay-text .para")
            .Select(p => string.Concat(p.QuerySelectorAll(":scope > p, :scope > blockquote").Select(e => e.TextContent)))
            .Select(Html.Fold)
            .ToList();

        var seed = Repo.SeedParagraphs().Select(Html.Fold).ToList();
        Assert.Equal(seed.Count, rendered.Count);
        for (var i = 0; i < seed.Count; i++)
        {
            Assert.Equal(seed[i], rendered[i]);
        }

        Assert.Equal(Html.Fold(string.Join(' ', seed)), Html.Fold(string.Join(' ', rendered)));
    }

    [Fact]
    public async Task Essay_KeepsCurlyQuotesAndDashes()
    {
        var doc = await site.Client.GetDocumentAsync("/essay");
        var text = doc.QuerySelector(".essay-text")!.TextContent;
        Assert.Contains("Iran’s Quds Force", text, StringComparison.Ordinal);
        Assert.Contains("“stunned”", text, StringComparison.Ordinal);
        Assert.Contains("not one person—whether", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&rsquo;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Essay_EveryParagraphHasAStableIdInSeedOrderAndANumberLink()
    {
        var doc = await site.Client.GetDocumentAsync("/essay");
        var paras = doc.QuerySelectorAll(".essay-text .para").ToList();
        var seed = Repo.SeedParagraphs();
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
    public async Task Essay_HaidersWordsAreTheOnlyBlockQuote()
    {
        var doc = await site.Client.GetDocumentAsync("/essay");
        var quotes = doc.QuerySelectorAll(".essay-text blockquote");
        var quote = Assert.Single(quotes);
        Assert.Equal("p25", quote.Closest(".para")!.Id);
        Assert.EndsWith("Shuja Haider put it succinctly:", Html.Fold(doc.QuerySelector("#p24 > p")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Essay_IsAttributedWithItsOriginalPublication()
    {
        var doc = await site.Client.GetDocumentAsync("/essay");
        var header = doc.QuerySelector(".essay-header")!;
        Assert.Equal("There Is Only One Position", doc.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Shaine Scarminach", header.TextContent, StringComparison.Ordinal);
        Assert.NotNull(header.QuerySelector("time[datetime='2020-01-07']"));
        Assert.NotNull(header.QuerySelector("time[datetime='2020-01-08']"));
        Assert.NotNull(header.QuerySelector("a[href='https://shainescarminach.com/2020/01/08/there-is-only-one-position/']"));
    }

    [Fact]
    public async Task EssayTxt_IsTheSeedByteForByte_AsPlainText()
    {
        using var response = await site.Client.GetAsync(new Uri("/essay.txt", UriKind.Relative));
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Repo.SeedPath), await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheEssayPage_ShowsTheTextsSha256AndWordCount_AsRecomputedHere()
    {
        var seed = await File.ReadAllBytesAsync(Repo.SeedPath);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(seed));
        var words = System.Text.Encoding.UTF8.GetString(seed).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        var doc = await site.Client.GetDocumentAsync("/essay");
        var proof = doc.QuerySelector(".text-proof")!;
        Assert.Equal(hash, proof.QuerySelector("code.hash")!.TextContent);
        Assert.Contains($"{words:N0} words", proof.TextContent, StringComparison.Ordinal);
        Assert.Equal("/essay.txt", proof.QuerySelector("a[download]")!.GetAttribute("href"));
        Assert.Contains("sha256sum essay.txt", proof.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ATextThatDiffersFromTheMarkdown_IsAProblemOnItsLine()
    {
        using var content = TempContent.OfRealContent();
        var text = File.ReadAllText(Path.Combine(content.ContentRoot, "essay.txt"));
        File.WriteAllText(Path.Combine(content.ContentRoot, "essay.txt"), text.Replace("Four days ago", "Five days ago", StringComparison.Ordinal));
        var (_, problems) = new EssaySite.Content.ContentLoader(new EssaySite.Content.MarkdownRenderer(), EssaySite.Site.SiteRoutes.ForContent).TryLoad(content.ContentRoot);
        var line = File.ReadAllLines(Path.Combine(content.ContentRoot, "essay.md")).ToList().FindIndex(l => l.StartsWith("text:", StringComparison.Ordinal)) + 1;
        Assert.Equal([$"content/essay.md:{line}: paragraph 1 differs from essay.txt: the essay must be published word for word"], problems.Select(p => p.ToString()));
    }
}
