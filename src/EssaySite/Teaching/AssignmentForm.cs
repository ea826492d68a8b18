namespace EssaySite.Teaching;

/// <summary>What the /assign form sends, as text, and how it becomes an <see cref="Assignment"/>.</summary>
public sealed record AssignmentForm(
    string? Essay, string? Paragraphs, bool Timeline, bool Sources, IReadOnlyList<string> Questions, string? Due, string? Note)
{
    public const string WholeEssay = "all";
    public const string SomeParagraphs = "some";
    public const string NoEssay = "none";

    /// <summary>The assignment, or the problems to show beside the form.</summary>
    public (Assignment? Assignment, IReadOnlyList<string> Problems) Build(int paragraphCount, int questionCount)
    {
        var problems = new List<string>();
        IReadOnlyList<int> paragraphs = [];
        if (Essay == SomeParagraphs)
        {
            if (!Assignment.TryParseNumbers(Paragraphs, paragraphCount, out paragraphs) || paragraphs.Count == 0)
            {
                problems.Add($"Write the paragraphs as numbers from 1 to {paragraphCount}, for example “17–19, 22”.");
            }
        }
        else if (Essay is not (WholeEssay or NoEssay or null))
        {
            problems.Add("Choose the whole essay, some paragraphs, or no essay.");
        }

        var questions = new SortedSet<int>();
        foreach (var q in Questions)
        {
            if (int.TryParse(q, out var n) && n >= 1 && n <= questionCount)
            {
                questions.Add(n);
            }
            else
            {
                problems.Add($"There is no question “{q}”.");
            }
        }

        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(Due))
        {
            if (DateOnly.TryParseExact(Due.Trim(), "yyyy-MM-dd", out var date) && date.Year is >= 2020 and <= 2199)
            {
                due = date;
            }
            else
            {
                problems.Add("Give the due date as a date (YYYY-MM-DD).");
            }
        }

        var note = string.IsNullOrWhiteSpace(Note) ? null : string.Join(' ', Note.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var assignment = new Assignment
        {
            WholeEssay = Essay == WholeEssay,
            Paragraphs = paragraphs,
            Timeline = Timeline,
            Sources = Sources,
            Questions = [.. questions],
            Due = due,
            Note = note,
        };
        if (problems.Count == 0 && assignment.Problem(paragraphCount, questionCount) is { } problem)
        {
            problems.Add(problem);
        }

        return problems.Count == 0 ? (assignment, []) : (null, problems);
    }
}
