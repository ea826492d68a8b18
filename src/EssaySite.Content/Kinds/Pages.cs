using System.Text;

namespace EssaySite.Content;

// Pages and the essay: top-level files, whose 'kind' says which. The essay is a page with fields of its own.
public static partial class ContentKinds
{
    public static readonly string[] EssayUnconfirmable = ["published", "original_url"];

    private static class PageField
    {
        // Which kind a top-level file is, read before either kind is in use; each kind's own 'kind' narrows it.
        public static readonly Field<string?> AnyKind = Field.Text("kind", true, "essay, guide or about", ["essay", "guide", "about"])
            with { Hint = "commentary pages go in commentary/" };

        public static readonly Field<string?> Kind = AnyKind with { Description = "guide or about (the essay is its own kind)", Allowed = ["guide", "about"] };
        public static readonly Field<string?> Title = Field.Text("title", true, "the page's title");
        public static readonly Field<string?> Slug = Field.Slug("slug", false, "its address, /<slug> (default: the file name)");
        public static readonly Field<int?> Order = Field.WholeNumber("order", false, "its place in the reading order (pages without one are not in it)");
        public static readonly Field<string?> Summary = Field.Text("summary", true, "one sentence: what the page is for");
        public static readonly Field<DateOnly?> Updated = Field.Day("updated", false, "when its content last changed");
        public static readonly Field<IReadOnlyList<Section>> Sections = Field.Sections("sections", false, "the page's parts, each {id, title}: the timeline's eras, the questions' groups");
        public static readonly Field[] Common = [Title, Slug, Order, Summary, Updated, Sections];
    }

    private static class EssayField
    {
        public static readonly Field<string?> Kind = PageField.AnyKind with { Description = "essay", Allowed = ["essay"] };
        public static readonly Field<string?> Author = Field.Text("author", true, "the essay's author");
        public static readonly Field<DateOnly?> Written = Field.Day("written", true, "when the author wrote it");
        public static readonly Field<DateOnly?> Published = Field.Day("published", true, "when it was first published");
        public static readonly Field<string?> OriginalUrl = Field.WebAddress("original_url", true, "where it was first published", keepIfInvalid: true);
        public static readonly Field<IReadOnlyList<string>> Unconfirmed = Field.TextList("unconfirmed", false, "fields the public record did not confirm", EssayUnconfirmable);
        public static readonly Field<string?> Text = Field.Text("text", false, "the file in content/ holding the text exactly as received, served as /essay.txt");
        public static readonly Field<IReadOnlyList<string>> Sources = Field.Ids("sources", false,
            "the sources' entries for the essay itself, which say what is and is not confirmed about its first publication", refersTo: "source");
    }

    public static readonly ContentKind Page = new("page", "a page", "content/<slug>.md", [PageField.Kind, .. PageField.Common])
    { Folder = "", Read = ReadPage };

    public static readonly ContentKind Essay = new("essay", "the essay", "content/essay.md",
    [
        EssayField.Kind, .. PageField.Common, EssayField.Author, EssayField.Written, EssayField.Published, EssayField.OriginalUrl,
        EssayField.Unconfirmed, EssayField.Text, EssayField.Sources,
    ]);

    private static void ReadPage(ContentLoad load, ContentFile file)
    {
        var (fm, fileName, body) = (file.Front, file.Id, file.Body);
        PageKind? kind = load.Read(fm, PageField.AnyKind) switch
        {
            "essay" => PageKind.Essay,
            "guide" => PageKind.Guide,
            "about" => PageKind.About,
            _ => null,
        };
        fm.Use(kind == PageKind.Essay ? Essay : Page);
        var slug = load.Read(fm, PageField.Slug) ?? (FrontMatter.IsSlug(fileName) ? fileName : null);
        if (slug is null && !fm.Has(PageField.Slug))
        {
            fm.Report(1, $"file name '{fileName}' is not a valid slug: use lowercase letters, digits and hyphens");
        }

        if (slug is not null && load.Addresses.ReservedSlugs.Contains(slug))
        {
            fm.Report(PageField.Slug, $"slug '{slug}' is reserved for the site's own pages");
        }

        var title = load.Read(fm, PageField.Title);
        var summary = load.Read(fm, PageField.Summary);
        var order = load.Read(fm, PageField.Order);
        var updated = load.Read(fm, PageField.Updated);
        var sections = load.Read(fm, PageField.Sections);
        if (kind is null || slug is null || title is null || summary is null)
        {
            return;
        }

        var page = file.Page(kind.Value, slug, title, summary, kind == PageKind.Essay ? Routes.Essay : Routes.Page(slug)) with
        {
            Order = order,
            Updated = updated,
            Sections = sections,
        };
        if (!load.Pages.TryAdd(slug, page))
        {
            fm.Report(PageField.Slug, $"duplicate slug '{slug}' (also used by {load.Pages[slug].SourcePath})");
            return;
        }

        load.AddLinks(page.Url, fm.Path, body.Links);
        if (kind == PageKind.Essay)
        {
            ReadEssay(load, fm, page, body);
        }
    }

    private static void ReadEssay(ContentLoad load, FrontMatter fm, GuidePage page, RenderedMarkdown body)
    {
        var author = load.Read(fm, EssayField.Author);
        var written = load.Read(fm, EssayField.Written);
        var published = load.Read(fm, EssayField.Published);
        var url = load.Read(fm, EssayField.OriginalUrl);
        var unconfirmed = load.Read(fm, EssayField.Unconfirmed).ToHashSet(StringComparer.Ordinal);
        var sources = load.Read(fm, EssayField.Sources);

        var paragraphs = new List<EssayParagraph>();
        foreach (var block in body.Blocks)
        {
            if (block.Html.StartsWith("<p>", StringComparison.Ordinal) || block.IsQuote)
            {
                paragraphs.Add(new EssayParagraph(paragraphs.Count + 1, block.Html, block.Text, block.IsQuote));
            }
            else
            {
                fm.Report(block.Line, "the essay holds only paragraphs and block quotes");
            }
        }

        if (load.Essay is not null)
        {
            fm.Report(EssayField.Kind, $"a second essay (the essay is {load.Essay.Page.SourcePath})");
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
        var name = load.Read(fm, EssayField.Text);
        if (name is null)
        {
            return null;
        }

        var file = Path.GetFullPath(Path.Combine(load.Root, name));
        if (!file.StartsWith(load.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            fm.Report(EssayField.Text, $"'text' must name a file in the content folder, such as essay.txt; '{name}' is not one");
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
                fm.Report(EssayField.Text, $"paragraph {i + 1} differs from {name}: the essay must be published word for word");
                return null;
            }
        }

        return bytes;

        static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
