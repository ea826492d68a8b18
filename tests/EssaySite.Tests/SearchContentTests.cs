using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>
/// Content tests: search on the real content/ finds the essay's names however a reader spells them. They read the
/// real content because what they check is its glossary's variants; how search behaves is tested on the fixture
/// guide (<see cref="SearchTests"/>).
/// </summary>
public sealed class SearchContentTests(RealContentHost host) : IClassFixture<RealContentHost>
{
    [Theory]
    [InlineData("Suleimani")]
    [InlineData("Soleymani")]
    [InlineData("SOLEIMANI")]
    public async Task SpellingVariants_FindTheEssaysSpelling(string spelling)
    {
        var results = await SearchTests.ResultsAsync(host.Client, spelling);
        Assert.Contains(results, r => r.Href == "/essay#p1");
        Assert.Contains("<mark>Soleimani</mark>", results.First(r => r.Href == "/essay#p1").Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryWithoutAccents_FindsTheAccentedWord()
    {
        var plain = await SearchTests.ResultsAsync(host.Client, "Hurriyet");
        Assert.NotEmpty(plain);
        Assert.Equal(plain.Select(r => r.Href), (await SearchTests.ResultsAsync(host.Client, "Hürriyet")).Select(r => r.Href));
        Assert.Contains("<mark>Hürriyet</mark>", plain[0].Snippet, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kataib Hizballah", "/glossary#kataib-hezbollah")]
    [InlineData("Abu Mahdi al-Mohandes", "/glossary#abu-mahdi-al-muhandis")]
    public async Task MultiWordRespellings_FindTheGlossaryEntry(string spelling, string expected)
    {
        var results = await SearchTests.ResultsAsync(host.Client, spelling);
        Assert.Contains(results, r => r.Href == expected);
    }

    [Fact]
    public void VariantMap_JoinsOnlySpellingsOfOneWord()
    {
        var variants = new Dictionary<string, string>(host.Factory.Services.GetRequiredService<EssaySite.Content.ContentStore>().Current.Search.Variants);
        Assert.Equal("soleimani", variants["suleimani"]);
        Assert.Equal("hezbollah", variants["hizballah"]);
        // Different words in two names of one thing are not spellings of each other, and "is" is a word, not ISIS.
        foreach (var word in new[] { "is", "iran", "general", "attack", "act" })
        {
            Assert.False(variants.ContainsKey(word), $"'{word}' is mapped to '{variants.GetValueOrDefault(word)}'");
        }
    }

    [Theory]
    [InlineData("Mosaddeq")]
    [InlineData("Mosaddegh")]
    [InlineData("Mossadegh")]
    public async Task MossadeghSpellings_AllFindParagraph17(string spelling)
    {
        var results = await SearchTests.ResultsAsync(host.Client, spelling);
        Assert.Contains(results, r => r.Href == "/essay#p17");
    }
}
