using EssaySite.Content;

namespace EssaySite.Tests;

/// <summary>
/// <c>&lt;html lang dir&gt;</c> follows site.yml's language on every page, the 404 and 400 pages included: right to
/// left for the Persian fixture guide, left to right for the English one.
/// </summary>
public sealed class PageDirectionTests
{
    private static AppFactory Persian() => new AppFactory().With("Site:ContentPath", PersianFixtureTests.Content);

    [Fact]
    public async Task PersianGuide_EveryPage_IsFarsiAndRightToLeft()
    {
        var guide = new ContentLoader(new MarkdownRenderer(), SiteAddresses.OfRoutes).Load(PersianFixtureTests.Content);
        using var factory = Persian();
        var client = factory.Client();
        var pages = 0;
        foreach (var path in EssaySite.Startup.SiteRoutes.Fixed(guide))
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.True(page.DocumentElement.GetAttribute("lang") == "fa", $"{path}: lang={page.DocumentElement.GetAttribute("lang")}");
            Assert.True(page.DocumentElement.GetAttribute("dir") == "rtl", $"{path}: dir={page.DocumentElement.GetAttribute("dir")}");
            pages++;
        }

        Assert.True(pages > 10, $"only {pages} pages checked");
    }

    [Theory]
    [InlineData("fa", "rtl")]
    [InlineData("en-GB", "ltr")]
    public async Task TheNotFoundPage_HasTheGuidesLanguageAndDirection(string language, string direction)
    {
        using var factory = language == "fa" ? Persian() : new AppFactory();
        var page = await factory.Client().GetDocumentAsync("/no-such-page", 404);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(direction, page.DocumentElement.GetAttribute("dir"));
    }

    [Theory]
    [InlineData("fa", "rtl")]
    [InlineData("en-GB", "ltr")]
    public async Task TheBadRequestPage_HasTheGuidesLanguageAndDirection(string language, string direction)
    {
        using var site = new KestrelHost(language == "fa" ? Persian() : new AppFactory());
        var (status, _, body) = await site.SendRawAsync("GET /essay HTTP/1.0\r\n\r\n");
        Assert.Equal(400, status);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
        Assert.Equal("Bad request", page.QuerySelector("h1")?.TextContent.Trim());
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(direction, page.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task EnglishGuide_HomePage_IsLeftToRight()
    {
        using var factory = new AppFactory();
        var page = await factory.Client().GetDocumentAsync("/");
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
    }
}
