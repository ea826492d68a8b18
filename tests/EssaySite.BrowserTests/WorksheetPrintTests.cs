using EssaySite.Teaching;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace EssaySite.BrowserTests;

/// <summary>
/// A printed worksheet keeps each "Your answer:" with its ruled lines, and each question's heading with what follows
/// it, on A4 and on Letter.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WorksheetPrintTests(RealContentServer host)
{
    // Questions 13 and 16 with two paragraphs: on both papers, the first "Your answer:" fell at the foot of page 1.
    [Theory]
    [InlineData("A4")]
    [InlineData("Letter")]
    public async Task EachAnswerLabel_PrintsWithItsLines_AndEachQuestionWithWhatFollows(string paper)
    {
        var assignment = new Assignment { Paragraphs = [1, 2], Questions = [13, 16] };
        var code = assignment.Encode();
        var page = await host.NewPageAsync();
        await page.GotoAsync($"/assign/{code}/worksheet");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = paper, PreferCSSPageSize = paper == "A4" });
        await page.Context.CloseAsync();

        using var document = PdfDocument.Open(pdf);
        var problems = new List<string>();
        var labels = 0;
        foreach (var sheet in document.GetPages())
        {
            var words = sheet.GetWords().ToList();
            // The ruled lines: wide, flat paths.
            var lines = sheet.Paths.Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>()
                .Where(r => r.Width > 100 && r.Height < 2).ToList();
            for (var i = 0; i + 1 < words.Count; i++)
            {
                if (words[i].Text == "Your" && words[i + 1].Text == "answer:")
                {
                    labels++;
                    var below = lines.Count(r => r.Top < words[i].BoundingBox.Bottom);
                    if (below < 7)
                    {
                        problems.Add($"page {sheet.Number}: “Your answer:” has {below} of its 7 lines under it on the same page");
                    }
                }

                if (words[i].Text == "Question" && int.TryParse(words[i + 1].Text, out var number) && IsLastLine(words, words[i]))
                {
                    problems.Add($"page {sheet.Number}: “Question {number}” is the last line of the page");
                }
            }
        }

        Assert.Equal(assignment.Questions.Count, labels);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    // Nothing on the page is lower than the word's line, apart from the page number in the margin.
    private static bool IsLastLine(List<Word> words, Word word) =>
        !words.Any(w => w.BoundingBox.Top < word.BoundingBox.Bottom && !w.Text.StartsWith("Page", StringComparison.Ordinal) && !int.TryParse(w.Text, out _) && w.Text != "of");
}
