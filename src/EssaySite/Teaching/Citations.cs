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

/// <summary>A page of this guide to cite: its title, its address and the date it says it was last updated.</summary>
public sealed record GuidePageCitationInput(string PageTitle, Uri PageUrl, DateOnly? Updated, string SiteName);

/// <summary>
/// MLA (9th ed.), APA (7th ed.) and Chicago (17th ed., notes and bibliography) citations for the essay as
/// first published, for the essay as reproduced in this guide (always the author's work), for one of its
/// paragraphs, and for a page of the guide. Each style's own rules: MLA abbreviates months and puts the
/// paragraph ("par.") in the in-text citation; APA keeps the reference entry to the whole work, gives titles of
/// works in sentence case and the paragraph ("para.") in the in-text citation; Chicago's bibliography names the
/// whole work and its note carries the locator. No citation carries an access date: every page cited shows a
/// date of its own, which MLA and Chicago prefer, so a page's citations are the same whatever day it is read.
/// Pure functions of their inputs, so every format is pinned by a unit test.
/// </summary>
public static class Citations
{
    public const string Mla = "MLA (9th ed.), works cited";
    public const string MlaInText = "MLA (9th ed.), in-text";
    public const string Apa = "APA (7th ed.), reference";
    public const string ApaInText = "APA (7th ed.), in-text";
    public const string ChicagoNote = "Chicago (17th ed.), note";
    public const string ChicagoBibliography = "Chicago (17th ed.), bibliography";

    /// <summary>The essay as the author published it.</summary>
    public static IReadOnlyList<Citation> OriginalEssay(string author, string title, DateOnly published, Uri url)
    {
        var name = PersonName.Parse(author);
        var site = url.Host;
        return
        [
            new(Mla, [new($"{name.Inverted}. “{TitleCase(title)}.” "), new(site, true), new($", {MlaDate(published)}, {NoScheme(url)}.")]),
            new(Apa, [new($"{name.ApaInverted} ({ApaDate(published)}). "), new(SentenceCase(title), true), new($". {site}. {url.AbsoluteUri}")]),
            new(ChicagoNote, [new($"{name.Full}, “{TitleCase(title)},” {site}, {ChicagoDate(published)}, {url.AbsoluteUri}.")]),
            new(ChicagoBibliography, [new($"{name.Inverted}. “{TitleCase(title)}.” {site}, {ChicagoDate(published)}. {url.AbsoluteUri}.")]),
        ];
    }

    /// <summary>
    /// The essay as reproduced in this guide: the author's work, first published on its own date, republished here on
    /// the date the essay page gives as its last update (<paramref name="copyDate"/>). Each manual's rule for a
    /// republished work:
    /// MLA 9 puts the original publication date, an optional element, straight after the source's title and gives
    /// the container (this site) its own date; confirmed by Montgomery College's guide
    /// to the optional elements (https://mc.libguides.com/cite/citeMLA/optional: "Some works have been published more
    /// than once … the writer can include both dates").
    /// APA 7 dates the reference by the republication and ends it with "(Original work published 2020)", and the
    /// in-text citation gives both years, original first, with a slash ("(Lovell, 2020/2026)"). No stored page of APA
    /// Style confirmed this (a university guide cited for it earlier could not be found again, so it is not named); what
    /// holds it is the Citation Style Language project's APA 7 and MLA 9 styles, which the browser tests render from
    /// this site's CSL-JSON and which print the same two shapes from "issued" and "original-date".
    /// Chicago keeps the essay's date as its date and names the copy's as "last modified" (the section of the manual
    /// that says so is not confirmed).
    /// Without a date for the copy, MLA leaves the container undated and APA's date is "n.d.".
    /// </summary>
    public static IReadOnlyList<Citation> ReproducedEssay(string author, string title, DateOnly published, DateOnly? copyDate, Uri essayUrl, string siteName)
    {
        var name = PersonName.Parse(author);
        var container = TitleCase(siteName);
        var mlaCopy = copyDate is { } m ? $", {MlaDate(m)}" : "";
        var apaCopy = copyDate is { } a ? ApaDate(a) : "n.d.";
        var modified = LastModified(copyDate);
        return
        [
            new(Mla, [new($"{name.Inverted}. “{TitleCase(title)}.” {published.Year}. "), new(container, true), new($"{mlaCopy}, {NoScheme(essayUrl)}.")]),
            new(Apa, [new($"{name.ApaInverted} ({apaCopy}). "), new(SentenceCase(title), true), new($". {container}. {essayUrl.AbsoluteUri} (Original work published {published.Year})")]),
            new(ChicagoNote, [new($"{name.Full}, “{TitleCase(title)},” {ChicagoDate(published)}, reproduced in {container}{modified}, {essayUrl.AbsoluteUri}.")]),
            new(ChicagoBibliography, [new($"{name.Inverted}. “{TitleCase(title)}.” {ChicagoDate(published)}. Reproduced in {container}{modified}. {essayUrl.AbsoluteUri}.")]),
        ];
    }

