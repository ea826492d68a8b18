using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EssaySite.Content;

/// <summary>
/// A Markdown file split into its YAML front matter and its body. The YAML is read with YamlDotNet's
/// representation model rather than a deserializer so that every value keeps its line number for
/// <c>path:line: problem</c> messages.
/// </summary>
public sealed partial class FrontMatter
{
    private readonly Dictionary<string, YamlNode> _fields;
    private readonly ProblemList _problems;

    private ContentKind? _kind;

    // The file line the YAML's first line is on: 2 after a '---' line, 1 in a file of YAML alone.
    private readonly int _firstLine;

    private FrontMatter(string path, Dictionary<string, YamlNode> fields, ProblemList problems, int firstLine)
    {
        Path = path;
        _fields = fields;
        _problems = problems;
        _firstLine = firstLine;
    }

    public string Path { get; }

    /// <summary>The Markdown after the closing <c>---</c>.</summary>
    public string Body { get; private init; } = "";

    /// <summary>The 1-based file line on which <see cref="Body"/> starts.</summary>
    public int BodyLine { get; private init; } = 1;

    public bool Has(string key) => _fields.ContainsKey(key);

    /// <summary>A plain value without reporting anything, for a look before the file is read in full.</summary>
    public string? Peek(string key) => _fields.GetValueOrDefault(key) is YamlScalarNode { Value: { } v } ? v.Trim() : null;

