using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace EssaySite.BrowserTests;

/// <summary>A teacher prints the packet, makes an assignment, projects its QR code and copies a citation.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class TeachingWebTests(RealContentServer host)
{
    private static readonly string[] PartHeadings = ["2. Timeline", "3. Sources", "4. Discussion questions"];

    [Fact]
    public async Task Packet_PrintsToAPdfWithTheEssayTimelineAndQuestions()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/packet");
        foreach (var part in new[] { "Timeline", "Sources" })
        {
            await page.GetByRole(AriaRole.Checkbox, new() { Name = part, Exact = true }).CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Show the packet with these parts" }).ClickAsync();
        await page.ArriveAsync(new Regex("/packet\\?part=essay&part=timeline&part=sources&part=questions$"));
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        await page.Context.CloseAsync();

        using var document = PdfDocument.Open(pdf);
        Assert.InRange(document.NumberOfPages, 8, 60);
        var pages = document.GetPages().Select(p => Squash(string.Join(' ', p.GetWords().Select(w => w.Text)))).ToList();
        var text = string.Concat(pages);

        var seed = SeedParagraphs();
        var first = seed[0][..(seed[0].IndexOf('.', StringComparison.Ordinal) + 1)];
        var last = seed[^1][(seed[^1].TrimEnd('.').LastIndexOf('.') + 1)..].Trim();
        Assert.Contains(Squash(first), text, StringComparison.Ordinal);
        Assert.Contains(Squash(last), text, StringComparison.Ordinal);
        Assert.Contains(Squash("Iran Air Flight 655"), text, StringComparison.Ordinal);
        Assert.Contains(Squash("In your own words, what is the “one position” the title refers to"), text, StringComparison.Ordinal);

        // Every part is there in order, every page is numbered under a short running header, and no site chrome is printed.
        var at = PartHeadings.Select(h => text.IndexOf(Squash(h), StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i > 0));
        Assert.Equal(at.Order(), at);
        for (var n = 1; n <= pages.Count; n++)
        {
            Assert.Contains(Squash($"Page {n} of {pages.Count}"), pages[n - 1], StringComparison.Ordinal);
            Assert.Contains(Squash("Class packet"), pages[n - 1], StringComparison.Ordinal);
        }
        Assert.DoesNotContain(Squash("Skip to main content"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Squash("Content version"), text, StringComparison.Ordinal);
        // External links carry their address in print.
        Assert.Contains(Squash("(https://shainescarminach.com/2020/01/08/there-is-only-one-position/)"), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePrintedPacket_HeadsEveryPageWithTheEssaysTitle_AndPrintsTheAddressOfInternalLinks()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/packet");
        var title = (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim();
        Assert.StartsWith("Class packet: ", title, StringComparison.Ordinal);
        Assert.True(title.Length > "Class packet: ".Length);
        var canonical = new Uri((await page.Locator("link[rel=canonical]").GetAttributeAsync("href"))!);
        var link = page.Locator(".packet .question a[href^='/']").First;
        var address = new Uri(canonical, (await link.GetAttributeAsync("href"))!).AbsoluteUri;
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Contains(address, await link.EvaluateAsync<string>("(a) => getComputedStyle(a, '::after').content"), StringComparison.Ordinal);
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        await page.Context.CloseAsync();

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => Squash(string.Join(' ', p.GetWords().Select(w => w.Text)))).ToList();
        Assert.True(pages.Count >= 2);
        // From page 2 on, the only place the title can come from is the running header.
        Assert.All(pages.Skip(1), p => Assert.Contains(Squash(title), p, StringComparison.Ordinal));
        Assert.Contains(Squash($"({address})"), string.Concat(pages), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDefaultPacket_PrintsOnAFewPages()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/packet");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true });
        await page.Context.CloseAsync();
        using var document = PdfDocument.Open(pdf);
        Assert.InRange(document.NumberOfPages, 3, 10);
        var text = Squash(string.Concat(document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))));
        Assert.Contains(Squash("2. Discussion questions"), text, StringComparison.Ordinal);
        Assert.DoesNotContain(Squash("Timeline"), text.Replace(Squash("Class packet"), "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PacketPrintStyles_UseSerifTextLetPartsFollowOnAndKeepHeadingsWithTheirText()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/packet");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        var style = await page.EvaluateAsync<Dictionary<string, string>>(@"() => {
            const css = (sel, prop) => getComputedStyle(document.querySelector(sel)).getPropertyValue(prop);
            return {
                header: css('.site-header', 'display'), footer: css('.site-footer', 'display'), contents: css('.packet-contents', 'display'),
                font: css('.packet .para p', 'font-family'), size: css('.packet .para p', 'font-size'),
                firstPart: css('.packet-header + .packet-part', 'break-before'), timeline: css('section.packet-part:nth-of-type(2)', 'break-before'),
                h2: css('.packet h2', 'break-after'), h3: css('.packet h3', 'break-after'), pnum: css('.packet .pnum', 'display'),
            };
        }");
        Assert.Equal("none", style["header"]);
        Assert.Equal("none", style["footer"]);
        Assert.Equal("none", style["contents"]);
        Assert.EndsWith("serif", style["font"], StringComparison.Ordinal);
        Assert.DoesNotContain("sans-serif", style["font"], StringComparison.Ordinal);
        Assert.InRange(double.Parse(style["size"].TrimEnd('p', 'x'), System.Globalization.CultureInfo.InvariantCulture) * 0.75, 11, 12);
        Assert.Equal("auto", style["firstPart"]);
        Assert.Equal("auto", style["timeline"]);
        Assert.Equal("avoid", style["h2"]);
        Assert.Equal("avoid", style["h3"]);
        Assert.Equal("block", style["pnum"]);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/essay")]
    [InlineData("/assign/ARgDAAAHARUJ3g5SZWFkIGNhcmVmdWxsefQQQA")]
    public async Task PrintedPagesThatShowTheEssay_KeepParagraphNumbersAndDropChrome(string url)
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync(url);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".para .pnum").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".site-footer")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator(".pcite:visible, .copy-button:visible, .screen-only:visible").CountAsync());
        if (url.StartsWith("/assign/", StringComparison.Ordinal))
        {
            await Assertions.Expect(page.Locator(".qr img")).ToBeVisibleAsync();
        }

        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Teacher_TypesParagraphsWithTheWholeEssaySelected_AndGetsThoseParagraphs()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/assign");
        var some = page.GetByRole(AriaRole.Radio, new() { Name = "Some paragraphs" });
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { NameRegex = new("^The whole essay") })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new("^Paragraphs") }).FillAsync("p17-p19");
        await Assertions.Expect(some).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the assignment link" }).ClickAsync();
        await page.ArriveAsync(new Regex("/assign/[A-Za-z0-9_-]+$"));
        Assert.Equal(["17", "18", "19"], await page.Locator(".assigned-paragraphs .para").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.paragraph)"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AMistake_IsSummarisedAtTheTop_LinkedToItsField_AndNamedBesideIt()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/assign");
        await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new("^Paragraphs") }).FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the assignment link" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("There is a problem");
        await summary.GetByRole(AriaRole.Link, new() { Name = "There is no paragraph 40: the essay has 30." }).ClickAsync();
        var field = page.GetByRole(AriaRole.Textbox, new() { NameRegex = new("^Paragraphs") });
        await Assertions.Expect(field).ToBeFocusedAsync();
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(field).ToHaveAccessibleDescriptionAsync(new Regex("Error: There is no paragraph 40: the essay has 30\\.$"));
        await Assertions.Expect(field).ToHaveValueAsync("40");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnAssignment_CopiesItsLink_ShowsItsQrCodeLarge_AndPrintsWithoutTheProjectingCaption()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/assign?essay=all&q=1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Link copied");
        Assert.Equal(page.Url, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));

        var large = page.GetByRole(AriaRole.Dialog, new() { Name = "QR code, large, for projecting" });
        await Assertions.Expect(large).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "show it large" }).ClickAsync();
        await Assertions.Expect(large).ToBeVisibleAsync();
        var box = await large.GetByRole(AriaRole.Img).BoundingBoxAsync();
        Assert.True(box!.Width >= 500, $"the large QR code is {box.Width}px wide");
        await large.GetByRole(AriaRole.Link, new() { Name = "Close the large QR code" }).ClickAsync();
        await Assertions.Expect(large).ToBeHiddenAsync();

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".qr figcaption")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".qr img")).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    [Fact]
    public async Task TheCitePage_KeepsThePagesColumnAtDesktopWidth()
    {
        var page = await host.NewPageAsync(width: 1440, height: 900);
        await page.GotoAsync("/essay/cite/17");
        var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).BoundingBoxAsync();
        var quote = await page.Locator("blockquote.cited-paragraph").BoundingBoxAsync();
        var citation = await page.Locator(".cite-text").First.BoundingBoxAsync();
        Assert.True(heading!.X > 200, $"the heading starts {heading.X}px from the left edge");
        Assert.InRange(quote!.X, heading.X - 1, heading.X + 1);
        Assert.InRange(citation!.X, heading.X - 1, heading.X + 1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Teacher_AssignsParagraphs17To19AndThreeQuestions_WithoutJavaScript()
    {
        var page = await host.NewPageAsync(javaScript: false);
        await page.GotoAsync("/assign");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Some paragraphs" }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { NameRegex = new("^Paragraphs") }).FillAsync("17–19");
        foreach (var n in new[] { 2, 6, 9 })
        {
            await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new($"^Question {n}\\.") }).CheckAsync();
        }

        await page.GetByLabel("A short note").FillAsync("Read before Monday");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the assignment link" }).ClickAsync();
        await page.ArriveAsync(new System.Text.RegularExpressions.Regex("/assign/[A-Za-z0-9_-]+$"));
        var url = page.Url;

        var other = await host.NewPageAsync(javaScript: false);
        var response = await other.GotoAsync(url);
        Assert.Equal(200, response!.Status);
        Assert.Equal(["17", "18", "19"], await other.Locator(".assigned-paragraphs .para").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.paragraph)"));
        Assert.Equal(["2", "6", "9"], await other.Locator(".assigned-questions > li").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.question)"));
        Assert.Equal(0, await other.Locator(".assigned-parts [data-part='timeline'], .assigned-parts [data-part='sources'], .assigned-parts [data-part='essay']").CountAsync());
        await Assertions.Expect(other.Locator(".assignment-note")).ToContainTextAsync("Read before Monday");
        Assert.StartsWith("We could begin roughly five decades ago", (await other.Locator(".assigned-paragraphs .para").First.Locator("p").InnerTextAsync()).Trim(), StringComparison.Ordinal);

        await other.GetByRole(AriaRole.Link, new() { Name = "Question 6 in the guide" }).ClickAsync();
        await other.ArriveAsync(host.BaseUrl + "/questions#q06");
        await page.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Fact]
    public async Task AssignmentQrCode_DecodesToTheAssignmentUrl()
    {
        var code = new EssaySite.Teaching.Assignment { Paragraphs = [17, 18, 19], Questions = [1, 4, 7], Timeline = true }.Encode();
        // The CSP rightly forbids the injected decoder; only this test's context bypasses it.
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/assign/{code}");
        var image = page.Locator(".qr img");
        await Assertions.Expect(image).ToBeVisibleAsync();
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = JsQrPath() });

        var decoded = await page.EvaluateAsync<string?>(@"async () => {
            const img = document.querySelector('.qr img');
            await img.decode();
            const size = 400;
            const canvas = document.createElement('canvas');
            canvas.width = size; canvas.height = size;
            const ctx = canvas.getContext('2d');
            ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, size, size);
            ctx.drawImage(img, 0, 0, size, size);
            const data = ctx.getImageData(0, 0, size, size);
            const result = jsQR(data.data, size, size);
            return result ? result.data : null;
        }");

        Assert.Equal($"{host.BaseUrl}/assign/{code}", decoded);
        Assert.Equal(decoded, page.Url);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Citations_AreSelectableWithoutJavaScript_AndCopyWithIt()
    {
        var plain = await host.NewPageAsync(javaScript: false);
        await plain.GotoAsync("/essay");
        Assert.Equal(8, await plain.Locator(".cite-this .cite-text").CountAsync());
        Assert.Equal(0, await plain.Locator(".copy-button").CountAsync());
        await plain.Context.CloseAsync();

        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, Permissions = ["clipboard-read", "clipboard-write"] });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/timeline");
        var first = page.Locator(".cite-this .citation-row").First;
        await first.GetByRole(AriaRole.Button, new() { Name = "Copy MLA (9th ed.), works cited citation" }).ClickAsync();
        await Assertions.Expect(first.GetByRole(AriaRole.Button, new() { Name = "Copied MLA (9th ed.), works cited citation" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Copied the MLA (9th ed.), works cited citation");
        var copied = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal((await first.Locator(".cite-text").InnerTextAsync()).Trim(), copied);
        var html = await page.EvaluateAsync<string>("async () => { const [item] = await navigator.clipboard.read(); return await (await item.getType('text/html')).text(); }");
        Assert.Contains("<i>", html, StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task ParagraphCiteLink_OpensItsCitation()
    {
        var page = await host.NewPageAsync();
        await page.GotoAsync("/essay#p17");
        await page.GetByRole(AriaRole.Link, new() { Name = "Cite paragraph 17", Exact = true }).ClickAsync();
        await page.ArriveAsync(host.BaseUrl + "/essay/cite/17");
        await Assertions.Expect(page.Locator(".cite-text").First).ToHaveTextAsync("(Scarminach, par. 17)");
        await Assertions.Expect(page.GetByText($"par. 17, reproduced in")).ToContainTextAsync($"{host.BaseUrl}/essay#p17");
        await page.Context.CloseAsync();
    }

    // Letters only survive the comparison: PDF text has its own spacing, line breaks and ligatures.
    private static string Squash(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC);
        return new string([.. normal.Where(c => !char.IsWhiteSpace(c) && c != '\u00AD')]);
    }

    private static List<string> SeedParagraphs() =>
        [.. File.ReadAllLines(Path.Combine(RepoRoot(), "seeds", "000_0273d8e9ceb8cf6c.txt")).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim())];

    /// <summary>jsQR from this project's npm dependencies (scripts/test runs npm ci when node_modules is missing).</summary>
    private static string JsQrPath()
    {
        var path = Path.Combine(RepoRoot(), "tests", "EssaySite.BrowserTests", "node_modules", "jsqr", "dist", "jsQR.js");
        return File.Exists(path) ? path : throw new InvalidOperationException($"jsQR is missing at {path}: run 'npm ci' in tests/EssaySite.BrowserTests.");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EssaySite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
