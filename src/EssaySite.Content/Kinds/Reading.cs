namespace EssaySite.Content;

// The guided reading: content/reading/<id>.md, runs of the essay's paragraphs that together cover it, in order.
public static partial class ContentKinds
{
    private static class ReadingField
    {
        public static readonly Field<string?> Title = Field.Text("title", true, "the section's title");
        public static readonly Field<int?> Order = Field.WholeNumber("order", true, "its place in the guided reading");
        public static readonly Field<IReadOnlyList<int>> Paragraphs = Field.Paragraphs("paragraphs", true, "the essay paragraphs it covers, in order");
        public static readonly Field<IReadOnlyList<string>> Questions = Field.Ids("questions", false, "questions to answer after it", refersTo: "question");
    }

    public static readonly ContentKind Reading = new("reading", "a guided reading section", "content/reading/<id>.md",
        [ReadingField.Title, ReadingField.Order, ReadingField.Paragraphs, ReadingField.Questions])
    { Folder = "reading", Read = ReadReadingSection };

    private static void ReadReadingSection(ContentLoad load, ContentFile file)
    {
        var (fm, id, body) = (file.Front, file.Id, file.Body);
        fm.Use(Reading);
        var title = load.Read(fm, ReadingField.Title);
        var order = load.Read(fm, ReadingField.Order);
        var paragraphs = load.Read(fm, ReadingField.Paragraphs);
        if (paragraphs.Count == 0)
        {
            fm.Report(ReadingField.Paragraphs, "a guided reading section needs 'paragraphs': the essay paragraphs it covers, for example [4, 5, 6]");
        }

        var questions = load.Read(fm, ReadingField.Questions);
        load.AddLinks(Routes.ReadingIndex, fm.Path, body.Links);
        if (title is not null && order is not null && paragraphs.Count > 0)
        {
            load.Reading.Add((new ReadingSection(id, order.Value, 0, title, paragraphs, questions, body.Html, fm.Path), fm.LineOf(ReadingField.Paragraphs)));
        }
    }

    /// <summary>
    /// The guided reading's sections in order, numbered from 1. Read one after another they must cover the essay
    /// exactly: every paragraph once, in the essay's order, each section a run of consecutive paragraphs.
    /// </summary>
    internal static List<ReadingSection> ArrangeReading(ContentLoad load, int paragraphCount)
    {
        var problems = load.Problems;
        var ordered = load.Reading.OrderBy(r => r.Section.Order).ThenBy(r => r.Section.Id, StringComparer.Ordinal).ToList();
        foreach (var same in ordered.GroupBy(r => r.Section.Order).Where(g => g.Count() > 1))
        {
            problems.Add(same.Last().Section.SourcePath, 1, $"'order: {same.Key}' is also used by {same.First().Section.SourcePath}: each section of the guided reading needs its own place");
        }

        var next = 1;
        foreach (var (section, line) in ordered)
        {
            var first = section.Paragraphs[0];
            var last = section.Paragraphs[^1];
            if (first > next)
            {
                problems.Add(section.SourcePath, line, $"paragraph{(first - 1 > next ? $"s {next}–{first - 1} are" : $" {next} is")} in no section of the guided reading: this section starts at {first}");
            }
            else if (first < next)
            {
                problems.Add(section.SourcePath, line, $"paragraph {first} is already in an earlier section of the guided reading: sections follow the essay, each starting where the last one ended ({next})");
            }

            if (last - first + 1 != section.Paragraphs.Count)
            {
                problems.Add(section.SourcePath, line, $"a section of the guided reading is a run of consecutive paragraphs: {first} to {last} leaves some out");
            }

            next = Math.Max(next, last + 1);
        }

        if (ordered.Count > 0 && next <= paragraphCount)
        {
            problems.Add(ordered[^1].Section.SourcePath, ordered[^1].ParagraphsLine, $"paragraph{(paragraphCount > next ? $"s {next}–{paragraphCount} are" : $" {next} is")} in no section of the guided reading: the last section ends at {next - 1}");
        }

        return [.. ordered.Select((r, i) => r.Section with { Number = i + 1 })];
    }
}
