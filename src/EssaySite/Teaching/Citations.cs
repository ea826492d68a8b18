using System.Globalization;

namespace EssaySite.Teaching;

/// <summary>A run of citation text; titles of whole works are italic.</summary>
public sealed record CitationPart(string Text, bool Italic = false);

/// <summary>One formatted citation: its style's name and its text, in parts so a page can italicise.</summary>
public sealed record Citation(string Style, IReadOnlyList<CitationPart> Parts)
{
    public string Text => string.Concat(Parts.Select(p => p.Text));

    public override string ToString() => Text;
}

/// <summary>What a citation of this guide needs to know: where, when it was read, and which content version.</summary>
public sealed record GuideCitationInput(string PageTitle, Uri PageUrl, DateOnly Accessed, string ContentVersion);

/// <summary>
/// MLA (9th ed.), APA (7th ed.) and Chicago (17th ed., notes and bibliography) citations for the essay as
/// first published, for a page of this guide, and for one paragraph of the essay as reproduced here.
/// Pure functions of their inputs, so every format is pinned by a unit test.
/// </summary>
public static class Citations
{
    public const string SiteName = "There Is Only One Position: essay and reading guide";
    public const string Editors = "Editors of " + SiteName;
    public const string Mla = "MLA (9th ed.)";
    public const string Apa = "APA (7th ed.)";
    public const string ChicagoNote = "Chicago (17th ed.), note";
    public const string ChicagoBibliography = "Chicago (17th ed.), bibliography";

    /// <summary>The essay as the author published it.</summary>
    public static IReadOnlyList<Citation> OriginalEssay(string author, string title, DateOnly published, Uri url)
    {
        var name = PersonName.Parse(author);
        var site = url.Host;
        return
        [
            new(Mla, [new($"{name.Inverted}. “{title}.” "), new(site, true), new($", {MlaDate(published)}, {NoScheme(url)}.")]),
            new(Apa, [new($"{name.ApaInverted} ({published.Year}, {LongMonth(published)} {published.Day}). "), new(SentenceCase(title), true), new($". {site}. {url.AbsoluteUri}")]),
            new(ChicagoNote, [new($"{name.Full}, “{title},” {site}, {ChicagoDate(published)}, {url.AbsoluteUri}.")]),
            new(ChicagoBibliography, [new($"{name.Inverted}. “{title}.” {site}, {ChicagoDate(published)}. {url.AbsoluteUri}.")]),
        ];
    }

    /// <summary>A page of this guide, written by its editors, undated, with the access date and content version.</summary>
    public static IReadOnlyList<Citation> GuidePage(GuideCitationInput page)
    {
        var (title, url, accessed, version) = page;
        return
        [
            new(Mla, [new($"“{title}.” "), new(SiteName, true), new($", content version {version}, {NoScheme(url)}. Accessed {MlaDate(accessed)}.")]),
            new(Apa, [new($"{Editors}. (n.d.). "), new(title, true), new($" (Content version {version}). Retrieved {ChicagoDate(accessed)}, from {url.AbsoluteUri}")]),
            new(ChicagoNote, [new($"{Editors}, “{title},” {SiteName}, content version {version}, accessed {ChicagoDate(accessed)}, {url.AbsoluteUri}.")]),
            new(ChicagoBibliography, [new($"{Editors}. “{title}.” {SiteName}. Content version {version}. Accessed {ChicagoDate(accessed)}. {url.AbsoluteUri}.")]),
        ];
    }

    /// <summary>One paragraph of the essay as reproduced in this guide: the essay's citation with ¶ and the paragraph's URL.</summary>
    public static IReadOnlyList<Citation> EssayParagraph(string author, string title, DateOnly published, int paragraph, GuideCitationInput here)
    {
        var name = PersonName.Parse(author);
        var (_, url, accessed, version) = here;
        var where = $"¶ {paragraph.ToString(CultureInfo.InvariantCulture)}";
        return
        [
            new(Mla, [new($"{name.Inverted}. “{title}.” {published.Year}. "), new(SiteName, true), new($", content version {version}, {where}, {NoScheme(url)}. Accessed {MlaDate(accessed)}.")]),
            new(Apa, [new($"{name.ApaInverted} ({published.Year}). "), new(SentenceCase(title), true), new($" (Content version {version}, {where}). {SiteName}. Retrieved {ChicagoDate(accessed)}, from {url.AbsoluteUri}")]),
            new(ChicagoNote, [new($"{name.Full}, “{title}” ({ChicagoDate(published)}), {where}, in {SiteName}, content version {version}, accessed {ChicagoDate(accessed)}, {url.AbsoluteUri}.")]),
            new(ChicagoBibliography, [new($"{name.Inverted}. “{title}.” {ChicagoDate(published)}. {where}. In {SiteName}. Content version {version}. Accessed {ChicagoDate(accessed)}. {url.AbsoluteUri}.")]),
        ];
    }

    /// <summary>MLA abbreviates months of more than four letters: 8 Jan. 2020, 23 May 2026, 1 June 2026.</summary>
    public static string MlaDate(DateOnly date)
    {
        var month = LongMonth(date);
        var shown = month.Length <= 4 ? month : month == "September" ? "Sept." : month[..3] + ".";
        return $"{date.Day} {shown} {date.Year}";
    }

    public static string ChicagoDate(DateOnly date) => $"{LongMonth(date)} {date.Day}, {date.Year}";

    private static string LongMonth(DateOnly date) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month);

    /// <summary>MLA recommends leaving out http:// and https://.</summary>
    private static string NoScheme(Uri url) => url.AbsoluteUri[(url.Scheme.Length + 3)..];

    /// <summary>APA gives titles of works in sentence case: only the first word capitalised (names aside).</summary>
    public static string SentenceCase(string title) =>
        title.Length == 0 ? title : char.ToUpperInvariant(title[0]) + string.Join(' ', title[1..].Split(' ').Select((w, i) => i == 0 ? w : w.ToLowerInvariant()));

    private sealed record PersonName(string Given, string Family)
    {
        public string Full => $"{Given} {Family}";

        public string Inverted => $"{Family}, {Given}";

        public string ApaInverted => $"{Family}, {string.Join(' ', Given.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(g => g[0] + "."))}";

        public static PersonName Parse(string name)
        {
            var space = name.Trim().LastIndexOf(' ');
            return space < 0 ? new PersonName("", name.Trim()) : new PersonName(name[..space].Trim(), name[(space + 1)..].Trim());
        }
    }
}
