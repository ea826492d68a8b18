namespace EssaySite.Content;

// Discussion questions: content/questions/<id>.md, each in a group (a section of the questions page), with notes for teachers.
public static partial class ContentKinds
{
    private static class QuestionField
    {
        public static readonly Field<string?> Group = Field.Text("group", true, "the id of its group on the questions page");
        public static readonly Field<int?> Order = Field.WholeNumber("order", true, "its place in the group");
        public static readonly Field<IReadOnlyList<int>> Paragraphs = Field.Paragraphs("paragraphs", false, "essay paragraphs it asks about");
        public static readonly Field<IReadOnlyList<string>> Events = Field.Ids("events", false, "timeline events it draws on", refersTo: "event");
        public static readonly Field<IReadOnlyList<string>> Sources = Field.Ids("sources", false, "sources it draws on", refersTo: "source");
        public static readonly Field<string?> Notes = Field.Text("notes", false, "notes for teachers");
    }

    public static readonly ContentKind Question = new("question", "a question", "content/questions/<id>.md",
        [QuestionField.Group, QuestionField.Order, QuestionField.Paragraphs, QuestionField.Events, QuestionField.Sources, QuestionField.Notes])
    { Folder = "questions", Read = ReadQuestion };

    private static void ReadQuestion(ContentLoad load, ContentFile file)
    {
        var (fm, id, body) = (file.Front, file.Id, file.Body);
        fm.Use(Question);
        var group = load.Read(fm, QuestionField.Group);
        var order = load.Read(fm, QuestionField.Order);
        var notes = load.Read(fm, QuestionField.Notes);
        var paragraphs = load.Read(fm, QuestionField.Paragraphs);
        var events = load.Read(fm, QuestionField.Events);
        var sources = load.Read(fm, QuestionField.Sources);
        var notesHtml = notes is null ? null : load.Renderer.Render(notes, fm.Path, fm.LineOf(QuestionField.Notes) + 1, load.Problems);
        load.AddLinks(Routes.Questions, fm.Path, body.Links);
        if (notesHtml is not null)
        {
            load.AddLinks(Routes.Questions, fm.Path, notesHtml.Links);
        }

        if (group is not null)
        {
            load.Groups.Add((group, fm.Path, fm.LineOf(QuestionField.Group)));
        }

        if (group is not null && order is not null)
        {
            load.Questions.Add(new Question(id, group, order.Value, 0, paragraphs, events, sources, body.Html, body.Text, notesHtml?.Html, fm.Path));
        }
    }

    /// <summary>The questions in the order of their groups on the questions page, then their own, numbered from 1.</summary>
    internal static List<Question> ArrangeQuestions(ContentLoad load, GuidePage? questionsPage)
    {
        var groupOrder = (questionsPage?.Sections ?? []).Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return load.Questions
            .OrderBy(q => groupOrder.GetValueOrDefault(q.Group, int.MaxValue))
            .ThenBy(q => q.Order)
            .ThenBy(q => q.Id, StringComparer.Ordinal)
            .Select((q, i) => q with { Number = i + 1 })
            .ToList();
    }
}
