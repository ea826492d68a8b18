using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EssaySite.Content;

/// <summary>
/// A JSON Schema (2020-12) for each content kind's front matter, made from <see cref="ContentKinds"/>: known keys
/// only, the required ones required, closed lists as enums, dates as <c>format: date</c>. An editor with a YAML
/// language server can check a file against them as it is typed; <c>check</c> stays the judge (it also follows
/// references between files, which a schema cannot). Also the field tables of CONTRIBUTING.md.
/// <c>dotnet run --project src/EssaySite -- schemas docs/schemas</c> writes the schema files.
/// </summary>
public static class ContentSchemas
{
    public const string Draft = "https://json-schema.org/draft/2020-12/schema";

    private const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";
    private const string PartialDatePattern = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";

    /// <summary>The file name of a kind's schema: <c>event.schema.json</c>.</summary>
    public static string FileName(ContentKind kind) => $"{kind.Id}.schema.json";

    public static JsonObject For(ContentKind kind)
    {
        var properties = new JsonObject();
        foreach (var field in kind.Fields)
        {
            var schema = Schema(field);
            schema["description"] = field.Description;
            properties[field.Name] = schema;
        }

        return new JsonObject
        {
            ["$schema"] = Draft,
            ["$id"] = $"https://essaysite.invalid/schemas/{FileName(kind)}",
            ["title"] = $"Front matter of {kind.Title} ({kind.Where})",
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. kind.Fields.Where(f => f.Required).Select(f => JsonValue.Create(f.Name))]),
            ["additionalProperties"] = false,
        };
    }

    /// <summary>The schema as the committed file holds it: indented, with a final newline.</summary>
    public static string Text(ContentKind kind) =>
        For(kind).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    /// <summary>Writes every kind's schema into the folder; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var kind in ContentKinds.All)
        {
            var path = Path.Combine(folder, FileName(kind));
            File.WriteAllText(path, Text(kind), new UTF8Encoding(false));
            written.Add(path);
        }

        return written;
    }

    /// <summary>The Markdown table of a kind's fields, as CONTRIBUTING.md shows it.</summary>
    public static string Table(ContentKind kind)
    {
        var table = new StringBuilder();
        table.Append("| field | required | what it holds |\n|---|---|---|\n");
        foreach (var field in kind.Fields)
        {
            var allowed = field.Allowed is { } values ? $" ({string.Join(", ", values)})" : "";
            table.Append($"| `{field.Name}` | {(field.Required ? "yes" : "no")} | {Describe(field.Type)}: {field.Description}{allowed} |\n");
        }

        return table.ToString();
    }

    private static string Describe(FieldType type) => type switch
    {
        FieldType.Text => "text",
        FieldType.Slug => "slug",
        FieldType.WholeNumber => "whole number",
        FieldType.Day => "date YYYY-MM-DD",
        FieldType.PartialDate => "date YYYY, YYYY-MM or YYYY-MM-DD",
        FieldType.WebAddress => "http(s) address",
        FieldType.Paragraphs => "list of paragraph numbers",
        FieldType.Ids => "list of ids",
        FieldType.TextList => "list",
        FieldType.Sections => "list of {id, title}",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static JsonObject Schema(Field field)
    {
        var schema = field.Type switch
        {
            FieldType.Text => new JsonObject { ["type"] = "string", ["minLength"] = 1 },
            FieldType.Slug => new JsonObject { ["type"] = "string", ["pattern"] = SlugPattern },
            FieldType.WholeNumber => new JsonObject { ["type"] = "integer" },
            FieldType.Day => new JsonObject { ["type"] = "string", ["format"] = "date" },
            // YAML reads an unquoted year (2019) as a number.
            FieldType.PartialDate => new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "integer", ["minimum"] = 1000, ["maximum"] = 9999 },
                    new JsonObject { ["type"] = "string", ["pattern"] = PartialDatePattern }),
            },
            FieldType.WebAddress => new JsonObject { ["type"] = "string", ["format"] = "uri", ["pattern"] = "^https?://" },
            FieldType.Paragraphs => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 } },
            FieldType.Ids => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = SlugPattern } },
            FieldType.TextList => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 } },
            FieldType.Sections => new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = SlugPattern },
                        ["title"] = new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                    },
                    ["required"] = new JsonArray("id", "title"),
                    ["additionalProperties"] = false,
                },
            },
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
        if (field.Allowed is { } allowed)
        {
            var values = new JsonArray([.. allowed.Select(a => JsonValue.Create(a))]);
            if (schema["items"] is JsonObject items)
            {
                items["enum"] = values;
            }
            else
            {
                schema["enum"] = values;
            }
        }

        // A required list needs at least one item.
        if (field.Required && schema["type"]?.GetValue<string>() == "array")
        {
            schema["minItems"] = 1;
        }

        if (field.RefersTo is { } kind)
        {
            schema["$comment"] = $"ids of {kind} files; check reports one that does not exist";
        }

        return schema;
    }
}
