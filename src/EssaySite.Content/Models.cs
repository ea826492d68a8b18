namespace EssaySite.Content;

public enum PageKind { Essay, Guide, Commentary, About }

/// <summary>
/// Who the site is (content/site.yml): its name and tagline (the header, titles, feeds, citations), a description
/// (the home page and search engines), its language, and the repository maintainers send changes to. Without
/// the file, the name is the essay's title, the description its summary and the language English.
/// </summary>
public sealed record SiteIdentity(string Name, string Tagline, string Description, string Language, string? Repository)
{
    public const string FileName = "site.yml";
    public const string DefaultTagline = "essay and reading guide";

    /// <summary>The name and tagline together, as a title: "Name: essay and reading guide".</summary>
    public string FullName => $"{Name}: {Tagline}";
}

/// <summary>A titled part of a guide page: an era of the timeline or a group of questions.</summary>
public sealed record Section(string Id, string Title);

/// <summary>Any page made from one Markdown file.</summary>
public sealed record GuidePage
{
    public required PageKind Kind { get; init; }
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public required string Url { get; init; }

    /// <summary>The file it came from, relative to the repository (content/essay.md).</summary>
    public required string SourcePath { get; init; }
    public required string Html { get; init; }

    /// <summary>The words of the page, for search.</summary>
    public string Text { get; init; } = "";
    public int? Order { get; init; }
    public string? Author { get; init; }
    public DateOnly? Date { get; init; }
    public DateOnly? Updated { get; init; }
    public IReadOnlyList<Section> Sections { get; init; } = [];
    public IReadOnlyList<int> Paragraphs { get; init; } = [];
    public IReadOnlyList<string> Events { get; init; } = [];
    public IReadOnlyList<string> HeadingIds { get; init; } = [];

    /// <summary>The date a reader is told the page last changed.</summary>
    public DateOnly? LastUpdated => Updated ?? Date;
}

public sealed record EssayParagraph(int Number, string Html, string Text, bool IsQuote)
{
    public string Id => Routes.ParagraphId(Number);

    /// <summary>The paragraph as the essay page shows it: <see cref="Html"/> with each sentence in a span with its anchor, and glossary links (<see cref="EssayMarkup"/>).</summary>
    public string ReadingHtml { get; init; } = "";

    /// <summary>The paragraph's sentences, each with its anchor.</summary>
    public IReadOnlyList<EssaySentence> Sentences { get; init; } = [];
}

public sealed record Essay(
    GuidePage Page,
    string Author,
    DateOnly Written,
    DateOnly Published,
    string OriginalUrl,
    IReadOnlyList<EssayParagraph> Paragraphs)
{
    /// <summary>Of <c>published</c> and <c>original_url</c>, those the public record did not confirm.</summary>
    public IReadOnlySet<string> Unconfirmed { get; init; } = new HashSet<string>();

    /// <summary>The glossary terms whose first use in the essay links to their entry, in the order they occur.</summary>
    public IReadOnlyList<GlossaryTerm> LinkedTerms { get; init; } = [];

    /// <summary>The sources' entries for the essay itself (<c>sources:</c>), where the guide records its first publication.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The essay's text exactly as received, when the content names it (<c>text:</c>); served as /essay.txt.</summary>
    public byte[]? SourceText { get; init; }

    /// <summary>The SHA-256 of <see cref="SourceText"/>, in lower-case hex, for a reader to check a download against.</summary>
    public string? Sha256 => SourceText is null ? null : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(SourceText));

    /// <summary>The words of <see cref="SourceText"/> (runs of characters between white space).</summary>
    public int? WordCount => SourceText is null ? null : System.Text.Encoding.UTF8.GetString(SourceText).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// Which of the first publication's two facts the record did not confirm, as the attribution names them before
    /// "; not confirmed" ("as supplied with the essay" for both, "date as supplied with the essay" for the date
    /// alone), or null when both were confirmed. One wording for the essay page, footer, packet and e-book, so that
    /// none of them calls a confirmed address unconfirmed.
    /// </summary>
    public string? UnconfirmedFacts => (Unconfirmed.Contains("published"), Unconfirmed.Contains("original_url")) switch
    {
        (true, true) => "as supplied with the essay",
        (true, false) => "date as supplied with the essay",
        (false, true) => "address as supplied with the essay",
        _ => null,
    };
}

public sealed record TimelineEvent(
    string Id,
    string Title,
    PartialDate Date,
    PartialDate? End,
    string Era,
    IReadOnlyList<int> Paragraphs,
    IReadOnlyList<string> Sources,
    string? Record,
    string Html,
    string Text,
    string SourcePath);

public sealed record Source(
    string Id,
    string? Author,
    string? Title,
    string? Publication,
    PartialDate? Date,
    string? Url,
    IReadOnlyList<int> Paragraphs,
    IReadOnlySet<string> Unconfirmed,
    string Html,
    string Text,
    string SourcePath)
{
    /// <summary>Fields a reader must be told we could not confirm (missing ones count too).</summary>
    public bool IsConfirmed(string field) => !Unconfirmed.Contains(field) && field switch
    {
        "author" => Author is not null,
        "title" => Title is not null,
        "publication" => Publication is not null,
        "date" => Date is not null,
        "url" => Url is not null,
        _ => true,
    };
}

/// <summary>
/// One part of the guided reading (content/reading/&lt;id&gt;.md): a run of the essay's paragraphs, a short note on
/// reading them, and the discussion questions to think about as one goes. Numbered from 1 in the reading's order.
/// </summary>
public sealed record ReadingSection(string Id, int Order, int Number, string Title, IReadOnlyList<int> Paragraphs, IReadOnlyList<string> Questions, string Html, string SourcePath)
{
    public string Url => Routes.Read(Number);
}

public sealed record Question(
    string Id,
    string Group,
    int Order,
    int Number,
    IReadOnlyList<int> Paragraphs,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> Sources,
    string Html,
    string Text,
    string? NotesHtml,
    string SourcePath);

public sealed record GlossaryTerm(
    string Id,
    string Term,
    string Category,
    IReadOnlyList<string> Variants,
    IReadOnlyList<string> Sources,
    string Html,
    string Text,
    string SourcePath)
{
    /// <summary>The definition's first sentence: what the essay page gives as a link's description.</summary>
    public string ShortDefinition => Sentences.Of(Text).FirstOrDefault() ?? Text;
}

/// <summary>
/// A correction made to the guide: when, which page (a site link, checked like any other), what it said
/// that was wrong (<see cref="Was"/>), and, as the body, what it says now.
/// </summary>
public sealed record Correction(string Id, DateOnly Date, string Page, string Was, string Html, string SourcePath);

/// <summary>What points at one essay paragraph, derived from the declarations in the content.</summary>
public sealed record ParagraphReferences(
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<GuidePage> Commentary)
{
    public static readonly ParagraphReferences None = new([], [], [], []);

    public int Count => Events.Count + Sources.Count + Questions.Count + Commentary.Count;
}

/// <summary>Everything that cites one source.</summary>
public sealed record SourceCitations(
    IReadOnlyList<int> Paragraphs,
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<Question> Questions,
    IReadOnlyList<GlossaryTerm> Terms);
