using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AnyAscii;
using EssaySite.Content;

namespace EssaySite.Search;

/// <summary>
/// One thing a search can find: an essay paragraph, a guide entry or a page. <see cref="Keywords"/> are found
/// but never shown (a glossary term's other spellings); the excerpt comes from <see cref="Text"/>.
/// </summary>
public sealed record SearchDocument(string Url, string Title, string Kind, string Text, double Boost, string Keywords = "");

/// <summary>A query with its misspelt words replaced by the nearest words in the index, for "Did you mean …?".</summary>
public sealed record SearchSuggestion(string Query);

public sealed record SearchHit(SearchDocument Document, double Score, string SnippetHtml);

/// <summary>
/// An inverted index over the whole snapshot, built once with it. Words are folded (case, accents)
/// and the glossary's spelling variants are mapped to one form, so any spelling of a name finds the others.
/// </summary>
public sealed partial class SearchIndex
{
    public const int MaxQueryLength = 200;

    /// <summary>The kind of a glossary entry's document; the browser's search (search.js) reads its names from these too.</summary>
    public const string GlossaryKind = "Glossary";
    private const int MaxQueryWords = 16;
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly IReadOnlyList<SearchDocument> _documents;
    private readonly int[] _lengths;
    private readonly string[] _folded;
    private readonly FrozenDictionary<string, (int Doc, int Count)[]> _postings;
    private readonly FrozenDictionary<string, string> _variants;
    private readonly FrozenDictionary<string, string> _surface;
    private readonly (string Spelling, string Key, string Form)[] _glossarySpellings;
    private readonly double _averageLength;

    private SearchIndex(IReadOnlyList<SearchDocument> documents, FrozenDictionary<string, string> variants)
    {
        _documents = documents;
        _variants = variants;
        _lengths = new int[documents.Count];
        _folded = new string[documents.Count];
        var postings = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        var surface = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < documents.Count; i++)
        {
            var all = documents[i].Title + " " + documents[i].Keywords + " " + documents[i].Text;
            foreach (Match m in WordPattern().Matches(all))
            {
                // How a word is written in the text, for a suggestion; a variant's spelling is not its form's.
                var folded = Fold(m.Value);
                if (Canonical(folded) == folded)
                {
                    surface.TryAdd(folded, m.Value);
                }
            }

            var words = Words(all);
            _lengths[i] = words.Count;
            _folded[i] = " " + string.Join(' ', words) + " ";
            foreach (var group in words.GroupBy(w => w, StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(group.Key, out var list))
                {
                    postings[group.Key] = list = [];
                }

                list.Add((i, group.Count()));
            }
        }

