using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using EssaySite.Teaching;

namespace EssaySite.BrowserTests;

/// <summary>
/// A reader saves the essay, or one paragraph, to a reference manager: each file, fetched from the running site,
/// is read back by citation.js's BibTeX, RIS and CSL-JSON parsers, and the CSL-JSON rendered by the Citation Style
/// Language project's own APA, MLA and Chicago styles agrees with the citations the site writes itself.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CitationFileTests(RealContentServer host)
{
    public static TheoryData<string, string, int?> Files => new()
    {
        { "bibtex", "bib", null }, { "ris", "ris", null }, { "csl-json", "csl.json", null },
        { "bibtex", "bib", 17 }, { "ris", "ris", 17 }, { "csl-json", "csl.json", 17 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task ACitationFile_ReadsBackInARealParser_WithTitleAuthorDateAddressAndParagraph(string format, string extension, int? paragraph)
    {
        var expected = await TheEssaysOwnCitationTagsAsync();
        var item = Assert.Single((await ReadAsync(ParseJob(format, extension, paragraph))).EnumerateArray());
        Assert.Equal(expected.Title, item.GetProperty("title").GetString());
        var author = Assert.Single(item.GetProperty("author").EnumerateArray());
        Assert.Equal(expected.Author, $"{author.GetProperty("family").GetString()}, {author.GetProperty("given").GetString()}");
        // Issued on the copy's date, the essay page's last update; the original's date beside it where the format
        // has a field for it (BibTeX's origdate, CSL's original-date; RIS has none a parser reads for a web page).
        static string Day(JsonElement date) => string.Join('/', date.GetProperty("date-parts")[0].EnumerateArray().Select(p => p.GetInt32().ToString(p.GetInt32() > 31 ? "0000" : "00", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Updated, Day(item.GetProperty("issued")));
        if (format != "ris")
        {
            Assert.Equal(expected.Date, Day(item.GetProperty("original-date")));
        }
        Assert.Equal(Url("/essay"), item.GetProperty("URL").GetString());
        if (paragraph is { } p)
        {
            var note = item.GetProperty("note").GetString();
            Assert.Contains($"Paragraph {p} ", note, StringComparison.Ordinal);
            Assert.Contains(Url($"/essay#p{p}"), note, StringComparison.Ordinal);
        }
        else
        {
            Assert.False(item.TryGetProperty("note", out _), "the whole essay's file names no paragraph");
        }
    }

    public static TheoryData<string, string, string> Styles => new()
    {
        // APA: "Family, G. (2026, December 7). Title. Site. URL (Original work published 2020)"
        { "apa", Citations.Apa, @"^(?<author>[^(]+?) \((?<date>[^)]+)\)\. (?<title>[^.]+)\. .* (?<original>\(Original work published \d{4}\))$" },
        // MLA: "Family, Given. “Title.” 2020. Site, 7 Dec. 2026, URL."
        { "modern-language-association", Citations.Mla, @"^(?<author>.+?\.) “(?<title>[^”]+?)\.?” (?<original>\d{4}\.) .*, (?<date>\d{1,2} \w+\.? \d{4}), " },
        // Chicago: "Family, Given. “Title.” Site, December 7, 2026. URL."
        { "chicago-note-bibliography", Citations.ChicagoBibliography, @"^(?<author>.+?\.) “(?<title>[^”]+?)\.?” .*?, (?<date>\w+ \d{1,2}, \d{4})\. " },
    };

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task TheSitesOwnCitation_AgreesWithACslProcessor_OnAuthorDateAndTitle(string style, string label, string pattern)
    {
        var csl = (await ReadAsync(RenderJob(style))).GetProperty("bibliography").GetString()!;
        var parts = Regex.Match(csl, pattern);
        Assert.True(parts.Success, $"The {style} rendering did not have the expected shape: {csl}");

        var page = await host.NewPageAsync();
        await page.GotoAsync("/essay");
        var ours = (await page.Locator($"h3:text-is('The essay as reproduced here') + dl dt:text-is('{label}') + dd").InnerTextAsync()).Trim();
        await page.Context.CloseAsync();

        Assert.StartsWith(parts.Groups["author"].Value, ours, StringComparison.Ordinal);
        // The CSL styles print a title as stored; APA's sentence case is the site's own doing (the CSL APA style
        // expects titles stored in sentence case), so for APA the title agrees letter for letter, not in case.
        Assert.Contains(parts.Groups["title"].Value, ours, style == "apa" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        // The copy's date, as each style prints it: after the container in MLA, first in APA, last modified in Chicago.
        Assert.Contains(parts.Groups["date"].Value, ours, StringComparison.Ordinal);
        // A republished work: MLA's original year after the title, APA's closing "(Original work published …)".
        if (parts.Groups["original"].Success)
        {
            Assert.Contains(parts.Groups["original"].Value, ours, StringComparison.Ordinal);
        }
    }

    private string Url(string path) => host.BaseUrl + path;

    private static string FilePath(string extension, int? paragraph) => paragraph is { } n ? $"/essay/cite/{n}.{extension}" : $"/essay/cite.{extension}";

    private static string[] ParseJob(string format, string extension, int? paragraph) => ["parse", format, FilePath(extension, paragraph)];

    private static string[] RenderJob(string style) => ["render", style, FilePath("csl.json", null)];

    /// <summary>
    /// Every file read and every style rendered, by one Node process for the whole class, keyed by job: Node and
    /// citation.js starting cold once for each of the nine cases took longer than the checks themselves.
    /// </summary>
    private static readonly ConcurrentDictionary<string, Lazy<Task<Dictionary<string, JsonElement>>>> Readings = new(StringComparer.Ordinal);

    private async Task<JsonElement> ReadAsync(string[] job)
    {
        var readings = await Readings.GetOrAdd(host.BaseUrl, _ => new(ReadEveryFileAsync)).Value;
        var result = readings[string.Join(' ', job)];
        if (result.ValueKind == JsonValueKind.Object && result.TryGetProperty("error", out var error))
        {
            Assert.Fail($"node citations.cjs {string.Join(' ', job)}: {error}");
        }

        return result;
    }

    private async Task<Dictionary<string, JsonElement>> ReadEveryFileAsync()
    {
        var jobs = Files.Select(row => ParseJob((string)row[0], (string)row[1], (int?)row[2]))
            .Concat(Styles.Select(row => RenderJob((string)row[0])))
            .ToList();
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in jobs.Select(job => job[2]).Distinct(StringComparer.Ordinal))
        {
            files[path] = await DownloadAsync(path);
        }

        var list = Path.Combine(Path.GetTempPath(), $"essaysite-{Guid.NewGuid():N}-jobs.json");
        await File.WriteAllTextAsync(list, JsonSerializer.Serialize(jobs.Select(job => new[] { job[0], job[1], files[job[2]] })));
        using var results = JsonDocument.Parse(await NodeTools.RunAsync("citations.cjs", "batch", list));
        return jobs.Zip(results.RootElement.EnumerateArray()).ToDictionary(pair => string.Join(' ', pair.First), pair => pair.Second.Clone(), StringComparer.Ordinal);
    }

    private sealed record Tags(string Title, string Author, string Date, string Updated);

    /// <summary>The essay page's Highwire tags, which reference managers' browser buttons read: the files must say the same.</summary>
    private async Task<Tags> TheEssaysOwnCitationTagsAsync()
    {
        var page = await host.NewPageAsync(javaScript: false);
        await page.GotoAsync("/essay");
        async Task<string> Meta(string name) => await page.Locator($"meta[name='{name}']").GetAttributeAsync("content") ?? throw new InvalidOperationException($"no {name}");
        var updated = await page.Locator(".page-meta time").GetAttributeAsync("datetime") ?? throw new InvalidOperationException("no Last updated date");
        var tags = new Tags(await Meta("citation_title"), await Meta("citation_author"), await Meta("citation_publication_date"), updated.Replace('-', '/'));
        await page.Context.CloseAsync();
        return tags;
    }

    private async Task<string> DownloadAsync(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(Url(path)));
        response.EnsureSuccessStatusCode();
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.DispositionType, StringComparison.Ordinal);
        var file = Path.Combine(Path.GetTempPath(), $"essaysite-{Guid.NewGuid():N}-{response.Content.Headers.ContentDisposition!.FileName!.Trim('"')}");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        return file;
    }
}
