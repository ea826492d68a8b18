using EssaySite.Commands;
using EssaySite.Content;
using Microsoft.Extensions.Configuration;

namespace EssaySite.Tests;

/// <summary>
/// The Persian fixture guide (tests/fixture-guide-fa: the first ghazal of Hafez, one hemistich a paragraph) loads as a
/// guide in any language should: no problems, the text's paragraphs and sentence anchors exactly as received.
/// </summary>
public sealed class PersianFixtureTests
{
    public static string Content => Path.Combine(Repo.Root, "tests", "fixture-guide-fa", "content");

    private static ContentSnapshot Load()
    {
        var (snapshot, problems) = new ContentLoader(new MarkdownRenderer(), SiteAddresses.OfRoutes).TryLoad(Content);
        Assert.Empty(problems.Select(p => p.ToString()));
        return snapshot!;
    }

    [Fact]
    public void PersianFixture_LoadsWithoutProblems_AsAPersianSite()
    {
        var site = Load();
        Assert.Equal("fa", site.Identity.Language);
        Assert.Equal("rtl", TextDirection.Of(site.Identity.Language));
        Assert.Equal(2, site.Terms.Count);
        Assert.Equal(2, site.Reading.Count);
        Assert.NotEmpty(site.Events);
        Assert.NotEmpty(site.Commentary);
    }

    [Fact]
    public void PersianFixture_PassesTheCheckCommand()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Site:ContentPath"] = Content })
            .Build();
        using var output = new StringWriter();
        Assert.Equal(0, ContentCheck.Run(configuration, output));
        Assert.StartsWith("content OK:", output.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Each non-blank line of essay.txt is a paragraph, character for character: harakat and non-joiners kept.</summary>
    [Fact]
    public void PersianFixture_ParagraphsAreTheTextsLines_WordForWord()
    {
        var site = Load();
        var lines = File.ReadAllLines(Path.Combine(Content, "essay.txt")).Where(l => l.Length > 0).ToList();
        Assert.Equal(14, lines.Count);
        Assert.Equal(lines, site.Essay.Paragraphs.Select(p => p.Text));
        Assert.Contains('\u200C', site.Essay.Paragraphs[2].Text);
        Assert.Contains('\u064E', site.Essay.Paragraphs[0].Text);
        Assert.Equal(lines.Select((_, i) => $"p{i + 1}"), site.Essay.Paragraphs.Select(p => p.Id));
    }

    /// <summary>A hemistich has no stop inside it, so each paragraph is one sentence, anchored p{n}s1 around all of it.</summary>
    [Fact]
    public void PersianFixture_EachHemistichIsOneSentence_WithItsAnchor()
    {
        var site = Load();
        Assert.All(site.Essay.Paragraphs, p =>
        {
            var sentence = Assert.Single(p.Sentences);
            Assert.Equal($"p{p.Number}s1", sentence.Id);
            Assert.Equal(p.Text, sentence.Text);
            Assert.Contains($"<span id=\"p{p.Number}s1\">", p.ReadingHtml, StringComparison.Ordinal);
        });
    }
}
