using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// The essay's reading tools: a link to a selected quote, reading settings, glossary definitions, reading aloud. On the
/// fixture guide, except the quote link and reading aloud, which need an essay long enough to scroll through (the real one).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ReadingToolsTests(FixtureGuideServer site, RealContentServer real)
{
    // Selects the words of a paragraph's text from the first occurrence of `from` to the end of `to`, across the sentence spans.
    internal const string SelectScript = """
        ([id, from, to]) => {
          const block = document.querySelector('#' + id + ' > p');
          const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
          const nodes = []; let text = '';
          for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.data; }
          const at = (offset) => { for (let i = nodes.length - 1; i >= 0; i--) { if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]]; } };
          const start = text.indexOf(from), end = text.indexOf(to, start) + to.length;
          const range = document.createRange();
          range.setStart(...at(start)); range.setEnd(...at(end));
          const selection = document.getSelection(); selection.removeAllRanges(); selection.addRange(range);
        }
        """;

    private static readonly string[] ShortQuote = ["p17", "The result was twenty-five", "autocratic rule"];
    private static readonly string[] LongQuote = ["p17", "Over four days", "regime of torture."];

    internal static string Encode(string text) => Uri.EscapeDataString(text).Replace("-", "%2D", StringComparison.Ordinal);

    [Fact]
    public async Task SelectingWords_OffersALinkToTheQuote_ThatOpensAtItsParagraph()
    {
        var context = await real.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = real.BaseUrl, Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/essay");
        var button = page.GetByRole(AriaRole.Button, new() { Name = "Copy link to quote" });
        await Assertions.Expect(button).ToBeHiddenAsync();

        // A short quote is the whole directive, its hyphen encoded.
        await page.EvaluateAsync(SelectScript, ShortQuote);
        await button.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "quote" })).ToHaveTextAsync("Link to the quote copied");
        var shortLink = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(real.BaseUrl + ("/essay#p17:~:text=" + Encode("The result was twenty-five years of autocratic rule")), shortLink);

        // A long one, across two sentences, is its first and last words: textStart,textEnd.
        await page.EvaluateAsync(SelectScript, LongQuote);
        await button.ClickAsync();
        var longLink = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(real.BaseUrl + ("/essay#p17:~:text=" + Encode("Over four days in") + "," + Encode("a regime of torture.")), longLink);

        // Opening the link brings the paragraph into view.
        var reader = await context.NewPageAsync();
        await reader.SetViewportSizeAsync(1280, 700);
        await reader.GotoAsync(longLink);
        await Assertions.Expect(reader.Locator("#p17")).ToBeInViewportAsync();
        Assert.True(await reader.EvaluateAsync<double>("() => window.scrollY") > 1000, "the page did not scroll to paragraph 17");
        await context.CloseAsync();
    }

    [Fact]
    public async Task ReadingSettings_LargeAndDark_ApplyAtOnceAndStayOnTheNextPage()
    {
        var page = await site.NewPageAsync(width: 375, height: 800);
        await page.GotoAsync("/essay");
        var before = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('#p1 > p')).fontSize)");
        await page.Locator("summary", new() { HasText = "Reading settings" }).ClickAsync();
        var size = page.GetByRole(AriaRole.Group, new() { Name = "Text size" });
        await Assertions.Expect(size.GetByRole(AriaRole.Radio, new() { Name = "Standard" })).ToBeCheckedAsync();
        await size.GetByRole(AriaRole.Radio, new() { Name = "Large", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Theme" }).GetByRole(AriaRole.Radio, new() { Name = "Dark" }).CheckAsync();
        var after = await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.querySelector('#p1 > p')).fontSize)");
        Assert.True(after > before * 1.1, $"the essay's text is {after}px after choosing Large, {before}px before");

        await page.GotoAsync("/timeline");
        Assert.Equal("large", await page.EvaluateAsync<string>("() => document.documentElement.dataset.textSize"));
        Assert.Equal("dark", await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
        Assert.Equal("rgb(21, 21, 19)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Equal(16 * 1.15, await page.EvaluateAsync<double>("() => parseFloat(getComputedStyle(document.documentElement).fontSize)"), 1);
        await page.Locator("summary", new() { HasText = "Reading settings" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Theme" }).GetByRole(AriaRole.Radio, new() { Name = "Dark" })).ToBeCheckedAsync();
        await page.Context.CloseAsync();

        // Without JavaScript there is no control, and the page follows the system.
        var plain = await site.NewPageAsync(javaScript: false);
        await plain.GotoAsync("/essay");
        await Assertions.Expect(plain.Locator("summary", new() { HasText = "Reading settings" })).ToBeHiddenAsync();
        await plain.Context.CloseAsync();
    }

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    [InlineData("sepia")]
    public async Task EachTheme_HasNoAxeViolations_WithTheSettingsOpen(string theme)
    {
        // The opposite system scheme, so the chosen theme is seen to win over it.
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ColorScheme = theme == "dark" ? ColorScheme.Light : ColorScheme.Dark,
        });
        await context.AddInitScriptAsync("localStorage.setItem('essaysite:reading', JSON.stringify({ theme: '" + theme + "' }))");
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        foreach (var url in new[] { "/essay", "/glossary", "/timeline" })
        {
            await page.GotoAsync(url);
            Assert.Equal(theme, await page.EvaluateAsync<string>("() => document.documentElement.dataset.theme"));
            await page.EvaluateAsync("() => { document.querySelector('details.reading-settings').open = true; }");
            // A theme changes the colour variables only: every rule runs in the light theme, the colour rules in the others.
            var result = await page.RunAxe(AccessibilityTests.AxeOptions(coloursOnly: theme != "light"));
            problems.AddRange(result.Violations.Select(v => $"{url} ({theme}): {v.Id}: {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}"));
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task TextSpacingOverrides_ClipNoText(int width)
    {
        // WCAG 1.4.12: line height 1.5, paragraph spacing 2em, letter spacing 0.12em, word spacing 0.16em.
        var page = await site.NewPageAsync(width: width, height: 800);
        await page.GotoAsync("/essay");
        // Through the CSS object model, as a reader's bookmarklet or extension would (the CSP refuses a <style> element).
        await page.EvaluateAsync("""
            () => {
              const sheet = document.styleSheets[document.styleSheets.length - 1];
              sheet.insertRule('* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }', sheet.cssRules.length);
              sheet.insertRule('p { margin-bottom: 2em !important; }', sheet.cssRules.length);
            }
            """);
        Assert.Equal("1.5", await page.EvaluateAsync<string>("() => (parseFloat(getComputedStyle(document.querySelector('#p1 > p')).lineHeight) / parseFloat(getComputedStyle(document.querySelector('#p1 > p')).fontSize)).toFixed(1)"));
        await page.EvaluateAsync("() => { document.querySelector('details.reading-settings').open = true; document.querySelector('#p1 details.refs').open = true; }");
        var clipped = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('header *, main *')].filter(e => {
              const s = getComputedStyle(e);
              if (s.clipPath !== 'none' || e.getClientRects().length === 0) return false; // visually hidden on purpose, or not shown
              const hides = (v) => v === 'hidden' || v === 'clip';
              return (hides(s.overflowX) && e.scrollWidth > e.clientWidth + 1) || (hides(s.overflowY) && e.scrollHeight > e.clientHeight + 1);
            }).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 40))
            """);
        Assert.True(clipped.Length == 0, string.Join('\n', clipped));
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, "the page scrolls sideways");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AGlossaryLink_ShowsItsDefinitionOnFocus_AndEscapeHidesIt()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/essay");
        // The fixture's essay first uses 'parliament' in paragraph 2; its glossary entry begins "The legislature".
        var link = page.Locator("#p2").GetByRole(AriaRole.Link, new() { Name = "parliament", Exact = true });
        await Assertions.Expect(link).ToHaveAttributeAsync("href", "/glossary#parliament");
        var definition = (await page.Locator("#" + await link.GetAttributeAsync("aria-describedby")).TextContentAsync())!.Trim();
        Assert.StartsWith("The legislature", definition, StringComparison.Ordinal);
        await Assertions.Expect(link).ToHaveAccessibleDescriptionAsync(definition);

        var tip = page.Locator(".gloss-tip");
        await Assertions.Expect(tip).ToBeHiddenAsync();
        await link.FocusAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();
        await Assertions.Expect(tip).ToHaveTextAsync(definition);
        var (linkBox, tipBox) = (await link.BoundingBoxAsync(), await tip.BoundingBoxAsync());
        Assert.True(tipBox!.Y >= linkBox!.Y + linkBox.Height - 1, "the definition is shown below its link");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(tip).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    // Stands in for the browser's speech: records what is spoken, and lets the test end an utterance.
    private const string FakeSpeech = """
        (() => {
          const log = [];
          const synth = {
            current: null,
            speak(u) { log.push({ text: u.text, rate: u.rate }); this.current = u; },
            cancel() { this.current = null; },
            pause() { log.push('pause'); },
            resume() { log.push('resume'); },
            getVoices() { return []; },
          };
          window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.rate = 1; this.onend = null; } };
          Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
          window.__spoken = log;
          window.__finish = () => { const u = synth.current; synth.current = null; if (u && u.onend) u.onend(); };
        })();
        """;

    [Fact]
    public async Task ReadAloud_SpeaksParagraphByParagraph_HighlightingEach_ByKeyboardToo()
    {
        var context = await real.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = real.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 700 } });
        await context.AddInitScriptAsync(FakeSpeech);
        var page = await context.NewPageAsync();
        var fetched = new List<string>();
        page.Request += (_, r) => fetched.Add(r.Url);
        await page.GotoAsync("/essay", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.DoesNotContain(fetched, u => u.Contains("read-aloud.js", StringComparison.Ordinal));

        var paragraphs = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.essay-text .para')].map(p => [...p.querySelectorAll(':scope > p, :scope > blockquote')].map(e => e.textContent.trim()).join(' '))");
        async Task<string[]> Spoken() => await page.EvaluateAsync<string[]>("() => window.__spoken.map(s => typeof s === 'string' ? s : s.rate + ' ' + s.text)");
        async Task<string[]> Highlighted() => await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.para.speaking')].map(p => p.id)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Read aloud" }).ClickAsync();
        var player = page.GetByRole(AriaRole.Group, new() { Name = "Read aloud" });
        await Assertions.Expect(player.GetByRole(AriaRole.Status)).ToHaveTextAsync("Paragraph 1 of 30");
        Assert.Contains(fetched, u => u.Contains("read-aloud.js?v=", StringComparison.Ordinal));
        Assert.Equal(["1 " + paragraphs[0]], await Spoken());
        Assert.Equal(["p1"], await Highlighted());

        // The end of a paragraph goes on to the next, which is brought into view.
        await page.EvaluateAsync("() => window.__finish()");
        await Assertions.Expect(page.Locator("#p2.speaking")).ToBeInViewportAsync();
        await player.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await player.GetByRole(AriaRole.Button, new() { Name = "Next" }).ClickAsync();
        await Assertions.Expect(page.Locator("#p4.speaking")).ToBeInViewportAsync();
        await player.GetByRole(AriaRole.Button, new() { Name = "Previous" }).ClickAsync();
        await player.GetByRole(AriaRole.Combobox, new() { Name = "Speed" }).SelectOptionAsync("1.5");
        Assert.Equal(["p3"], await Highlighted());

        // Pause and resume from the keyboard.
        await player.GetByRole(AriaRole.Button, new() { Name = "Pause" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(player.GetByRole(AriaRole.Button, new() { Name = "Resume" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(player.GetByRole(AriaRole.Button, new() { Name = "Pause" })).ToBeVisibleAsync();

        Assert.Equal(
            ["1 " + paragraphs[0], "1 " + paragraphs[1], "1 " + paragraphs[2], "1 " + paragraphs[3], "1 " + paragraphs[2], "1.5 " + paragraphs[2], "pause", "resume"],
            await Spoken());

        var axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
        Assert.True(axe.Violations.Length == 0, string.Join('\n', axe.Violations.Select(v => $"{v.Id}: {v.Help}")));

        await player.GetByRole(AriaRole.Button, new() { Name = "Stop" }).ClickAsync();
        Assert.Empty(await Highlighted());
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Read aloud" })).ToBeFocusedAsync();
        await context.CloseAsync();

        // Where the browser cannot speak, there is no button.
        var mute = await real.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = real.BaseUrl });
        await mute.AddInitScriptAsync("delete window.speechSynthesis; delete Window.prototype.speechSynthesis;");
        var silent = await mute.NewPageAsync();
        await silent.GotoAsync("/essay", new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal(0, await silent.GetByRole(AriaRole.Button, new() { Name = "Read aloud" }).CountAsync());
        await mute.CloseAsync();
    }

    [Fact]
    public async Task TheCopyConfirmation_StaysBesideTheButtons_WhenANoteIsOpened()
    {
        var context = await real.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = real.BaseUrl, Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/essay");
        await page.EvaluateAsync(SelectScript, ShortQuote);
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link to quote" }).ClickAsync();
        var status = page.Locator(".quote-bar").GetByRole(AriaRole.Status);
        await Assertions.Expect(status).ToHaveTextAsync("Link to the quote copied");
        var copy = await page.GetByRole(AriaRole.Button, new() { Name = "Copy link to quote" }).BoundingBoxAsync();
        var before = await status.BoundingBoxAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        var box = page.GetByRole(AriaRole.Textbox, new() { Name = "Note on" });
        await Assertions.Expect(box).ToBeFocusedAsync();
        var after = await status.BoundingBoxAsync();
        var form = await box.BoundingBoxAsync();

        // The confirmation stays where it was, on the buttons' row, and the note box opens under the row.
        Assert.Equal(before!.Y, after!.Y, 1.0);
        Assert.Equal(before.X, after.X, 1.0);
        Assert.True(after.Y < copy!.Y + copy.Height, $"the confirmation is at {after.Y}px, below the buttons' row ending at {copy.Y + copy.Height}px");
        Assert.True(form!.Y >= after.Y + after.Height, $"the note box starts at {form.Y}px, above the confirmation's foot at {after.Y + after.Height}px");
        await context.CloseAsync();
    }

    // The marker drawn before each of the essay page's own disclosures: what it shows, its turn, its colour and the summary's.
    private const string MarkerScript = """
        (el) => { const m = getComputedStyle(el, '::before'); return [m.content, m.transform, m.color, getComputedStyle(el).color, m.width]; }
        """;

    [Theory]
    [InlineData("light")]
    [InlineData("dark")]
    public async Task ReadingSettingsAndMyNotes_ShowADisclosureMarker_ThatTurnsWhenOpened(string scheme)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            ColorScheme = scheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/essay");
        foreach (var name in new[] { "Reading settings", "My notes" })
        {
            var summary = page.Locator("summary", new() { HasText = name });
            var closed = await summary.EvaluateAsync<string[]>(MarkerScript);
            Assert.True(closed[0] is not ("none" or "normal" or "\"\""), $"the {name} marker shows {closed[0]}");
            Assert.Equal(closed[3], closed[2]);
            Assert.NotEqual("0px", closed[4]);

            await summary.ClickAsync();
            await Assertions.Expect(summary.Locator("xpath=..")).ToHaveAttributeAsync("open", "");
            var open = await summary.EvaluateAsync<string[]>(MarkerScript);
            Assert.Equal(closed[0], open[0]);
            Assert.NotEqual(closed[1], open[1]);
        }

        await context.CloseAsync();
    }
}
