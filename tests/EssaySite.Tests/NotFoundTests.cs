namespace EssaySite.Tests;

/// <summary>Unknown addresses, on the fixture guide.</summary>
public sealed class NotFoundTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/essay/extra")]
    [InlineData("/commentary-x/y/z")]
    [InlineData("/content/essay.md")]
    [InlineData("/appsettings.json")]
    [InlineData("/EssaySite.dll")]
    [InlineData("/not%20here")]
    [InlineData("/UPPERCASE")]
    public async Task UnknownPath_Answers404WithAHelpfulPage(string url)
    {
        using var response = await host.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", doc.QuerySelector("h1")?.TextContent.Trim());
        Assert.NotNull(doc.QuerySelector("main a[href='/']"));
        Assert.NotNull(doc.QuerySelector("header nav a[href='/essay']"));
    }
}
