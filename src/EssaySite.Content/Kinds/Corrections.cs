namespace EssaySite.Content;

// Corrections made to the guide: content/corrections/<id>.md, listed newest first on the page 'corrections'.
public static partial class ContentKinds
{
    public static readonly ContentKind Correction = new("correction", "a correction", "content/corrections/<id>.md",
    [
        new("date", FieldType.Day, true, "when the guide was corrected"),
        new("page", FieldType.Text, true, "the site link of what changed, such as /sources#some-source"),
        new("was", FieldType.Text, true, "what the guide said that was wrong"),
    ])
    { Folder = "corrections", Read = ReadCorrection };

    private static void ReadCorrection(ContentLoad load, ContentFile file)
    {
        var (fm, id, body) = (file.Front, file.Id, file.Body);
        fm.Use(Correction);
        var date = fm.Day("date");
        var page = fm.Text("page");
        var was = fm.Text("was");
        if (page is not null && !(page.StartsWith('/') && !page.StartsWith("//", StringComparison.Ordinal)))
        {
            load.Problems.Add(fm.Path, fm.LineOf("page"), $"'page' must be a link to a page of this site, such as /sources#some-source, not '{page}'");
            page = null;
        }

        load.AddLinks("/corrections", fm.Path, body.Links);
        if (page is not null)
        {
            load.AddLinks("/corrections", fm.Path, [new SiteLink(page, fm.LineOf("page"))]);
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
        if (corrections.Count > 0 && !load.Pages.ContainsKey("corrections"))
        {
            var first = corrections[0];
            load.Problems.Add(first.SourcePath, 1, "there is no page 'corrections' to list this correction (add content/corrections.md with 'kind: about')");
        }

        return corrections;
    }
}
