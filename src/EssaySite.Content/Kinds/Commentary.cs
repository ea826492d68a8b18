namespace EssaySite.Content;

// Commentary pages: content/commentary/<slug>.md, newest first on /commentary.
public static partial class ContentKinds
{
    private static class CommentaryField
    {
        public static readonly Field<string?> Title = Field.Text("title", true, "the page's title");
        public static readonly Field<string?> Author = Field.Text("author", true, "who wrote it");
        public static readonly Field<DateOnly?> Date = Field.Day("date", true, "when it was published");
        public static readonly Field<DateOnly?> Updated = Field.Day("updated", false, "when it last changed");
        public static readonly Field<string?> Summary = Field.Text("summary", true, "one sentence: what it says");
        public static readonly Field<IReadOnlyList<int>> Paragraphs = Field.Paragraphs("paragraphs", false, "essay paragraphs it discusses");
        public static readonly Field<IReadOnlyList<string>> Events = Field.Ids("events", false, "timeline events it discusses", refersTo: "event");
    }

    public static readonly ContentKind Commentary = new("commentary", "a commentary page", "content/commentary/<slug>.md",
    [
        CommentaryField.Title, CommentaryField.Author, CommentaryField.Date, CommentaryField.Updated, CommentaryField.Summary,
        CommentaryField.Paragraphs, CommentaryField.Events,
    ])
    { Folder = "commentary", Read = ReadCommentary };

    private static void ReadCommentary(ContentLoad load, ContentFile file)
    {
        var (fm, slug, body) = (file.Front, file.Id, file.Body);
        fm.Use(Commentary);
        var title = load.Read(fm, CommentaryField.Title);
        var author = load.Read(fm, CommentaryField.Author);
        var date = load.Read(fm, CommentaryField.Date);
        var summary = load.Read(fm, CommentaryField.Summary);
        var updated = load.Read(fm, CommentaryField.Updated);
        var paragraphs = load.Read(fm, CommentaryField.Paragraphs);
        var events = load.Read(fm, CommentaryField.Events);
        foreach (var line in body.LevelOneHeadingLines)
        {
            // The page's title is its one level-1 heading; a second one would outrank the sections beneath it.
            load.Problems.Add(fm.Path, line, "a level-1 heading (#) in a commentary page: the title is the page's only one, so start headings at ##");
        }

        if (title is null || author is null || date is null || summary is null)
        {
            return;
        }

        var page = file.Page(PageKind.Commentary, slug, title, summary, Routes.Commentary(slug)) with
        {
            Author = author,
            Date = date,
            Updated = updated,
            Paragraphs = paragraphs,
            Events = events,
        };
        load.Commentary.Add(page);
        load.AddLinks(page.Url, fm.Path, body.Links);
    }

    /// <summary>The commentary, newest first; two pages may not share a slug.</summary>
    internal static List<GuidePage> ArrangeCommentary(ContentLoad load)
    {
        var commentary = load.Commentary
            .OrderByDescending(c => c.Date)
            .ThenBy(c => c.Slug, StringComparer.Ordinal)
            .ToList();
        foreach (var slugGroup in commentary.GroupBy(c => c.Slug).Where(g => g.Count() > 1))
        {
            foreach (var dup in slugGroup.Skip(1))
            {
                load.Problems.Add(dup.SourcePath, 1, $"duplicate slug '{dup.Slug}'");
            }
        }

        return commentary;
    }
}
