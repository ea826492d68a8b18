using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace EssaySite.Content;

/// <summary>
/// Splits a paragraph's text into sentences, so each can have an address that depends on the words alone.
/// A sentence ends after . ? or ! (and any closing quotes or brackets) when white space and then a capital
/// letter or an opening quote or bracket follow. A full stop after an initial ("Mark A. Milley"), a dotted
/// abbreviation ("U.S.", "e.g.") or a title ("Dr.", "St.", "Gen.") does not end one; "etc." may.
/// In Persian, Arabic and Urdu the question mark is ؟ and Urdu's full stop is ۔; their scripts have no capitals,
/// so there any letter after the white space starts the next sentence.
/// </summary>
public static partial class Sentences
{
    private const string Closers = "”’\"')]»";
    private const string Openers = "“‘\"'([«";

    // The Arabic question mark (U+061F) and full stop (U+06D4) beside the Latin marks.
    private const string Stops = ".?!؟۔";

    // Words that are followed by a full stop and then, nearly always, a capitalised name or number.
    private static readonly FrozenSet<string> Titles = new[]
    {
        "mr", "mrs", "ms", "mx", "dr", "st", "mt", "ft", "gen", "col", "maj", "capt", "cmdr", "lt", "sgt", "adm",
        "sen", "rep", "gov", "pres", "prof", "rev", "hon", "vs", "cf", "fig", "vol", "ch", "pp",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each sentence of <paramref name="text"/> as a start and an end (exclusive), without the white space between.</summary>
    public static IReadOnlyList<(int Start, int End)> Split(string text)
    {
        var result = new List<(int, int)>();
        var start = SkipSpace(text, 0);
        for (var i = start; i < text.Length; i++)
        {
            if (!Stops.Contains(text[i]))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && Closers.Contains(text[end]))
            {
                end++;
            }

            var next = SkipSpace(text, end);
            if (next == end || next >= text.Length || !(StartsSentence(text[next]) || Openers.Contains(text[next])))
            {
                continue;
            }

            if (text[i] == '.' && IsAbbreviation(text, i))
            {
                continue;
            }

            result.Add((start, end));
            start = next;
            i = next - 1;
        }

        var last = text.Length;
        while (last > start && char.IsWhiteSpace(text[last - 1]))
        {
            last--;
        }

        if (last > start)
        {
            result.Add((start, last));
        }

        return result;
    }

    /// <summary>The sentences themselves.</summary>
    public static IEnumerable<string> Of(string text) => Split(text).Select(s => text[s.Start..s.End]);

    // A capital, or a letter of a script without case (Arabic, Hebrew …), where any letter may begin a sentence.
    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.OtherLetter;

    private static bool IsAbbreviation(string text, int stop)
    {
        var from = stop;
        while (from > 0 && (char.IsLetter(text[from - 1]) || text[from - 1] == '.'))
        {
            from--;
        }

        var word = text[from..stop];
        return (word.Length == 1 && char.IsUpper(word[0])) || Dotted().IsMatch(word) || Titles.Contains(word);
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    // "U.S", "e.g", "D.C": letters each followed by a full stop, the last one's stop being the one looked at.
    [GeneratedRegex(@"^(\p{L}\.)+\p{L}$")]
    private static partial Regex Dotted();
}
