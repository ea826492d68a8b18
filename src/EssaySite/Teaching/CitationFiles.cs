using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EssaySite.Content;

namespace EssaySite.Teaching;

/// <summary>
/// The essay as reproduced here, as one reference-manager record: the same facts the site's own citations give
/// (the author's name split as they split it, the title, the essay's date and this copy's address), and, for one
/// paragraph, where in the essay it is.
/// </summary>
public sealed record CitedCopy(string Given, string Family, string Title, string Container, DateOnly Issued, Uri Url, int? Paragraph, DateOnly? Original = null)
{
    /// <summary>The work's year, not the copy's, so the key stays the same when the copy is updated.</summary>
    public string Key => $"{KeyOf(Family)}{(Original ?? Issued).Year}{(Paragraph is { } n ? $"p{n}" : "")}";

    /// <summary>"Paragraph 17 of the essay: https://…/essay#p17", or null for the whole essay.</summary>
    public string? Locator => Paragraph is { } n ? $"Paragraph {n} of the essay: {Url.GetLeftPart(UriPartial.Query)}#p{n}" : null;

    private static string KeyOf(string family) => new string([.. family.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]) is { Length: > 0 } k ? k : "essay";

    /// <summary>
    /// The copy on this site, dated as the site's own citations date it: issued on the essay page's last update, a
    /// republication of the essay first published on its own date (<see cref="Original"/>), as MLA and APA cite a
    /// republished work. The original's address is left out: this record cites this copy.
    /// </summary>
    public static CitedCopy Of(Essay essay, Uri essayUrl, string siteName, int? paragraph = null)
    {
        var (given, family) = Citations.NameParts(essay.Author);
        return essay.Page.LastUpdated is { } copy
            ? new CitedCopy(given, family, essay.Page.Title, Citations.TitleCase(siteName), copy, essayUrl, paragraph, essay.Published)
            : new CitedCopy(given, family, essay.Page.Title, Citations.TitleCase(siteName), essay.Published, essayUrl, paragraph);
    }
}

/// <summary>
/// Writers of BibTeX, RIS and CSL-JSON for reference managers (Zotero, Mendeley, EndNote, JabRef). No library for
/// these formats is served to this project, so each is written here, small and tested against a real parser.
/// A reference manager stores works, not places in them, so none of the three formats has a field for "paragraph
/// 17" that managers import as such: each file puts the paragraph in its note field (BibTeX <c>note</c>, RIS
/// <c>N1</c>, CSL-JSON <c>note</c>), which Zotero, Mendeley and citation.js all keep, rather than in the page
/// fields (<c>pages</c>, <c>SP</c>), which managers would print as a page range.
/// </summary>
public static class CitationFiles
{
    public sealed record Format(string Name, string Extension, string ContentType, Func<CitedCopy, string> Write);

    /// <summary>
    /// The three formats, with the media types reference managers and DOI content negotiation use for them
    /// (none is registered with IANA; CSL-JSON's is the Citation Style Language project's own).
    /// </summary>
    public static readonly IReadOnlyList<Format> Formats =
    [
        new("BibTeX", "bib", "application/x-bibtex; charset=utf-8", BibTeX),
        new("RIS", "ris", "application/x-research-info-systems; charset=utf-8", Ris),
        new("CSL-JSON", "csl.json", "application/vnd.citationstyles.csl+json; charset=utf-8", CslJson),
    ];

    /// <summary>"there-is-only-one-position.bib", or "…-paragraph-17.bib".</summary>
    public static string FileName(string title, int? paragraph, string extension)
    {
        var slug = string.Join('-', new string([.. title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : ' ')])
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return $"{slug}{(paragraph is { } n ? $"-paragraph-{n}" : "")}.{extension}";
    }

