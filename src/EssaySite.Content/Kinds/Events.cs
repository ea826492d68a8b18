namespace EssaySite.Content;

// Timeline events: content/timeline/<id>.md, each in an era (a section of the timeline page) and resting on sources.
public static partial class ContentKinds
{
    private static class EventField
    {
        public static readonly Field<string?> Title = Field.Text("title", true, "what happened, in a line");
        public static readonly Field<PartialDate?> Date = Field.PartialDate("date", true, "when it happened (or began)");
        public static readonly Field<PartialDate?> End = Field.PartialDate("end", false, "when it ended, for a span");
        public static readonly Field<string?> Era = Field.Text("era", true, "the id of its era on the timeline page");
        public static readonly Field<IReadOnlyList<int>> Paragraphs = Field.Paragraphs("paragraphs", false, "essay paragraphs that rest on it");
        public static readonly Field<IReadOnlyList<string>> Sources = Field.Ids("sources", true, "sources for it, at least one", refersTo: "source");
        public static readonly Field<string?> Record = Field.Text("record", false, "what the record says about the essay's account of it");
    }

    public static readonly ContentKind Event = new("event", "a timeline event", "content/timeline/<id>.md",
        [EventField.Title, EventField.Date, EventField.End, EventField.Era, EventField.Paragraphs, EventField.Sources, EventField.Record])
    { Folder = "timeline", Read = ReadEvent };

    private static void ReadEvent(ContentLoad load, ContentFile file)
    {
        var (fm, id, body) = (file.Front, file.Id, file.Body);
        fm.Use(Event);
        var title = load.Read(fm, EventField.Title);
        var date = load.Read(fm, EventField.Date);
        var end = load.Read(fm, EventField.End);
        var era = load.Read(fm, EventField.Era);
        var record = load.Read(fm, EventField.Record);
        var paragraphs = load.Read(fm, EventField.Paragraphs);
        var sources = load.Read(fm, EventField.Sources);
        if (sources.Count == 0)
        {
            fm.Report(EventField.Sources, "a timeline event needs at least one source");
        }

        if (date is not null && end is not null && end.Value.CompareTo(date.Value) < 0)
        {
            fm.Report(EventField.End, "'end' is before 'date'");
        }

        if (era is not null)
        {
            load.Eras.Add((era, fm.Path, fm.LineOf(EventField.Era)));
        }

        load.AddLinks(Routes.Timeline(), fm.Path, body.Links);
        if (title is not null && date is not null && era is not null)
        {
            load.Events.Add(new TimelineEvent(id, title, date.Value, end, era, paragraphs, sources, record, body.Html, string.Join(' ', title, body.Text, record), fm.Path));
        }
    }

    /// <summary>The timeline, in date order.</summary>
    internal static List<TimelineEvent> ArrangeEvents(ContentLoad load) =>
        [.. load.Events.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal)];
}
