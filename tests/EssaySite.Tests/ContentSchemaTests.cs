using System.Globalization;
using System.Text.Json.Nodes;
using EssaySite.Content;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EssaySite.Tests;

/// <summary>
/// The JSON Schemas of the content kinds: committed and current, every real content file valid against its kind's
/// (a content test: it reads the real content/), and on a table of good and bad front matter, written into a copy of
/// the fixture guide, the schema and <c>check</c> agree.
/// </summary>
public sealed class ContentSchemaTests
{
    private static readonly string SchemaFolder = Path.Combine(Repo.Root, "docs", "schemas");
    private static readonly EvaluationOptions Strict = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    public static TheoryData<string> Kinds() => [.. ContentKinds.All.Select(k => k.Id)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CommittedSchema_IsWhatTheDefinitionGives(string id)
    {
        var kind = ContentKinds.All.Single(k => k.Id == id);
        var path = Path.Combine(SchemaFolder, ContentSchemas.FileName(kind));
        Assert.True(File.Exists(path), $"{path} is missing: run dotnet run --project src/EssaySite -- schemas docs/schemas");
        Assert.True(ContentSchemas.Text(kind) == File.ReadAllText(path), $"{path} is stale: run dotnet run --project src/EssaySite -- schemas docs/schemas");
        // The schema itself reads as JSON Schema.
        Assert.NotNull(Schema(kind));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Contributing_ShowsEachKindsFieldsFromTheDefinition(string id)
    {
        var kind = ContentKinds.All.Single(k => k.Id == id);
        var contributing = File.ReadAllText(Path.Combine(Repo.Root, "CONTRIBUTING.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var table = ContentSchemas.Table(kind);
        Assert.True(contributing.Contains(table, StringComparison.Ordinal), $"CONTRIBUTING.md should show the fields of {kind.Title} ({kind.Where}) as:\n{table}");
    }

    [Fact]
    public void EveryContentFile_IsValidAgainstItsKindsSchema()
    {
        var failures = new List<string>();
        var files = Directory.EnumerateFiles(Repo.Content, "*.md", SearchOption.AllDirectories).Append(Path.Combine(Repo.Content, SiteIdentity.FileName)).ToList();
        Assert.True(files.Count > 100);
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(Repo.Content, file).Replace('\\', '/');
            var (kind, json) = Read(relative, File.ReadAllText(file));
            var result = Schema(kind).Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(json), Strict);
            if (!result.IsValid)
            {
                failures.Add($"{relative}: {Errors(result)}");
            }
        }

        Assert.Empty(failures);
    }

    // Front matter the schema and check must both accept (null) or both refuse (the words check says).
    public static TheoryData<string, string, string?> Cases() => new()
    {
        { "timeline/schema-case.md", "title: \"A\"\ndate: 2019\nera: independence\nsources: [tipiglen-common-sense]\nparagraphs: [3]", null },
        { "timeline/schema-case.md", "title: \"A\"\ndate: 2019-12\nend: 2020-01-03\nera: independence\nsources: [tipiglen-common-sense]", null },
        { "timeline/schema-case.md", "date: 2019\nera: independence\nsources: [tipiglen-common-sense]", "missing front matter field 'title'" },
        { "timeline/schema-case.md", "title: \"A\"\ndate: 2019\nera: independence\nsources: []", "a timeline event needs at least one source" },
        { "timeline/schema-case.md", "title: \"A\"\ndate: 2019-13-01\nera: independence\nsources: [tipiglen-common-sense]", "'date' is not a valid date" },
        { "timeline/schema-case.md", "title: \"A\"\ndate: 2019\nera: independence\nsources: [tipiglen-common-sense]\nsource: [x]", "unknown front matter key 'source'" },
        { "timeline/schema-case.md", "title: \"A\"\ndate: 2019\nera: independence\nsources: [tipiglen-common-sense]\nparagraphs: [three]", "'paragraphs' must list whole numbers" },
        { "sources/schema-case.md", "title: \"A\"\nurl: \"https://example.org/a\"", null },
        { "sources/schema-case.md", "title: \"A\"\nurl: \"ftp://example.org/a\"", "url must be an http(s) address" },
        { "sources/schema-case.md", "title: \"A\"\nunconfirmed: [colour]", "'colour'" },
        { "glossary/schema-case.md", "term: \"A\"\ncategory: concept", null },
        { "glossary/schema-case.md", "term: \"A\"\ncategory: animal", "category" },
        { "commentary/schema-case.md", "title: \"A\"\nauthor: \"B\"\ndate: 2030-01-01\nsummary: \"S\"", null },
        { "commentary/schema-case.md", "title: \"A\"\nauthor: \"B\"\ndate: 2030-01\nsummary: \"S\"", "must be a full date" },
        { "questions/schema-case.md", "group: reading\norder: 99", null },
        { "questions/schema-case.md", "group: reading\norder: first", "must be a whole number" },
        { "corrections/schema-case.md", "date: 2030-01-01\npage: \"/timeline\"\nwas: \"W\"", null },
        { "corrections/schema-case.md", "date: 2030-01-01\npage: \"/timeline\"", "missing front matter field 'was'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SchemaAndCheck_Agree(string file, string frontMatter, string? problem)
    {
        var text = $"---\n{frontMatter}\n---\n\nSome text.\n";
        var (kind, json) = Read(file, text);
        var schemaResult = Schema(kind).Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(json), Strict);

        using var content = new TempContent();
        content.Write(file, text);
        var (_, problems) = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).TryLoad(content.ContentRoot);
        var mine = problems.Where(p => p.ToString().Contains("schema-case.md", StringComparison.Ordinal)).Select(p => p.ToString()).ToList();
        if (problem is null)
        {
            Assert.True(schemaResult.IsValid, Errors(schemaResult));
            Assert.Empty(mine);
        }
        else
        {
            Assert.False(schemaResult.IsValid, $"the schema accepts what check refuses: {frontMatter}");
            Assert.Contains(mine, p => p.Contains(problem, StringComparison.Ordinal));
        }
    }

    // Each schema is built once: a schema's $id is registered process-wide, and may not be registered twice.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<JsonSchema>> Built = new();

    private static JsonSchema Schema(ContentKind kind) =>
        Built.GetOrAdd(kind.Id, _ => new Lazy<JsonSchema>(() => JsonSchema.FromText(ContentSchemas.Text(kind)))).Value;

    private static string Errors(EvaluationResults result) =>
        string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    /// <summary>A content file's kind (by its folder, and for a page by its own kind:) and its front matter as JSON.</summary>
    private static (ContentKind Kind, JsonNode Json) Read(string relative, string text)
    {
        string yaml;
        if (relative == SiteIdentity.FileName)
        {
            yaml = text;
        }
        else
        {
            var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
            yaml = string.Join('\n', lines[1..close]);
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var json = ToJson(stream.Documents[0].RootNode)!;
        var folder = relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.IndexOf('/', StringComparison.Ordinal)] : "";
        var kind = folder switch
        {
            "" when relative == SiteIdentity.FileName => ContentKinds.Identity,
            "" => json["kind"]?.GetValue<string>() == "essay" ? ContentKinds.Essay : ContentKinds.Page,
            "commentary" => ContentKinds.Commentary,
            "timeline" => ContentKinds.Event,
            "sources" => ContentKinds.Source,
            "questions" => ContentKinds.Question,
            "glossary" => ContentKinds.Term,
            "corrections" => ContentKinds.Correction,
            "reading" => ContentKinds.Reading,
            _ => throw new InvalidOperationException($"no kind for {relative}"),
        };
        return (kind, json);
    }

    // As YAML 1.2's core schema reads it: an unquoted whole number is a number, everything else text.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } v } when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => null,
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };
}
