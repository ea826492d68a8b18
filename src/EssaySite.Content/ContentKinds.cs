using System.Collections.Frozen;

namespace EssaySite.Content;

/// <summary>What a front matter field holds; each type has one reading in the loader and one JSON Schema.</summary>
public enum FieldType
{
    /// <summary>Non-empty text.</summary>
    Text,

    /// <summary>Lowercase letters, digits and hyphens.</summary>
    Slug,

    /// <summary>A whole number.</summary>
    WholeNumber,

    /// <summary>A full date, YYYY-MM-DD.</summary>
    Day,

    /// <summary>A year, a month or a day: YYYY, YYYY-MM or YYYY-MM-DD.</summary>
    PartialDate,

    /// <summary>An http(s) address.</summary>
    WebAddress,

    /// <summary>A list of essay paragraph numbers.</summary>
    Paragraphs,

    /// <summary>A list of ids of other items (see <see cref="Field.RefersTo"/>).</summary>
    Ids,

    /// <summary>A list of plain values.</summary>
    TextList,

    /// <summary>A list of <c>{id, title}</c> records (the eras of the timeline, the groups of questions).</summary>
    Sections,
}

/// <summary>One front matter field of a content kind.</summary>
/// <param name="Allowed">For a closed list: the values it may take (for a list type, the values its items may take).</param>
/// <param name="RefersTo">For ids: the kind whose items they name.</param>
public sealed record Field(string Name, FieldType Type, bool Required, string Description, IReadOnlyList<string>? Allowed = null, string? RefersTo = null);

/// <summary>A kind of content file: where it lives, how a problem names it, and its fields.</summary>
/// <param name="Id">The schema's name: <c>event</c> gives <c>event.schema.json</c>.</param>
/// <param name="Title">How a problem names it: "a timeline event".</param>
/// <param name="Where">Where its files live: <c>content/timeline/&lt;id&gt;.md</c>.</param>
public sealed record ContentKind(string Id, string Title, string Where, IReadOnlyList<Field> Fields)
{
    private readonly FrozenDictionary<string, Field> _byName = Fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => _byName.Keys;

    /// <summary>The field of that name; asking for one the kind does not define is a mistake in the code.</summary>
    public Field this[string name] => _byName.TryGetValue(name, out var field)
        ? field
        : throw new InvalidOperationException($"'{name}' is not a field of {Title}: add it to ContentKinds first");
}

/// <summary>
/// The one definition of every content kind: the loader reads each field as its definition says (type, required),
/// <c>check</c> reports unknown keys and suggests known ones from it, and the JSON Schemas
/// (<see cref="ContentSchemas"/>) and the field tables in CONTRIBUTING.md are made from it.
/// </summary>
public static class ContentKinds
{
    public static readonly string[] TermCategories = ["person", "organisation", "agreement", "place", "concept", "event"];
    public static readonly string[] EssayUnconfirmable = ["published", "original_url"];
    public static readonly string[] SourceUnconfirmable = ["author", "title", "publication", "date", "url"];

    private static readonly Field[] PageFields =
    [
        new("title", FieldType.Text, true, "the page's title"),
        new("slug", FieldType.Slug, false, "its address, /<slug> (default: the file name)"),
        new("order", FieldType.WholeNumber, false, "its place in the reading order (pages without one are not in it)"),
        new("summary", FieldType.Text, true, "one sentence: what the page is for"),
        new("updated", FieldType.Day, false, "when its content last changed"),
        new("sections", FieldType.Sections, false, "the page's parts, each {id, title}: the timeline's eras, the questions' groups"),
    ];

    public static readonly ContentKind Page = new("page", "a page", "content/<slug>.md",
    [
        new("kind", FieldType.Text, true, "guide or about (the essay is its own kind)", Allowed: ["guide", "about"]),
        .. PageFields,
    ]);

    public static readonly ContentKind Essay = new("essay", "the essay", "content/essay.md",
    [
        new("kind", FieldType.Text, true, "essay", Allowed: ["essay"]),
        .. PageFields,
        new("author", FieldType.Text, true, "the essay's author"),
        new("written", FieldType.Day, true, "when the author wrote it"),
        new("published", FieldType.Day, true, "when it was first published"),
        new("original_url", FieldType.WebAddress, true, "where it was first published"),
        new("unconfirmed", FieldType.TextList, false, "fields the public record did not confirm", Allowed: EssayUnconfirmable),
        new("text", FieldType.Text, false, "the file in content/ holding the text exactly as received, served as /essay.txt"),
    ]);

