using EssaySite.Content;

namespace EssaySite.Tests;

/// <summary>
/// A content kind's fields read through their definitions (<see cref="Field{T}"/>): a closed list is enforced by
/// the field itself, on the value's line, for every kind that declares one.
/// </summary>
public sealed class ContentFieldTests : IDisposable
{
    private readonly TempContent _content = new();

    public void Dispose() => _content.Dispose();

    private List<string> ProblemsOf(string file)
    {
        var (_, problems) = new ContentLoader(new MarkdownRenderer(), SiteAddresses.OfRoutes).TryLoad(_content.ContentRoot);
        return [.. problems.Select(p => p.ToString()).Where(p => p.Contains(file, StringComparison.Ordinal))];
    }

    [Fact]
    public void Read_ReportsATextOutsideItsAllowedValuesOnItsLine()
    {
        _content.Write("glossary/field-case.md", "---\nterm: \"A lighthouse\"\ncategory: building\n---\n\nA tower with a light.\n");

        var problem = Assert.Single(ProblemsOf("field-case.md"));

        Assert.Equal($"content/glossary/field-case.md:3: unknown category 'building' (known: {string.Join(", ", ContentKinds.TermCategories)})", problem);
    }

    [Fact]
    public void Read_GivesTheFieldsHintAfterItsAllowedValues()
    {
        _content.Write("field-case.md", "---\nkind: commentary\ntitle: \"T\"\nsummary: \"S\"\n---\n\nText.\n");

        var problem = Assert.Single(ProblemsOf("field-case.md"));

        Assert.Equal("content/field-case.md:2: unknown kind 'commentary' (known: essay, guide, about; commentary pages go in commentary/)", problem);
    }

    [Fact]
    public void Read_ReportsEachListedValueOutsideTheAllowedOnItsOwnLine()
    {
        _content.Write("sources/field-case.md", "---\ntitle: \"A\"\nunconfirmed:\n  - author\n  - colour\n---\n\nA note.\n");

        var problem = Assert.Single(ProblemsOf("field-case.md"));

        Assert.Equal($"content/sources/field-case.md:5: 'unconfirmed' lists 'colour', which is not one of {string.Join(", ", ContentKinds.SourceUnconfirmable)}", problem);
    }

    [Fact]
    public void Kinds_ShareOneDefinitionOfACommonField()
    {
        // The essay is a page with fields of its own: its common fields are the page's very definitions, not copies.
        var pageTitle = ContentKinds.Page.Fields.Single(f => f.Name == "title");
        var essayTitle = ContentKinds.Essay.Fields.Single(f => f.Name == "title");

        Assert.Same(pageTitle, essayTitle);
        Assert.True(ContentKinds.Essay.Defines(pageTitle));
        Assert.False(ContentKinds.Commentary.Defines(pageTitle));
    }
}
