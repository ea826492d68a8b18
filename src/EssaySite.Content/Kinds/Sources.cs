namespace EssaySite.Content;

// Sources: content/sources/<id>.md, with whatever of author, title, publication, date and address could be confirmed.
public static partial class ContentKinds
{
    public static readonly string[] SourceUnconfirmable = ["author", "title", "publication", "date", "url"];

    private static class SourceField
    {
        public static readonly Field<string?> Author = Field.Text("author", false, "its author or authors");
        public static readonly Field<string?> Title = Field.Text("title", true, "its exact title");
        public static readonly Field<string?> Publication = Field.Text("publication", false, "where it appeared");
        public static readonly Field<PartialDate?> Date = Field.PartialDate("date", false, "when it appeared");
        public static readonly Field<string?> Url = Field.WebAddress("url", false,
            "an address you have seen, the publisher’s public one (not a staging, preview or resolver host), without tracking or list-only query parameters");
        public static readonly Field<IReadOnlyList<int>> Paragraphs = Field.Paragraphs("paragraphs", false, "essay paragraphs it bears on");
        public static readonly Field<IReadOnlyList<string>> Unconfirmed = Field.TextList("unconfirmed", false, "fields you could not confirm", SourceUnconfirmable);
    }

    public static readonly ContentKind Source = new("source", "a source", "content/sources/<id>.md",
        [SourceField.Author, SourceField.Title, SourceField.Publication, SourceField.Date, SourceField.Url, SourceField.Paragraphs, SourceField.Unconfirmed])
    { Folder = "sources", Read = ReadSource };

    private static void ReadSource(ContentLoad load, ContentFile file)
    {
        var (fm, id, body) = (file.Front, file.Id, file.Body);
        fm.Use(Source);
        var author = load.Read(fm, SourceField.Author);
        var title = load.Read(fm, SourceField.Title);
        var publication = load.Read(fm, SourceField.Publication);
        var date = load.Read(fm, SourceField.Date);
        var url = load.Read(fm, SourceField.Url);
        var unconfirmed = load.Read(fm, SourceField.Unconfirmed).ToHashSet(StringComparer.Ordinal);
        var paragraphs = load.Read(fm, SourceField.Paragraphs);
        load.AddLinks(Routes.Sources, fm.Path, body.Links);
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
