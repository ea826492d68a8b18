using EssaySite.Content;

namespace EssaySite.Teaching;

/// <summary>One question on a worksheet, with the paragraphs it refers to: quoted here, or where they are.</summary>
public sealed record WorksheetQuestion(Question Question, IReadOnlyList<EssayParagraph> Quoted, IReadOnlyList<int> QuotedEarlier, IReadOnlyList<int> NotInAssignment);

/// <summary>
/// A printable worksheet of an assignment: each question with the assigned paragraphs it refers to quoted under it
/// (each paragraph once, under the first question that refers to it), and the assigned paragraphs no question
/// refers to quoted first, to read. Paragraphs a question names outside the assignment are named, not quoted,
/// so a worksheet of a few paragraphs stays on a sheet or two.
/// </summary>
public sealed record Worksheet(IReadOnlyList<EssayParagraph> ReadFirst, IReadOnlyList<WorksheetQuestion> Questions)
{
    public static Worksheet For(Assignment assignment, Essay essay, IReadOnlyList<Question> questions)
    {
        var assigned = assignment.WholeEssay ? essay.Paragraphs.Select(p => p.Number).ToHashSet() : assignment.Paragraphs.ToHashSet();
        var quoted = new HashSet<int>();
        var items = new List<WorksheetQuestion>();
        foreach (var q in assignment.Questions.Select(n => questions[n - 1]))
        {
            var inside = q.Paragraphs.Where(assigned.Contains).ToList();
            var earlier = inside.Where(quoted.Contains).ToList();
            var now = inside.Except(earlier).ToList();
            quoted.UnionWith(now);
            items.Add(new WorksheetQuestion(q, [.. now.Select(n => essay.Paragraphs[n - 1])], earlier, [.. q.Paragraphs.Where(n => !assigned.Contains(n))]));
        }

        // The whole essay is read from the essay itself; a worksheet quotes only what its questions point to.
        var readFirst = assignment.WholeEssay ? [] : assignment.Paragraphs.Where(n => !quoted.Contains(n)).Select(n => essay.Paragraphs[n - 1]).ToList();
        return new Worksheet(readFirst, items);
    }
}
