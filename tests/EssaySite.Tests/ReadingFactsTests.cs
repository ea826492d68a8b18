using EssaySite.Teaching;

namespace EssaySite.Tests;

public sealed class ReadingFactsTests
{
    [Theory]
    [InlineData("cake", 1)]
    [InlineData("table", 2)]
    [InlineData("the", 1)]
    [InlineData("free", 1)]
    [InlineData("beautiful", 3)]
    [InlineData("rhythm", 1)]
    [InlineData("Iran’s", 2)]
    [InlineData("assassination", 5)]
    [InlineData("1979", 0)]
    public void Syllables_AreVowelGroupsLessASilentE(string word, int expected) =>
        Assert.Equal(expected, ReadingFacts.CountSyllables(word));

    [Fact]
    public void OneShortSentence_HasTheGradeWorkedOutByHand()
    {
        // 6 words, 1 sentence, 6 syllables: 0.39 × 6 + 11.8 × 1 − 15.59 = −1.45.
        var facts = ReadingFacts.Measure(["The cat sat on the mat."]);
        Assert.Equal(new ReadingFacts(6, 1, 6), facts);
        Assert.Equal(-1.45m, facts.Grade);
        Assert.Equal("-1.5", facts.GradeDisplay);
        Assert.Equal(1, facts.Minutes);
    }

    [Fact]
    public void TwoSentences_HaveTheGradeWorkedOutByHand()
    {
        // read-ing is a plea-sure (6) + teach-ers as-sign es-says (6) = 12 syllables, 7 words, 2 sentences:
        // 0.39 × 3.5 + 11.8 × 12 / 7 − 15.59 = 6.0036.
        var facts = ReadingFacts.Measure(["Reading is a pleasure. Teachers assign essays!"]);
        Assert.Equal(new ReadingFacts(7, 2, 12), facts);
        Assert.Equal("6.0", facts.GradeDisplay);
    }

    [Theory]
    [InlineData("The U.S. Army came. It left.", 2)]
    [InlineData("Then-Vice President George H. W. Bush said it.", 1)]
    [InlineData("Why? Because “they said so.” Then more.", 3)]
    [InlineData("Stop the war", 1)]
    [InlineData("He said, “No.”", 1)]
    public void Sentences_EndAtTerminatorsNotAtInitials(string text, int expected) =>
        Assert.Equal(expected, ReadingFacts.Measure([text]).Sentences);

    [Fact]
    public void ParagraphsEachEndASentence_AndReadingTimeRoundsUp()
    {
        var facts = ReadingFacts.Measure(["One two three", "", string.Join(' ', Enumerable.Repeat("word", 230))]);
        Assert.Equal(233, facts.Words);
        Assert.Equal(2, facts.Sentences);
        Assert.Equal(2, facts.Minutes);
    }

    // A content test: the real essay, as received (seeds/).
    [Fact]
    public void TheEssay_Has1608WordsAndAnAdultGrade()
    {
        var facts = ReadingFacts.Measure(Repo.SeedParagraphs());
        Assert.Equal(1608, facts.Words);
        Assert.Equal(7, facts.Minutes);
        Assert.InRange(facts.Sentences, 60, 110);
        Assert.InRange(facts.Grade, 9m, 16m);
    }
}

public sealed class TeachingFactsTests
{
    [Fact]
    public void Facts_AreMeasuredOncePerSnapshot()
    {
        var store = new EssaySite.Content.ContentStore(new EssaySite.Content.ContentLoader(new EssaySite.Content.MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes), Repo.FixtureContent);
        var first = store.Load();
        var facts = new TeachingFacts();
        Assert.Same(facts.For(first), facts.For(first));
        Assert.Equal(FixtureGuide.Paragraphs().Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length), facts.For(first).Words);

        var second = store.Load();
        Assert.NotSame(facts.For(first), facts.For(second));
        Assert.Equal(facts.For(first), facts.For(second));
    }
}
