namespace EssaySite.Content;

/// <summary>One content file, read and rendered, handed to its kind: its front matter, its id (the file name) and its body.</summary>
internal sealed record ContentFile(FrontMatter Front, string Id, RenderedMarkdown Body)
{
    public string Path => Front.Path;
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

    public Dictionary<string, SitePage> Pages { get; } = new(StringComparer.Ordinal);
    public List<SitePage> Commentary { get; } = [];
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

    public List<int> Paragraphs(FrontMatter fm, string key)
    {
        var list = fm.IntList(key);
        ParagraphRefs.AddRange(list.Select(p => (p.Value, fm.Path, p.Line)));
        return [.. list.Select(p => p.Value).Distinct().Order()];
    }

    public List<string> SourceRefs(FrontMatter fm, string key) => Ids(fm, key, SourceRefList);

    public List<string> EventRefs(FrontMatter fm, string key) => Ids(fm, key, EventRefList);

    public List<string> QuestionRefs(FrontMatter fm, string key) => Ids(fm, key, QuestionRefList);

    /// <summary>An http(s) address from the front matter, as <see cref="CitedAddresses"/> asks; each fault is a problem on its line.</summary>
    public string? WebAddress(FrontMatter fm, string key, bool keepIfInvalid)
    {
        var url = fm.Text(key);
        if (url is null)
        {
            return null;
        }

        if (!(MarkdownRenderer.IsAllowedUrl(url) && url.StartsWith("http", StringComparison.Ordinal)))
        {
            Problems.Add(fm.Path, fm.LineOf(key), $"{key} must be an http(s) address, not '{url}'");
            return keepIfInvalid ? url : null;
        }

        if (CitedAddresses.Problem(url) is { } problem)
        {
            Problems.Add(fm.Path, fm.LineOf(key), problem);
        }

        return url;
    }

    /// <summary>The fields a file says could not be confirmed, each one checked against those the kind has.</summary>
    public HashSet<string> Unconfirmed(FrontMatter fm, string[] fields)
    {
        var unconfirmed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, line) in fm.List("unconfirmed"))
        {
            if (!fields.Contains(field))
            {
                Problems.Add(fm.Path, line, $"'unconfirmed' lists '{field}', which is not one of {string.Join(", ", fields)}");
            }

            unconfirmed.Add(field);
        }

        return unconfirmed;
    }

    private static List<string> Ids(FrontMatter fm, string key, List<(string, string, int)> sink)
    {
        var list = fm.List(key);
        sink.AddRange(list.Select(i => (i.Value, fm.Path, i.Line)));
        return [.. list.Select(i => i.Value).Distinct()];
    }
}
