using System.Globalization;
using System.Text.RegularExpressions;

namespace EssaySite.Teaching;

/// <summary>A problem with one field of the form: the field's id (for the summary's link) and what to do.</summary>
public sealed record FormProblem(string Field, string Message);

/// <summary>What the /assign form sends, as text, and how it becomes an <see cref="Assignment"/>.</summary>
public sealed partial record AssignmentForm(
    string? Essay, string? Paragraphs, bool Timeline, bool Sources, IReadOnlyList<string> Questions, string? Due, string? Note)
{
    public const string WholeEssay = "all";
    public const string SomeParagraphs = "some";
    public const string NoEssay = "none";

    /// <summary>
    /// The essay choice as the teacher meant it: paragraphs typed into the box mean "some paragraphs", whatever
    /// radio button is still selected (the box is only read for that choice, so ignoring it would drop what was typed).
    /// </summary>
    public string? EssayChoice => !string.IsNullOrWhiteSpace(Paragraphs) ? SomeParagraphs : Essay;

    /// <summary>The assignment, or the problems to show beside the form's fields.</summary>
    public (Assignment? Assignment, IReadOnlyList<FormProblem> Problems) Build(int paragraphCount, int questionCount)
    {
        var problems = new List<FormProblem>();
        IReadOnlyList<int> paragraphs = [];
        if (EssayChoice == SomeParagraphs)
        {
            if (ParseParagraphs(Paragraphs, paragraphCount, out paragraphs) is { } problem)
            {
                problems.Add(new FormProblem("paragraphs", problem));
            }
        }
        else if (EssayChoice is not (WholeEssay or NoEssay or null))
        {
            problems.Add(new FormProblem("essay-all", "Choose the whole essay, some paragraphs, or no essay reading."));
        }

        var questions = new SortedSet<int>();
        var unknown = new List<string>();
        foreach (var q in Questions)
        {
            if (int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= questionCount)
            {
                questions.Add(n);
            }
            else
            {
                unknown.Add(q);
            }
        }

        // One problem for them all, naming the first: a request with a thousand made-up questions gets one line back.
        if (unknown.Count > 0)
        {
            var more = unknown.Count > 1 ? $" (and {unknown.Count - 1} more)" : "";
            problems.Add(new FormProblem("questions", $"There is no question “{Echo(unknown[0])}”{more}: the guide has questions 1 to {questionCount}."));
        }

        DateOnly? due = null;
        if (!string.IsNullOrWhiteSpace(Due))
        {
            if (DateOnly.TryParseExact(Due.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date >= Assignment.Epoch && date <= Assignment.Epoch.AddDays(ushort.MaxValue))
            {
                due = date;
            }
            else
            {
                problems.Add(new FormProblem("due", $"“{Echo(Due.Trim())}” is not a due date: give a date such as {Assignment.Epoch.AddYears(7):yyyy-MM-dd}, between 2020 and 2199."));
            }
        }

        var note = string.IsNullOrWhiteSpace(Note) ? null : string.Join(' ', Note.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (note is not null && EssaySite.Content.InvisibleCharacters.Find(note) is { } invisible)
        {
            problems.Add(new FormProblem("note", $"The note holds {invisible}, which is invisible or reorders the text around it: delete it."));
        }
        var assignment = new Assignment
        {
            WholeEssay = EssayChoice == WholeEssay,
            Paragraphs = paragraphs,
            Timeline = Timeline,
            Sources = Sources,
            Questions = [.. questions],
            Due = due,
            Note = note,
        };
        if (problems.Count == 0 && assignment.Problem(paragraphCount, questionCount) is { } whole)
        {
            problems.Add(new FormProblem(assignment.IsEmpty ? "essay-all" : "note", whole));
        }

        return problems.Count == 0 ? (assignment, []) : (null, problems);
    }

    /// <summary>
    /// Reads paragraph numbers as a teacher writes them, in the site's own notation too: "17-19, 22",
    /// "p17–p19", "19–17", "¶ 18", with hyphens or dashes, commas, semicolons or spaces. Returns what is wrong, naming
    /// the value, or null.
    /// </summary>
    public static string? ParseParagraphs(string? text, int max, out IReadOnlyList<int> numbers)
    {
        numbers = [];
        var example = $"for example “17–19, 22” (the essay has {max} paragraphs)";
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"Write the paragraphs to read, {example}.";
        }

        var result = new SortedSet<int>();
        var normalised = RangeDash().Replace(text.Replace("¶", " ", StringComparison.Ordinal).Replace("§", " ", StringComparison.Ordinal), "-");
        foreach (var piece in normalised.Split([',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = piece.Split('-');
            var values = new int[ends.Length];
            for (var i = 0; i < ends.Length; i++)
            {
                var end = ends[i].TrimStart('p', 'P');
                if (ends.Length > 2 || !int.TryParse(end, NumberStyles.None, CultureInfo.InvariantCulture, out values[i]))
                {
                    return $"“{Echo(piece)}” is not a paragraph number or range: write numbers, {example}.";
                }

                if (values[i] < 1 || values[i] > max)
                {
                    return $"There is no paragraph {values[i]}: the essay has {max}.";
                }
            }

            var (from, to) = (Math.Min(values[0], values[^1]), Math.Max(values[0], values[^1]));
            for (var n = from; n <= to; n++)
            {
                result.Add(n);
            }
        }

        numbers = [.. result];
        return numbers.Count == 0 ? $"Write the paragraphs to read, {example}." : null;
    }

    /// <summary>
    /// What the form's answer repeats of a value it was sent: at most as much as the note may hold, so a long request
    /// cannot make a longer page.
    /// </summary>
    public static string? Echo(string? value) => value is { Length: > Assignment.MaxNoteBytes } ? value[..Assignment.MaxNoteBytes] + "…" : value;

    // A hyphen or a dash (en, em, minus) between two ends, with any spaces around it, joins a range.
    [GeneratedRegex(@"\s*[-\u2010-\u2015\u2212]\s*")]
    private static partial Regex RangeDash();
}
