using System.Collections.Frozen;
using System.Globalization;

namespace EssaySite.Content;

/// <summary>
/// The direction a language is written in, for <c>&lt;html dir&gt;</c>: <c>rtl</c> for Persian, Arabic, Hebrew, Urdu,
/// Pashto and the other languages whose usual script runs right to left, <c>ltr</c> for every other tag, a malformed or
/// unknown one included (a page laid out left to right is readable; a wrong guess the other way is not).
/// </summary>
public static class TextDirection
{
    public const string LeftToRight = "ltr";

    public const string RightToLeft = "rtl";

    // Scripts (ISO 15924) written right to left: a script subtag decides, so az-Arab is rtl and ku-Latn is ltr.
    private static readonly FrozenSet<string> RightToLeftScripts = new[]
    {
        "Adlm", "Arab", "Aran", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa", "Yezi",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // Languages whose default script (CLDR's likely subtags) runs right to left. The site runs with
    // InvariantGlobalization (Directory.Build.props), where CultureInfo knows no culture but the invariant one and
    // TextInfo.IsRightToLeft cannot answer, so this list answers then; with ICU loaded the framework is asked first.
    private static readonly FrozenSet<string> RightToLeftLanguages = new[]
    {
        "ar", "arc", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "ks", "lrc", "mzn", "nqo", "ps", "prs", "sd", "syr",
        "ug", "ur", "yi",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary><see cref="RightToLeft"/> or <see cref="LeftToRight"/> for a BCP 47 tag such as <c>fa</c>, <c>ar-EG</c> or <c>en-GB</c>.</summary>
    public static string Of(string? languageTag) => IsRightToLeft(languageTag) ? RightToLeft : LeftToRight;

    public static bool IsRightToLeft(string? languageTag)
    {
        var subtags = (languageTag ?? "").Trim().Replace('_', '-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (subtags.Length == 0)
        {
            return false;
        }

        // The script subtag, when there is one, is the four-letter subtag right after the language.
        if (subtags.Length > 1 && subtags[1].Length == 4 && subtags[1].All(char.IsAsciiLetter))
        {
            return RightToLeftScripts.Contains(subtags[1]);
        }

        return FromFramework(subtags[0]) ?? RightToLeftLanguages.Contains(subtags[0]);
    }

    private static bool? FromFramework(string language)
    {
        // Under InvariantGlobalization no culture is predefined, so this throws and the list answers.
        try
        {
            return CultureInfo.GetCultureInfo(language, predefinedOnly: true).TextInfo.IsRightToLeft;
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
