using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>The guided reading with script: answers under each question, Next once answered or Skip, the summary, Copy all; answers never leave the browser.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class GuidedReadingAnswersTests(RealContentServer host)
{
    private const string Answer = "Because the strike came first and the reasons after, zebra-417.";
    private const string Name = "Ada Student";

    [Fact]
    public async Task AStudentAnswersSkipsAndCopiesTheSummary_AndNoRequestCarriesTheirWords()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseUrl,
            Permissions = ["clipboard-read", "clipboard-write"],
            ServiceWorkers = ServiceWorkerPolicy.Block,
        });
        var sent = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            lock (sent)
            {
                sent.Add(Uri.UnescapeDataString(route.Request.Url) + "\n" + route.Request.PostData);
            }

            await route.ContinueAsync();
        });
        var page = await context.NewPageAsync();

        // Section 1: Next waits for an answer; the answer survives a reload; Next then leads on.
        await page.GotoAsync("/read/1");
        var next = page.GetByRole(AriaRole.Button, new() { Name = "Next section" });
        await Assertions.Expect(next).ToBeDisabledAsync();
        var box = page.GetByRole(AriaRole.Textbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Your answer to question \\d+$") });
        await Assertions.Expect(box).ToHaveCountAsync(1);
        await box.FillAsync(Answer);
        await Assertions.Expect(next).ToBeEnabledAsync();
        await page.ReloadAsync();
        await Assertions.Expect(box).ToHaveValueAsync(Answer);
        await next.ClickAsync();
        await page.ArriveAsync(new Regex("/read/2$"));

        // Section 2: Skip leads on without an answer.
        await Assertions.Expect(next).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Skip" }).ClickAsync();
        await page.ArriveAsync(new Regex("/read/3$"));

        // The summary: the name is kept, the answer shown, skipped questions say so, and Copy all copies them.
        await page.GotoAsync("/read/summary");
        await Assertions.Expect(page.Locator(".summary-answer .answer-text", new() { HasText = Answer })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".summary-answer .no-answer").First).ToHaveTextAsync("No answer.");
        await Assertions.Expect(page.Locator(".answers-note")).ToBeHiddenAsync();
        await page.GetByLabel("Your name").FillAsync(Name);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Your name")).ToHaveValueAsync(Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy all" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Copied" })).ToHaveTextAsync("Copied your answers");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Contains("Name: " + Name, copied, StringComparison.Ordinal);
        Assert.Contains("Answer: " + Answer, copied, StringComparison.Ordinal);
        Assert.Contains("Answer: (none)", copied, StringComparison.Ordinal);

        // Printed, the navigation and buttons go and the answers stay.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Copy all" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".summary-answer .answer-text", new() { HasText = Answer })).ToBeVisibleAsync();

        lock (sent)
        {
            Assert.True(sent.Count > 5, "the route saw the pages' requests");
            Assert.DoesNotContain(sent, r => r.Contains("zebra-417", StringComparison.Ordinal) || r.Contains(Name, StringComparison.Ordinal));
        }

        await context.CloseAsync();
    }

    [Fact]
    public async Task AnAssignmentsReading_KeepsItsAnswersApartFromTheGuides()
    {
        var code = new EssaySite.Teaching.Assignment { Paragraphs = [4, 5], Due = new DateOnly(2026, 12, 11) }.Encode();
        var page = await host.NewPageAsync();
        await page.GotoAsync($"/assign/{code}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Guided reading" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Start with section 1", Exact = false }).ClickAsync();
        var boxes = page.GetByRole(AriaRole.Textbox, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Your answer to question") });
        // Counted once the section has arrived: a count does not wait, and right after the click it can still read the page before.
        await Assertions.Expect(boxes.First).ToBeVisibleAsync();
        var asked = await boxes.CountAsync();
        Assert.True(asked > 1, "the section asks its own questions");
        foreach (var box in await boxes.AllAsync())
        {
            await box.FillAsync("assigned answer");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Go to your answers" }).ClickAsync();
        await page.ArriveAsync(new Regex(Regex.Escape($"/assign/{code}/read/summary") + "$"));
        await Assertions.Expect(page.Locator(".summary-assignment")).ToContainTextAsync("due 11 December 2026");
        await Assertions.Expect(page.Locator(".answer-text", new() { HasText = "assigned answer" })).ToHaveCountAsync(asked);
        Assert.NotNull(await page.EvaluateAsync<string?>($"() => localStorage.getItem('essaysite:read:{code}')"));
        Assert.Null(await page.EvaluateAsync<string?>("() => localStorage.getItem('essaysite:read:guide')"));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData(1280, "light")]
    [InlineData(375, "dark")]
    public async Task ASectionWithAnswerBoxes_AndTheSummary_HaveNoAxeViolations(int width, string scheme)
    {
        var code = new EssaySite.Teaching.Assignment { Paragraphs = [17, 18], Questions = [8], Note = "Read before Friday" }.Encode();
        var problems = await AccessibilityTests.AxeProblemsAsync(host.Browser, host.BaseUrl,
            ["/read/2", "/read/summary", $"/assign/{code}/read", $"/assign/{code}/read/1", $"/assign/{code}/read/summary"], width, scheme, waitForScripts: true);
        Assert.Empty(problems);
    }
}