    /// <summary>
    /// One paragraph of the essay as reproduced here: the in-text citations and the note carry the paragraph;
    /// the works-cited, reference and bibliography entries name the whole essay.
    /// </summary>
    public static IReadOnlyList<Citation> EssayParagraph(string author, string title, DateOnly published, DateOnly? copyDate, int paragraph, Uri essayUrl, string siteName)
    {
        var name = PersonName.Parse(author);
        var n = paragraph.ToString(CultureInfo.InvariantCulture);
        var whole = ReproducedEssay(author, title, published, copyDate, essayUrl, siteName).ToDictionary(c => c.Style);
        var paragraphUrl = new Uri($"{essayUrl.GetLeftPart(UriPartial.Query)}#p{n}");
        var years = $"{published.Year}/{(copyDate is { } d ? d.Year.ToString(CultureInfo.InvariantCulture) : "n.d.")}";
        return
        [
            new(MlaInText, [new($"({name.Family}, par. {n})")]),
            whole[Mla],
            new(ApaInText, [new($"({name.Family}, {years}, para. {n})")]),
            whole[Apa],
            new(ChicagoNote, [new($"{name.Full}, “{TitleCase(title)},” {ChicagoDate(published)}, par. {n}, reproduced in {TitleCase(siteName)}{LastModified(copyDate)}, {paragraphUrl.AbsoluteUri}.")]),
            whole[ChicagoBibliography],
        ];
    }

    private static string LastModified(DateOnly? date) => date is { } d ? $", last modified {ChicagoDate(d)}" : "";

    /// <summary>A page of this guide: no named author, so each style starts from the title (Chicago's bibliography from the site).</summary>
    public static IReadOnlyList<Citation> GuidePage(GuidePageCitationInput page)
    {
        var (title, url, updated, siteName) = page;
        var container = TitleCase(siteName);
        var mlaDate = updated is { } m ? $", {MlaDate(m)}" : "";
        var apaDate = updated is { } a ? ApaDate(a) : "n.d.";
        var chicagoDate = updated is { } c ? $"last modified {ChicagoDate(c)}" : "no date";
        return
        [
            new(Mla, [new($"“{TitleCase(title)}.” "), new(container, true), new($"{mlaDate}, {NoScheme(url)}.")]),
            new(Apa, [new(SentenceCase(title), true), new($". ({apaDate}). {container}. {url.AbsoluteUri}")]),
            new(ChicagoNote, [new($"“{TitleCase(title)},” {container}, {chicagoDate}, {url.AbsoluteUri}.")]),
            new(ChicagoBibliography, [new($"{container}. “{TitleCase(title)}.” {Capitalised(chicagoDate)}. {url.AbsoluteUri}.")]),
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

    /// <summary>APA 7 dates a web page year first: 2020, January 8.</summary>
    public static string ApaDate(DateOnly date) => $"{date.Year}, {LongMonth(date)} {date.Day}";

    /// <summary>The full stop after a title, unless the title already ends a sentence ("Who Won?" takes none).</summary>
    public static string EndOf(string title) => title.TrimEnd().EndsWith('?') || title.TrimEnd().EndsWith('!') || title.TrimEnd().EndsWith('.') ? "" : ".";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string LongMonth(DateOnly date) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month);

    /// <summary>MLA recommends leaving out http:// and https://.</summary>
    private static string NoScheme(Uri url) => url.AbsoluteUri[(url.Scheme.Length + 3)..];

    /// <summary>
    /// APA gives titles of works in sentence case: the first word, and the first word after a colon, capitalised
    /// (names aside: a word in capitals only, such as US, is kept).
    /// </summary>
    public static string SentenceCase(string title)
    {
        var words = title.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var first = i == 0 || words[i - 1].EndsWith(':');
            words[i] = first ? Capitalised(words[i]) : IsAcronym(words[i]) ? words[i] : words[i].ToLowerInvariant();
        }

        return string.Join(' ', words);
    }

    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by", "in", "of", "off", "on", "per", "to", "up", "via",
    };

    /// <summary>
    /// MLA and Chicago give titles in title case: every word capitalised except articles, conjunctions and
    /// short prepositions, which are capitalised only first, last, or after a colon.
    /// </summary>
    public static string TitleCase(string title)
    {
        var words = title.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var edge = i == 0 || i == words.Length - 1 || words[i - 1].EndsWith(':');
            words[i] = !edge && MinorWords.Contains(words[i]) ? words[i].ToLowerInvariant() : Capitalised(words[i]);
        }

        return string.Join(' ', words);
    }

    private static bool IsAcronym(string word) => word.Length > 1 && word.All(c => !char.IsLetter(c) || char.IsUpper(c));

    /// <summary>"Family, Given": how an author is listed for sorting (Highwire's citation_author, MLA, Chicago).</summary>
    public static string InvertedName(string author) => PersonName.Parse(author) is { Given.Length: > 0 } name ? name.Inverted : author.Trim();

    /// <summary>The author's given and family names, split as every citation here splits them (the last word is the family name).</summary>
    public static (string Given, string Family) NameParts(string author) => (PersonName.Parse(author).Given, PersonName.Parse(author).Family);

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
