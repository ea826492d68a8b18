using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>Private highlights and notes on the essay: kept in the browser, drawn again after a reload, exported, cleared, imported.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NotesTests(LiveServerHost host)
{
    [Fact]
    public async Task ANote_IsDrawnAfterAReload_ListedInMyNotes_AndSurvivesExportClearAndImport()
    {
        var context = await Notes.NewContextAsync(host.Browser, host.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/essay");
        var text17 = await page.Locator("#p17 > p").TextContentAsync();

        await Notes.AddNoteAsync(page, Notes.Quote, Notes.NoteText);
        await Assertions.Expect(page.Locator(".quote-bar").GetByRole(AriaRole.Status)).ToHaveTextAsync("Note added. 1 note in My notes.");
        // A highlight across a glossary link, earlier in the paragraph, from the keyboard.
        await page.EvaluateAsync(ReadingToolsTests.SelectScript, Notes.LaterQuote);
        await page.GetByRole(AriaRole.Button, new() { Name = "Highlight" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".quote-bar").GetByRole(AriaRole.Status)).ToHaveTextAsync("Highlighted. 2 notes in My notes.");

        await page.ReloadAsync();
        await Notes.ExpectDrawnAsync(page, host.BaseUrl + "/essay", text17!);
        Assert.Equal("Over four days in August 1953, the CIA", await page.EvaluateAsync<string>("() => [...document.querySelectorAll('#p17 mark.my-mark')].filter(m => !m.classList.contains('my-mark-note')).map(m => m.textContent).join('')"));

        // Listed in essay order; removing the highlight leaves the note.
        await Assertions.Expect(page.Locator(".my-notes-list > li blockquote")).ToHaveTextAsync(["Over four days in August 1953, the CIA", "The result was twenty-five years of autocratic rule"]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove note 1, paragraph 17" }).ClickAsync();
        await Assertions.Expect(page.Locator(".my-notes-list > li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".my-notes").GetByRole(AriaRole.Status)).ToHaveTextAsync("Note removed. 1 note left.");
        Assert.Equal(text17, await page.Locator("#p17 > p").TextContentAsync());

        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
        Assert.True(axe.Violations.Length == 0, string.Join('\n', axe.Violations.Select(v => $"{v.Id}: {v.Help}")));

        var markdown = await Notes.ExportAsync(page);
        Assert.Contains("## Paragraph 17, sentence 3\n\n> " + Notes.Quote[1] + " years of " + Notes.Quote[2] + "\n\n" + Notes.NoteText + "\n\n[Quote link](" + Notes.QuoteLink(host) + ")", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Over four days", markdown, StringComparison.Ordinal);

        var file = Path.Combine(Path.GetTempPath(), $"notes-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(file, markdown);
        try
        {
            await Notes.ClearAsync(page);
            await page.ReloadAsync();
            Assert.Equal(0, await page.Locator("mark.my-mark").CountAsync());

            await page.Locator("summary", new() { HasText = "My notes" }).ClickAsync();
            await page.GetByLabel("Import notes from a file").SetInputFilesAsync(file);
            await Assertions.Expect(page.Locator(".my-notes").GetByRole(AriaRole.Status)).ToHaveTextAsync("Imported 1 note.");
            await page.ReloadAsync();
            await Notes.ExpectDrawnAsync(page, host.BaseUrl + "/essay", text17!);
        }
        finally
        {
            File.Delete(file);
        }

        await context.CloseAsync();
    }

    [Fact]
    public async Task Notes_NeverLeaveTheBrowser_NoRequestCarriesThemOrGoesElsewhere()
    {
        var context = await Notes.NewContextAsync(host.Browser, host.BaseUrl);
        var page = await context.NewPageAsync();
        // Every request the page makes, whatever it asks for, passes through this route before it is sent.
        var requests = new List<IRequest>();
        await page.RouteAsync("**/*", route =>
        {
            requests.Add(route.Request);
            return route.ContinueAsync();
        });

        await page.GotoAsync("/essay");
        await Notes.AddNoteAsync(page, Notes.Quote, Notes.NoteText + " " + Notes.Secret);
        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#p17 mark.my-mark-note").First).ToBeVisibleAsync();
        await page.Locator("summary", new() { HasText = "My notes" }).ClickAsync();
        var markdown = await Notes.ExportAsync(page);
        Assert.Contains(Notes.Secret, markdown, StringComparison.Ordinal);
        await Notes.ClearAsync(page);
        var file = Path.Combine(Path.GetTempPath(), $"notes-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(file, markdown);
        try
        {
            await page.GetByLabel("Import notes from a file").SetInputFilesAsync(file);
            await Assertions.Expect(page.Locator(".my-notes").GetByRole(AriaRole.Status)).ToHaveTextAsync("Imported 1 note.");
        }
        finally
        {
            File.Delete(file);
        }

        await page.ReloadAsync(new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("#p17 mark.my-mark-note").First).ToBeVisibleAsync();

        var problems = new List<string>();
        foreach (var request in requests.ToList())
        {
            var headers = await request.AllHeadersAsync();
            var everything = request.Url + "\n" + string.Join("\n", headers.Select(h => h.Key + ": " + h.Value)) + "\n" + (request.PostData ?? "");
            if (!request.Url.StartsWith(host.BaseUrl + "/", StringComparison.Ordinal) && !request.Url.StartsWith("blob:" + host.BaseUrl + "/", StringComparison.Ordinal))
            {
                problems.Add("off the site: " + request.Url);
            }

            if (everything.Contains(Notes.Secret, StringComparison.OrdinalIgnoreCase) || everything.Contains(Uri.EscapeDataString(Notes.Secret), StringComparison.OrdinalIgnoreCase))
            {
                problems.Add("carries the note: " + request.Method + " " + request.Url);
            }
        }

        // The route saw the page's requests (the essay three times, and the notes script), and none was a problem.
        var seen = requests.Select(r => r.Url).ToList();
        Assert.Equal(3, seen.Count(u => u == host.BaseUrl + "/essay"));
        Assert.Contains(seen, u => u.Contains("/js/notes.js?v=", StringComparison.Ordinal));
        Assert.Empty(problems);
        await context.CloseAsync();
    }
}

/// <summary>The same notes on the static export, served by nginx under /reading/.</summary>
[Collection(ExportTestGroup.Name)]
public sealed class NotesOnTheExportTests(ExportServerHost host)
{
    [Fact]
    public async Task ANote_IsKeptAndDrawnAfterAReload_OnTheStaticExport()
    {
        var context = await Notes.NewContextAsync(host.Browser, host.BaseUrl);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(host.BaseUrl + "/essay");
        var text17 = await page.Locator("#p17 > p").TextContentAsync();
        await Notes.AddNoteAsync(page, Notes.Quote, Notes.NoteText);
        await page.ReloadAsync();
        await Notes.ExpectDrawnAsync(page, host.BaseUrl + "/essay", text17!);
        Assert.Contains("[Quote link](" + Notes.QuoteLink(host) + ")", await Notes.ExportAsync(page), StringComparison.Ordinal);
        Assert.Empty(errors);
        await context.CloseAsync();
    }
}

internal static class Notes
{
    public static readonly string[] Quote = ["p17", "The result was twenty-five", "autocratic rule"];
    public static readonly string[] LaterQuote = ["p17", "Over four days", "the CIA"];
    public const string NoteText = "Compare the 1953 coup in the timeline.";
    public const string Secret = "zebra-marmalade-4417";

    public static string QuoteLink(IHostUnderTest host) =>
        host.BaseUrl + ("/essay#p17:~:text=" + ReadingToolsTests.Encode("The result was twenty-five years of autocratic rule"));

    public static async Task<IBrowserContext> NewContextAsync(IBrowser browser, string baseUrl)
    {
        // Service workers blocked, so that every request the page makes is seen by the page's routes and events.
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(Pages.Wait);
        return context;
    }

    public static async Task AddNoteAsync(IPage page, string[] quote, string note)
    {
        await page.EvaluateAsync(ReadingToolsTests.SelectScript, quote);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "Note on" });
        await Assertions.Expect(box).ToBeFocusedAsync();
        await box.FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await Assertions.Expect(page.Locator("#p17 mark.my-mark-note").First).ToBeVisibleAsync();
    }

    /// <summary>After a reload: the note's words are marked (the paragraph's text unchanged) and listed under My notes with their link.</summary>
    public static async Task ExpectDrawnAsync(IPage page, string essayUrl, string paragraphText)
    {
        await Assertions.Expect(page.Locator("#p17 mark.my-mark-note").First).ToBeVisibleAsync();
        Assert.Equal("The result was twenty-five years of autocratic rule", await page.EvaluateAsync<string>("() => [...document.querySelectorAll('#p17 mark.my-mark-note')].map(m => m.textContent).join('')"));
        Assert.Equal(paragraphText, await page.Locator("#p17 > p").TextContentAsync());
        await page.Locator("summary", new() { HasText = "My notes" }).ClickAsync();
        var item = page.Locator(".my-notes-list > li").Filter(new() { HasText = NoteText });
        await Assertions.Expect(item.Locator("blockquote")).ToHaveTextAsync("The result was twenty-five years of autocratic rule");
        var link = await item.GetByRole(AriaRole.Link, new() { Name = "Paragraph 17" }).GetAttributeAsync("href");
        Assert.StartsWith(essayUrl + "#p17:~:text=The%20result", link, StringComparison.Ordinal);
    }

    public static async Task<string> ExportAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Export as Markdown" }).ClickAsync());
        Assert.Equal("my-notes.md", download.SuggestedFilename);
        return await File.ReadAllTextAsync((await download.PathAsync())!);
    }

    public static async Task ClearAsync(IPage page)
    {
        var asked = "";
        void Accept(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        }

        page.Dialog += Accept;
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear all notes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".my-notes").GetByRole(AriaRole.Status)).ToHaveTextAsync("All notes removed.");
        page.Dialog -= Accept;
        Assert.StartsWith("Remove all", asked, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("mark.my-mark").CountAsync());
        Assert.Equal(0, await page.Locator(".my-notes-list > li").CountAsync());
        Assert.Equal("[]", await page.EvaluateAsync<string>("() => localStorage.getItem('essaysite:notes')"));
    }
}
