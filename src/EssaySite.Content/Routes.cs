namespace EssaySite.Content;

/// <summary>
/// Every address the site has, written once. The pages' route templates (<see cref="Templates"/>), the links the
/// content library records and checks, the views, the sitemap, the feed, search, the service worker, the link check
/// and the tests' page lists all build their addresses here, so that a page is added (or a prefix given to all, for
/// a second language) in one place. No web types: the content library reads it too.
/// </summary>
public static class Routes
{
    public const string Home = "/";
    public const string Essay = "/essay";
    public const string Glossary = "/glossary";
    public const string Sources = "/sources";
    public const string Questions = "/questions";
    public const string CommentaryIndex = "/commentary";
    public const string ReadingIndex = "/read";
    public const string ReadingSummary = "/read/summary";
    public const string Search = "/search";
    public const string Assign = "/assign";
    public const string Packet = "/packet";
    public const string NotFound = "/not-found";
    public const string Error = "/error";
    public const string BadRequest = "/bad-request";
    public const string Health = "/healthz";

    // The fixed files.
    public const string EssayText = "/essay.txt";
    public const string EBook = "/essay.epub";
    public const string Feed = "/feed.xml";
    public const string Sitemap = "/sitemap.xml";
    public const string Robots = "/robots.txt";
    public const string SearchIndex = "/search-index.json";
    public const string ServiceWorker = "/sw.js";
    public const string ClassroomCartridge = "/classroom.imscc";

    /// <summary>The timeline, or one event on it.</summary>
    public static string Timeline(string? id = null) => Anchor("/timeline", id);

    public static string Paragraph(int number) => $"{Essay}#{ParagraphId(number)}";

    /// <summary>The fragment id of an essay paragraph, p1 … pN.</summary>
    public static string ParagraphId(int number) => $"p{number}";

    public static string Source(string id) => Anchor(Sources, id);

    public static string Question(string id) => Anchor(Questions, id);

    public static string Term(string id) => Anchor(Glossary, id);

    /// <summary>A page of the guide's own (content/&lt;slug&gt;.md).</summary>
    public static string Page(string slug) => "/" + slug;

    public static string Commentary(string slug) => $"{CommentaryIndex}/{slug}";

    /// <summary>A later page of the commentary list (the first is <see cref="CommentaryIndex"/>).</summary>
    public static string CommentaryList(int number) => number <= 1 ? CommentaryIndex : $"{CommentaryIndex}/page/{number}";

    /// <summary>A section of the guided reading, numbered from 1.</summary>
    public static string Read(int number) => $"{ReadingIndex}/{number}";

    /// <summary>The citation page of one paragraph.</summary>
    public static string Cite(int paragraph) => $"{Essay}/cite/{paragraph}";

    /// <summary>A citation file: /essay/cite.bib for the essay, or /essay/cite/17.bib for paragraph 17.</summary>
    public static string CitationFile(int? paragraph, string extension) =>
        paragraph is { } n ? $"{Cite(n)}.{extension}" : $"{Essay}/cite.{extension}";

    /// <summary>An assignment's pages, by its code.</summary>
    public static string Assignment(string code, string? part = null) => part is null ? $"{Assign}/{code}" : $"{Assign}/{code}/{part}";

    /// <summary>The site's own pages besides the content's, which a content link may name.</summary>
    public static readonly IReadOnlyList<string> OwnPages = [Home, CommentaryIndex, Search];

    /// <summary>
    /// The first segments the site answers itself: a content page may not take one as its slug, or it would clash.
    /// </summary>
    public static readonly IReadOnlyList<string> ReservedSlugs =
        [.. new[] { CommentaryIndex, Search, Health, NotFound, Error, Assign, Packet, Feed, Sitemap, Robots, ReadingIndex }.Select(FirstSegment)];

    /// <summary>
    /// The route templates of the Razor Pages, by page (<c>/Essay</c> is Pages/Essay.cshtml). A page's <c>@page</c>
    /// directive names no template: the convention that reads this table gives it its route, and link generation
    /// (<c>asp-page</c>) builds its address from that route.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Templates = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/Index"] = Home,
        ["/Essay"] = Essay,
        ["/CiteParagraph"] = Essay + "/cite/{number:int}",
        ["/Timeline"] = Timeline(),
        ["/Sources"] = Sources,
        ["/Questions"] = Questions,
        ["/Glossary"] = Glossary,
        ["/Corrections"] = Page(ContentKinds.CorrectionsSlug),
        ["/Guide"] = "/{slug}",
        ["/Commentary/Index"] = CommentaryIndex,
        ["/Commentary/Entry"] = CommentaryIndex + "/{slug}",
        ["/Read/Index"] = ReadingIndex,
        ["/Read/Section"] = ReadingIndex + "/{number:int}",
        ["/Read/Summary"] = ReadingSummary,
        ["/Search"] = Search,
        ["/Packet"] = Packet,
        ["/Assign/Index"] = Assign,
        ["/Assign/Show"] = Assign + "/{code}",
        ["/Assign/Read"] = Assign + "/{code}/read",
        ["/Assign/ReadSection"] = Assign + "/{code}/read/{number:int}",
        ["/Assign/ReadSummary"] = Assign + "/{code}/read/summary",
        ["/Assign/Worksheet"] = Assign + "/{code}/worksheet",
        ["/NotFound"] = NotFound,
        ["/Error"] = Error,
        ["/BadRequest"] = BadRequest,
    };

    /// <summary>Route templates of the addresses answered by endpoints rather than pages, and of a page's second route.</summary>
    public static class Endpoints
    {
        public const string AssignmentQrCode = Assign + "/{code}/qr.svg";
        public const string AssignmentCartridge = Assign + "/{code}/assignment.imscc";
        public const string CommentaryListPage = CommentaryIndex + "/page/{number}";

        /// <summary>A paragraph's citation file in one format: /essay/cite/{number:int}.bib.</summary>
        public static string ParagraphCitationFile(string extension) => $"{Essay}/cite/{{number:int}}.{extension}";
    }

    private static string Anchor(string page, string? id) => id is null ? page : $"{page}#{id}";

    private static string FirstSegment(string path) => path.TrimStart('/').Split('/', '.')[0];
}
