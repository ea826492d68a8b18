namespace EssaySite.Content;

// Glossary terms: content/glossary/<id>.md, with the other names search treats as the same.
public static partial class ContentKinds
{
    public static readonly string[] TermCategories = ["person", "organisation", "agreement", "place", "concept", "event"];

    public static readonly ContentKind Term = new("term", "a glossary term", "content/glossary/<id>.md",
    [
        new("term", FieldType.Text, true, "the term as the glossary shows it"),
        new("category", FieldType.Text, true, "what it is", Allowed: TermCategories),
        new("variants", FieldType.TextList, false, "other spellings and names, which search treats as the same"),
        new("sources", FieldType.Ids, false, "sources for its definition", RefersTo: "source"),
    ])
    { Folder = "glossary", Read = ReadTerm };

    private static void ReadTerm(ContentLoad load, ContentFile file)
    {
        var (fm, id, body) = (file.Front, file.Id, file.Body);
        fm.Use(Term);
        var term = fm.Text("term");
        var category = fm.Text("category");
        if (category is not null && !TermCategories.Contains(category))
        {
            load.Problems.Add(fm.Path, fm.LineOf("category"), $"unknown category '{category}' (known: {string.Join(", ", TermCategories)})");
        }

        var variants = fm.List("variants").Select(v => v.Value).ToList();
        var sources = load.SourceRefs(fm, "sources");
        load.AddLinks("/glossary", fm.Path, body.Links);
        if (term is not null && category is not null)
        {
            load.Terms.Add(new GlossaryTerm(id, term, category, variants, sources, body.Html, body.Text, fm.Path));
        }
    }

    /// <summary>The glossary, alphabetical.</summary>
    internal static List<GlossaryTerm> ArrangeTerms(ContentLoad load) =>
        [.. load.Terms.OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase)];
}
