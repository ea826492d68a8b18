namespace EssaySite.Content;

/// <summary>
/// One front matter field of a content kind, as the schemas and the field tables describe it. Each is made by one of
/// the factories below as a typed <see cref="Field{T}"/>, which also reads it: a kind's reader names its fields
/// as members, never as strings, so a misspelt field is a compile error.
/// </summary>
public abstract record Field(string Name, FieldType Type, bool Required, string Description)
{
    /// <summary>For a closed list: the values it may take (for a list type, the values its items may take).</summary>
    public IReadOnlyList<string>? Allowed { get; init; }

    /// <summary>For ids: the kind whose items they name (<c>source</c>, <c>event</c>, <c>question</c>).</summary>
    public string? RefersTo { get; init; }

    /// <summary>A word of advice after the list of allowed values, when a value is not one of them.</summary>
    public string? Hint { get; init; }

    public static Field<string?> Text(string name, bool required, string description, IReadOnlyList<string>? allowed = null) =>
        new(name, FieldType.Text, required, description, (_, fm, f) => f.OneOfAllowed(fm, fm.Text(f.Name, f.Required))) { Allowed = allowed };

    public static Field<string?> Slug(string name, bool required, string description) =>
        new(name, FieldType.Slug, required, description, (_, fm, f) => fm.Slug(f.Name, f.Required));

    public static Field<int?> WholeNumber(string name, bool required, string description) =>
        new(name, FieldType.WholeNumber, required, description, (_, fm, f) => fm.Number(f.Name, f.Required));

    public static Field<DateOnly?> Day(string name, bool required, string description) =>
        new(name, FieldType.Day, required, description, (_, fm, f) => fm.Day(f.Name, f.Required));

    public static Field<PartialDate?> PartialDate(string name, bool required, string description) =>
        new(name, FieldType.PartialDate, required, description, (_, fm, f) => fm.Date(f.Name, f.Required));

    /// <param name="keepIfInvalid">Keep an address that is not http(s) after reporting it (the essay's own, which a page still shows).</param>
    public static Field<string?> WebAddress(string name, bool required, string description, bool keepIfInvalid = false) =>
        new(name, FieldType.WebAddress, required, description, (_, fm, f) => WebAddressIn(fm, f, keepIfInvalid));

    /// <summary>Essay paragraph numbers, each recorded (with its line) to be checked against the essay.</summary>
    public static Field<IReadOnlyList<int>> Paragraphs(string name, bool required, string description) =>
        new(name, FieldType.Paragraphs, required, description, (load, fm, f) => load.Paragraphs(fm, f));

    /// <summary>Ids of items of another kind, each recorded (with its line) to be checked once every file is read.</summary>
    public static Field<IReadOnlyList<string>> Ids(string name, bool required, string description, string refersTo) =>
        new(name, FieldType.Ids, required, description, (load, fm, f) => load.Ids(fm, f)) { RefersTo = refersTo };

    /// <summary>Plain values as listed; with <paramref name="allowed"/>, each one not allowed is reported (and kept).</summary>
    public static Field<IReadOnlyList<string>> TextList(string name, bool required, string description, IReadOnlyList<string>? allowed = null) =>
        new(name, FieldType.TextList, required, description, (_, fm, f) => f.AllAllowed(fm, fm.List(f.Name))) { Allowed = allowed };

    public static Field<IReadOnlyList<Section>> Sections(string name, bool required, string description) =>
        new(name, FieldType.Sections, required, description, (_, fm, f) =>
            [.. fm.Records(f.Name, "id", "title").Select(r => new Section(r.Fields["id"], r.Fields["title"]))]);

    /// <summary>An http(s) address from the front matter, as <see cref="CitedAddresses"/> asks; each fault is a problem on its line.</summary>
    private static string? WebAddressIn(FrontMatter fm, Field field, bool keepIfInvalid)
    {
        var url = fm.Text(field.Name, field.Required);
        if (url is null)
        {
            return null;
        }

        if (!(MarkdownRenderer.IsAllowedUrl(url) && url.StartsWith("http", StringComparison.Ordinal)))
        {
            fm.Report(field, $"{field.Name} must be an http(s) address, not '{url}'");
            return keepIfInvalid ? url : null;
        }

        if (CitedAddresses.Problem(url) is { } problem)
        {
            fm.Report(field, problem);
        }

        return url;
    }

    private string? OneOfAllowed(FrontMatter fm, string? value)
    {
        if (value is null || Allowed is not { } allowed || allowed.Contains(value))
        {
            return value;
        }

        fm.Report(this, $"unknown {Name} '{value}' (known: {string.Join(", ", allowed)}{(Hint is null ? "" : "; " + Hint)})");
        return null;
    }

    private List<string> AllAllowed(FrontMatter fm, IReadOnlyList<(string Value, int Line)> items)
    {
        foreach (var (value, line) in items)
        {
            if (Allowed is { } allowed && !allowed.Contains(value))
            {
                fm.Report(line, $"'{Name}' lists '{value}', which is not one of {string.Join(", ", allowed)}");
            }
        }

        return [.. items.Select(i => i.Value)];
    }
}

/// <summary>A field whose value reads as <typeparamref name="T"/>: null (or empty) when absent or faulty, each fault reported on its line.</summary>
public sealed record Field<T> : Field
{
    private readonly Func<ContentLoad, FrontMatter, Field<T>, T> _read;

    internal Field(string name, FieldType type, bool required, string description, Func<ContentLoad, FrontMatter, Field<T>, T> read)
        : base(name, type, required, description) => _read = read;

    /// <summary>
    /// The field's value in this file. Reading a field the kind in use does not define is a mistake in the code
    /// (a field left out of the kind's list would be reported as an unknown key in every file).
    /// </summary>
    internal T Read(ContentLoad load, FrontMatter fm) => fm.Kind is { } kind && !kind.Defines(this)
        ? throw new InvalidOperationException($"'{Name}' is not a field of {kind.Title}: add it to its kind's list first")
        : _read(load, fm, this);
}
