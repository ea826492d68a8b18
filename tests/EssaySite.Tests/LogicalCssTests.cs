using System.Text.RegularExpressions;

namespace EssaySite.Tests;

/// <summary>
/// The stylesheets and the views' inline styles say start and end, never left and right, so a right-to-left page
/// mirrors by itself (<c>&lt;html dir="rtl"&gt;</c>). No allow-list is needed: the printed pages' margin boxes
/// (<c>@top-left</c>, <c>@bottom-right</c>) are at-rules, not properties, and CSS Paged Media has no logical names for them.
/// </summary>
public sealed partial class LogicalCssTests
{
    /// <summary>Each physical left/right declaration in <paramref name="css"/>, as written.</summary>
    public static IEnumerable<string> PhysicalDeclarations(string css)
    {
        var text = Comment().Replace(css, " ");
        foreach (Match m in PhysicalProperty().Matches(text))
        {
            yield return m.Value.Trim();
        }

        foreach (Match m in PhysicalValue().Matches(text))
        {
            yield return m.Value.Trim();
        }

        // margin: 1rem 0 1rem 2rem sets the left and right sides apart; two or three values keep them equal.
        foreach (Match m in FourSides().Matches(text))
        {
            var values = m.Groups["values"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (values.Length == 4 && values[1] != values[3])
            {
                yield return m.Value.Trim();
            }
        }
    }

    public static TheoryData<string> Stylesheets() =>
        [.. Directory.EnumerateFiles(Path.Combine(Repo.Root, "wwwroot", "css"), "*.css").Select(f => new FileInfo(f).Name).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Stylesheets))]
    public void Stylesheet_UsesLogicalPropertiesOnly(string file)
    {
        var css = File.ReadAllText(Path.Combine(Repo.Root, "wwwroot", "css", file));
        Assert.Empty(PhysicalDeclarations(css));
    }

    [Fact]
    public void Views_InlineStyles_UseLogicalPropertiesOnly()
    {
        var views = Directory.EnumerateFiles(Path.Combine(Repo.Root, "src", "EssaySite"), "*.cshtml", SearchOption.AllDirectories);
        var found = views.SelectMany(v => InlineStyle().Matches(File.ReadAllText(v))
            .SelectMany(m => PhysicalDeclarations(m.Groups["css"].Value + ";"))
            .Select(d => $"{Path.GetRelativePath(Repo.Root, v)}: {d}"));
        Assert.Empty(found);
    }

    [Theory]
    [InlineData(".a { margin-left: 1rem; }", "margin-left:")]
    [InlineData(".a{padding-right:0}", "padding-right:")]
    [InlineData(".a { border-left: 1px solid; }", "border-left:")]
    [InlineData(".a { border-right-width: 2px; }", "border-right-width:")]
    [InlineData(".a { border-top-left-radius: 4px; }", "border-top-left-radius:")]
    [InlineData(".a { position: absolute; left: 0; }", "left:")]
    [InlineData(".a { right: 0 }", "right:")]
    [InlineData(".a { float: left; }", "float: left")]
    [InlineData(".a { text-align: right; }", "text-align: right")]
    [InlineData(".a { clear: right; }", "clear: right")]
    [InlineData(".a { margin: 0 1rem 0 2rem; }", "margin: 0 1rem 0 2rem")]
    [InlineData(".a { inset: 0 auto 0 0; }", "inset: 0 auto 0 0")]
    public void TheScan_FindsEachKindOfPhysicalDeclaration(string css, string expected) =>
        Assert.Contains(expected, Assert.Single(PhysicalDeclarations(css)), StringComparison.Ordinal);

    [Theory]
    [InlineData(".a { margin-inline-start: 1rem; padding-inline: 0 1rem; inset-inline-end: 0; text-align: end; float: inline-start; }")]
    [InlineData(".a { margin: 0 auto; padding: 1rem 0 0; margin: 1rem 2rem 1rem 2rem; }")]
    [InlineData("/* margin-left: 1rem */ .a { color: red; }")]
    [InlineData("@page { @top-left { content: \"x\"; } @bottom-right { content: \"y\"; } }")]
    [InlineData(".left-column, .a[data-side=right] { color: red; }")]
    public void TheScan_PassesLogicalDeclarations(string css) => Assert.Empty(PhysicalDeclarations(css));

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?<![-\w@.#])((margin|padding|border|scroll-margin|scroll-padding)-(left|right)(-[a-z]+)?|border-(top|bottom)-(left|right)-radius|left|right)\s*:")]
    private static partial Regex PhysicalProperty();

    [GeneratedRegex(@"(?<![-\w])(float|clear|text-align|caption-side)\s*:\s*(left|right)\b")]
    private static partial Regex PhysicalValue();

    [GeneratedRegex(@"(?<![-\w])(margin|padding|inset|border-width|border-style|border-color|scroll-margin|scroll-padding)\s*:\s*(?<values>[^;{}!]+)")]
    private static partial Regex FourSides();

    [GeneratedRegex("""style\s*=\s*"(?<css>[^"]*)"|style\s*=\s*'(?<css>[^']*)'""")]
    private static partial Regex InlineStyle();
}
