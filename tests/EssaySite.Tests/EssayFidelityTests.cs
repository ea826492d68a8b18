using AngleSharp.Dom;

namespace EssaySite.Tests;

/// <summary>A content test, on the real content/ and seeds/: the essay is published word for word as it was received.</summary>
public sealed class EssayFidelityTests(RealContentHost host) : IClassFixture<RealContentHost>
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
        var doc = await host.Client.GetDocumentAsync("/essay");
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
        var doc = await host.Client.GetDocumentAsync("/essay");
        var text = doc.QuerySelector(".essay-text")!.TextContent;
        Assert.Contains("Iran’s Quds Force", text, StringComparison.Ordinal);
        Assert.Contains("“stunned”", text, StringComparison.Ordinal);
        Assert.Contains("not one person—whether", text, StringComparison.Ordinal);
        Assert.DoesNotContain("&rsquo;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Essay_HaidersWordsAreTheOnlyBlockQuote()
    {
        var doc = await host.Client.GetDocumentAsync("/essay");
        var quotes = doc.QuerySelectorAll(".essay-text blockquote");
        var quote = Assert.Single(quotes);
        Assert.Equal("p25", quote.Closest(".para")!.Id);
        Assert.EndsWith("Shuja Haider put it succinctly:", Html.Fold(doc.QuerySelector("#p24 > p")!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EssayTxt_IsTheSeedByteForByte_AsPlainText()
    {
        using var response = await host.Client.GetAsync(new Uri("/essay.txt", UriKind.Relative));
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Repo.SeedPath), await response.Content.ReadAsByteArrayAsync());
    }
}
