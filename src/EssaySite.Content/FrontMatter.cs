using System.Text.RegularExpressions;
using EssaySite.Content.Text;
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

    public bool Has(Field field) => _fields.ContainsKey(field.Name);

    /// <summary>The kind the file is read as, once <see cref="Use"/> has said.</summary>
    internal ContentKind? Kind { get; private set; }

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
        catch (Exception e) when (e is YamlException or InvalidOperationException && YamlMistakes.Find(yaml, firstLine) is { } mistake)
        {
            // The parser's position is where it gave up, often lines after the mistake, and its words are its own.
            problems.Add(path, mistake.Line, mistake.Message);
            return null;
        }
        catch (YamlException e)
        {
            var line = (int)e.Start.Line + firstLine - 1;
            var lineText = line - 1 < lines.Length ? lines[line - 1] : "";
            problems.Add(path, line, YamlMistakes.Explain(lineText, e.Message));
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
    /// Reads the file as this kind: every key the kind does not define is reported (with the nearest it does, for
    /// a typo such as 'titel'), and a field is required when the kind's definition says so.
    /// </summary>
    public void Use(ContentKind kind)
    {
        Kind = kind;
        foreach (var (key, node) in _fields)
        {
            if (!kind.Keys.Contains(key))
            {
                _problems.Add(Path, FileLine(node), $"unknown front matter key '{key}' in {kind.Title}{EditDistance.Hint(key, kind.Keys)}");
            }
        }
    }

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

    /// <summary>A problem on the line of a field (or line 1 when it is absent).</summary>
    internal void Report(Field field, string message) => _problems.Add(Path, LineOf(field), message);

    internal void Report(int line, string message) => _problems.Add(Path, line, message);

    // YAML lines count from 1 inside the YAML, which starts on file line _firstLine.
    private int FileLine(YamlNode node) => (int)node.Start.Line + _firstLine - 1;

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
