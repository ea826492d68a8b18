using YamlDotNet.Serialization;

namespace EssaySite.Tests;

/// <summary>
/// What the fixture guide (tests/fixture-guide/content) says, read straight from its files with a plain YAML
/// deserializer rather than the site's loader, so that a test of code can expect the fixture's own facts.
/// </summary>
public static class FixtureGuide
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder().Build();

    public static string File(string relative) => Path.Combine(Repo.FixtureContent, relative);

    /// <summary>content/site.yml's fields.</summary>
    public static IReadOnlyDictionary<string, string> Identity() =>
        Yaml.Deserialize<Dictionary<string, string>>(System.IO.File.ReadAllText(File("site.yml")));

    /// <summary>A Markdown file's front matter, as plain values (lists as lists of strings).</summary>
    public static IReadOnlyDictionary<string, object> FrontMatter(string relative)
    {
        var text = System.IO.File.ReadAllText(File(relative)).Replace("\r\n", "\n", StringComparison.Ordinal);
        return Yaml.Deserialize<Dictionary<string, object>>(text.Split("\n---", 2)[0].TrimStart('-', '\n'));
    }

    public static string Field(string relative, string key) => (string)FrontMatter(relative)[key];

    /// <summary>The essay as received (essay.txt): its non-blank lines are its paragraphs.</summary>
    public static IReadOnlyList<string> Paragraphs() =>
        [.. System.IO.File.ReadAllLines(File("essay.txt")).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim())];

    /// <summary>The ids (file names) of the items in one folder, such as "timeline".</summary>
    public static IReadOnlyList<string> Ids(string folder) =>
        [.. Directory.GetFiles(File(folder), "*.md").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];
}