        _postings = postings.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _surface = surface.ToFrozenDictionary(StringComparer.Ordinal);
        _glossarySpellings = [.. documents
            .Where(d => d.Kind == GlossaryKind)
            .SelectMany(d => WordPattern().Matches(d.Title + " " + d.Keywords).Select(m => Fold(m.Value)))
            .Where(w => w.Length >= 4)
            .Distinct(StringComparer.Ordinal)
            .Select(w => (w, SpellingKey(w), Canonical(w)))];
        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, _lengths.Average());
    }

    public int Count => _documents.Count;

    /// <summary>Everything the index finds, in the order it was built.</summary>
    public IReadOnlyList<SearchDocument> Documents => _documents;

    /// <summary>Folded spelling variants mapped to the one form the index stores (mohamed → muhammad, when the glossary lists both).</summary>
    public IReadOnlyDictionary<string, string> Variants => _variants;

    public static SearchIndex Build(ContentSnapshot site) => new(site.SearchDocuments, site.SearchVariants);

    /// <summary>
    /// What the index finds, in order, without the postings: all the browser's index needs (<c>/search-index.json</c>),
    /// so making that file does not build the server's index. Read through <see cref="ContentSnapshot.SearchDocuments"/>,
    /// which makes them once.
    /// </summary>
    internal static IReadOnlyList<SearchDocument> DocumentsOf(ContentSnapshot site)
    {
        var docs = new List<SearchDocument>();
        foreach (var p in site.Essay.Paragraphs)
        {
            docs.Add(new SearchDocument($"/essay#{p.Id}", $"Essay, paragraph {p.Number}", "Essay", p.Text, 1.2));
        }

        docs.AddRange(site.Events.Select(e => new SearchDocument($"/timeline#{e.Id}", e.Title, $"Timeline, {e.Date.Display}", e.Text, 1.0)));
        docs.AddRange(site.Sources.Select(s => new SearchDocument($"/sources#{s.Id}", s.Title ?? s.Id, "Source", s.Text, 0.8)));
        docs.AddRange(site.Questions.Select(q => new SearchDocument($"/questions#{q.Id}", $"Question {q.Number}", "Discussion question", q.Text, 1.0)));
        docs.AddRange(site.Terms.Select(t => new SearchDocument($"/glossary#{t.Id}", t.Term, GlossaryKind, t.Text, 1.0, string.Join(' ', t.Variants))));
        docs.AddRange(site.Pages.Values
            .Where(p => p.Kind is PageKind.Guide or PageKind.About)
            .OrderBy(p => p.Slug, StringComparer.Ordinal)
            .Select(p => new SearchDocument(p.Url, p.Title, "Guide", p.Summary + " " + p.Text, 0.9)));
        docs.AddRange(site.Commentary.Select(c => new SearchDocument(c.Url, c.Title, "Commentary", c.Summary + " " + c.Text, 1.0)));
        return docs;
    }

    /// <summary>
    /// The glossary's spelling variants, folded, each mapped to the one form the index stores. Read through
    /// <see cref="ContentSnapshot.SearchVariants"/>, which makes them once.
    /// </summary>
    internal static FrozenDictionary<string, string> VariantsOf(ContentSnapshot site) => VariantMap(site.Terms);

    /// <summary>
    /// Ranked hits: documents with more of the query's words first, then by BM25, with a bonus for the exact phrase.
    /// A phrase in quotes (<see cref="QuotedPhrases"/>) must be in a document as written, word after word.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string? query, int limit = 30)
    {
        var words = QueryWords(query);
        if (words.Count == 0)
        {
            return [];
        }

        var quoted = QuotedPhrases(query);

        var scores = new Dictionary<int, (double Score, int Matched)>();
        foreach (var word in words.Distinct(StringComparer.Ordinal))
        {
            if (!_postings.TryGetValue(word, out var postings))
            {
                continue;
            }

            var idf = Math.Log(1 + ((_documents.Count - postings.Length + 0.5) / (postings.Length + 0.5)));
            foreach (var (doc, count) in postings)
            {
                var tf = count * (K1 + 1) / (count + (K1 * (1 - B + (B * _lengths[doc] / _averageLength))));
                var (score, matched) = scores.GetValueOrDefault(doc);
                scores[doc] = (score + (idf * tf), matched + 1);
            }
        }

        var phrase = words.Count > 1 ? " " + string.Join(' ', words) + " " : null;
        return [.. scores
            .Where(kv => quoted.All(q => _folded[kv.Key].Contains(q, StringComparison.Ordinal)))
            .Select(kv =>
            {
                var bonus = phrase is not null && _folded[kv.Key].Contains(phrase, StringComparison.Ordinal) ? 2.0 : 1.0;
                return (Doc: kv.Key, kv.Value.Matched, Score: kv.Value.Score * bonus * _documents[kv.Key].Boost);
            })
            .OrderByDescending(x => x.Matched)
            .ThenByDescending(x => x.Score)
            .ThenBy(x => x.Doc)
            .Take(limit)
            .Select(x => new SearchHit(_documents[x.Doc], x.Score, Snippet(_documents[x.Doc].Text, words)))];
    }

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
    /// The query's words as the index stores them; over-long queries are cut, never rejected. A word the index does
    /// not hold that is a misspelling of a glossary name (<see cref="Forgiven"/>) is searched as that name.
    /// </summary>
    public IReadOnlyList<string> QueryWords(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }

        var text = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        return [.. Words(text).Take(MaxQueryWords).Select(w => _postings.ContainsKey(w) ? w : Forgiven(w) ?? w)];
    }

    /// <summary>
    /// Each phrase the query puts in quotes, straight or curly (a phone's keyboard types “ ”), as the index's words
    /// with a space either side, the way <see cref="_folded"/> holds a document. A quote left open quotes nothing.
    /// search.js reads quotes the same way; keep the two alike.
    /// </summary>
    private List<string> QuotedPhrases(string? query)
    {
        var text = query!.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        return [.. QuotedPattern().Matches(text)
            .Select(m => QueryWords(m.Groups[1].Value))
            .Where(words => words.Count > 0)
            .Select(words => " " + string.Join(' ', words) + " ")];
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

    private List<string> Words(string text)
    {
        var words = new List<string>();
        foreach (var match in WordPattern().EnumerateMatches(text))
        {
            var word = Canonical(Fold(text.AsSpan(match.Index, match.Length)));
            // A lone combining mark is a match of its own and folds to nothing.
            if (word.Length > 1 || (word.Length == 1 && char.IsDigit(word[0])))
            {
                words.Add(word);
            }
        }

        return words;
    }

    private string Canonical(string folded) => _variants.GetValueOrDefault(folded, folded);

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
    private static FrozenDictionary<string, string> VariantMap(IEnumerable<GlossaryTerm> terms)
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

    private string Snippet(string text, IReadOnlyList<string> queryWords, int length = 240)
    {
        var wanted = queryWords.ToHashSet(StringComparer.Ordinal);
        var matches = WordPattern().Matches(text);
        var first = matches.FirstOrDefault(m => wanted.Contains(Canonical(Fold(m.Value))));
        var start = first is null ? 0 : Math.Max(0, first.Index - 60);
        if (start > 0)
        {
            var space = text.IndexOf(' ', start);
            start = space >= 0 && space < first!.Index ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + length);
        var html = new StringBuilder();
        if (start > 0)
        {
            html.Append('…');
        }

        var cursor = start;
        foreach (Match m in matches)
        {
            if (m.Index < start || m.Index + m.Length > end || !wanted.Contains(Canonical(Fold(m.Value))))
            {
                continue;
            }

            html.Append(WebUtility.HtmlEncode(text[cursor..m.Index]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(m.Value)).Append("</mark>");
            cursor = m.Index + m.Length;
        }

        html.Append(WebUtility.HtmlEncode(text[cursor..end]));
        if (end < text.Length)
        {
            html.Append('…');
        }

        return html.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}\p{Mn}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"[""“”]([^""“”]*)[""“”]")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"(.)\1+")]
    private static partial Regex DoubledLetter();
}
