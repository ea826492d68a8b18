using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using AnyAscii;
using EssaySite.Content;
using EssaySite.Pages;

namespace EssaySite.Book;

/// <summary>
/// The essay and its reading guide as an EPUB 3 e-book: the essay, timeline, sources, questions and glossary, one
/// XHTML document each, made from the same rendered HTML as the pages. Links to those pages point inside the book;
/// links to the rest of the site become absolute links to it. The bytes depend only on the content and the site's
/// public address: every date in the book, and every entry's time stamp, is a date the content gives.
/// </summary>
public static partial class EssayBook
{
    public const string MediaType = "application/epub+zip";

    /// <summary>The guide pages the book carries after the essay, in this order, when the content has them.</summary>
    public static readonly IReadOnlyList<string> GuideSlugs = ["timeline", "sources", "questions", "glossary"];

    private const string Folder = "EPUB/";
    private const string PackageFile = "package.opf";
    private const string NavFile = "nav.xhtml";
    private const string StyleFile = "book.css";

    private static readonly XNamespace X = XhtmlFragments.Xhtml;
    private static readonly XNamespace Epub = "http://www.idpf.org/2007/ops";
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Container = "urn:oasis:names:tc:opendocument:xmlns:container";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private sealed record Chapter(string Slug, string Title, IEnumerable<object?> Body)
    {
        public string File => Slug + ".xhtml";
    }

    /// <summary>The file name a reader's download is saved as: the essay's title in plain letters ("there-is-only-one-position.epub").</summary>
    public static string FileName(ContentSnapshot snapshot)
    {
        var words = PlainWords().Matches(snapshot.Essay.Page.Title.Transliterate().ToLowerInvariant()).Select(m => m.Value).ToList();
        return (words.Count > 0 ? string.Join('-', words) : snapshot.Essay.Page.Slug) + ".epub";
    }

