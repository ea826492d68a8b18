namespace EssaySite.Content;

/// <summary>
/// Characters that cannot be seen but change what is shown: the bidirectional embeddings, overrides and isolates
/// (U+202A–202E, U+2066–2069), which reorder the text after them (a title that reads one way and sorts or links
/// another), and the zero-width characters. The zero-width non-joiner is allowed between two letters, where Persian
/// and other scripts need it to write a word correctly.
/// </summary>
public static class InvisibleCharacters
{
    /// <summary>The front matter fields checked, in every kind that has them.</summary>
    public static readonly IReadOnlyList<string> CheckedFields = ["title", "author", "summary"];

    private const char ZeroWidthNonJoiner = '\u200C';

    /// <summary>The first such character in the text, named ("U+202E (right-to-left override)"), or null.</summary>
    public static string? Find(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Name(c) is not { } name)
            {
                continue;
            }

            if (c == ZeroWidthNonJoiner && i > 0 && i < text.Length - 1 && IsLetter(text[i - 1]) && IsLetter(text[i + 1]))
            {
                continue;
            }

            return $"U+{(int)c:X4} ({name})";
        }

        return null;
    }

    private static bool IsLetter(char c) => char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static string? Name(char c) => c switch
    {
        '\u200B' => "zero-width space",
        ZeroWidthNonJoiner => "zero-width non-joiner",
        '\u200D' => "zero-width joiner",
        '\u2060' => "word joiner",
        '\uFEFF' => "zero-width no-break space",
        '\u202A' => "left-to-right embedding",
        '\u202B' => "right-to-left embedding",
        '\u202C' => "pop directional formatting",
        '\u202D' => "left-to-right override",
        '\u202E' => "right-to-left override",
        '\u2066' => "left-to-right isolate",
        '\u2067' => "right-to-left isolate",
        '\u2068' => "first strong isolate",
        '\u2069' => "pop directional isolate",
        _ => null,
    };
}
