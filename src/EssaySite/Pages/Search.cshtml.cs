using EssaySite.Content;
using EssaySite.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EssaySite.Pages;

public sealed class SearchModel(ContentStore store) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>The query as echoed back: cut to the length the index reads. Razor encodes it.</summary>
    public string Shown => Query is null ? "" : Truncated ? Query[..SearchIndex.MaxQueryLength] : Query;

    public bool Truncated => Query?.Length > SearchIndex.MaxQueryLength;

    public IReadOnlyList<SearchHit> Hits { get; private set; } = [];

    public void OnGet() => Hits = store.Current.Search.Search(Query);
}
