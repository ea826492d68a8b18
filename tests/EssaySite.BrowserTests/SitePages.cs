using System.Text.RegularExpressions;
using EssaySite.Content;
using EssaySite.Hosting;
using EssaySite.Startup;
using EssaySite.Teaching;

namespace EssaySite.BrowserTests;

/// <summary>
/// The pages the browser suite visits: the site's own list of fixed addresses (<see cref="SiteRoutes.Fixed"/>, which
/// the edition renders and the export writes), pages only, one of each kind where many share a template, and a short
/// list of addresses whose answer depends on the request. A new page is visited without anyone adding it here.
/// </summary>
public static partial class SitePages
{
    /// <summary>The real content, loaded as the server loads it.</summary>
    public static ContentSnapshot Content => TestContent.Load(TestContent.Real);

    public static readonly string Assignment = Routes.Assignment(new Assignment { Paragraphs = [17, 18, 19], Questions = [1, 2, 3], Note = "Read before Friday" }.Encode());

    public const string NoSuchPage = "/no-such-page";

    /// <summary>Addresses the fixed list cannot hold: a query, a decoded assignment, an address that is not there.</summary>
    public static readonly string[] RequestDependent =
        [Routes.Search + "?q=Soleimani", Routes.Search + "?q=Mosaddegh", Assignment, Assignment + "/worksheet", NoSuchPage];

    /// <summary>The fixed addresses that are pages (not files such as /feed.xml), one of each kind (/essay/cite/1 for all thirty).</summary>
    public static IReadOnlyList<string> Fixed => [.. SiteRoutes.Fixed(Content)
        .Where(path => !Path.GetFileName(path).Contains('.', StringComparison.Ordinal))
        .DistinctBy(path => Number().Replace(path, "{n}"), StringComparer.Ordinal)];

    /// <summary>Every page the suite visits: <see cref="Fixed"/> and <see cref="RequestDependent"/>.</summary>
    public static IReadOnlyList<string> All => [.. Fixed, .. RequestDependent];

    /// <summary>The pages that answer 200 with content of their own (not the not-found page, which has tests of its own).</summary>
    public static IReadOnlyList<string> WithContent => [.. All.Where(path => path is not (Routes.NotFound or NoSuchPage))];

    /// <summary>
    /// The real content's headings, for the short set of checks on what the real pages say; a page not named here is
    /// held to having one heading of its own.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Headings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Routes.Home] = "There Is Only One Position",
        [Routes.Essay] = "There Is Only One Position",
        [Routes.Timeline()] = "Timeline",
        [Routes.Sources] = "Sources",
        [Routes.Questions] = "Discussion questions",
        [Routes.Page("about")] = "About this site",
        [Routes.Glossary] = "Glossary",
        [Routes.Page("perspectives")] = "Perspectives on the strike",
        [Routes.CommentaryIndex] = "Commentary",
        [Routes.Commentary("what-happened-next")] = "What happened next",
        [Routes.Commentary("reading-an-opinion-essay")] = "Reading an opinion essay",
        [Routes.Search + "?q=Mosaddegh"] = "Search",
        [Routes.Packet] = "Class packet: There Is Only One Position",
        [Routes.Assign] = "Make an assignment",
        [Routes.Cite(1)] = "Cite paragraph 1 of the essay",
        [Assignment] = "Assignment",
    };

    /// <summary>Theory data of addresses.</summary>
    public static TheoryData<string> Data(IEnumerable<string> paths) => [.. paths];

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Number();
}
