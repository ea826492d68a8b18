using EssaySite.Teaching;

namespace EssaySite.Tests;

public sealed class CitationsTests
{
    private static readonly Uri Original = new("https://shainescarminach.com/2020/01/08/there-is-only-one-position/");
    private static readonly DateOnly Published = new(2020, 1, 8);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Dictionary<string, Citation> ByStyle(IReadOnlyList<Citation> citations) => citations.ToDictionary(c => c.Style);

    [Fact]
    public void OriginalEssay_InEachStyle()
    {
        var c = ByStyle(Citations.OriginalEssay("Shaine Scarminach", "There Is Only One Position", Published, Original));
        Assert.Equal("Scarminach, Shaine. “There Is Only One Position.” shainescarminach.com, 8 Jan. 2020, shainescarminach.com/2020/01/08/there-is-only-one-position/.", c[Citations.Mla].Text);
        Assert.Equal("Scarminach, S. (2020, January 8). There is only one position. shainescarminach.com. https://shainescarminach.com/2020/01/08/there-is-only-one-position/", c[Citations.Apa].Text);
        Assert.Equal("Shaine Scarminach, “There Is Only One Position,” shainescarminach.com, January 8, 2020, https://shainescarminach.com/2020/01/08/there-is-only-one-position/.", c[Citations.ChicagoNote].Text);
        Assert.Equal("Scarminach, Shaine. “There Is Only One Position.” shainescarminach.com, January 8, 2020. https://shainescarminach.com/2020/01/08/there-is-only-one-position/.", c[Citations.ChicagoBibliography].Text);

        Assert.Equal(["shainescarminach.com"], c[Citations.Mla].Parts.Where(p => p.Italic).Select(p => p.Text));
        Assert.Equal(["There is only one position"], c[Citations.Apa].Parts.Where(p => p.Italic).Select(p => p.Text));
    }

    [Fact]
    public void GuidePage_InEachStyle_WithAccessDateAndContentVersion()
    {
        var c = ByStyle(Citations.GuidePage(new GuideCitationInput("Timeline", new Uri("https://essay.example.org/timeline"), Today, "abc1234")));
        Assert.Equal("“Timeline.” There Is Only One Position: essay and reading guide, content version abc1234, essay.example.org/timeline. Accessed 23 Nov. 2026.", c[Citations.Mla].Text);
        Assert.Equal("Editors of There Is Only One Position: essay and reading guide. (n.d.). Timeline (Content version abc1234). Retrieved November 23, 2026, from https://essay.example.org/timeline", c[Citations.Apa].Text);
        Assert.Equal("Editors of There Is Only One Position: essay and reading guide, “Timeline,” There Is Only One Position: essay and reading guide, content version abc1234, accessed November 23, 2026, https://essay.example.org/timeline.", c[Citations.ChicagoNote].Text);
        Assert.Equal("Editors of There Is Only One Position: essay and reading guide. “Timeline.” There Is Only One Position: essay and reading guide. Content version abc1234. Accessed November 23, 2026. https://essay.example.org/timeline.", c[Citations.ChicagoBibliography].Text);
        Assert.Equal([Citations.SiteName], c[Citations.Mla].Parts.Where(p => p.Italic).Select(p => p.Text));
        Assert.Equal(["Timeline"], c[Citations.Apa].Parts.Where(p => p.Italic).Select(p => p.Text));
    }

    [Fact]
    public void EssayParagraph_AddsTheLocatorAndTheParagraphUrl()
    {
        var here = new GuideCitationInput("There Is Only One Position", new Uri("https://essay.example.org/essay#p17"), Today, "abc1234");
        var c = ByStyle(Citations.EssayParagraph("Shaine Scarminach", "There Is Only One Position", Published, 17, here));
        Assert.Equal("Scarminach, Shaine. “There Is Only One Position.” 2020. There Is Only One Position: essay and reading guide, content version abc1234, ¶ 17, essay.example.org/essay#p17. Accessed 23 Nov. 2026.", c[Citations.Mla].Text);
        Assert.Equal("Scarminach, S. (2020). There is only one position (Content version abc1234, ¶ 17). There Is Only One Position: essay and reading guide. Retrieved November 23, 2026, from https://essay.example.org/essay#p17", c[Citations.Apa].Text);
        Assert.Equal("Shaine Scarminach, “There Is Only One Position” (January 8, 2020), ¶ 17, in There Is Only One Position: essay and reading guide, content version abc1234, accessed November 23, 2026, https://essay.example.org/essay#p17.", c[Citations.ChicagoNote].Text);
        Assert.Equal("Scarminach, Shaine. “There Is Only One Position.” January 8, 2020. ¶ 17. In There Is Only One Position: essay and reading guide. Content version abc1234. Accessed November 23, 2026. https://essay.example.org/essay#p17.", c[Citations.ChicagoBibliography].Text);
    }

    [Theory]
    [InlineData(2020, 1, 8, "8 Jan. 2020")]
    [InlineData(2026, 5, 23, "23 May 2026")]
    [InlineData(2026, 6, 1, "1 June 2026")]
    [InlineData(2026, 7, 4, "4 July 2026")]
    [InlineData(2026, 9, 30, "30 Sept. 2026")]
    [InlineData(2026, 12, 25, "25 Dec. 2026")]
    public void MlaDates_AbbreviateLongMonths(int year, int month, int day, string expected) =>
        Assert.Equal(expected, Citations.MlaDate(new DateOnly(year, month, day)));
}
