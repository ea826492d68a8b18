using EssaySite.Content;
using EssaySite.Content.Search;
using EssaySite.Hosting;
using EssaySite.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EssaySite.Pages;

public sealed class SearchModel(ContentSnapshot snapshot, IOptions<SiteOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The query as echoed back: cut to the length the index reads. Razor encodes it.</summary>
    public string Shown => Query is null ? "" : Truncated ? Query[..SearchIndex.MaxQueryLength] : Query;

    public bool Truncated => Query?.Length > SearchIndex.MaxQueryLength;

    /// <summary>
    /// Rendering for a static host, which serves this one page whatever the query: the browser reads
    /// the query and searches (wwwroot/js/search.js), so the server shows no results of its own.
    /// </summary>
    public bool InBrowser => options.Value.StaticExport;

    /// <summary>A name the glossary spells several ways (the person with the most), shown as an example of what search forgives.</summary>
    public IReadOnlyList<string> Spellings { get; } = snapshot.Terms.Where(t => t.Category == "person").MaxBy(t => t.Variants.Count) is { } term
        ? [term.Term, .. term.Variants.Take(2)]
        : [];

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    /// <summary>The query with misspelt words corrected, offered as "Did you mean …?", or null.</summary>
    public SearchSuggestion? Suggestion { get; private set; }

    /// <summary>True when the query found nothing and <see cref="Hits"/> are those of <see cref="Suggestion"/> instead.</summary>
    public bool ShowingSuggestion { get; private set; }

    public void OnGet()
    {
        if (InBrowser)
        {
            return;
        }

        var index = snapshot.Search;
        Hits = index.Search(Query);
        Suggestion = index.Suggest(Query);
        if (Hits.Count == 0 && Suggestion is not null)
        {
            // A reader who mistyped a word wants what the right word finds, not one more click (issue 26).
            Hits = index.Search(Suggestion.Query);
            ShowingSuggestion = Hits.Count > 0;
        }
    }
}
