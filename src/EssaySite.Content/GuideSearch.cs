using System.Collections.Frozen;
using EssaySite.Content.Search;

namespace EssaySite.Content;

/// <summary>
/// What the guide gives search: one document for each paragraph, entry and page, at its address, and the glossary's
/// spellings. The index itself (<see cref="SearchIndex"/>) knows nothing of the content's kinds.
/// </summary>
internal static class GuideSearch
{
    /// <summary>
    /// What the index finds, in order, without the postings: all the browser's index needs (<c>/search-index.json</c>),
    /// so making that file does not build the server's index. Read through <see cref="ContentSnapshot.SearchDocuments"/>,
    /// which makes them once.
    /// </summary>
    public static IReadOnlyList<SearchDocument> DocumentsOf(ContentSnapshot site)
    {
        var docs = new List<SearchDocument>();
        foreach (var p in site.Essay.Paragraphs)
        {
            docs.Add(new SearchDocument(Routes.Paragraph(p.Number), $"Essay, paragraph {p.Number}", "Essay", p.Text, 1.2));
        }

        docs.AddRange(site.Events.Select(e => new SearchDocument(Routes.Timeline(e.Id), e.Title, $"Timeline, {e.Date.Display}", e.Text, 1.0)));
        docs.AddRange(site.Sources.Select(s => new SearchDocument(Routes.Source(s.Id), s.Title ?? s.Id, "Source", s.Text, 0.8)));
        docs.AddRange(site.Questions.Select(q => new SearchDocument(Routes.Question(q.Id), $"Question {q.Number}", "Discussion question", q.Text, 1.0)));
        docs.AddRange(site.Terms.Select(t => new SearchDocument(Routes.Term(t.Id), t.Term, SearchIndex.GlossaryKind, t.Text, 1.0, string.Join(' ', t.Variants))));
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
    public static FrozenDictionary<string, string> VariantsOf(ContentSnapshot site) =>
        SearchIndex.VariantsOf(site.Terms.Select(t => (t.Term, t.Variants)));
}
