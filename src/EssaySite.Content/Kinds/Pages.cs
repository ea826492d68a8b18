using System.Text;

namespace EssaySite.Content;

// Pages and the essay: top-level files, whose 'kind' says which. The essay is a page with fields of its own.
public static partial class ContentKinds
{
    public static readonly string[] EssayUnconfirmable = ["published", "original_url"];

    private static readonly Field[] PageFields =
    [
        new("title", FieldType.Text, true, "the page's title"),
        new("slug", FieldType.Slug, false, "its address, /<slug> (default: the file name)"),
        new("order", FieldType.WholeNumber, false, "its place in the reading order (pages without one are not in it)"),
        new("summary", FieldType.Text, true, "one sentence: what the page is for"),
        new("updated", FieldType.Day, false, "when its content last changed"),
        new("sections", FieldType.Sections, false, "the page's parts, each {id, title}: the timeline's eras, the questions' groups"),
    ];

    public static readonly ContentKind Page = new("page", "a page", "content/<slug>.md",
    [
        new("kind", FieldType.Text, true, "guide or about (the essay is its own kind)", Allowed: ["guide", "about"]),
        .. PageFields,
    ])
    { Folder = "", Read = ReadPage };

    public static readonly ContentKind Essay = new("essay", "the essay", "content/essay.md",
    [
        new("kind", FieldType.Text, true, "essay", Allowed: ["essay"]),
        .. PageFields,
        new("author", FieldType.Text, true, "the essay's author"),
        new("written", FieldType.Day, true, "when the author wrote it"),
        new("published", FieldType.Day, true, "when it was first published"),
        new("original_url", FieldType.WebAddress, true, "where it was first published"),
        new("unconfirmed", FieldType.TextList, false, "fields the public record did not confirm", Allowed: EssayUnconfirmable),
        new("text", FieldType.Text, false, "the file in content/ holding the text exactly as received, served as /essay.txt"),
        new("sources", FieldType.Ids, false, "the sources' entries for the essay itself, which say what is and is not confirmed about its first publication", RefersTo: "source"),
    ]);

    private static void ReadPage(ContentLoad load, ContentFile file)
    {
        var (fm, fileName, body) = (file.Front, file.Id, file.Body);
        var kindText = fm.Text("kind", required: true); // read before the kind is known
        PageKind? kind = kindText switch
        {
            "essay" => PageKind.Essay,
            "guide" => PageKind.Guide,
            "about" => PageKind.About,
            _ => null,
        };
        if (kindText is not null && kind is null)
        {
            load.Problems.Add(fm.Path, fm.LineOf("kind"), $"unknown kind '{kindText}' (known: essay, guide, about; commentary pages go in commentary/)");
        }

        fm.Use(kind == PageKind.Essay ? Essay : Page);
        var slug = fm.Slug("slug") ?? (FrontMatter.IsSlug(fileName) ? fileName : null);
        if (slug is null && !fm.Has("slug"))
        {
            load.Problems.Add(fm.Path, 1, $"file name '{fileName}' is not a valid slug: use lowercase letters, digits and hyphens");
        }

        if (slug is not null && load.Addresses.ReservedSlugs.Contains(slug))
        {
            load.Problems.Add(fm.Path, fm.LineOf("slug"), $"slug '{slug}' is reserved for the site's own pages");
        }

        var title = fm.Text("title");
        var summary = fm.Text("summary");
        var order = fm.Number("order");
        var updated = fm.Day("updated");
        var sections = fm.Records("sections", "id", "title")
            .Select(r => new Section(r.Fields["id"], r.Fields["title"]))
            .ToList();
        if (kind is null || slug is null || title is null || summary is null)
        {
            return;
        }

        var page = new SitePage
        {
            Kind = kind.Value,
            Slug = slug,
            Title = title,
            Summary = summary,
            Url = "/" + slug,
            SourcePath = fm.Path,
            Html = body.Html,
            Text = body.Text,
            Order = order,
            Updated = updated,
            Sections = sections,
            HeadingIds = body.HeadingIds,
        };
        if (!load.Pages.TryAdd(slug, page))
        {
            load.Problems.Add(fm.Path, fm.LineOf("slug"), $"duplicate slug '{slug}' (also used by {load.Pages[slug].SourcePath})");
            return;
        }

        load.AddLinks(page.Url, fm.Path, body.Links);
        if (kind == PageKind.Essay)
        {
            ReadEssay(load, fm, page, body);
        }
    }

    private static void ReadEssay(ContentLoad load, FrontMatter fm, SitePage page, RenderedMarkdown body)
    {
        var author = fm.Text("author");
        var written = fm.Day("written");
        var published = fm.Day("published");
        var url = load.WebAddress(fm, "original_url", keepIfInvalid: true);
        var unconfirmed = load.Unconfirmed(fm, EssayUnconfirmable);
        var sources = load.SourceRefs(fm, "sources");

        var paragraphs = new List<EssayParagraph>();
        foreach (var block in body.Blocks)
        {
            if (block.Html.StartsWith("<p>", StringComparison.Ordinal) || block.IsQuote)
            {
                paragraphs.Add(new EssayParagraph(paragraphs.Count + 1, block.Html, block.Text, block.IsQuote));
            }
            else
            {
                load.Problems.Add(fm.Path, block.Line, "the essay holds only paragraphs and block quotes");
            }
        }

        if (load.Essay is not null)
        {
            load.Problems.Add(fm.Path, fm.LineOf("kind"), $"a second essay (the essay is {load.Essay.Page.SourcePath})");
            return;
        }

        var text = EssayText(load, fm, paragraphs);
        if (author is not null && written is not null && published is not null && url is not null)
        {
            load.Essay = new Essay(page, author, written.Value, published.Value, url, paragraphs) { Unconfirmed = unconfirmed, SourceText = text, Sources = sources };
        }
    }

    /// <summary>
    /// The essay's text exactly as received (<c>text: essay.txt</c>, a file beside the Markdown), which the site serves
    /// byte for byte and whose SHA-256 it shows. Its paragraphs (its non-blank lines) must be the Markdown's, word for word.
    /// </summary>
    private static byte[]? EssayText(ContentLoad load, FrontMatter fm, List<EssayParagraph> paragraphs)
    {
        var name = fm.Text("text");
        if (name is null)
        {
            return null;
        }

        var file = Path.GetFullPath(Path.Combine(load.Root, name));
        if (!file.StartsWith(load.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            load.Problems.Add(fm.Path, fm.LineOf("text"), $"'text' must name a file in the content folder, such as essay.txt; '{name}' is not one");
            return null;
        }

        var bytes = File.ReadAllBytes(file);
        load.TextFiles.Add((Path.GetRelativePath(load.Root, file).Replace('\\', '/'), bytes));
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').Select(l => Words(l)).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < Math.Max(lines.Count, paragraphs.Count); i++)
        {
            var expected = i < lines.Count ? lines[i] : "(nothing)";
            var actual = i < paragraphs.Count ? Words(paragraphs[i].Text) : "(nothing)";
            if (expected != actual)
            {
                load.Problems.Add(fm.Path, fm.LineOf("text"), $"paragraph {i + 1} differs from {name}: the essay must be published word for word");
                return null;
            }
        }

        return bytes;

        static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