    public static readonly ContentKind Commentary = new("commentary", "a commentary page", "content/commentary/<slug>.md",
    [
        new("title", FieldType.Text, true, "the page's title"),
        new("author", FieldType.Text, true, "who wrote it"),
        new("date", FieldType.Day, true, "when it was published"),
        new("updated", FieldType.Day, false, "when it last changed"),
        new("summary", FieldType.Text, true, "one sentence: what it says"),
        new("paragraphs", FieldType.Paragraphs, false, "essay paragraphs it discusses"),
        new("events", FieldType.Ids, false, "timeline events it discusses", RefersTo: "event"),
    ]);

    public static readonly ContentKind Event = new("event", "a timeline event", "content/timeline/<id>.md",
    [
        new("title", FieldType.Text, true, "what happened, in a line"),
        new("date", FieldType.PartialDate, true, "when it happened (or began)"),
        new("end", FieldType.PartialDate, false, "when it ended, for a span"),
        new("era", FieldType.Text, true, "the id of its era on the timeline page"),
        new("paragraphs", FieldType.Paragraphs, false, "essay paragraphs that rest on it"),
        new("sources", FieldType.Ids, true, "sources for it, at least one", RefersTo: "source"),
        new("record", FieldType.Text, false, "what the record says about the essay's account of it"),
    ]);

    public static readonly ContentKind Source = new("source", "a source", "content/sources/<id>.md",
    [
        new("author", FieldType.Text, false, "its author or authors"),
        new("title", FieldType.Text, true, "its exact title"),
        new("publication", FieldType.Text, false, "where it appeared"),
        new("date", FieldType.PartialDate, false, "when it appeared"),
        new("url", FieldType.WebAddress, false, "an address you have seen, without tracking parameters"),
        new("paragraphs", FieldType.Paragraphs, false, "essay paragraphs it bears on"),
        new("unconfirmed", FieldType.TextList, false, "fields you could not confirm", Allowed: SourceUnconfirmable),
    ]);

    public static readonly ContentKind Question = new("question", "a question", "content/questions/<id>.md",
    [
        new("group", FieldType.Text, true, "the id of its group on the questions page"),
        new("order", FieldType.WholeNumber, true, "its place in the group"),
        new("paragraphs", FieldType.Paragraphs, false, "essay paragraphs it asks about"),
        new("events", FieldType.Ids, false, "timeline events it draws on", RefersTo: "event"),
        new("sources", FieldType.Ids, false, "sources it draws on", RefersTo: "source"),
        new("notes", FieldType.Text, false, "notes for teachers"),
    ]);

    public static readonly ContentKind Term = new("term", "a glossary term", "content/glossary/<id>.md",
    [
        new("term", FieldType.Text, true, "the term as the glossary shows it"),
        new("category", FieldType.Text, true, "what it is", Allowed: TermCategories),
        new("variants", FieldType.TextList, false, "other spellings and names, which search treats as the same"),
        new("sources", FieldType.Ids, false, "sources for its definition", RefersTo: "source"),
    ]);

    public static readonly ContentKind Correction = new("correction", "a correction", "content/corrections/<id>.md",
    [
        new("date", FieldType.Day, true, "when the guide was corrected"),
        new("page", FieldType.Text, true, "the site link of what changed, such as /sources#some-source"),
        new("was", FieldType.Text, true, "what the guide said that was wrong"),
    ]);

    public static readonly ContentKind Reading = new("reading", "a guided reading section", "content/reading/<id>.md",
    [
        new("title", FieldType.Text, true, "the section's title"),
        new("order", FieldType.WholeNumber, true, "its place in the guided reading"),
        new("paragraphs", FieldType.Paragraphs, true, "the essay paragraphs it covers, in order"),
        new("questions", FieldType.Ids, false, "questions to answer after it", RefersTo: "question"),
    ]);

    public static readonly ContentKind Site = new("site", "site.yml", "content/site.yml",
    [
        new("name", FieldType.Text, true, "the site's name"),
        new("tagline", FieldType.Text, false, "a few words after the name (default: essay and reading guide)"),
        new("description", FieldType.Text, true, "a sentence on the home page and for search engines"),
        new("language", FieldType.Text, false, "the pages' language tag, such as en or en-GB (default: en)"),
        new("repository", FieldType.WebAddress, false, "where maintainers send changes"),
    ]);

    public static readonly IReadOnlyList<ContentKind> All = [Page, Essay, Commentary, Event, Source, Question, Term, Correction, Reading, Site];
}
