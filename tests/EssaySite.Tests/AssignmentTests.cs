using EssaySite.Teaching;

namespace EssaySite.Tests;

public sealed class AssignmentTests
{
    private static readonly Assignment Sample = new()
    {
        Paragraphs = [17, 18, 19],
        Timeline = true,
        Questions = [2, 5, 11],
        Due = new DateOnly(2026, 12, 1),
        Note = "Read twice; bring notes “in pencil”.",
    };

    [Fact]
    public void Code_RoundTripsEveryChoice()
    {
        var code = Sample.Encode();
        var back = Assignment.TryDecode(code, 30, 16, out var problem);
        Assert.Null(problem);
        Assert.NotNull(back);
        Assert.Equal(Sample.Paragraphs, back.Paragraphs);
        Assert.Equal(Sample.Questions, back.Questions);
        Assert.Equal((Sample.WholeEssay, Sample.Timeline, Sample.Sources, Sample.Due, Sample.Note), (back.WholeEssay, back.Timeline, back.Sources, back.Due, back.Note));
    }

    [Fact]
    public void Code_IsShortUrlSafeAndStable()
    {
        var code = Sample.Encode();
        Assert.Equal(code, (Sample with { Paragraphs = [17, 18, 19] }).Encode());
        Assert.Matches("^[A-Za-z0-9_-]+$", code);
        Assert.True(new Assignment { WholeEssay = true, Questions = [1, 2, 3] }.Encode().Length <= 16);
        Assert.NotEqual(code, (Sample with { Questions = [2, 5, 12] }).Encode());
    }

    [Fact]
    public void EveryTruncation_IsRefusedWithAReason()
    {
        var code = Sample.Encode();
        for (var length = 0; length < code.Length; length++)
        {
            Assert.Null(Assignment.TryDecode(code[..length], 30, 16, out var problem));
            Assert.False(string.IsNullOrEmpty(problem));
        }
    }

    [Fact]
    public void EveryOneCharacterChange_IsRefused()
    {
        var code = Sample.Encode();
        for (var i = 0; i < code.Length; i++)
        {
            var changed = code[..i] + (code[i] == 'A' ? 'B' : 'A') + code[(i + 1)..];
            Assert.Null(Assignment.TryDecode(changed, 30, 16, out _));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("not a code")]
    [InlineData("%00")]
    [InlineData("AAAAAAAAAAAAAAAA")]
    [InlineData("////")]
    public void Nonsense_IsRefused(string code) => Assert.Null(Assignment.TryDecode(code, 30, 16, out _));

    [Fact]
    public void AValidCodeForMoreParagraphsOrQuestionsThanExist_IsRefused()
    {
        var code = new Assignment { Paragraphs = [31] }.Encode();
        Assert.Null(Assignment.TryDecode(code, 30, 16, out var problem));
        Assert.Contains("paragraphs 1 to 30", problem, StringComparison.Ordinal);
        Assert.Null(Assignment.TryDecode(new Assignment { Questions = [17] }.Encode(), 30, 16, out _));
        Assert.Null(Assignment.TryDecode(new Assignment().Encode(), 30, 16, out _));
    }

    [Theory]
    [InlineData("17-19", new[] { 17, 18, 19 })]
    [InlineData("17–19, 22", new[] { 17, 18, 19, 22 })]
    [InlineData("3 1 2 2", new[] { 1, 2, 3 })]
    [InlineData("p17–p19", new[] { 17, 18, 19 })]
    [InlineData("19–17", new[] { 17, 18, 19 })]
    [InlineData("17 - 19; 22", new[] { 17, 18, 19, 22 })]
    [InlineData(" 17 – 19 ,¶ 22 ", new[] { 17, 18, 19, 22 })]
    [InlineData("P5", new[] { 5 })]
    public void ParagraphRanges_ParseTheWaysTeachersWriteThem(string text, int[] expected)
    {
        Assert.Null(AssignmentForm.ParseParagraphs(text, 30, out var numbers));
        Assert.Equal(expected, numbers);
    }

    [Theory]
    [InlineData("0", "There is no paragraph 0: the essay has 30.")]
    [InlineData("40", "There is no paragraph 40: the essay has 30.")]
    [InlineData("17-40", "There is no paragraph 40: the essay has 30.")]
    [InlineData("a-b", "“a-b” is not a paragraph number or range: write numbers, for example “17–19, 22” (the essay has 30 paragraphs).")]
    [InlineData("1-2-3", "“1-2-3” is not a paragraph number or range: write numbers, for example “17–19, 22” (the essay has 30 paragraphs).")]
    [InlineData(" ", "Write the paragraphs to read, for example “17–19, 22” (the essay has 30 paragraphs).")]
    public void BadParagraphRanges_AreRefused_NamingTheValue(string text, string expected)
    {
        Assert.Equal(expected, AssignmentForm.ParseParagraphs(text, 30, out var numbers));
        Assert.Empty(numbers);
    }

    [Theory]
    [InlineData("all")]
    [InlineData(null)]
    public void TypedParagraphs_MakeSomeParagraphs_WhateverRadioIsSelected(string? essay)
    {
        var (assignment, problems) = new AssignmentForm(essay, "17-19", false, false, [], null, null).Build(30, 21);
        Assert.Empty(problems);
        Assert.False(assignment!.WholeEssay);
        Assert.Equal([17, 18, 19], assignment.Paragraphs);
    }

    [Fact]
    public void Ranges_ShowRunsWithAnEnDash() => Assert.Equal("1, 2, 17–19, 22", Assignment.Ranges([22, 17, 18, 19, 1, 2]));

    [Fact]
    public void Form_BuildsTheAssignmentOrSaysWhatIsWrong()
    {
        var (ok, none) = new AssignmentForm("some", "17-19", false, true, ["3", "1"], "2026-12-01", "  Read   it ").Build(30, 16);
        Assert.Empty(none);
        Assert.Equal([17, 18, 19], ok!.Paragraphs);
        Assert.Equal([1, 3], ok.Questions);
        Assert.Equal("Read it", ok.Note);

        var (bad, problems) = new AssignmentForm("some", "40", false, false, ["99", "x"], "tomorrow", null).Build(30, 16);
        Assert.Null(bad);
        // Paragraphs, due date, and one problem for both unknown questions.
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Field == "questions" && p.Message.StartsWith("There is no question “99” (and 1 more)", StringComparison.Ordinal));
        Assert.Single(new AssignmentForm("none", null, false, false, [], null, null).Build(30, 16).Problems);
    }
}
