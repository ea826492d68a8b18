using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AnyAscii;
using EssaySite.Content.Text;

namespace EssaySite.Content.Search;

// Spelling: folding words to one form, the glossary's variants, and the near misses a search forgives or suggests.
public sealed partial class SearchIndex
{
    /// <summary>
    /// The query with each word the index does not hold (of four letters or more) replaced by the nearest word it
    /// does hold, a few letters apart (<see cref="IsRespelling"/>): "Jeferson" → "Jefferson". Null when every word
    /// is known or none has a near neighbour. The nearest wins; among equals, the word in more documents.
    /// </summary>
    public SearchSuggestion? Suggest(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var text = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        var changed = false;
        var result = WordPattern().Replace(text, m =>
        {
            var word = Canonical(Fold(m.Value));
            if (word.Length < 4 || _postings.ContainsKey(word) || (Forgiven(word) ?? Nearest(word)) is not { } near)
            {
                return m.Value;
            }

            changed = true;
            return _surface.GetValueOrDefault(near, near);
        });
        return changed ? new SearchSuggestion(result) : null;
    }

    private string? Nearest(string word)
    {
        string? best = null;
        var (bestDistance, bestCount) = (int.MaxValue, 0);
        foreach (var (candidate, postings) in _postings)
        {
            if (Math.Abs(candidate.Length - word.Length) > 2 || candidate.Length < 4)
            {
                continue;
            }

            var distance = EditDistance.Of(word, candidate);
            if (distance > Limit(word, candidate))
            {
                continue;
            }

            if (distance < bestDistance || (distance == bestDistance && (postings.Length > bestCount || (postings.Length == bestCount && string.CompareOrdinal(candidate, best) < 0))))
            {
                (best, bestDistance, bestCount) = (candidate, distance, postings.Length);
            }
        }

        return best;
    }

    /// <summary>
    /// The index's form of the glossary name or variant a word misspells, or null: one within two edits (one where
    /// either word has four letters), either as typed or once the usual transliteration swaps are undone (<see cref="SpellingKey"/>),
    /// so "Mosadeq" is Mossadegh. The nearest wins; among equals, the first in the glossary.
    /// </summary>
    private string? Forgiven(string word)
    {
        if (word.Length < 4)
        {
            return null;
        }

        var key = SpellingKey(word);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (spelling, spellingKey, form) in _glossarySpellings)
        {
            // One edit where either word has four letters: two would make "plugh" a misspelling of "plan".
            var limit = Math.Min(word.Length, spelling.Length) <= 4 ? 1 : 2;
            var distance = Math.Min(EditDistance.Of(word, spelling), EditDistance.Of(key, spellingKey));
            if (distance <= limit && distance < bestDistance)
            {
                (best, bestDistance) = (form, distance);
            }
        }

        return best;
    }

    /// <summary>
    /// A folded word with the differences between transliterations of one name taken out: q, k and gh are one
    /// sound, so are ou, u and o, and ei, ey and ay, and a doubled letter is one (Mosaddeq, Mossadegh → musadek).
    /// search.js has the same function; keep the two alike.
    /// </summary>
    internal static string SpellingKey(string folded) =>
        DoubledLetter().Replace(
            folded.Replace("gh", "k", StringComparison.Ordinal).Replace('q', 'k')
                .Replace("ou", "u", StringComparison.Ordinal).Replace('o', 'u')
                .Replace("ey", "ei", StringComparison.Ordinal).Replace("ay", "ei", StringComparison.Ordinal),
            "$1");

    /// <summary>
    /// Lower case without accents: Mosaddeq and Mosaddéq, Hurriyet and Hürriyet are one word. The site runs
    /// without ICU (invariant globalization), where <see cref="string.Normalize()"/> cannot take a letter and its
    /// accent apart, so AnyAscii spells each letter outside ASCII in ASCII (é → e, ü → u, ß → ss). A combining
    /// mark typed apart from its letter is dropped.
    /// </summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var rune in word.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                folded.Append(char.ToLowerInvariant((char)rune.Value));
            }
            else if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(rune.ToString().Transliterate().ToLowerInvariant());
            }
        }

        return folded.ToString();
    }

    // Each glossary term's one-word spellings map to its first one (two-letter ones such as "IS" are left
    // out: they are ordinary words too). A multi-word spelling maps word by word onto the term's own name
    // when both have the same number of words, and only where the two words are spellings of one word
    // (Mohamed → Muhammad), not different words (a general's title is not his first name).
    public static FrozenDictionary<string, string> VariantsOf(IEnumerable<(string Term, IReadOnlyList<string> Variants)> terms)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var name = SplitFolded(term.Term);
            var single = term.Variants.Select(SplitFolded).Where(v => v.Length == 1 && v[0].Length > 2).Select(v => v[0]).ToList();
            if (single.Count > 0)
            {
                var canonical = name.Length == 1 ? name[0] : single[0];
                foreach (var v in single)
                {
                    map.TryAdd(v, canonical);
                }
            }

            foreach (var variant in term.Variants.Select(SplitFolded).Where(v => v.Length == name.Length && v.Length > 1))
            {
                for (var i = 0; i < name.Length; i++)
                {
                    if (variant[i] != name[i] && IsRespelling(variant[i], name[i]))
                    {
                        map.TryAdd(variant[i], map.GetValueOrDefault(name[i], name[i]));
                    }
                }
            }
        }

        foreach (var key in map.Keys.ToList())
        {
            // Resolve one level of chaining so every spelling lands on the same final form.
            if (map.TryGetValue(map[key], out var final) && final != key)
            {
                map[key] = final;
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Two words a few letters apart: at most one edit in three letters (Levenshtein distance).</summary>
    internal static bool IsRespelling(string a, string b) =>
        Math.Abs(a.Length - b.Length) <= Limit(a, b) && EditDistance.Of(a, b) <= Limit(a, b);

    private static int Limit(string a, string b) => Math.Max(1, Math.Min(a.Length, b.Length) / 3);

    private static string[] SplitFolded(string text) =>
        [.. WordPattern().Matches(text).Select(m => Fold(m.Value))];

    [GeneratedRegex(@"(.)\1+")]
    private static partial Regex DoubledLetter();
}
