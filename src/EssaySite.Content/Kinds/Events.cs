namespace EssaySite.Content;

// Timeline events: content/timeline/<id>.md, each in an era (a section of the timeline page) and resting on sources.
public static partial class ContentKinds
{
    public static readonly ContentKind Event = new("event", "a timeline event", "content/timeline/<id>.md",
    [
        new("title", FieldType.Text, true, "what happened, in a line"),
        new("date", FieldType.PartialDate, true, "when it happened (or began)"),
        new("end", FieldType.PartialDate, false, "when it ended, for a span"),
        new("era", FieldType.Text, true, "the id of its era on the timeline page"),
        new("paragraphs", FieldType.Paragraphs, false, "essay paragraphs that rest on it"),
        new("sources", FieldType.Ids, true, "sources for it, at least one", RefersTo: "source"),
        new("record", FieldType.Text, false, "what the record says about the essay's account of it"),
    ])
    { Folder = "timeline", Read = ReadEvent };

    private static void ReadEvent(ContentLoad load, ContentFile file)
    {
        var (fm, id, body) = (file.Front, file.Id, file.Body);
        fm.Use(Event);
        var title = fm.Text("title");
        var date = fm.Date("date");
        var end = fm.Date("end");
        var era = fm.Text("era");
        var record = fm.Text("record");
        var paragraphs = load.Paragraphs(fm, "paragraphs");
        var sources = load.SourceRefs(fm, "sources");
        if (sources.Count == 0 && Event["sources"].Required)
        {
            load.Problems.Add(fm.Path, fm.LineOf("sources"), "a timeline event needs at least one source");
        }

        if (date is not null && end is not null && end.Value.CompareTo(date.Value) < 0)
        {
            load.Problems.Add(fm.Path, fm.LineOf("end"), "'end' is before 'date'");
        }

        if (era is not null)
        {
            load.Eras.Add((era, fm.Path, fm.LineOf("era")));
        }

        load.AddLinks("/timeline", fm.Path, body.Links);
        if (title is not null && date is not null && era is not null)
        {
            load.Events.Add(new TimelineEvent(id, title, date.Value, end, era, paragraphs, sources, record, body.Html, string.Join(' ', title, body.Text, record), fm.Path));
        }
    }

    /// <summary>The timeline, in date order.</summary>
    internal static List<TimelineEvent> ArrangeEvents(ContentLoad load) =>
        [.. load.Events.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal)];
}
