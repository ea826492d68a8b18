using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// Private highlights and notes on the essay: kept in the browser, drawn again after a reload, exported, cleared,
/// imported (on the fixture guide, in its second paragraph, whose glossary link 'parliament' a highlight crosses).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class NotesTests(FixtureGuideServer site)
{
    [Fact]
    public async Task ANote_IsDrawnAfterAReload_ListedInMyNotes_AndSurvivesExportClearAndImport()
    {
        var context = await Notes.NewContextAsync(site.Browser, site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/essay");
        var text = await page.Locator("#" + Notes.Paragraph + " > p").TextContentAsync();

        await Notes.AddNoteAsync(page, Notes.Quote, Notes.NoteText);
        await Assertions.Expect(page.Locator(".quote-bar").GetByRole(AriaRole.Status)).ToHaveTextAsync("Note added. 1 note in My notes.");
        // A highlight across a glossary link, earlier in the paragraph, from the keyboard.
        await page.EvaluateAsync(ReadingToolsTests.SelectScript, Notes.LaterQuote);
        await page.GetByRole(AriaRole.Button, new() { Name = "Highlight" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".quote-bar").GetByRole(AriaRole.Status)).ToHaveTextAsync("Highlighted. 2 notes in My notes.");

        await page.ReloadAsync();
        await Notes.ExpectDrawnAsync(page, site.BaseUrl + "/essay", text!);
        Assert.Equal(Notes.LaterText, await page.EvaluateAsync<string>("() => [...document.querySelectorAll('#p2 mark.my-mark')].filter(m => !m.classList.contains('my-mark-note')).map(m => m.textContent).join('')"));

        // Listed in essay order; removing the highlight leaves the note.
        await Assertions.Expect(page.Locator(".my-notes-list > li blockquote")).ToHaveTextAsync([Notes.LaterText, Notes.QuoteText]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove note 1, paragraph 2" }).ClickAsync();
        await Assertions.Expect(page.Locator(".my-notes-list > li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".my-notes").GetByRole(AriaRole.Status)).ToHaveTextAsync("Note removed. 1 note left.");
        Assert.Equal(text, await page.Locator("#" + Notes.Paragraph + " > p").TextContentAsync());

        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
        Assert.True(axe.Violations.Length == 0, string.Join('\n', axe.Violations.Select(v => $"{v.Id}: {v.Help}")));

        var markdown = await Notes.ExportAsync(page);
        Assert.Contains("## Paragraph 2, sentence 1\n\n> " + Notes.QuoteText + "\n\n" + Notes.NoteText + "\n\n[Quote link](" + Notes.QuoteLink(site) + ")", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(Notes.LaterText, markdown, StringComparison.Ordinal);

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
            await Notes.ExpectDrawnAsync(page, site.BaseUrl + "/essay", text!);
        }
        finally
        {
            File.Delete(file);
        }

        await context.CloseAsync();
    }

    // How a control looks at rest: its border, corners, padding, background, text and pointer.
    private const string LookScript = """
        (el) => { const s = getComputedStyle(el); return [s.borderTopStyle, s.borderTopWidth, s.borderTopColor, s.borderTopLeftRadius, s.paddingTop, s.paddingLeft, s.backgroundColor, s.color, s.fontSize, s.cursor]; }
        """;

    [Fact]
    public async Task ImportNotes_LooksLikeTheOtherButtons_AndOpensTheFileChooserFromTheKeyboard()
    {
        var context = await Notes.NewContextAsync(site.Browser, site.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/essay");
        await page.Locator("summary", new() { HasText = "My notes" }).ClickAsync();
        var export = page.GetByRole(AriaRole.Button, new() { Name = "Export as Markdown" });
        await Assertions.Expect(export).ToBeVisibleAsync();
        var input = page.GetByLabel("Import notes from a file");
        var label = page.Locator(".my-notes label", new() { HasText = "Import notes from a file" });

        Assert.Equal(await export.EvaluateAsync<string[]>(LookScript), await label.EvaluateAsync<string[]>(LookScript));
        // The browser's own "Choose file / No file chosen" control is not drawn beside it.
        var bare = await input.BoundingBoxAsync();
        Assert.True(bare is null || (bare.Width <= 1 && bare.Height <= 1), $"the file control is drawn {bare?.Width}x{bare?.Height}px");

        // From the keyboard: Tab from Export reaches it, its label shows the focus, and Space opens the file chooser.
        await export.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(input).ToBeFocusedAsync();
        Assert.Equal("solid", await label.EvaluateAsync<string>("(el) => getComputedStyle(el).outlineStyle"));
        var chooser = await page.RunAndWaitForFileChooserAsync(() => page.Keyboard.PressAsync("Space"));
        Assert.False(chooser.IsMultiple);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Notes_NeverLeaveTheBrowser_NoRequestCarriesThemOrGoesElsewhere()
    {
        var context = await Notes.NewContextAsync(site.Browser, site.BaseUrl);
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
        await Assertions.Expect(page.Locator("#" + Notes.Paragraph + " mark.my-mark-note").First).ToBeVisibleAsync();
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
        await Assertions.Expect(page.Locator("#" + Notes.Paragraph + " mark.my-mark-note").First).ToBeVisibleAsync();

        var problems = new List<string>();
        foreach (var request in requests.ToList())
        {
            var headers = await request.AllHeadersAsync();
            var everything = request.Url + "\n" + string.Join("\n", headers.Select(h => h.Key + ": " + h.Value)) + "\n" + (request.PostData ?? "");
            if (!request.Url.StartsWith(site.BaseUrl + "/", StringComparison.Ordinal) && !request.Url.StartsWith("blob:" + site.BaseUrl + "/", StringComparison.Ordinal))
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
        Assert.Equal(3, seen.Count(u => u == site.BaseUrl + "/essay"));
        Assert.Contains(seen, u => u.Contains("/js/notes.js?v=", StringComparison.Ordinal));
        Assert.Empty(problems);
        await context.CloseAsync();
    }
}

/// <summary>The same notes on the static export, served by nginx under /reading/.</summary>
[Collection(ExportTestGroup.Name)]
public sealed class NotesOnTheExportTests(FixtureGuideExport site)
{
    [Fact]
    public async Task ANote_IsKeptAndDrawnAfterAReload_OnTheStaticExport()
    {
        var context = await Notes.NewContextAsync(site.Browser, site.BaseUrl);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(site.BaseUrl + "/essay");
        var text = await page.Locator("#" + Notes.Paragraph + " > p").TextContentAsync();
        await Notes.AddNoteAsync(page, Notes.Quote, Notes.NoteText);
        await page.ReloadAsync();
        await Notes.ExpectDrawnAsync(page, site.BaseUrl + "/essay", text!);
        Assert.Contains("[Quote link](" + Notes.QuoteLink(site) + ")", await Notes.ExportAsync(page), StringComparison.Ordinal);
        Assert.Empty(errors);
        await context.CloseAsync();
    }
}

internal static class Notes
{
    public const string Paragraph = "p2";
    public static readonly string[] Quote = [Paragraph, "an undoubted privilege", "the pretensions"];
    public const string QuoteText = "an undoubted privilege to inquire into the pretensions";

    // Earlier in the paragraph than the quote, and ending in the glossary link 'parliament'.
    public static readonly string[] LaterQuote = [Paragraph, "to support the", "parliament"];
    public const string LaterText = "to support the parliament";
    public const string NoteText = "Compare the pamphlet's publication in the timeline.";
    public const string Secret = "zebra-marmalade-4417";

    public static string QuoteLink(IHostUnderTest site) =>
        site.BaseUrl + ("/essay#" + Paragraph + ":~:text=" + ReadingToolsTests.Encode(QuoteText));

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
        await Assertions.Expect(page.Locator("#" + Paragraph + " mark.my-mark-note").First).ToBeVisibleAsync();
    }

    /// <summary>After a reload: the note's words are marked (the paragraph's text unchanged) and listed under My notes with their link.</summary>
    public static async Task ExpectDrawnAsync(IPage page, string essayUrl, string paragraphText)
    {
        await Assertions.Expect(page.Locator("#" + Paragraph + " mark.my-mark-note").First).ToBeVisibleAsync();
        Assert.Equal(QuoteText, await page.EvaluateAsync<string>("() => [...document.querySelectorAll('#p2 mark.my-mark-note')].map(m => m.textContent).join('')"));
        Assert.Equal(paragraphText, await page.Locator("#" + Paragraph + " > p").TextContentAsync());
        await page.Locator("summary", new() { HasText = "My notes" }).ClickAsync();
        var item = page.Locator(".my-notes-list > li").Filter(new() { HasText = NoteText });
        await Assertions.Expect(item.Locator("blockquote")).ToHaveTextAsync(QuoteText);
        var link = await item.GetByRole(AriaRole.Link, new() { Name = "Paragraph 2" }).GetAttributeAsync("href");
        Assert.StartsWith(essayUrl + "#p2:~:text=an%20undoubted", link, StringComparison.Ordinal);
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
