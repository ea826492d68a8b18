using EssaySite.Content;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>
/// Content tests: search on the real glossary forgives the misspellings in glossary-misspellings.txt, a table with
/// rows for every entry. How forgiving works is tested on the fixture guide (<see cref="SearchTests"/>).
/// </summary>
public sealed class SearchSpellingContentTests(RealContentHost host) : IClassFixture<RealContentHost>
{
    public static string TablePath { get; } = Path.Combine(Repo.Root, "tests", "EssaySite.Tests", "glossary-misspellings.txt");

    public static TheoryData<string, string> Misspellings()
    {
        var data = new TheoryData<string, string>();
        foreach (var (misspelling, entry) in Table())
        {
            data.Add(misspelling, entry);
        }

        return data;
    }

    internal static IEnumerable<(string Misspelling, string Entry)> Table() =>
        File.ReadLines(TablePath)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(fields => (fields[0], fields[1]));

    [Theory]
    [MemberData(nameof(Misspellings))]
    public async Task AMisspeltGlossaryName_FindsItsEntry_AndIsOfferedItsSpelling(string misspelling, string entry)
    {
        var results = await SearchTests.ResultsAsync(host.Client, misspelling);
        Assert.Contains(results, r => r.Href == "/glossary#" + entry);

        var doc = await host.Client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(misspelling));
        var offer = doc.QuerySelector(".did-you-mean a");
        Assert.NotNull(offer);
        var term = Current.Terms.Single(t => t.Id == entry);
        var names = string.Join(' ', [term.Term, .. term.Variants]);
        Assert.All(offer.TextContent.Split(' '), word => Assert.Contains(word, names, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// A made-up word is not taken for a short word of a glossary name: "plugh" is two edits from "plan" (in "Joint
    /// Comprehensive Plan of Action"), and a name of four letters forgives one edit only.
    /// </summary>
    [Theory]
    [InlineData("plugh")]
    [InlineData("xyzzy plugh")]
    public async Task AMadeUpWord_IsNotTakenForAShortWordOfAGlossaryName(string query)
    {
        Assert.Empty(await SearchTests.ResultsAsync(host.Client, query));
        var doc = await host.Client.GetDocumentAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Null(doc.QuerySelector(".did-you-mean a"));
    }

    [Fact]
    public void TheTable_HasAMisspellingOfEveryGlossaryEntry_AndNoEntryThatIsNotInTheGlossary()
    {
        var covered = Table().Select(row => row.Entry).ToHashSet(StringComparer.Ordinal);
        var entries = Current.Terms.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(entries.Except(covered));
        Assert.Empty(covered.Except(entries));
    }

    private ContentSnapshot Current => host.Factory.Services.GetRequiredService<ContentStore>().Current;
}
