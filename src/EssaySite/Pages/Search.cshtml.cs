using EssaySite.Content;
using EssaySite.Search;
using EssaySite.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace EssaySite.Pages;

public sealed class SearchModel(ContentSnapshot site, IOptions<SiteOptions> options) : PageModel
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

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    /// <summary>The query with misspelt words corrected, offered as "Did you mean …?", or null.</summary>
    public SearchSuggestion? Suggestion { get; private set; }

    public void OnGet()
    {
        if (InBrowser)
        {
            return;
        }

        var index = site.Search;
        Hits = index.Search(Query);
        Suggestion = index.Suggest(Query);
    }
}
