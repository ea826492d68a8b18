using EssaySite.Teaching;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace EssaySite.BrowserTests;

/// <summary>A teacher prints an assignment's worksheet for the class.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class WorksheetWebTests(RealContentServer host)
{
    [Theory]
    [InlineData("A4")]
    [InlineData("Letter")]
    public async Task ATypicalWorksheet_ThreeParagraphsAndThreeQuestions_PrintsOnTwoSheetsAtMost(string paper)
    {
        var code = new Assignment { Paragraphs = [18, 19, 20], Questions = [12, 13, 16], Due = new DateOnly(2026, 12, 9), Note = "Answer in full sentences." }.Encode();
        var page = await host.NewPageAsync();
        await page.GotoAsync($"/assign/{code}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Print a worksheet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Worksheet: due 9 December 2026", Level = 1 })).ToBeVisibleAsync();
        // The site's own page size (A4) wins when asked to; Letter is what a browser in the US prints on otherwise.
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = paper, PreferCSSPageSize = paper == "A4" });
        await page.Context.CloseAsync();

        using var document = PdfDocument.Open(pdf);
        Assert.InRange(document.NumberOfPages, 1, 2);
        var text = string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        foreach (var heading in new[] { "Question 1 (question 12 in the guide)", "Question 2 (question 13 in the guide)", "Question 3 (question 16 in the guide)" })
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        Assert.Contains("¶ 18", text, StringComparison.Ordinal);
        Assert.Contains("¶ 20", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Skip to main content", text, StringComparison.Ordinal);
        // The ruled lines are printed: 7 under each of the 3 questions, drawn as borders.
        Assert.True(document.GetPages().Sum(p => p.Paths.Count) >= 21, "the answer lines were not printed");
    }
}
