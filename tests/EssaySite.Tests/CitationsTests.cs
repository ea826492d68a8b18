using EssaySite.Teaching;

namespace EssaySite.Tests;

public sealed class CitationsTests
{
    private static readonly Uri Original = new("https://ada.example.org/2020/01/08/three-reasons/");
    private static readonly DateOnly Published = new(2020, 1, 8);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Uri Essay = new("https://essay.example.org/essay");
    private const string SiteName = "Three Reasons Harbours Matter: essay and reading guide";

    private static Dictionary<string, Citation> ByStyle(IReadOnlyList<Citation> citations) => citations.ToDictionary(c => c.Style);

    [Fact]
    public void OriginalEssay_InEachStyle()
    {
        var c = ByStyle(Citations.OriginalEssay("Ada Lovell", "Three Reasons Harbours Matter", Published, Original));
        Assert.Equal("Lovell, Ada. “Three Reasons Harbours Matter.” ada.example.org, 8 Jan. 2020, ada.example.org/2020/01/08/three-reasons/.", c[Citations.Mla].Text);
        Assert.Equal("Lovell, A. (2020, January 8). Three reasons harbours matter. ada.example.org. https://ada.example.org/2020/01/08/three-reasons/", c[Citations.Apa].Text);
        Assert.Equal("Ada Lovell, “Three Reasons Harbours Matter,” ada.example.org, January 8, 2020, https://ada.example.org/2020/01/08/three-reasons/.", c[Citations.ChicagoNote].Text);
        Assert.Equal("Lovell, Ada. “Three Reasons Harbours Matter.” ada.example.org, January 8, 2020. https://ada.example.org/2020/01/08/three-reasons/.", c[Citations.ChicagoBibliography].Text);

        Assert.Equal(["ada.example.org"], c[Citations.Mla].Parts.Where(p => p.Italic).Select(p => p.Text));
        Assert.Equal(["Three reasons harbours matter"], c[Citations.Apa].Parts.Where(p => p.Italic).Select(p => p.Text));
    }

    [Fact]
    public void ReproducedEssay_IsTheAuthorsWork_InEachStyle()
    {
        // A republished work: MLA gives the original year after the title and this copy's date after the site;
        // APA dates the copy and ends with the original's year; Chicago names the copy's date as last modified.
        var c = ByStyle(Citations.ReproducedEssay("Ada Lovell", "Three Reasons Harbours Matter", Published, Today, Essay, SiteName));
        Assert.Equal("Lovell, Ada. “Three Reasons Harbours Matter.” 2020. Three Reasons Harbours Matter: Essay and Reading Guide, 23 Nov. 2026, essay.example.org/essay.", c[Citations.Mla].Text);
        Assert.Equal("Lovell, A. (2026, November 23). Three reasons harbours matter. Three Reasons Harbours Matter: Essay and Reading Guide. https://essay.example.org/essay (Original work published 2020)", c[Citations.Apa].Text);
        Assert.Equal("Ada Lovell, “Three Reasons Harbours Matter,” January 8, 2020, reproduced in Three Reasons Harbours Matter: Essay and Reading Guide, last modified November 23, 2026, https://essay.example.org/essay.", c[Citations.ChicagoNote].Text);
        Assert.Equal("Lovell, Ada. “Three Reasons Harbours Matter.” January 8, 2020. Reproduced in Three Reasons Harbours Matter: Essay and Reading Guide, last modified November 23, 2026. https://essay.example.org/essay.", c[Citations.ChicagoBibliography].Text);
        Assert.All(c.Values, citation => Assert.DoesNotContain("Editors", citation.Text, StringComparison.Ordinal));
        Assert.Equal(["Three Reasons Harbours Matter: Essay and Reading Guide"], c[Citations.Mla].Parts.Where(p => p.Italic).Select(p => p.Text));
    }

