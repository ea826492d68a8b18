using System.Text.RegularExpressions;
using EssaySite.Content;

namespace EssaySite.Teaching;

/// <summary>
/// Length, reading time and Flesch–Kincaid grade of a text, counted the way a teacher would check by hand:
/// words are runs separated by white space, sentences end at . ! or ? (and at a paragraph's end), and
/// syllables are groups of vowels, less a silent final e.
/// </summary>
public sealed partial record ReadingFacts(int Words, int Sentences, int Syllables)
{
    /// <summary>Silent-reading speed used for the estimate (adult non-fiction, words a minute).</summary>
    public const int WordsPerMinute = 230;

    public int Minutes => Words == 0 ? 0 : (int)Math.Ceiling(Words / (double)WordsPerMinute);

    /// <summary>"about 1 minute", "about 7 minutes".</summary>
    public string ReadingTime => "about " + Counting.Of(Minutes, "minute", "minutes");

    /// <summary>0.39 (words/sentences) + 11.8 (syllables/words) − 15.59, in decimal so a hand-worked −1.45 rounds as on paper.</summary>
    public decimal Grade => Words == 0 || Sentences == 0
        ? 0
        : (0.39m * Words / Sentences) + (11.8m * Syllables / Words) - 15.59m;

    /// <summary>The grade as shown to readers: one decimal place.</summary>
    public string GradeDisplay => Math.Round(Grade, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    public static ReadingFacts Measure(IEnumerable<string> paragraphs)
    {
        int words = 0, sentences = 0, syllables = 0;
        foreach (var paragraph in paragraphs)
        {
            var tokens = paragraph.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0)
            {
                continue;
            }

            words += tokens.Length;
            syllables += tokens.Sum(CountSyllables);
            // A paragraph's end closes a sentence even without a full stop (a heading, a slogan).
            sentences += Math.Max(1, SentenceEnd().Count(paragraph) + (SentenceEndAtEnd().IsMatch(paragraph) ? 0 : 1));
        }

        return new ReadingFacts(words, sentences, syllables);
    }

    /// <summary>Vowel groups (y counts as a vowel after the first letter), less a silent final e; at least one.</summary>
    public static int CountSyllables(string word)
    {
        var letters = new string([.. word.ToLowerInvariant().Where(char.IsAsciiLetter)]);
        if (letters.Length == 0)
        {
            return 0;
        }

        var count = 0;
        var inVowel = false;
        for (var i = 0; i < letters.Length; i++)
        {
            var vowel = letters[i] is 'a' or 'e' or 'i' or 'o' or 'u' || (letters[i] == 'y' && i > 0);
            if (vowel && !inVowel)
            {
                count++;
            }

            inVowel = vowel;
        }

        // "cake", "make": the final e is silent; "table", "the", "free" keep it.
        if (letters.Length > 2 && letters[^1] == 'e' && !IsVowel(letters[^2]) && !letters.EndsWith("le", StringComparison.Ordinal))
        {
            count--;
        }

        return Math.Max(1, count);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    // Terminators and closing quotes, then the end or a capital (so "U.S. forces" is one sentence), but not
    // after an initial or a title ("U.S. Army", "George H. W. Bush", "Gen. Milley").
    [GeneratedRegex(@"(?<!\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col|Sgt|Sen|Rep|Gov|Pres|No|vs))[.!?]+[”’""')\]]*(?=\s+[“‘""'(\[]?[A-Z0-9]|\s*$)")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"[.!?]+[”’""')\]]*\s*$")]
    private static partial Regex SentenceEndAtEnd();
}
