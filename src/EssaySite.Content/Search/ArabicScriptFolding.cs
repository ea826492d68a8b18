using System.Text;

namespace EssaySite.Content.Search;

/// <summary>
/// Persian and Arabic text folded to one spelling before it is split into words, so that a reader's keyboard does
/// not decide what search finds: Arabic ي ى and Persian ی are one letter, ك and ک, ة ۀ and ه; the hamza forms
/// أ إ آ ٱ are ا, ؤ is و, ئ is ی, and a hamza written above a letter is dropped; harakat, Quranic marks and tatweel
/// are dropped; Persian and Arabic digits are ASCII digits; and the zero-width non-joiner is a space, so
/// <c>می رود</c> finds <c>می‌رود</c> (the choice Lucene's PersianCharFilter makes). Text in other scripts passes
/// through unchanged. wwwroot/js/arabic-fold.js is the same function for the browser's search: keep the two alike.
/// </summary>
/// <remarks>
/// The table is Lucene's ArabicNormalizer and PersianNormalizer in one; Lucene.NET would bring a whole analysis
/// library (in beta) for these few letters, and the browser needs the same table written out anyway.
/// </remarks>
public static class ArabicScriptFolding
{
    /// <summary><paramref name="text"/> with its Arabic-script letters, marks and digits folded; the same string when it has none.</summary>
    public static string Fold(string text)
    {
        if (!NeedsFolding(text))
        {
            return text;
        }

        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Map(c) is { } mapped)
            {
                folded.Append(mapped);
            }
            else if (!IsDropped(c))
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    private static bool NeedsFolding(string text)
    {
        foreach (var c in text)
        {
            if (c is >= '\u0600' and <= '\u06FF' or '\u200C' or '\u200D' or '\u200E' or '\u200F')
            {
                return true;
            }
        }

        return false;
    }

    private static char? Map(char c) => c switch
    {
        '\u064A' or '\u0649' or '\u0626' => '\u06CC', // ي ى ئ → ی
        '\u0643' => '\u06A9',                         // ك → ک
        '\u0629' or '\u06C0' or '\u06C1' => '\u0647', // ة ۀ ہ → ه
        '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627', // أ إ آ ٱ → ا
        '\u0624' => '\u0648',                         // ؤ → و
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')), // Persian digits
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // Arabic-Indic digits
        '\u200C' => ' ',                              // zero-width non-joiner: a word break
        _ => null,
    };

    // Harakat and the hamza and alef written above or below (U+064B–U+065F, U+0670), Quranic marks (U+0610–U+061A,
    // U+06D6–U+06ED), tatweel (U+0640), and the joiner and direction marks that change no letter.
    private static bool IsDropped(char c) =>
        c is >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u0610' and <= '\u061A' or >= '\u06D6' and <= '\u06ED'
            or '\u0640' or '\u200D' or '\u200E' or '\u200F';
}