    /// <summary>
    /// A biblatex <c>@online</c> entry that plain BibTeX reads too: <c>year</c> and <c>month</c> beside biblatex's
    /// <c>date</c>, and the address in <c>url</c>. Text is UTF-8; BibTeX's special characters are escaped.
    /// </summary>
    public static string BibTeX(CitedCopy copy)
    {
        var fields = new List<(string Name, string Value)>
        {
            ("author", $"{Escape(copy.Family)}, {Escape(copy.Given)}"),
            ("title", Escape(copy.Title)),
            // A list field: in its own braces, so the "and" in the site's name does not split it into two.
            ("organization", $"{{{Escape(copy.Container)}}}"),
            ("date", copy.Issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("year", copy.Issued.Year.ToString(CultureInfo.InvariantCulture)),
            ("month", copy.Issued.Month.ToString(CultureInfo.InvariantCulture)),
            // The address is not escaped: url fields are read verbatim (a backslash would become part of it).
            ("url", copy.Url.AbsoluteUri),
            ("langid", "english"),
        };
        if (copy.Original is { } original)
        {
            // biblatex's date of the original work, which citation.js reads as CSL's original-date.
            fields.Add(("origdate", original.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        if (copy.Locator is { } locator)
        {
            fields.Add(("note", Escape(locator)));
        }

        var text = new StringBuilder();
        text.Append("% ").Append(copy.Title).Append(" by ").Append(copy.Given).Append(' ').Append(copy.Family)
            .Append(", as reproduced in ").Append(copy.Container).Append(".\n");
        text.Append("@online{").Append(copy.Key).Append(",\n");
        text.AppendJoin(",\n", fields.Select(f => $"  {f.Name,-12} = {{{f.Value}}}"));
        return text.Append("\n}\n").ToString();
    }

    /// <summary>Escapes BibTeX's special characters, so a title with braces, % or &amp; reads back as written.</summary>
    public static string Escape(string text)
    {
        var output = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            output.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '%' or '&' or '$' or '#' or '_' => $"\\{c}",
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                '\r' or '\n' or '\t' => " ",
                _ => c.ToString(),
            });
        }

        return output.ToString();
    }

    /// <summary>
    /// One RIS record of type <c>ELEC</c> (web page). The RIS specification ends each line with CR LF and ends the
    /// record with <c>ER  - </c>; a value is one line.
    /// </summary>
    public static string Ris(CitedCopy copy)
    {
        var lines = new List<(string Tag, string Value)>
        {
            ("TY", "ELEC"),
            ("AU", $"{copy.Family}, {copy.Given}"),
            ("TI", copy.Title),
            ("T2", copy.Container),
            ("PY", copy.Issued.Year.ToString(CultureInfo.InvariantCulture)),
            ("DA", copy.Issued.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture)),
            ("UR", copy.Url.AbsoluteUri),
            ("LA", "en"),
        };
        // RIS has no field for a web page's original date that reference managers read (citation.js maps one only
        // for data sets), so the record carries the copy's date alone.
        if (copy.Locator is { } locator)
        {
            lines.Add(("N1", locator));
        }

        lines.Add(("ER", ""));
        return string.Concat(lines.Select(l => $"{l.Tag}  - {OneLine(l.Value)}\r\n"));
    }

    private static string OneLine(string value) => value.ReplaceLineEndings(" ");

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // The file is UTF-8: curly quotes and accents are written as themselves.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// A CSL-JSON array of one item (what Zotero, Mendeley and pandoc import). A locator belongs to a citation,
    /// not to an item, and a file of items has nowhere else to keep it, so the paragraph is in <c>note</c>.
    /// </summary>
    public static string CslJson(CitedCopy copy)
    {
        var item = new Dictionary<string, object>
        {
            ["id"] = copy.Key,
            ["type"] = "webpage",
            ["title"] = copy.Title,
            ["container-title"] = copy.Container,
            ["author"] = new[] { new Dictionary<string, string> { ["family"] = copy.Family, ["given"] = copy.Given } },
            ["issued"] = new Dictionary<string, int[][]> { ["date-parts"] = [[copy.Issued.Year, copy.Issued.Month, copy.Issued.Day]] },
            ["URL"] = copy.Url.AbsoluteUri,
            ["language"] = "en",
        };
        if (copy.Original is { } original)
        {
            // What CSL's APA and MLA styles print as "(Original work published 2020)" and the year after the title.
            item["original-date"] = new Dictionary<string, int[][]> { ["date-parts"] = [[original.Year, original.Month, original.Day]] };
        }

        if (copy.Locator is { } locator)
        {
            item["note"] = locator;
        }

        return JsonSerializer.Serialize(new[] { item }, Json) + "\n";
    }
}
