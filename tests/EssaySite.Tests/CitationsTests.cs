using EssaySite.Teaching;

namespace EssaySite.Tests;

public sealed class CitationsTests
{
    private static readonly Uri Original = new("https://shainescarminach.com/2020/01/08/there-is-only-one-position/");
    private static readonly DateOnly Published = new(2020, 1, 8);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Uri Essay = new("https://essay.example.org/essay");
    private const string SiteName = "There Is Only One Position: essay and reading guide";

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
    public void ReproducedEssay_IsTheAuthorsWork_InEachStyle()
    {
        var c = ByStyle(Citations.ReproducedEssay("Shaine Scarminach", "There Is Only One Position", Published, Essay, SiteName));
        Assert.Equal("Scarminach, Shaine. “There Is Only One Position.” 2020. There Is Only One Position: Essay and Reading Guide, essay.example.org/essay.", c[Citations.Mla].Text);
        Assert.Equal("Scarminach, S. (2020, January 8). There is only one position. There Is Only One Position: Essay and Reading Guide. https://essay.example.org/essay", c[Citations.Apa].Text);
        Assert.Equal("Shaine Scarminach, “There Is Only One Position,” January 8, 2020, reproduced in There Is Only One Position: Essay and Reading Guide, https://essay.example.org/essay.", c[Citations.ChicagoNote].Text);
        Assert.Equal("Scarminach, Shaine. “There Is Only One Position.” January 8, 2020. Reproduced in There Is Only One Position: Essay and Reading Guide. https://essay.example.org/essay.", c[Citations.ChicagoBibliography].Text);
        Assert.All(c.Values, citation => Assert.DoesNotContain("Editors", citation.Text, StringComparison.Ordinal));
        Assert.Equal(["There Is Only One Position: Essay and Reading Guide"], c[Citations.Mla].Parts.Where(p => p.Italic).Select(p => p.Text));
    }

    [Fact]
    public void GuidePage_StartsFromItsTitle_AndIsDatedByItsLastUpdate()
    {
        var c = ByStyle(Citations.GuidePage(new GuidePageCitationInput("Discussion questions", new Uri("https://essay.example.org/questions"), Today, SiteName)));
        Assert.Equal("“Discussion Questions.” There Is Only One Position: Essay and Reading Guide, 23 Nov. 2026, essay.example.org/questions.", c[Citations.Mla].Text);
        Assert.Equal("Discussion questions. (2026, November 23). There Is Only One Position: Essay and Reading Guide. https://essay.example.org/questions", c[Citations.Apa].Text);
        Assert.Equal("“Discussion Questions,” There Is Only One Position: Essay and Reading Guide, last modified November 23, 2026, https://essay.example.org/questions.", c[Citations.ChicagoNote].Text);
        Assert.Equal("There Is Only One Position: Essay and Reading Guide. “Discussion Questions.” Last modified November 23, 2026. https://essay.example.org/questions.", c[Citations.ChicagoBibliography].Text);
        Assert.Equal(["Discussion questions"], c[Citations.Apa].Parts.Where(p => p.Italic).Select(p => p.Text));
        Assert.All(c.Values, citation => Assert.DoesNotContain("n.d.", citation.Text, StringComparison.Ordinal));
        Assert.All(c.Values, citation => Assert.DoesNotContain("ccessed", citation.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void GuidePage_WithoutADate_IsNoDate()
    {
        var c = ByStyle(Citations.GuidePage(new GuidePageCitationInput("Timeline", new Uri("https://essay.example.org/timeline"), null, SiteName)));
        Assert.Equal("Timeline. (n.d.). There Is Only One Position: Essay and Reading Guide. https://essay.example.org/timeline", c[Citations.Apa].Text);
        Assert.Equal("“Timeline.” There Is Only One Position: Essay and Reading Guide, essay.example.org/timeline.", c[Citations.Mla].Text);
    }

    [Fact]
    public void EssayParagraph_PutsTheLocatorInTheInTextCitationAndNote_NotTheEntry()
    {
        var c = ByStyle(Citations.EssayParagraph("Shaine Scarminach", "There Is Only One Position", Published, 18, Essay, SiteName));
        Assert.Equal("(Scarminach, par. 18)", c[Citations.MlaInText].Text);
        Assert.Equal("(Scarminach, 2020, para. 18)", c[Citations.ApaInText].Text);
        Assert.Equal("Shaine Scarminach, “There Is Only One Position,” January 8, 2020, par. 18, reproduced in There Is Only One Position: Essay and Reading Guide, https://essay.example.org/essay#p18.", c[Citations.ChicagoNote].Text);
        var whole = ByStyle(Citations.ReproducedEssay("Shaine Scarminach", "There Is Only One Position", Published, Essay, SiteName));
        Assert.Equal(whole[Citations.Mla].Text, c[Citations.Mla].Text);
        Assert.Equal(whole[Citations.Apa].Text, c[Citations.Apa].Text);
        Assert.Equal(whole[Citations.ChicagoBibliography].Text, c[Citations.ChicagoBibliography].Text);
        Assert.DoesNotContain("18", c[Citations.Apa].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("There Is Only One Position", "There is only one position")]
    [InlineData("There Is Only One Position: essay and reading guide", "There is only one position: Essay and reading guide")]
    [InlineData("Why the US Struck", "Why the US struck")]
    public void SentenceCase_KeepsTheFirstWordAfterAColonAndAcronyms(string title, string expected) =>
        Assert.Equal(expected, Citations.SentenceCase(title));

    [Theory]
    [InlineData("discussion questions", "Discussion Questions")]
    [InlineData("the coup and the revolution", "The Coup and the Revolution")]
    [InlineData("essay: a guide to the words of it", "Essay: A Guide to the Words of It")]
    public void TitleCase_LeavesShortWordsLowerInside(string title, string expected) =>
        Assert.Equal(expected, Citations.TitleCase(title));

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
