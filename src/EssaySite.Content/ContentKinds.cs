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

/// <summary>A kind of content file: where it lives, how a problem names it, its fields, and how it is read.</summary>
/// <param name="Id">The schema's name: <c>event</c> gives <c>event.schema.json</c>.</param>
/// <param name="Title">How a problem names it: "a timeline event".</param>
/// <param name="Where">Where its files live: <c>content/timeline/&lt;id&gt;.md</c>.</param>
public sealed record ContentKind(string Id, string Title, string Where, IReadOnlyList<Field> Fields)
{
    /// <summary>How large one file of this kind may be, in bytes, unless its kind says otherwise.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>
    /// How large one file of this kind may be: past this, <c>check</c> and start-up say so rather than read it. A
    /// 5 MB commentary file made every new search take 0.67 s; no page of prose comes near 1 MB.
    /// </summary>
    public int MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>The folder the loader finds its files in ("" for the top level); null for a kind read another way.</summary>
    public string? Folder { get; init; }

    /// <summary>Builds the item from one file's front matter and rendered body, recording its references in the load.</summary>
    internal Action<ContentLoad, ContentFile>? Read { get; init; }

    private readonly FrozenDictionary<string, Field> _byName = Fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Keys => _byName.Keys;

    /// <summary>Whether the kind defines this very field (not merely one of the same name).</summary>
    public bool Defines(Field field) => _byName.TryGetValue(field.Name, out var own) && ReferenceEquals(own, field);
}

/// <summary>
/// The one definition of every content kind: the loader reads each field through its definition (a typed
/// <see cref="Field{T}"/>: type, required, allowed values),
/// <c>check</c> reports unknown keys and suggests known ones from it, and the JSON Schemas
/// (<see cref="ContentSchemas"/>) and the field tables in CONTRIBUTING.md are made from it. Each kind is defined,
/// beside its reading and its own checks, in a file of its own under <c>Kinds/</c>.
/// </summary>
public static partial class ContentKinds
{
    // Built on first use rather than by an initializer: the kinds are fields of other parts of this class, and C#
    // leaves the order of initializers across partial files unspecified.
    private static IReadOnlyList<ContentKind>? _all;
    private static FrozenDictionary<string, ContentKind>? _byFolder;

    public static IReadOnlyList<ContentKind> All => _all ??= [Page, Essay, Commentary, Event, Source, Question, Term, Correction, Reading, Identity];

    /// <summary>The kinds whose files the loader finds by folder, by that folder.</summary>
    internal static FrozenDictionary<string, ContentKind> ByFolder =>
        _byFolder ??= All.Where(k => k.Folder is not null).ToFrozenDictionary(k => k.Folder!, StringComparer.Ordinal);

    /// <summary>The sub-folders content files may sit in, in the order of <see cref="All"/>.</summary>
    internal static IEnumerable<string> Folders => All.Select(k => k.Folder).OfType<string>().Where(f => f.Length > 0);
}