    /// <summary>Splits and parses a file. Returns null (with a problem recorded) when the front matter is unreadable.</summary>
    public static FrontMatter? Parse(string path, string text, ProblemList problems)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            problems.Add(path, 1, "missing front matter: the file must start with a line '---'");
            return null;
        }

        var close = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
        if (close < 0)
        {
            problems.Add(path, 1, "front matter is not closed: add a line '---' after it");
            return null;
        }

        if (ReadYaml(path, string.Join('\n', lines[1..close]), lines, firstLine: 2, problems) is not { } fields)
        {
            return null;
        }

        return new FrontMatter(path, fields, problems, firstLine: 2)
        {
            Body = string.Join('\n', lines[(close + 1)..]),
            BodyLine = close + 2,
        };
    }

    /// <summary>A file of YAML alone (the site's <c>site.yml</c>), read like front matter. Null when it is unreadable.</summary>
    public static FrontMatter? ParseYaml(string path, string text, ProblemList problems)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return ReadYaml(path, string.Join('\n', lines), lines, firstLine: 1, problems) is { } fields
            ? new FrontMatter(path, fields, problems, firstLine: 1)
            : null;
    }

    private static Dictionary<string, YamlNode>? ReadYaml(string path, string yaml, string[] lines, int firstLine, ProblemList problems)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0)
            {
                if (stream.Documents[0].RootNode is not YamlMappingNode map)
                {
                    problems.Add(path, firstLine, "front matter must be a set of 'key: value' lines");
                    return null;
                }

                foreach (var (key, value) in map.Children)
                {
                    var name = ((YamlScalarNode)key).Value ?? "";
                    if (!fields.TryAdd(name, value))
                    {
                        problems.Add(path, (int)key.Start.Line + firstLine - 1, $"front matter key '{name}' appears twice");
                    }
                }
            }
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException && Mistake(yaml, firstLine) is { } mistake)
        {
            // The parser's position is where it gave up, often lines after the mistake, and its words are its own.
            problems.Add(path, mistake.Line, mistake.Message);
            return null;
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line + firstLine - 1;
            var lineText = line - 1 < lines.Length ? lines[line - 1] : "";
            problems.Add(path, line, UnquotedColon().Match(lineText) is { Success: true } m
                ? $"the value of '{m.Groups[1].Value}' has a colon followed by a space, which YAML reads as the start of another key: put the {m.Groups[1].Value} in quotes, as {m.Groups[1].Value}: \"{m.Groups[2].Value.Trim().Replace("\"", "\\\"", StringComparison.Ordinal)}\""
                : $"front matter is not valid YAML: {FirstSentence(e.Message)}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this for some unterminated values; it gives no position.
            problems.Add(path, firstLine, "front matter is not valid YAML (check for an unclosed quote or bracket)");
            return null;
        }

        return fields;
    }

    /// <summary>
    /// The two YAML mistakes people make most, found where they are: a tab in the indentation, and a quote left
    /// open (the parser reads on to the next quote, which may be keys later, or to the end).
    /// </summary>
    private static (int Line, string Message)? Mistake(string yaml, int firstLine)
    {
        var lines = yaml.Split('\n');
        var tab = Array.FindIndex(lines, l => TabIndent().IsMatch(l));
        if (tab >= 0)
        {
            return (tab + firstLine, $"line {tab + firstLine} is indented with a tab: use spaces");
        }

        var (quote, opened) = ('\0', 0);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (quote != '\0' && i > opened && LooksLikeKey().IsMatch(line))
            {
                break;
            }

            var valueStart = true;
            for (var j = 0; j < line.Length; j++)
            {
                var c = line[j];
                if (quote != '\0')
                {
                    if (quote == '"' && c == '\\')
                    {
                        j++;
                    }
                    else if (c == quote && quote == '\'' && j + 1 < line.Length && line[j + 1] == '\'')
                    {
                        j++;
                    }
                    else if (c == quote)
                    {
                        (quote, valueStart) = ('\0', false);
                    }
                }
                else if (c is '#' && (j == 0 || char.IsWhiteSpace(line[j - 1])))
                {
                    break;
                }
                else if (c is '"' or '\'' && valueStart)
                {
                    (quote, opened) = (c, i);
                }
                else if (!char.IsWhiteSpace(c))
                {
                    // A quote begins a value only at its start: after "key: ", "- ", "[", "{" or ",".
                    valueStart = c is '[' or '{' or ',' || (c is ':' or '-' && (j + 1 == line.Length || line[j + 1] == ' '));
                }
            }
        }

        return quote == '\0' ? null : (opened + firstLine, $"a quote opened on line {opened + firstLine} is not closed: add the closing {quote}");
    }

    /// <summary>The file line of a key, or 1 when it is absent.</summary>
    public int LineOf(string key) => _fields.TryGetValue(key, out var node) ? FileLine(node) : 1;

    public string? Text(string key, bool? required = null)
    {
        if (!TryGet(key, required ?? IsRequired(key), out var node))
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

    public int? Number(string key, bool? required = null)
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

    public PartialDate? Date(string key, bool? required = null) => Date(key, required, "YYYY, YYYY-MM or YYYY-MM-DD, for example 2020-01-03");

    private PartialDate? Date(string key, bool? required, string accepted)
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
    public DateOnly? Day(string key, bool? required = null)
    {
        var date = Date(key, required, "YYYY-MM-DD, for example 2020-01-03");
        if (date is { Precision: not DatePrecision.Day })
        {
            Problem(_fields[key], $"'{key}' must be a full date (YYYY-MM-DD), not '{date.Value.Iso}'");
            return null;
        }

        return date?.Start;
    }

    public string? Slug(string key, bool? required = null)
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
    public IReadOnlyList<(string Value, int Line)> List(string key) => List(key, "[first-id, second-id]");

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
    public IReadOnlyList<(int Value, int Line)> IntList(string key)
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
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Fields, int Line)> Records(string key, params string[] requiredFields)
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

    /// <summary>
    /// Reads the file as this kind: every key the kind does not define is reported (with the nearest it does, for
    /// a typo such as 'titel'), and a field is required when the kind's definition says so.
    /// </summary>
    public void Use(ContentKind kind)
    {
        _kind = kind;
        foreach (var (key, node) in _fields)
        {
            if (!kind.Keys.Contains(key))
            {
                _problems.Add(Path, FileLine(node), $"unknown front matter key '{key}' in {kind.Title}{EditDistance.Hint(key, kind.Keys)}");
            }
        }
    }

    // A key read with no kind in use, or one its kind does not define (which throws: the definition comes first).
    private bool IsRequired(string key) => _kind is { } kind && kind[key].Required;

    public static bool IsSlug(string text) => SlugPattern().IsMatch(text);

    private bool TryGet(string key, bool required, out YamlNode node)
    {
        if (_fields.TryGetValue(key, out node!))
        {
            if (node is YamlScalarNode { Value: null or "" } && !required)
            {
                return false;
            }

            return true;
        }

        if (required)
        {
            _problems.Add(Path, 1, $"missing front matter field '{key}'");
        }

        return false;
    }

    private void Problem(YamlNode node, string message) => _problems.Add(Path, FileLine(node), message);

    // YAML lines count from 1 inside the YAML, which starts on file line _firstLine.
    private int FileLine(YamlNode node) => (int)node.Start.Line + _firstLine - 1;

    private static string FirstSentence(string message)
    {
        var text = message.Replace(Environment.NewLine, " ", StringComparison.Ordinal);
        var cut = text.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? text[(cut + 3)..] : text;
    }

    // key: a value with ": " inside it, not in quotes, a list or a block: YAML's most common trap.
    [GeneratedRegex(@"^([A-Za-z_][\w-]*):\s+([^\s""'\[{|>&*!%@`#].*?:\s.*)$")]
    private static partial Regex UnquotedColon();

    [GeneratedRegex(@"^ *\t\s*\S")]
    private static partial Regex TabIndent();

    [GeneratedRegex(@"^\s*[A-Za-z_][\w-]*:(\s|$)")]
    private static partial Regex LooksLikeKey();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
