using System.Reflection;
using System.Text.RegularExpressions;
using EssaySite.Content;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>
/// Every address is written once, in the route table (<see cref="Routes"/>): the pages take their routes from it,
/// link generation builds the same addresses, and the sources spell an address as a literal in at most three files.
/// </summary>
public sealed partial class RouteTableTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    /// <summary>
    /// The first path segments of the site's own addresses, from the table itself: every address constant and every
    /// page template (essay, timeline, sources, feed, sw …). The home page's "/" alone is no address literal: it is
    /// also every path's separator.
    /// </summary>
    private static readonly HashSet<string> Segments =
    [
        .. typeof(Routes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(Routes.Templates.Values)
            .Concat([Routes.Timeline()])
            .Select(FirstSegment)
            .Where(s => s.Length > 0 && !s.StartsWith('{')),
    ];

    private const int MostFilesWithAddressLiterals = 3;

    [Fact]
    public void Sources_SpellAddressesAsLiteralsInAtMostThreeFiles()
    {
        var files = SourceFiles()
            .Select(file => (File: Path.GetRelativePath(Repo.Root, file), Lines: AddressLiterals(File.ReadAllLines(file)).ToList()))
            .Where(f => f.Lines.Count > 0)
            .ToList();

        Assert.True(files.Count <= MostFilesWithAddressLiterals,
            $"{files.Count} source files spell an address (a string starting with /{{{string.Join(",", Segments.Order())}}}) instead of reading Routes:\n"
            + string.Join("\n", files.Select(f => $"{f.File}: {string.Join(" | ", f.Lines.Take(3))}")));
        Assert.Contains(files, f => f.File.EndsWith("Routes.cs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("var a = \"/essay#p3\";", true)]
    [InlineData("href=\"/timeline\"", true)]
    [InlineData("app.MapGet('/feed.xml', x)", true)]
    [InlineData("@page \"/sources\"", true)]
    [InlineData("Assets.Url(\"/js/essay.js\")", false)]
    [InlineData("var s = \"/\";", false)]
    [InlineData("// see \"/essay\"", false)]
    [InlineData("var x = \"/essays-elsewhere\";", false)]
    public void AddressLiteral_IsAStringStartingWithARouteSegment(string line, bool counts) =>
        Assert.Equal(counts, AddressLiterals([line]).Any());

    [Fact]
    public void EveryPage_TakesItsRouteFromTheTable()
    {
        var pages = host.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Page: e.Metadata.GetMetadata<PageActionDescriptor>()))
            .Where(x => x.Page is not null)
            .ToList();

        Assert.NotEmpty(pages);
        var unlisted = pages.Select(p => p.Page!.ViewEnginePath).Distinct().Where(p => !Routes.Templates.ContainsKey(p)).ToList();
        Assert.Empty(unlisted);
        foreach (var (path, template) in Routes.Templates)
        {
            // A page has the table's route (and /Commentary/Index a second, for the later pages of its list).
            Assert.Contains(pages, p => p.Page!.ViewEnginePath == path && "/" + p.Endpoint.RoutePattern.RawText!.TrimStart('/') == template);
        }
    }

    public static TheoryData<string, int?, string> GeneratedLinks() => new()
    {
        { "/Index", null, Routes.Home },
        { "/Essay", null, Routes.Essay },
        { "/Sources", null, Routes.Sources },
        { "/Read/Section", 2, Routes.Read(2) },
        { "/CiteParagraph", 7, Routes.Cite(7) },
    };

    [Theory]
    [MemberData(nameof(GeneratedLinks))]
    public void LinkGeneration_BuildsTheTablesAddress(string page, int? number, string expected)
    {
        var links = host.Factory.Services.GetRequiredService<LinkGenerator>();

        Assert.Equal(expected, links.GetPathByPage(page, values: number is { } n ? new { number = n } : null));
    }

    private static IEnumerable<string> SourceFiles()
    {
        string[] roots = [Path.Combine(Repo.Root, "src"), Path.Combine(Repo.Root, "wwwroot", "js")];
        return roots.SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            .Where(f => Path.GetExtension(f) is ".cs" or ".cshtml" or ".js")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    /// <summary>
    /// The lines holding an address literal: a quoted string (", ' or `) that starts with "/" and one of the table's
    /// first segments, ending there or going on with / # ? or a dot ("/essay#p3", "/feed.xml"). Comment lines are left
    /// out: a comment may show an address as an example.
    /// </summary>
    private static IEnumerable<string> AddressLiterals(IEnumerable<string> lines) => lines
        .Select(l => l.Trim())
        .Where(l => !l.StartsWith("//", StringComparison.Ordinal) && !l.StartsWith('*') && !l.StartsWith("@*", StringComparison.Ordinal))
        .Where(l => Literal().Matches(l).Any(m => Segments.Contains(m.Groups[1].Value)));

    private static string FirstSegment(string path) => path.TrimStart('/').Split('/', '.', '#', '?')[0];

    [GeneratedRegex("""["'`]/([a-z0-9-]+)(?=["'`/#?.])""")]
    private static partial Regex Literal();
}
