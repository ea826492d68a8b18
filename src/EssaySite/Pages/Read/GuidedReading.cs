using EssaySite.Content;
using EssaySite.Teaching;

namespace EssaySite.Pages.Read;

/// <summary>One section of a guided reading as shown: its place (1 to N), its paragraphs and the questions asked after it.</summary>
public sealed record ReadingStep(int Number, ReadingSection Section, IReadOnlyList<EssayParagraph> Paragraphs, IReadOnlyList<Question> Questions);

/// <summary>
/// A guided reading: the guide's own (<c>/read</c>, every section with its questions) or an assignment's
/// (<c>/assign/&lt;code&gt;/read</c>, the sections holding its paragraphs and, when it chose questions, only those).
/// <see cref="Key"/> names the browser's store of the student's answers; they never reach the server.
/// </summary>
public sealed class GuidedReading
{
    private GuidedReading(string root, string key, Assignment? assignment, IReadOnlyList<ReadingStep> steps)
    {
        Root = root;
        Key = key;
        Assignment = assignment;
        Steps = steps;
    }

    /// <summary>The contents page's address; a section is <c>Root/n</c>, the summary <c>Root/summary</c>.</summary>
    public string Root { get; }

    public string Key { get; }

    public Assignment? Assignment { get; }

    public IReadOnlyList<ReadingStep> Steps { get; }

    public string Url(int number) => $"{Root}/{number}";

    public string SummaryUrl => $"{Root}/summary";

    public static GuidedReading Guide(ContentSnapshot snapshot) =>
        new(Routes.ReadingIndex, "guide", null, [.. snapshot.Reading.Select((s, i) => Step(snapshot, i + 1, s, s.Questions))]);

    public static GuidedReading For(ContentSnapshot snapshot, string code, Assignment assignment)
    {
        var chosen = assignment.Questions.Select(n => snapshot.Questions[n - 1].Id).ToHashSet(StringComparer.Ordinal);
        var sections = snapshot.Reading.Where(s => assignment.WholeEssay || s.Paragraphs.Intersect(assignment.Paragraphs).Any()).ToList();
        if (sections.Count == 0)
        {
            // An assignment of questions only: the sections that ask them.
            sections = [.. snapshot.Reading.Where(s => s.Questions.Any(chosen.Contains))];
        }

        return new(Routes.Assignment(Uri.EscapeDataString(code), "read"), code, assignment,
            [.. sections.Select((s, i) => Step(snapshot, i + 1, s, chosen.Count == 0 ? s.Questions : [.. s.Questions.Where(chosen.Contains)]))]);
    }

    private static ReadingStep Step(ContentSnapshot snapshot, int number, ReadingSection section, IEnumerable<string> questions) =>
        new(number, section,
            [.. section.Paragraphs.Select(n => snapshot.Essay.Paragraphs[n - 1])],
            [.. questions.Select(id => snapshot.Questions.First(q => q.Id == id))]);
}

/// <summary>What the reading partials show: the reading, the essay, and the section (0 for the contents or the summary).</summary>
public sealed record ReadingView(GuidedReading Reading, ContentSnapshot Snapshot, int Number = 0)
{
    public ReadingStep Step => Reading.Steps[Number - 1];

    public ReadingStep? Previous => Number > 1 ? Reading.Steps[Number - 2] : null;

    public ReadingStep? Next => Number < Reading.Steps.Count ? Reading.Steps[Number] : null;
}
