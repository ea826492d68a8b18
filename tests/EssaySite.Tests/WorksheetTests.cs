using EssaySite.Content;
using EssaySite.Teaching;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>An assignment's worksheet: its questions, the paragraphs they refer to quoted once each, and lines to answer on.</summary>
public sealed class WorksheetTests(TeachingHost host) : IClassFixture<TeachingHost>
{
    private readonly HttpClient _client = host.Client;
    private static readonly int[] Chosen = [2, 3];

    // On the fixture guide: question 2 refers to paragraphs 2 and 3, question 3 to paragraph 3, and none to paragraph 1.
    [Fact]
    public async Task TheWorksheet_HasEachQuestionWithTheAssignedParagraphsItRefersToQuotedOnce_AndLinesToAnswerOn()
    {
        var code = new Assignment { Paragraphs = [1, 3], Questions = [2, 3], Due = new DateOnly(2026, 12, 9), Note = "Full sentences." }.Encode();
        var doc = await _client.GetDocumentAsync($"/assign/{code}/worksheet");
        var content = host.Factory.Services.GetRequiredService<ContentStore>().Current;
        Assert.Equal([2, 3], content.Questions[1].Paragraphs);
        Assert.Equal([3], content.Questions[2].Paragraphs);

        Assert.Equal("Worksheet: due 9 December 2026", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("Full sentences.", doc.QuerySelector(".assignment-note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Read", "Question 1 (question 2 in the guide)", "Question 2 (question 3 in the guide)"], doc.QuerySelectorAll("article h2").Select(h => Html.Fold(h.TextContent)));

        // Paragraph 1 is assigned but no question refers to it: it is quoted to read first.
        Assert.Equal(["/essay#p1"], doc.QuerySelectorAll(".worksheet-read blockquote").Select(b => b.GetAttribute("cite")));
        var sections = doc.QuerySelectorAll(".worksheet-question").ToList();
        for (var i = 0; i < sections.Count; i++)
        {
            var question = content.Questions[Chosen[i] - 1];
            Assert.Equal(Html.Fold(question.Text), Html.Fold(sections[i].QuerySelector(".question-text")!.TextContent));
            Assert.Equal(7, sections[i].QuerySelectorAll(".answer-lines span").Length);
            Assert.Equal("true", sections[i].QuerySelector(".answer-lines")!.GetAttribute("aria-hidden"));
        }

        // Each assigned paragraph is quoted once; one a question refers to but the assignment leaves out is named.
        Assert.Equal(["/essay#p3"], sections[0].QuerySelectorAll("blockquote").Select(b => b.GetAttribute("cite")));
        Assert.Empty(sections[1].QuerySelectorAll("blockquote"));
        Assert.Equal("Not quoted here: ¶ 2 of the essay.", Html.Fold(sections[0].QuerySelector(".worksheet-refs")!.TextContent));
        Assert.Equal("Quoted above: ¶ 3.", Html.Fold(sections[1].QuerySelector(".worksheet-refs")!.TextContent));
        // Quoted word for word.
        Assert.Equal($"¶ 3 {content.Essay.Paragraphs[2].Text}", Html.Fold(sections[0].QuerySelector("blockquote")!.TextContent));
    }

    [Fact]
    public async Task AWorksheet_NumbersItsQuestionsFromOne_WithTheGuidesNumberBesideOnlyWhereItDiffers()
    {
        var code = new Assignment { Paragraphs = [1], Questions = [1, 3] }.Encode();
        var doc = await _client.GetDocumentAsync($"/assign/{code}/worksheet");
        Assert.Equal(["Question 1", "Question 2 (question 3 in the guide)"], doc.QuerySelectorAll(".worksheet-question h2").Select(h => Html.Fold(h.TextContent)));
        // The sections keep the guide's numbers as their ids, so a link to a question in the guide's terms still lands.
        Assert.Equal(["q1", "q3"], doc.QuerySelectorAll(".worksheet-question h2").Select(h => h.Id));
    }

    [Fact]
    public async Task TheAssignmentPage_LinksItsWorksheet_AndABadCodeIsA400()
    {
        var code = new Assignment { Paragraphs = [3], Questions = [1] }.Encode();
        var page = await _client.GetDocumentAsync($"/assign/{code}");
        Assert.NotNull(page.QuerySelector($"a[href='/assign/{code}/worksheet']"));
        var bad = await _client.GetDocumentAsync("/assign/AAAA/worksheet", 400);
        Assert.Equal("This assignment link does not work", bad.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void AWholeEssayWorksheet_QuotesOnlyWhatItsQuestionsPointTo()
    {
        var essay = new Essay(new GuidePage { Kind = PageKind.Essay, Slug = "essay", Title = "T", Summary = "", Url = "/essay", SourcePath = "", Html = "" },
            "A B", default, default, "", [.. Enumerable.Range(1, 5).Select(n => new EssayParagraph(n, "", $"p{n}", false))]);
        Question Q(int n, params int[] paragraphs) => new($"q{n}", "g", n, n, paragraphs, [], [], "", "", null, "");
        var sheet = Worksheet.For(new Assignment { WholeEssay = true, Questions = [1, 2] }, essay, [Q(1, 2, 3), Q(2, 3, 5)]);
        Assert.Empty(sheet.ReadFirst);
        Assert.Equal([2, 3], sheet.Questions[0].Quoted.Select(p => p.Number));
        Assert.Equal([5], sheet.Questions[1].Quoted.Select(p => p.Number));
        Assert.Equal([3], sheet.Questions[1].QuotedEarlier);
        Assert.Empty(sheet.Questions[1].NotInAssignment);
    }
}
