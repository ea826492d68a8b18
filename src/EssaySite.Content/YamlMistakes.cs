using System.Text.RegularExpressions;

namespace EssaySite.Content;

/// <summary>
/// What a YAML parser's error means in an editor's words: the parser reports where it gave up, often lines after the
/// mistake, and in terms of its own grammar.
/// </summary>
internal static partial class YamlMistakes
{
    /// <summary>
    /// The two YAML mistakes people make most, found where they are: a tab in the indentation, and a quote left
    /// open (the parser reads on to the next quote, which may be keys later, or to the end).
    /// </summary>
    public static (int Line, string Message)? Find(string yaml, int firstLine)
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

    /// <summary>A parser error on one line, explained: an unquoted colon is named as such, anything else in the parser's words.</summary>
    public static string Explain(string lineText, string parserMessage) => UnquotedColon().Match(lineText) is { Success: true } m
        ? $"the value of '{m.Groups[1].Value}' has a colon followed by a space, which YAML reads as the start of another key: put the {m.Groups[1].Value} in quotes, as {m.Groups[1].Value}: \"{m.Groups[2].Value.Trim().Replace("\"", "\\\"", StringComparison.Ordinal)}\""
        : $"front matter is not valid YAML: {FirstSentence(parserMessage)}";

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
}
