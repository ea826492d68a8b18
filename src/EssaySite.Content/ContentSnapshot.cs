using System.Collections.Frozen;
using EssaySite.Content.Search;

namespace EssaySite.Content;

/// <summary>
/// All content, parsed once and never changed. A reload builds a new snapshot and swaps the reference,
/// so a request sees one consistent version from start to end.
/// </summary>
public sealed class ContentSnapshot
{
    private readonly Lazy<IReadOnlyList<SearchDocument>> _searchDocuments;
    private readonly Lazy<FrozenDictionary<string, string>> _searchVariants;
    private readonly Lazy<SearchIndex> _search;

    public ContentSnapshot()
    {
        _searchDocuments = new(() => GuideSearch.DocumentsOf(this));
        _searchVariants = new(() => GuideSearch.VariantsOf(this));
        _search = new(() => SearchIndex.Build(SearchDocuments, SearchVariants));
    }

    /// <summary>
    /// What a search can find, made once per snapshot: the server's index is built over these, and the browser's
    /// index (<c>/search-index.json</c>) is these as they are.
    /// </summary>
    public IReadOnlyList<SearchDocument> SearchDocuments => _searchDocuments.Value;

    /// <summary>The glossary's spelling variants as search folds them (variant → form), made once per snapshot for both indexes.</summary>
    public FrozenDictionary<string, string> SearchVariants => _searchVariants.Value;

    /// <summary>The search index over this snapshot; the store builds it before the snapshot is served.</summary>
    public SearchIndex Search => _search.Value;

    /// <summary>The newest date any page says it was updated.</summary>
    public DateOnly? LastUpdated => Pages.Values.Concat(Commentary).Select(p => p.LastUpdated).Max();

    public required Essay Essay { get; init; }

    /// <summary>The site's name, tagline, description, language and repository (content/site.yml).</summary>
    public required SiteIdentity Identity { get; init; }
    public required FrozenDictionary<string, GuidePage> Pages { get; init; }

    /// <summary>Essay first, then the guide pages, by their front matter <c>order</c>.</summary>
    public required IReadOnlyList<GuidePage> ReadingOrder { get; init; }
    public required IReadOnlyList<TimelineEvent> Events { get; init; }
    public required FrozenDictionary<string, TimelineEvent> EventsById { get; init; }
    public required IReadOnlyList<Source> Sources { get; init; }
    public required FrozenDictionary<string, Source> SourcesById { get; init; }
    public required IReadOnlyList<Question> Questions { get; init; }

    /// <summary>The guided reading, in order; empty when the content has no reading/ folder.</summary>
    public IReadOnlyList<ReadingSection> Reading { get; init; } = [];
    public required IReadOnlyList<GlossaryTerm> Terms { get; init; }

    /// <summary>Commentary pages, newest first.</summary>
    public required IReadOnlyList<GuidePage> Commentary { get; init; }

    /// <summary>Corrections made to the guide, newest first.</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];
    public required FrozenDictionary<int, ParagraphReferences> ParagraphRefs { get; init; }
    public required FrozenDictionary<string, SourceCitations> SourceRefs { get; init; }
    public required FrozenDictionary<string, IReadOnlyList<Question>> EventQuestions { get; init; }

    /// <summary>The commentary pages that name each timeline event, newest first.</summary>
    public FrozenDictionary<string, IReadOnlyList<GuidePage>> EventCommentary { get; init; } = FrozenDictionary<string, IReadOnlyList<GuidePage>>.Empty;

    /// <summary>A short hash of every content file, shown so a reader can tell whether the text changed.</summary>
    public required string Version { get; init; }

    public DateTimeOffset LoadedAt { get; init; } = DateTimeOffset.UtcNow;

    public GuidePage? Page(string slug) => Pages.GetValueOrDefault(slug);

    public ParagraphReferences RefsFor(int paragraph) => ParagraphRefs.GetValueOrDefault(paragraph, ParagraphReferences.None);

    public IReadOnlyList<Section> Eras => Page("timeline")?.Sections ?? [];

    public IReadOnlyList<Section> QuestionGroups => Page("questions")?.Sections ?? [];

    /// <summary>What a site link points at, in a reader's words: "Sources: The exact title", "Timeline: …".</summary>
    public string Describe(string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var path = (hash < 0 ? link : link[..hash]).TrimEnd('/');
        var fragment = hash < 0 ? null : link[(hash + 1)..];
        var page = path.Length == 0 ? null : Pages.Values.Concat(Commentary).FirstOrDefault(p => p.Url == path);
        var pageTitle = page?.Title ?? (path.Length == 0 ? "Home" : path);
        string? item = (page?.Slug, fragment) switch
        {
            (_, null or "") => null,
            ("sources", { } id) => SourcesById.GetValueOrDefault(id)?.Title,
            ("timeline", { } id) => EventsById.GetValueOrDefault(id)?.Title,
            ("questions", { } id) => Questions.FirstOrDefault(q => q.Id == id) is { } q ? $"Question {q.Number}" : null,
            ("glossary", { } id) => Terms.FirstOrDefault(t => t.Id == id)?.Term,
            ("essay", { } id) when id.StartsWith('p') => $"paragraph {id[1..]}",
            _ => null,
        };
        return item is null ? pageTitle : $"{pageTitle}: {item}";
    }

    /// <summary>The reading-order neighbours of a page, for previous/next links.</summary>
    public (GuidePage? Previous, GuidePage? Next) Neighbours(string slug)
    {
        for (var i = 0; i < ReadingOrder.Count; i++)
        {
            if (ReadingOrder[i].Slug == slug)
            {
                return (i > 0 ? ReadingOrder[i - 1] : null, i + 1 < ReadingOrder.Count ? ReadingOrder[i + 1] : null);
            }
        }

        return (null, null);
    }
}
