using System.Text.RegularExpressions;
using AngleSharp.Dom;
using EssaySite.Content;

namespace EssaySite.Tests;

/// <summary>The first use of each glossary term in the essay links to its entry, with the entry's first sentence as its description (on the fixture guide).</summary>
public sealed class EssayGlossaryLinkTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    [Fact]
    public async Task EachTermInTheEssay_IsLinkedOnce_AtItsFirstUse()
    {
        var (snapshot, problems) = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).TryLoad(Repo.FixtureContent);
        Assert.Empty(problems);
        var doc = await host.Client.GetDocumentAsync("/essay");

        // The essay's text in reading order, and where in it each glossary link starts.
        var text = new System.Text.StringBuilder();
        var links = new List<(string Href, int At, string Words)>();
        foreach (var block in doc.QuerySelectorAll(".essay-text .para > p, .essay-text .para > blockquote"))
        {
            foreach (var node in block.Descendants<IText>())
            {
                if (node.ParentElement is { LocalName: "a" } a && a.ClassList.Contains("gloss") && a.FirstChild == node)
                {
                    links.Add((a.GetAttribute("href")!, text.Length, a.TextContent));
                }

                text.Append(node.Data);
            }

            text.Append('\n');
        }

        var essay = text.ToString();
        var linkedSomewhere = 0;
        foreach (var term in snapshot!.Terms)
        {
            var first = FirstUse(essay, term);
            var mine = links.Where(l => l.Href == "/glossary#" + term.Id).ToList();
            if (first is null)
            {
                Assert.Empty(mine);
                continue;
            }

            var link = Assert.Single(mine);
            Assert.True(first.Value == link.At, $"{term.Term}: linked at {link.At} (“{link.Words}”), first used at {first.Value}");
            linkedSomewhere++;
        }

        Assert.Equal(links.Count, linkedSomewhere);
        // Every term of the fixture's glossary is used in its essay.
        Assert.Equal(FixtureGuide.Ids("glossary").Count, linkedSomewhere);
        Assert.Equal(Html.Fold(string.Join(' ', FixtureGuide.Paragraphs())), Html.Fold(essay));
    }

    [Fact]
    public async Task EachGlossaryLink_IsDescribedByTheFirstSentenceOfItsDefinition()
    {
        var doc = await host.Client.GetDocumentAsync("/essay");
        var glossary = await host.Client.GetDocumentAsync("/glossary");
        var links = doc.QuerySelectorAll(".essay-text a.gloss").ToList();
        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            var id = link.GetAttribute("href")!.Split('#')[1];
            var entry = glossary.GetElementById(id);
            Assert.NotNull(entry);
            var description = doc.GetElementById(link.GetAttribute("aria-describedby")!)!;
            var definition = Html.Fold(entry.QuerySelector("dd > p")!.TextContent);
            Assert.NotEmpty(description.TextContent.Trim());
            Assert.StartsWith(Html.Fold(description.TextContent), definition, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Markup_LinksNeitherInsideALinkNorInAHeading_AndTakesTheNextUse()
    {
        var term = new GlossaryTerm("cia", "Central Intelligence Agency", "organisation", ["CIA"], [], "", "The agency.", "content/glossary/cia.md");
        var paragraphs = new[]
        {
            new EssayParagraph(1, "<p>A <a href=\"/sources#x\">CIA report</a> said so.</p>", "", false),
            new EssayParagraph(2, "<h2>The CIA</h2><p>The CIA and the CIA again. CIAO is not it.</p>", "", false),
        };
        var (marked, linked) = EssayMarkup.Mark(paragraphs, [term]);
        Assert.DoesNotContain("gloss", marked[0].ReadingHtml, StringComparison.Ordinal);
        Assert.Equal(
            "<h2>The CIA</h2><p><span id=\"p2s1\">The <a class=\"gloss\" href=\"/glossary#cia\" aria-describedby=\"define-cia\">CIA</a> and the CIA again.</span> <span id=\"p2s2\">CIAO is not it.</span></p>",
            marked[1].ReadingHtml);
        Assert.Equal([term], linked);
    }

    /// <summary>Where the term, or any of its spellings (a lower-case one also capitalised), first occurs as a whole word.</summary>
    private static int? FirstUse(string essay, GlossaryTerm term)
    {
        var forms = new[] { term.Term }.Concat(term.Variants).ToList();
        forms.AddRange(forms.Where(f => char.IsLower(f[0])).Select(f => char.ToUpperInvariant(f[0]) + f[1..]).ToList());
        var hits = forms
            .Select(f => Regex.Match(essay, @"(?<![\p{L}\p{N}-])" + Regex.Escape(f) + @"(?![\p{L}\p{N}])"))
            .Where(m => m.Success)
            .Select(m => m.Index)
            .ToList();
        return hits.Count == 0 ? null : hits.Min();
    }
}
