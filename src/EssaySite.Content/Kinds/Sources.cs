namespace EssaySite.Content;

// Sources: content/sources/<id>.md, with whatever of author, title, publication, date and address could be confirmed.
public static partial class ContentKinds
{
    public static readonly string[] SourceUnconfirmable = ["author", "title", "publication", "date", "url"];

    public static readonly ContentKind Source = new("source", "a source", "content/sources/<id>.md",
    [
        new("author", FieldType.Text, false, "its author or authors"),
        new("title", FieldType.Text, true, "its exact title"),
        new("publication", FieldType.Text, false, "where it appeared"),
        new("date", FieldType.PartialDate, false, "when it appeared"),
        new("url", FieldType.WebAddress, false,
            "an address you have seen, the publisher’s public one (not a staging, preview or resolver host), without tracking or list-only query parameters"),
        new("paragraphs", FieldType.Paragraphs, false, "essay paragraphs it bears on"),
        new("unconfirmed", FieldType.TextList, false, "fields you could not confirm", Allowed: SourceUnconfirmable),
    ])
    { Folder = "sources", Read = ReadSource };

    private static void ReadSource(ContentLoad load, ContentFile file)
    {
        var (fm, id, body) = (file.Front, file.Id, file.Body);
        fm.Use(Source);
        var author = fm.Text("author");
        var title = fm.Text("title");
        var publication = fm.Text("publication");
        var date = fm.Date("date");
        var url = load.WebAddress(fm, "url", keepIfInvalid: false);
        var unconfirmed = load.Unconfirmed(fm, SourceUnconfirmable);

        var paragraphs = load.Paragraphs(fm, "paragraphs");
        load.AddLinks("/sources", fm.Path, body.Links);
        if (title is not null)
        {
            load.Sources.Add(new Source(id, author, title, publication, date, url, paragraphs, unconfirmed, body.Html, string.Join(' ', author, title, publication, body.Text), fm.Path));
        }
    }

    /// <summary>The sources in the order the essay first cites them, then by date, then by id.</summary>
    internal static List<Source> ArrangeSources(ContentLoad load) =>
    [
        .. load.Sources
            .OrderBy(s => s.Paragraphs.Count > 0 ? s.Paragraphs.Min() : int.MaxValue)
            .ThenBy(s => s.Date?.Start ?? DateOnly.MaxValue)
            .ThenBy(s => s.Id, StringComparer.Ordinal),
    ];
}