    /// <summary>The identifier of the book: a name-based UUID (version 8, SHA-256) of the essay's public address, so every edition of one site shares it.</summary>
    public static string Identifier(Uri siteRoot)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(new Uri(siteRoot, "essay").AbsoluteUri))[..16];
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return "urn:uuid:" + new Guid(hash, bigEndian: true).ToString("D");
    }

    /// <summary>The book's bytes, for a site whose public root is <paramref name="siteRoot"/> (ending in "/").</summary>
    public static byte[] Make(ContentSnapshot snapshot, Uri siteRoot)
    {
        var guide = GuideSlugs.Select(snapshot.Page).OfType<GuidePage>().ToList();
        var inBook = guide.Select(p => p.Url).Prepend(snapshot.Essay.Page.Url).ToHashSet(StringComparer.Ordinal);
        var html = new XhtmlFragments(href => Link(href, inBook, siteRoot));
        var chapters = guide.Select(page => page.Slug switch
        {
            "timeline" => Timeline(snapshot, page, html),
            "sources" => Sources(snapshot, page, html),
            "questions" => Questions(snapshot, page, html),
            _ => Glossary(snapshot, page, html),
        }).Prepend(Essay(snapshot, guide, siteRoot, html)).ToList();

        var language = snapshot.Identity.Language;
        var updated = snapshot.LastUpdated ?? snapshot.Essay.Published;
        var stamp = new DateTimeOffset(updated.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            // The reading system finds the type in the first entry's name and bytes, so it must be first and stored.
            Add(zip, "mimetype", Encoding.ASCII.GetBytes(MediaType), stamp, CompressionLevel.NoCompression);
            Add(zip, "META-INF/container.xml", Bytes(ContainerXml()), stamp);
            Add(zip, Folder + PackageFile, Bytes(Package(snapshot, chapters, siteRoot, updated)), stamp);
            Add(zip, Folder + NavFile, Bytes(Document(language, "Contents", Contents(chapters))), stamp);
            Add(zip, Folder + StyleFile, Style(), stamp);
            foreach (var chapter in chapters)
            {
                Add(zip, Folder + chapter.File, Bytes(Document(language, chapter.Title, chapter.Body)), stamp);
            }
        }

        return output.ToArray();
    }

    private static XElement Contents(IEnumerable<Chapter> chapters) =>
        new(X + "nav", new XAttribute(Epub + "type", "toc"), new XAttribute("id", "toc"),
            new XElement(X + "h1", "Contents"),
            new XElement(X + "ol", chapters.Select(c => new XElement(X + "li", new XElement(X + "a", new XAttribute("href", c.File), c.Title)))));

    /// <summary>A link of the site's content as the book needs it: its own pages inside the book, the rest of the site absolute.</summary>
    private static string Link(string href, HashSet<string> inBook, Uri siteRoot)
    {
        if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal))
        {
            return href; // Another site, mail, or a place on the same page.
        }

        var hash = href.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? href : href[..hash];
        return inBook.Contains(path)
            ? path.TrimStart('/') + ".xhtml" + (hash < 0 ? "" : href[hash..])
            : new Uri(siteRoot, href.TrimStart('/')).AbsoluteUri;
    }

    private static Chapter Essay(ContentSnapshot snapshot, List<GuidePage> guide, Uri siteRoot, XhtmlFragments html)
    {
        var essay = snapshot.Essay;
        var home = new XElement(X + "a", new XAttribute("href", siteRoot.AbsoluteUri), snapshot.Identity.Name);
        return new Chapter(essay.Page.Slug, essay.Page.Title,
        [
            new XElement(X + "header",
                new XElement(X + "p", Class("kicker"), "Opinion essay"),
                new XElement(X + "h1", essay.Page.Title),
                new XElement(X + "p", Class("byline"),
                    $"By {essay.Author} · written ", Time(essay.Written), " · first published ", Time(essay.Published), " on ",
                    new XElement(X + "a", new XAttribute("href", essay.OriginalUrl), "the author’s website"),
                    essay.UnconfirmedFacts is { } facts ? $" ({facts}; not confirmed)." : "."),
                new XElement(X + "p", Class("note"), "This is the author’s opinion, reproduced word for word and unchanged",
                    guide.Count == 0
                        ? new object[] { ", from ", home, "." }
                        : [$". The reading guide after it in this book ({string.Join(", ", guide.Select(p => p.Title))}) is written by the editors of ", home, ", not by the author."],
                    $" Content version {snapshot.Version}.")),
            essay.Paragraphs.Select(p => new XElement(X + "div", Class(p.IsQuote ? "para para-quote" : "para"), new XAttribute("id", p.Id),
                new XElement(X + "p", Class("pnum"), p.Number),
                html.Convert(p.ReadingHtml))),
        ]);
    }

    private static Chapter Timeline(ContentSnapshot snapshot, GuidePage page, XhtmlFragments html) => new(page.Slug, page.Title,
    [
        new XElement(X + "h1", page.Title),
        html.Convert(page.Html),
        snapshot.Eras.Select(era => (era, events: snapshot.Events.Where(e => e.Era == era.Id).ToList())).Where(x => x.events.Count > 0).Select(x =>
            new XElement(X + "section",
                new XElement(X + "h2", new XAttribute("id", x.era.Id), x.era.Title),
                new XElement(X + "ol", Class("timeline"), x.events.Select(e => new XElement(X + "li", Class("event"), new XAttribute("id", e.Id),
                    new XElement(X + "h3", e.Title),
                    new XElement(X + "p", Class("when"), Time(e.Date), e.End is { } end && end != e.Date ? new object[] { " – ", Time(end) } : null),
                    html.Convert(e.Html),
                    e.Record is null ? null : new XElement(X + "p", Class("record"), new XElement(X + "strong", "What the record shows:"), " " + e.Record),
                    References(html,
                        ("Essay", Paragraphs(e.Paragraphs)),
                        ("Sources", e.Sources.Select(id => (Routes.Source(id), GuidePageModel.ShortLabel(snapshot.SourcesById[id])))),
                        ("Questions", snapshot.EventQuestions[e.Id].Select(q => (Routes.Question(q.Id), $"Question {q.Number}"))),
                        ("Commentary", snapshot.EventCommentary.GetValueOrDefault(e.Id, []).Select(c => (c.Url, c.Title))))))))),
    ]);

    private static Chapter Sources(ContentSnapshot snapshot, GuidePage page, XhtmlFragments html)
    {
        const string NotConfirmed = "not confirmed";
        return new Chapter(page.Slug, page.Title,
        [
            new XElement(X + "h1", page.Title),
            html.Convert(page.Html),
            new XElement(X + "ol", Class("sources"), snapshot.Sources.Select(s =>
            {
                var cited = snapshot.SourceRefs[s.Id];
                return new XElement(X + "li", Class("source"), new XAttribute("id", s.Id),
                    new XElement(X + "p", Class("citation"),
                        s.Author ?? "Author", s.IsConfirmed("author") ? null : Unconfirmed($" ({NotConfirmed})"), ". ",
                        new XElement(X + "cite", s.Title),
                        s.IsConfirmed("title") ? (object)EssaySite.Teaching.Citations.EndOf(s.Title ?? "") : new object[] { Unconfirmed($" (title {NotConfirmed})"), "." },
                        s.Publication is null ? null : new object?[] { " " + s.Publication, s.IsConfirmed("publication") ? null : Unconfirmed($" ({NotConfirmed})"), "," },
                        " ",
                        s.Date is { } d ? (object)new object?[] { Time(d), s.IsConfirmed("date") ? null : Unconfirmed($" (date {NotConfirmed})") } : Unconfirmed($"date {NotConfirmed}"),
                        "."),
                    new XElement(X + "p", Class("url"), s.Url is null
                        ? (object)Unconfirmed($"Web address {NotConfirmed}.")
                        : new object?[] { new XElement(X + "a", new XAttribute("href", s.Url), s.Url), s.IsConfirmed("url") ? null : Unconfirmed($" (address {NotConfirmed})") }),
                    html.Convert(s.Html),
                    References(html,
                        ("Essay", Paragraphs(cited.Paragraphs)),
                        ("Timeline", cited.Events.Select(e => (Routes.Timeline(e.Id), e.Title))),
                        ("Questions", cited.Questions.Select(q => (Routes.Question(q.Id), $"Question {q.Number}"))),
                        ("Glossary", cited.Terms.Select(t => (Routes.Term(t.Id), t.Term)))));
            })),
        ]);
    }

    private static Chapter Questions(ContentSnapshot snapshot, GuidePage page, XhtmlFragments html) => new(page.Slug, page.Title,
    [
        new XElement(X + "h1", page.Title),
        html.Convert(page.Html),
        snapshot.QuestionGroups.Select(g => (g, questions: snapshot.Questions.Where(q => q.Group == g.Id).ToList())).Where(x => x.questions.Count > 0).Select(x =>
            new XElement(X + "section",
                new XElement(X + "h2", new XAttribute("id", x.g.Id), x.g.Title),
                new XElement(X + "ol", Class("questions"), new XAttribute("start", x.questions[0].Number), x.questions.Select(q => new XElement(X + "li", Class("question"), new XAttribute("id", q.Id),
                    html.Convert(q.Html),
                    References(html,
                        ("Essay", Paragraphs(q.Paragraphs)),
                        ("Timeline", q.Events.Select(id => (Routes.Timeline(id), snapshot.EventsById[id].Title))),
                        ("Sources", q.Sources.Select(id => (Routes.Source(id), GuidePageModel.ShortLabel(snapshot.SourcesById[id]))))),
                    q.NotesHtml is null ? null : new XElement(X + "div", Class("notes"),
                        new XElement(X + "p", new XElement(X + "strong", $"Teacher notes for question {q.Number}")),
                        html.Convert(q.NotesHtml))))))),
    ]);

    private static Chapter Glossary(ContentSnapshot snapshot, GuidePage page, XhtmlFragments html) => new(page.Slug, page.Title,
    [
        new XElement(X + "h1", page.Title),
        html.Convert(page.Html),
        new XElement(X + "dl", Class("glossary"), snapshot.Terms.Select(t => new object[]
        {
            new XElement(X + "dt", new XAttribute("id", t.Id), t.Term, " ", new XElement(X + "span", Class("category"), $"({t.Category})")),
            new XElement(X + "dd",
                html.Convert(t.Html),
                t.Variants.Count == 0 ? null : new XElement(X + "p", Class("variants"), "Also written: " + string.Join(", ", t.Variants)),
                References(html, ("Sources", t.Sources.Select(id => (Routes.Source(id), GuidePageModel.ShortLabel(snapshot.SourcesById[id])))))),
        })),
    ]);

    private static IEnumerable<(string Href, string Text)> Paragraphs(IEnumerable<int> numbers) => numbers.Select(n => (Routes.Paragraph(n), $"¶ {n}"));

    /// <summary>What an entry refers to, one line a kind ("Essay: ¶ 6, ¶ 7"), linked inside the book; null when it refers to nothing.</summary>
    private static XElement? References(XhtmlFragments html, params (string Label, IEnumerable<(string Href, string Text)> Links)[] kinds)
    {
        var lines = kinds
            .Select(k => (k.Label, Links: k.Links.ToList()))
            .Where(k => k.Links.Count > 0)
            .Select((k, i) => new object[]
            {
                i > 0 ? new XElement(X + "br") : "",
                k.Label + ": ",
                k.Links.Select((l, j) => new object[] { j > 0 ? ", " : "", new XElement(X + "a", new XAttribute("href", html.Link(l.Href)), l.Text) }),
            })
            .ToList();
        return lines.Count == 0 ? null : new XElement(X + "p", Class("xrefs"), lines);
    }

    [GeneratedRegex("[a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex PlainWords();

    private static XAttribute Class(string name) => new("class", name);

    private static XElement Unconfirmed(string text) => new(X + "span", Class("unconfirmed"), text);

    private static XElement Time(DateOnly date) =>
        new(X + "time", new XAttribute("datetime", date.ToString("yyyy-MM-dd", Invariant)), date.ToString("d MMMM yyyy", Invariant));

    private static XElement Time(PartialDate date) => new(X + "time", new XAttribute("datetime", date.Iso), date.Display);

    private static XDocument Document(string language, string title, params object?[] body) => new(
        new XDocumentType("html", null, null, null),
        new XElement(X + "html",
            new XAttribute(XNamespace.Xmlns + "epub", Epub.NamespaceName),
            new XAttribute("lang", language),
            new XAttribute(XNamespace.Xml + "lang", language),
            new XElement(X + "head",
                new XElement(X + "meta", new XAttribute("charset", "utf-8")),
                new XElement(X + "title", title),
                new XElement(X + "link", new XAttribute("rel", "stylesheet"), new XAttribute("type", "text/css"), new XAttribute("href", StyleFile))),
            new XElement(X + "body", body)));
}
