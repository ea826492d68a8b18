namespace EssaySite.Content;

/// <summary>One content file, read and rendered, handed to its kind: its front matter, its id (the file name) and its body.</summary>
internal sealed record ContentFile(FrontMatter Front, string Id, RenderedMarkdown Body)
{
    public string Path => Front.Path;

    /// <summary>The file as a page: what every kind of page has, which a kind adds its own fields to (<c>with { … }</c>).</summary>
    public GuidePage Page(PageKind kind, string slug, string title, string summary, string url) => new()
    {
        Kind = kind,
        Slug = slug,
        Title = title,
        Summary = summary,
        Url = url,
        SourcePath = Path,
        Html = Body.Html,
        Text = Body.Text,
        HeadingIds = Body.HeadingIds,
    };
}

/// <summary>
/// What one load has read so far, and the references still to be checked: each kind adds its items here and
/// records what they name (paragraphs, sources, events, questions, sections, site links) with the line that names it;
/// <see cref="ContentReferences"/> checks them once every file is read.
/// </summary>
internal sealed class ContentLoad(ProblemList problems, MarkdownRenderer renderer, SiteAddresses addresses, string root)
{
    public ProblemList Problems { get; } = problems;
    public MarkdownRenderer Renderer { get; } = renderer;
    public SiteAddresses Addresses { get; } = addresses;

    /// <summary>The content folder's full path.</summary>
    public string Root { get; } = root;

    public Essay? Essay { get; set; }
    public FrontMatter? IdentityFile { get; set; }

    /// <summary>The text files the pages named and were read (the essay as received), by their path in the folder; part of the version.</summary>
    public List<(string Name, byte[] Bytes)> TextFiles { get; } = [];

    public Dictionary<string, GuidePage> Pages { get; } = new(StringComparer.Ordinal);
    public List<GuidePage> Commentary { get; } = [];
    public List<TimelineEvent> Events { get; } = [];
    public List<Source> Sources { get; } = [];
    public List<Question> Questions { get; } = [];
    public List<GlossaryTerm> Terms { get; } = [];
    public List<Correction> Corrections { get; } = [];
    public List<(ReadingSection Section, int ParagraphsLine)> Reading { get; } = [];
    public List<(int N, string Path, int Line)> ParagraphRefs { get; } = [];
    public List<(string Id, string Path, int Line)> SourceRefList { get; } = [];
    public List<(string Id, string Path, int Line)> EventRefList { get; } = [];
    public List<(string Id, string Path, int Line)> QuestionRefList { get; } = [];
    public List<(string Id, string Path, int Line)> Eras { get; } = [];
    public List<(string Id, string Path, int Line)> Groups { get; } = [];
    public List<(string PageUrl, string Path, SiteLink Link)> Links { get; } = [];

    public void AddLinks(string pageUrl, string path, IEnumerable<SiteLink> links) =>
        Links.AddRange(links.Select(l => (pageUrl, path, l)));

    /// <summary>The value of one of the file's fields, read as its definition says.</summary>
    public T Read<T>(FrontMatter fm, Field<T> field) => field.Read(this, fm);

    public List<int> Paragraphs(FrontMatter fm, Field field)
    {
        var list = fm.IntList(field.Name);
        ParagraphRefs.AddRange(list.Select(p => (p.Value, fm.Path, p.Line)));
        return [.. list.Select(p => p.Value).Distinct().Order()];
    }

    /// <summary>Ids named by a field, each kept with its line for <see cref="ContentReferences"/> to find among the kind they refer to.</summary>
    public List<string> Ids(FrontMatter fm, Field field)
    {
        var sink = field.RefersTo switch
        {
            "source" => SourceRefList,
            "event" => EventRefList,
            "question" => QuestionRefList,
            _ => throw new InvalidOperationException($"'{field.Name}' refers to '{field.RefersTo}', whose ids nothing checks"),
        };
        var list = fm.List(field.Name);
        sink.AddRange(list.Select(i => (i.Value, fm.Path, i.Line)));
        return [.. list.Select(i => i.Value).Distinct()];
    }
}
