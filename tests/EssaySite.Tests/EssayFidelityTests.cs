using AngleSharp.Dom;

namespace EssaySite.Tests;

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
}