    [Fact]
    public void ReproducedEssay_WithoutADateForTheCopy_IsUndatedThere()
    {
        var c = ByStyle(Citations.ReproducedEssay("Ada Lovell", "Three Reasons Harbours Matter", Published, null, Essay, SiteName));
        Assert.Equal("Lovell, Ada. “Three Reasons Harbours Matter.” 2020. Three Reasons Harbours Matter: Essay and Reading Guide, essay.example.org/essay.", c[Citations.Mla].Text);
        Assert.Equal("Lovell, A. (n.d.). Three reasons harbours matter. Three Reasons Harbours Matter: Essay and Reading Guide. https://essay.example.org/essay (Original work published 2020)", c[Citations.Apa].Text);
    }

    [Fact]
    public void GuidePage_StartsFromItsTitle_AndIsDatedByItsLastUpdate()
    {
        var c = ByStyle(Citations.GuidePage(new GuidePageCitationInput("Discussion questions", new Uri("https://essay.example.org/questions"), Today, SiteName)));
        Assert.Equal("“Discussion Questions.” Three Reasons Harbours Matter: Essay and Reading Guide, 23 Nov. 2026, essay.example.org/questions.", c[Citations.Mla].Text);
        Assert.Equal("Discussion questions. (2026, November 23). Three Reasons Harbours Matter: Essay and Reading Guide. https://essay.example.org/questions", c[Citations.Apa].Text);
        Assert.Equal("“Discussion Questions,” Three Reasons Harbours Matter: Essay and Reading Guide, last modified November 23, 2026, https://essay.example.org/questions.", c[Citations.ChicagoNote].Text);
        Assert.Equal("Three Reasons Harbours Matter: Essay and Reading Guide. “Discussion Questions.” Last modified November 23, 2026. https://essay.example.org/questions.", c[Citations.ChicagoBibliography].Text);
        Assert.Equal(["Discussion questions"], c[Citations.Apa].Parts.Where(p => p.Italic).Select(p => p.Text));
        Assert.All(c.Values, citation => Assert.DoesNotContain("n.d.", citation.Text, StringComparison.Ordinal));
        Assert.All(c.Values, citation => Assert.DoesNotContain("ccessed", citation.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void GuidePage_WithoutADate_IsNoDate()
    {
        var c = ByStyle(Citations.GuidePage(new GuidePageCitationInput("Timeline", new Uri("https://essay.example.org/timeline"), null, SiteName)));
        Assert.Equal("Timeline. (n.d.). Three Reasons Harbours Matter: Essay and Reading Guide. https://essay.example.org/timeline", c[Citations.Apa].Text);
        Assert.Equal("“Timeline.” Three Reasons Harbours Matter: Essay and Reading Guide, essay.example.org/timeline.", c[Citations.Mla].Text);
    }

    [Fact]
    public void EssayParagraph_PutsTheLocatorInTheInTextCitationAndNote_NotTheEntry()
    {
        var c = ByStyle(Citations.EssayParagraph("Ada Lovell", "Three Reasons Harbours Matter", Published, Today, 18, Essay, SiteName));
        Assert.Equal("(Lovell, par. 18)", c[Citations.MlaInText].Text);
        // APA 7 cites a republished work by both years, the original's first.
        Assert.Equal("(Lovell, 2020/2026, para. 18)", c[Citations.ApaInText].Text);
        Assert.Equal("Ada Lovell, “Three Reasons Harbours Matter,” January 8, 2020, par. 18, reproduced in Three Reasons Harbours Matter: Essay and Reading Guide, last modified November 23, 2026, https://essay.example.org/essay#p18.", c[Citations.ChicagoNote].Text);
        var whole = ByStyle(Citations.ReproducedEssay("Ada Lovell", "Three Reasons Harbours Matter", Published, Today, Essay, SiteName));
        Assert.Equal(whole[Citations.Mla].Text, c[Citations.Mla].Text);
        Assert.Equal(whole[Citations.Apa].Text, c[Citations.Apa].Text);
        Assert.Equal(whole[Citations.ChicagoBibliography].Text, c[Citations.ChicagoBibliography].Text);
        Assert.DoesNotContain("18", c[Citations.Apa].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Three Reasons Harbours Matter", "Three reasons harbours matter")]
    [InlineData("Three Reasons Harbours Matter: essay and reading guide", "Three reasons harbours matter: Essay and reading guide")]
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
