using EssaySite.Commands;
using EssaySite.Content;
using Microsoft.Extensions.Configuration;

namespace EssaySite.Tests;

/// <summary><c>check</c>: each rule, fed a broken file in a copy of the fixture guide, reports the exact message on the exact line.</summary>
public sealed class ContentCheckTests
{
    // The fixture essay's paragraphs, as the "the essay has p1 to pN" hints give them.
    private static readonly int Paragraphs = FixtureGuide.Paragraphs().Count;

    private const string Good = "---\ntitle: \"A page\"\nauthor: \"A Maintainer\"\ndate: 2030-01-01\nsummary: \"About it.\"\n---\n\n";

    private static (int Exit, string[] Lines) Check(TempContent content)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Site:ContentPath"] = content.ContentRoot })
            .Build();
        using var output = new StringWriter();
        var exit = ContentCheck.Run(configuration, output);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    private static string Reading(int order, string paragraphs, string questions) =>
        $"---\ntitle: \"A section\"\norder: {order}\nparagraphs: {paragraphs}\nquestions: {questions}\n---\n\nRead this.\n";

    public static TheoryData<string, string, string> BrokenFiles() => new()
    {
        { "commentary/no-title.md", "---\nauthor: \"A\"\ndate: 2030-01-01\nsummary: \"S\"\n---\n\nText.\n", "content/commentary/no-title.md:1: missing front matter field 'title'" },
        { "commentary/typo.md", Good.Replace("title:", "titel:", StringComparison.Ordinal) + "Text.\n", "content/commentary/typo.md:2: unknown front matter key 'titel' in a commentary page (did you mean 'title'?)" },
        { "commentary/bad-date.md", Good.Replace("2030-01-01", "2030-13-01", StringComparison.Ordinal) + "Text.\n", "content/commentary/bad-date.md:4: 'date' is not a valid date: '2030-13-01' (use YYYY-MM-DD, for example 2020-01-03)" },
        { "commentary/short-date.md", Good.Replace("2030-01-01", "2030-01", StringComparison.Ordinal) + "Text.\n", "content/commentary/short-date.md:4: 'date' must be a full date (YYYY-MM-DD), not '2030-01'" },
        { "commentary/with-kind.md", Good.Replace("---\ntitle", "---\nkind: guide\ntitle", StringComparison.Ordinal) + "Text.\n", "content/commentary/with-kind.md:2: unknown front matter key 'kind' in a commentary page" },
        { "commentary/to-p99.md", Good + "See [it](/essay#p99).\n", $"content/commentary/to-p99.md:8: link to a fragment that does not exist: '/essay#p99' (the essay has p1 to p{Paragraphs})" },
        { "commentary/to-timeline.md", Good + "Intro.\n\nSee [it](/timeline#nope).\n", "content/commentary/to-timeline.md:10: link to a fragment that does not exist: '/timeline#nope'" },
        { "commentary/to-sources.md", Good + "See [it](/sources#nope).\n", "content/commentary/to-sources.md:8: link to a fragment that does not exist: '/sources#nope'" },
        { "commentary/to-commentary.md", Good + "See [it](/commentary/nope).\n", "content/commentary/to-commentary.md:8: link to a page that does not exist: '/commentary/nope' (did you mean '/commentary'?)" },
        { "commentary/to-timelines.md", Good + "See [it](/timelines#x).\n", "content/commentary/to-timelines.md:8: link to a page that does not exist: '/timelines#x' (did you mean '/timeline'?)" },
        { "commentary/raw-html.md", Good + "Fine.\n\n<div>raw</div>\n", "content/commentary/raw-html.md:10: raw HTML (<div>) is not allowed; write Markdown instead" },
        { "commentary/bold.md", Good + "Some <b>bold</b> words.\n", "content/commentary/bold.md:8: raw HTML (<b>) is not allowed; write Markdown instead such as **bold**" },
        { "commentary/colon.md", Good.Replace("title: \"A page\"", "title: Iran: the view", StringComparison.Ordinal) + "Text.\n", "content/commentary/colon.md:2: the value of 'title' has a colon followed by a space, which YAML reads as the start of another key: put the title in quotes, as title: \"Iran: the view\"" },
        { "commentary/tab.md", Good.Replace("summary:", "paragraphs:\n\t- 2\nsummary:", StringComparison.Ordinal) + "Text.\n", "content/commentary/tab.md:6: line 6 is indented with a tab: use spaces" },
        { "commentary/open-quote-last.md", Good.Replace("summary: \"About it.\"", "summary: \"About it.", StringComparison.Ordinal) + "Text.\n", "content/commentary/open-quote-last.md:5: a quote opened on line 5 is not closed: add the closing \"" },
        { "commentary/open-quote.md", Good.Replace("title: \"A page\"", "title: \"A page", StringComparison.Ordinal) + "Text.\n", "content/commentary/open-quote.md:2: a quote opened on line 2 is not closed: add the closing \"" },
        { "commentary/open-single-quote.md", Good.Replace("title: \"A page\"", "title: 'A page", StringComparison.Ordinal) + "Text.\n", "content/commentary/open-single-quote.md:2: a quote opened on line 2 is not closed: add the closing '" },
        { "commentary/title-heading.md", Good + "Intro.\n\n# A heading\n\nText.\n", "content/commentary/title-heading.md:10: a level-1 heading (#) in a commentary page: the title is the page's only one, so start headings at ##" },
        { "commentary/paragraph-list.md", Good.Replace("summary:", "paragraphs: 17\nsummary:", StringComparison.Ordinal) + "Text.\n", "content/commentary/paragraph-list.md:5: 'paragraphs' must be a list, for example paragraphs: [17, 18]" },
        { "commentary/paragraph-p.md", Good.Replace("summary:", "paragraphs: [p17]\nsummary:", StringComparison.Ordinal) + "Text.\n", "content/commentary/paragraph-p.md:5: 'paragraphs' must list whole numbers, for example paragraphs: [17, 18], not 'p17'" },
        { "commentary/event-typo.md", Good.Replace("summary:", "events: [1776-01-common-sense-publishd]\nsummary:", StringComparison.Ordinal) + "Text.\n", "content/commentary/event-typo.md:5: unknown timeline event '1776-01-common-sense-publishd' (no file content/timeline/1776-01-common-sense-publishd.md) (did you mean '1776-01-common-sense-published'?)" },
        { "commentary/empty.md", Good, "content/commentary/empty.md:7: the page is empty: write some Markdown after the front matter" },
        { "commentary/no-alt.md", Good + "![](/favicon.svg)\n", "content/commentary/no-alt.md:8: image has no alt text: write ![what it shows](url)" },
        { "commentary/Bad_Slug.md", Good + "Text.\n", "content/commentary/Bad_Slug.md:1: file name 'Bad_Slug' is not a valid slug: use lowercase letters, digits and hyphens" },
        { "odd-slug.md", "---\nkind: guide\ntitle: \"T\"\nslug: Odd Slug\nsummary: \"S\"\n---\n\nText.\n", "content/odd-slug.md:4: 'slug' must be lowercase letters, digits and hyphens, not 'Odd Slug'" },
        { "second-about.md", "---\nkind: about\ntitle: \"T\"\nslug: about\nsummary: \"S\"\n---\n\nText.\n", "content/second-about.md:4: duplicate slug 'about' (also used by content/about.md)" },
        { "bad-number.md", "---\nkind: guide\ntitle: \"T\"\norder: first\nsummary: \"S\"\n---\n\nText.\n", "content/bad-number.md:4: 'order' must be a whole number, not 'first'" },
        { "reading/01-introduction.md", Reading(1, "[1]", "[r1]"), "content/reading/02-society-and-government.md:4: paragraph 2 is in no section of the guided reading: this section starts at 3" },
        { "reading/02-society-and-government.md", Reading(2, "[2, 3]", "[r2]"), "content/reading/02-society-and-government.md:4: paragraph 2 is already in an earlier section of the guided reading: sections follow the essay, each starting where the last one ended (3)" },
        { "reading/01-introduction.md", Reading(1, "[1, 3]", "[r1]"), "content/reading/01-introduction.md:4: a section of the guided reading is a run of consecutive paragraphs: 1 to 3 leaves some out" },
        { "reading/02-society-and-government.md", Reading(2, "[3]", "[rr2]"), "content/reading/02-society-and-government.md:5: unknown question 'rr2' (no file content/questions/rr2.md) (did you mean 'r2'?)" },
        { "reading/02-society-and-government.md", Reading(0, "[1, 2]", "[]"), "content/reading/01-introduction.md:4: paragraph 3 is in no section of the guided reading: the last section ends at 2" },
        { "reading/03-again.md", Reading(2, "[3]", "[]"), "content/reading/03-again.md:1: 'order: 2' is also used by content/reading/02-society-and-government.md: each section of the guided reading needs its own place" },
        { "sources/staged.md", "---\ntitle: \"A story\"\nurl: \"https://digital-stage.example.com/news/a-story\"\n---\n\nA story.\n", "content/sources/staged.md:3: the address is on 'digital-stage.example.com', a staging, preview or resolver server: cite the publisher's public address of the page (or leave the address out and list 'url' as unconfirmed)" },
        { "commentary/preview-link.md", Good + "See [the report](https://preview.example.co.uk/news/a-report.html).\n", "content/commentary/preview-link.md:8: the address is on 'preview.example.co.uk', a staging, preview or resolver server: cite the publisher's public address of the page (or leave the address out and list 'url' as unconfirmed)" },
        { "commentary/resolver-link.md", Good + "See <https://resolve.example.org/core/article/1>.\n", "content/commentary/resolver-link.md:8: the address is on 'resolve.example.org', a staging, preview or resolver server: cite the publisher's public address of the page (or leave the address out and list 'url' as unconfirmed)" },
        { "commentary/return-link.md", Good + "As [the paper](https://example.org/2020/01/03/a-story/?return) reported.\n", "content/commentary/return-link.md:8: the address carries the query parameter 'return', which only says how the page was reached or listed: cite the page without it" },
        { "timeline/bad-event.md", "---\ntitle: \"E\"\ndate: 1999\nera: independence\nparagraphs: [99]\nsources: [nope]\n---\n\nText.\n", $"content/timeline/bad-event.md:5: paragraph 99 does not exist (the essay has p1 to p{Paragraphs})" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Check_ReportsEachRuleWithItsLine(string file, string text, string expected)
    {
        using var content = new TempContent();
        content.Write(file, text);
        var (exit, lines) = Check(content);
        Assert.Equal(1, exit);
        Assert.Contains(expected, lines);

        Assert.All(lines[..^1], l => Assert.Matches(@"^content/[^:]+:\d+: .+", l));
        Assert.Matches(@"^(1 problem|\d+ problems) found$", lines[^1]);
    }

    [Fact]
    public void Check_ListsEveryProblemNotOnlyTheFirst()
    {
        using var content = new TempContent();
        content.Write("commentary/one.md", Good + "See [it](/essay#p99).\n");
        content.Write("commentary/two.md", Good.Replace("title:", "titel:", StringComparison.Ordinal) + "Text.\n");
        content.Write("commentary/three.md", Good);
        var (exit, lines) = Check(content);
        Assert.Equal(1, exit);
        Assert.Equal(
        [
            $"content/commentary/one.md:8: link to a fragment that does not exist: '/essay#p99' (the essay has p1 to p{Paragraphs})",
            "content/commentary/three.md:7: the page is empty: write some Markdown after the front matter",
            "content/commentary/two.md:1: missing front matter field 'title'",
            "content/commentary/two.md:2: unknown front matter key 'titel' in a commentary page (did you mean 'title'?)",
            "4 problems found",
        ], lines);
    }

    [Fact]
    public void Check_CountsOneProblemInTheSingular()
    {
        using var content = new TempContent();
        content.Write("commentary/one.md", Good + "See [it](/essay#p99).\n");
        Assert.Equal("1 problem found", Check(content).Lines[^1]);
    }

    [Fact]
    public void Check_PassesTheFixtureGuide()
    {
        using var content = new TempContent();
        var (exit, lines) = Check(content);
        Assert.True(exit == 0, string.Join('\n', lines));
        Assert.StartsWith("content OK:", lines.Single(), StringComparison.Ordinal);
    }

    // A content test: the real content/ passes every check.
    [Fact]
    public void Check_PassesTheRepositorysContent()
    {
        using var content = TempContent.OfRealContent();
        var (exit, lines) = Check(content);
        Assert.True(exit == 0, string.Join('\n', lines));
        Assert.StartsWith("content OK:", lines.Single(), StringComparison.Ordinal);
    }
}
