namespace EssaySite.Content;

// Commentary pages: content/commentary/<slug>.md, newest first on /commentary.
public static partial class ContentKinds
{
    public static readonly ContentKind Commentary = new("commentary", "a commentary page", "content/commentary/<slug>.md",
    [
        new("title", FieldType.Text, true, "the page's title"),
        new("author", FieldType.Text, true, "who wrote it"),
        new("date", FieldType.Day, true, "when it was published"),
        new("updated", FieldType.Day, false, "when it last changed"),
        new("summary", FieldType.Text, true, "one sentence: what it says"),
        new("paragraphs", FieldType.Paragraphs, false, "essay paragraphs it discusses"),
        new("events", FieldType.Ids, false, "timeline events it discusses", RefersTo: "event"),
    ])
    { Folder = "commentary", Read = ReadCommentary };

    private static void ReadCommentary(ContentLoad load, ContentFile file)
    {
        var (fm, slug, body) = (file.Front, file.Id, file.Body);
        fm.Use(Commentary);
        var title = fm.Text("title");
        var author = fm.Text("author");
        var date = fm.Day("date");
        var summary = fm.Text("summary");
        var updated = fm.Day("updated");
        var paragraphs = load.Paragraphs(fm, "paragraphs");
        var events = load.EventRefs(fm, "events");
        foreach (var line in body.LevelOneHeadingLines)
        {
            // The page's title is its one level-1 heading; a second one would outrank the sections beneath it.
            load.Problems.Add(fm.Path, line, "a level-1 heading (#) in a commentary page: the title is the page's only one, so start headings at ##");
        }

        if (title is null || author is null || date is null || summary is null)
        {
            return;
        }

        var page = new SitePage
        {
            Kind = PageKind.Commentary,
            Slug = slug,
            Title = title,
            Summary = summary,
            Url = "/commentary/" + slug,
            SourcePath = fm.Path,
            Html = body.Html,
            Text = body.Text,
            Author = author,
            Date = date,
            Updated = updated,
            Paragraphs = paragraphs,
            Events = events,
            HeadingIds = body.HeadingIds,
        };
        load.Commentary.Add(page);
        load.AddLinks(page.Url, fm.Path, body.Links);
    }

    /// <summary>The commentary, newest first; two pages may not share a slug.</summary>
    internal static List<SitePage> ArrangeCommentary(ContentLoad load)
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
