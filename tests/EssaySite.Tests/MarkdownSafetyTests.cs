using AngleSharp.Html.Parser;
using EssaySite.Content;

namespace EssaySite.Tests;

/// <summary>Markdown is HTML from a stranger: nothing in it may reach a reader as live markup.</summary>
public sealed class MarkdownSafetyTests
{
    private readonly MarkdownRenderer _renderer = new();

    private (string Html, IReadOnlyList<ContentProblem> Problems) Render(string markdown)
    {
        var problems = new ProblemList();
        var result = _renderer.Render(markdown, "content/test.md", 5, problems);
        return (result.Html, problems.Items);
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>");

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<div onclick=\"alert(1)\">hi</div>")]
    [InlineData("Hello <img src=x onerror=alert(1)> there")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("Text <a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<style>body{display:none}</style>")]
    public void RawHtml_IsShownAsTextNeverAsElements(string markdown)
    {
        var (html, problems) = Render(markdown);
        var doc = Parse(html);
        Assert.Empty(doc.QuerySelectorAll("script, div, img, iframe, style, a"));
        Assert.All(doc.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.Contains(problems, p => p.Message.Contains("raw HTML", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[click](vbscript:msgbox)")]
    [InlineData("[click](file:///etc/passwd)")]
    [InlineData("[click](//evil.example/path)")]
    [InlineData("[click](/\\evil.example)")]
    [InlineData("[click](ftp://example.org/x)")]
    [InlineData("[click][ref]\n\n[ref]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    public void DisallowedLinkTargets_KeepTheirWordsButLoseTheLink(string markdown)
    {
        var (html, problems) = Render(markdown);
        var doc = Parse(html);
        Assert.Empty(doc.QuerySelectorAll("a"));
        Assert.DoesNotContain("javascript:alert", doc.QuerySelectorAll("[href], [src]").Select(e => e.OuterHtml));
        Assert.Contains(problems, p => p.Message.Contains("not allowed", StringComparison.Ordinal));
    }

    [Fact]
    public void ImageWithScriptUrl_IsNotRendered()
    {
        var (html, _) = Render("![a cat](javascript:alert(1))");
        Assert.Empty(Parse(html).QuerySelectorAll("img"));
    }

    [Theory]
    [InlineData("A paragraph {onclick=alert(1)}")]
    [InlineData("## Heading {#x onclick=alert(1)}")]
    [InlineData("[link](https://example.org){onmouseover=alert(1)}")]
    public void AttributeSyntax_IsNotApplied(string markdown)
    {
        var (html, _) = Render(markdown);
        var doc = Parse(html);
        Assert.All(doc.All, e => Assert.DoesNotContain(e.Attributes, a => a.Name.StartsWith("on", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("[web](https://example.org/a?b=c)", "https://example.org/a?b=c")]
    [InlineData("[plain](http://example.org)", "http://example.org")]
    [InlineData("[mail](mailto:editor@example.org)", "mailto:editor@example.org")]
    [InlineData("[para](/essay#p17)", "/essay#p17")]
    [InlineData("[here](#section)", "#section")]
    public void AllowedLinks_AreRenderedAsLinks(string markdown, string href)
    {
        var (html, problems) = Render(markdown);
        var link = Assert.Single(Parse(html).QuerySelectorAll("a"));
        Assert.Equal(href, link.GetAttribute("href"));
        Assert.Empty(problems);
    }

    [Fact]
    public void Problems_CarryTheFileLine()
    {
        var (_, problems) = Render("First paragraph.\n\nSecond with [bad](javascript:x).");
        var problem = Assert.Single(problems);
        Assert.Equal("content/test.md:7: link target not allowed: 'javascript:x' (only http, https, mailto and /site links)", problem.ToString());
    }

    [Fact]
    public void Headings_GetStableIds()
    {
        var problems = new ProblemList();
        var result = _renderer.Render("## What the record shows\n\ntext", "content/x.md", 1, problems);
        Assert.Contains("what-the-record-shows", result.HeadingIds);
        Assert.NotNull(Parse(result.Html).GetElementById("what-the-record-shows"));
    }
}
