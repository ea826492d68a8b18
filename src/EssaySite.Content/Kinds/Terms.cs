namespace EssaySite.Content;

// Glossary terms: content/glossary/<id>.md, with the other names search treats as the same.
public static partial class ContentKinds
{
    public static readonly string[] TermCategories = ["person", "organisation", "agreement", "place", "concept", "event"];

    private static class TermField
    {
        public static readonly Field<string?> Term = Field.Text("term", true, "the term as the glossary shows it");
        public static readonly Field<string?> Category = Field.Text("category", true, "what it is", TermCategories);
        public static readonly Field<IReadOnlyList<string>> Variants = Field.TextList("variants", false, "other spellings and names, which search treats as the same");
        public static readonly Field<IReadOnlyList<string>> Sources = Field.Ids("sources", false, "sources for its definition", refersTo: "source");
    }

    public static readonly ContentKind Term = new("term", "a glossary term", "content/glossary/<id>.md",
        [TermField.Term, TermField.Category, TermField.Variants, TermField.Sources])
    { Folder = "glossary", Read = ReadTerm };

    private static void ReadTerm(ContentLoad load, ContentFile file)
    {
        var (fm, id, body) = (file.Front, file.Id, file.Body);
        fm.Use(Term);
        var term = load.Read(fm, TermField.Term);
        var category = load.Read(fm, TermField.Category);
        var variants = load.Read(fm, TermField.Variants);
        var sources = load.Read(fm, TermField.Sources);
        load.AddLinks(Routes.Glossary, fm.Path, body.Links);
        if (term is not null && category is not null)
        {
            load.Terms.Add(new GlossaryTerm(id, term, category, variants, sources, body.Html, body.Text, fm.Path));
        }
    }

    /// <summary>The glossary, alphabetical.</summary>
    internal static List<GlossaryTerm> ArrangeTerms(ContentLoad load) =>
        [.. load.Terms.OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase)];
}
