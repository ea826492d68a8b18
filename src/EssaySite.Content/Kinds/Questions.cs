namespace EssaySite.Content;

// Discussion questions: content/questions/<id>.md, each in a group (a section of the questions page), with notes for teachers.
public static partial class ContentKinds
{
    public static readonly ContentKind Question = new("question", "a question", "content/questions/<id>.md",
    [
        new("group", FieldType.Text, true, "the id of its group on the questions page"),
        new("order", FieldType.WholeNumber, true, "its place in the group"),
        new("paragraphs", FieldType.Paragraphs, false, "essay paragraphs it asks about"),
        new("events", FieldType.Ids, false, "timeline events it draws on", RefersTo: "event"),
        new("sources", FieldType.Ids, false, "sources it draws on", RefersTo: "source"),
        new("notes", FieldType.Text, false, "notes for teachers"),
    ])
    { Folder = "questions", Read = ReadQuestion };

    private static void ReadQuestion(ContentLoad load, ContentFile file)
    {
        var (fm, id, body) = (file.Front, file.Id, file.Body);
        fm.Use(Question);
        var group = fm.Text("group");
        var order = fm.Number("order");
        var notes = fm.Text("notes");
        var paragraphs = load.Paragraphs(fm, "paragraphs");
        var events = load.EventRefs(fm, "events");
        var sources = load.SourceRefs(fm, "sources");
        var notesHtml = notes is null ? null : load.Renderer.Render(notes, fm.Path, fm.LineOf("notes") + 1, load.Problems);
        load.AddLinks("/questions", fm.Path, body.Links);
        if (notesHtml is not null)
        {
            load.AddLinks("/questions", fm.Path, notesHtml.Links);
        }

        if (group is not null)
        {
            load.Groups.Add((group, fm.Path, fm.LineOf("group")));
        }

        if (group is not null && order is not null)
        {
            load.Questions.Add(new Question(id, group, order.Value, 0, paragraphs, events, sources, body.Html, body.Text, notesHtml?.Html, fm.Path));
        }
    }

    /// <summary>The questions in the order of their groups on the questions page, then their own, numbered from 1.</summary>
    internal static List<Question> ArrangeQuestions(ContentLoad load, SitePage? questionsPage)
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
