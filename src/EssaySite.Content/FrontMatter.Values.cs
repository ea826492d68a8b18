using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace EssaySite.Content;

// Reading one value of a known type, each fault a problem on the value's line; the typed fields (Field<T>) read through these.
public sealed partial class FrontMatter
{
    /// <summary>The file line of a key, or 1 when it is absent.</summary>
    public int LineOf(Field field) => LineOf(field.Name);

    /// <summary>The file line of a key by its name, for a check across kinds (see <see cref="InvisibleCharacters"/>).</summary>
    internal int LineOf(string key) => _fields.TryGetValue(key, out var node) ? FileLine(node) : 1;

    internal string? Text(string key, bool required = false)
    {
        if (!TryGet(key, required, out var node))
        {
            return null;
        }

        if (node is not YamlScalarNode scalar || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Problem(node, $"'{key}' must be non-empty text");
            return null;
        }

        return scalar.Value.Trim();
    }

    internal int? Number(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            Problem(_fields[key], $"'{key}' must be a whole number, not '{text}'");
            return null;
        }

        return value;
    }

    internal PartialDate? Date(string key, bool required = false) => Date(key, required, "YYYY, YYYY-MM or YYYY-MM-DD, for example 2020-01-03");

    private PartialDate? Date(string key, bool required, string accepted)
    {
        var text = Text(key, required);
        if (text is null)
        {
            return null;
        }

        if (!PartialDate.TryParse(text, out var date))
        {
            Problem(_fields[key], $"'{key}' is not a valid date: '{text}' (use {accepted})");
            return null;
        }

        return date;
    }

    /// <summary>A full calendar date (YYYY-MM-DD).</summary>
    internal DateOnly? Day(string key, bool required = false)
    {
        var date = Date(key, required, "YYYY-MM-DD, for example 2020-01-03");
        if (date is { Precision: not DatePrecision.Day })
        {
            Problem(_fields[key], $"'{key}' must be a full date (YYYY-MM-DD), not '{date.Value.Iso}'");
            return null;
        }

        return date?.Start;
    }

    internal string? Slug(string key, bool required = false)
    {
        var text = Text(key, required);
        if (text is not null && !IsSlug(text))
        {
            Problem(_fields[key], $"'{key}' must be lowercase letters, digits and hyphens, not '{text}'");
            return null;
        }

        return text;
    }

    /// <summary>A list of items, each with its file line. A missing key is an empty list.</summary>
    internal IReadOnlyList<(string Value, int Line)> List(string key) => List(key, "[first-id, second-id]");

    private List<(string Value, int Line)> List(string key, string example)
    {
        if (!TryGet(key, required: false, out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            Problem(node, $"'{key}' must be a list, for example {key}: {example}");
            return [];
        }

        var items = new List<(string, int)>();
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } v })
            {
                items.Add((v.Trim(), FileLine(item)));
            }
            else
            {
                Problem(item, $"'{key}' must hold only plain values");
            }
        }

        return items;
    }

    /// <summary>A list of paragraph numbers (essay paragraphs p1 … pN).</summary>
    internal IReadOnlyList<(int Value, int Line)> IntList(string key)
    {
        var result = new List<(int, int)>();
        foreach (var (value, line) in List(key, "[17, 18]"))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                result.Add((n, line));
            }
            else
            {
                _problems.Add(Path, line, $"'{key}' must list whole numbers, for example {key}: [17, 18], not '{value}'");
            }
        }

        return result;
    }

    /// <summary>A list of mappings such as <c>sections: [{id: a, title: b}]</c>.</summary>
    internal IReadOnlyList<(IReadOnlyDictionary<string, string> Fields, int Line)> Records(string key, params string[] requiredFields)
    {
        if (!TryGet(key, required: false, out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode seq)
        {
            Problem(node, $"'{key}' must be a list");
            return [];
        }

        var result = new List<(IReadOnlyDictionary<string, string>, int)>();
        foreach (var item in seq.Children)
        {
            if (item is not YamlMappingNode map)
            {
                Problem(item, $"each item of '{key}' must have {string.Join(" and ", requiredFields)}");
                continue;
            }

            var fields = map.Children
                .Where(kv => kv.Key is YamlScalarNode && kv.Value is YamlScalarNode)
                .ToDictionary(kv => ((YamlScalarNode)kv.Key).Value ?? "", kv => ((YamlScalarNode)kv.Value).Value ?? "", StringComparer.Ordinal);
            var missing = requiredFields.Where(f => !fields.TryGetValue(f, out var v) || string.IsNullOrWhiteSpace(v)).ToList();
            if (missing.Count > 0)
            {
                Problem(item, $"an item of '{key}' is missing {string.Join(", ", missing)}");
                continue;
            }

            result.Add((fields, FileLine(item)));
        }

        return result;
    }
}
