namespace EssaySite.Content;

// Corrections made to the guide: content/corrections/<id>.md, listed newest first on the page 'corrections'.
public static partial class ContentKinds
{
    private static class CorrectionField
    {
        public static readonly Field<DateOnly?> Date = Field.Day("date", true, "when the guide was corrected");
        public static readonly Field<string?> Page = Field.Text("page", true, "the site link of what changed, such as /sources#some-source");
        public static readonly Field<string?> Was = Field.Text("was", true, "what the guide said that was wrong");
    }

    /// <summary>The slug of the page that lists the corrections, a page of the content like any other.</summary>
    public const string CorrectionsSlug = "corrections";

    public static readonly ContentKind Correction = new("correction", "a correction", "content/corrections/<id>.md",
        [CorrectionField.Date, CorrectionField.Page, CorrectionField.Was])
    { Folder = "corrections", Read = ReadCorrection };

    private static void ReadCorrection(ContentLoad load, ContentFile file)
    {
        var (fm, id, body) = (file.Front, file.Id, file.Body);
        fm.Use(Correction);
        var date = load.Read(fm, CorrectionField.Date);
        var page = load.Read(fm, CorrectionField.Page);
        var was = load.Read(fm, CorrectionField.Was);
        if (page is not null && !(page.StartsWith('/') && !page.StartsWith("//", StringComparison.Ordinal)))
        {
            fm.Report(CorrectionField.Page, $"'page' must be a link to a page of this site, such as /sources#some-source, not '{page}'");
            page = null;
        }

        var listedOn = Routes.Page(CorrectionsSlug);
        load.AddLinks(listedOn, fm.Path, body.Links);
        if (page is not null)
        {
            load.AddLinks(listedOn, fm.Path, [new SiteLink(page, fm.LineOf(CorrectionField.Page))]);
        }

        if (date is not null && page is not null && was is not null)
        {
            load.Corrections.Add(new Correction(id, date.Value, page, was, body.Html, fm.Path));
        }
    }

    /// <summary>The corrections, newest first; there must be a page to list them.</summary>
    internal static List<Correction> ArrangeCorrections(ContentLoad load)
    {
        var corrections = load.Corrections
            .OrderByDescending(c => c.Date)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        if (corrections.Count > 0 && !load.Pages.ContainsKey(CorrectionsSlug))
        {
            var first = corrections[0];
            load.Problems.Add(first.SourcePath, 1, "there is no page 'corrections' to list this correction (add content/corrections.md with 'kind: about')");
        }

        return corrections;
    }
}
