namespace EssaySite.Content.Text;

/// <summary>
/// How far apart two words are (the Levenshtein distance: letters inserted, deleted or changed), for "did you
/// mean" hints on mistyped keys and ids, and for search's spelling suggestions.
/// </summary>
public static class EditDistance
{
    public static int Of(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>The nearest of the candidates, if it is at most a third of the word's letters away (at least two).</summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, word.Length / 3);
        return candidates
            .Select(c => (Candidate: c, Distance: Of(word, c)))
            .Where(x => x.Distance <= limit)
            .OrderBy(x => x.Distance)
            .ThenBy(x => x.Candidate, StringComparer.Ordinal)
            .Select(x => x.Candidate)
            .FirstOrDefault();
    }

    /// <summary>" (did you mean 'x'?)" for the nearest candidate, or nothing.</summary>
    public static string Hint(string word, IEnumerable<string> candidates) =>
        Nearest(word, candidates) is { } near ? $" (did you mean '{near}'?)" : "";
}
