using System.Collections.Frozen;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AnyAscii;
using EssaySite.Content.Text;

namespace EssaySite.Content.Search;

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

    /// <summary>The index over these documents, with the spelling variants (<see cref="VariantsOf"/>) mapped to one form.</summary>
    public static SearchIndex Build(IReadOnlyList<SearchDocument> documents, FrozenDictionary<string, string> variants) => new(documents, variants);

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

}
