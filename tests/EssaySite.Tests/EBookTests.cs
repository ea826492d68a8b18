using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using EssaySite.Book;
using EssaySite.Content;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>/essay.epub: the essay and its guide as an EPUB 3 e-book, valid by epubcheck and the same bytes every time (on the fixture guide).</summary>
public sealed class EBookTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    private static readonly XNamespace Opf = "http://www.idpf.org/2007/opf";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace X = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace Epub = "http://www.idpf.org/2007/ops";

    private ContentSnapshot Snapshot => host.Factory.Services.GetRequiredService<ContentStore>().Current;

    private Task<byte[]> BookAsync() => host.Client.GetByteArrayAsync(new Uri("/essay.epub", UriKind.Relative));

    private static XDocument Read(ZipArchive zip, string name)
    {
        using var stream = (zip.GetEntry(name) ?? throw new InvalidOperationException($"{name} is not in the book")).Open();
        return XDocument.Load(stream, LoadOptions.PreserveWhitespace);
    }

    private static XDocument Package(ZipArchive zip) => Read(zip, "EPUB/package.opf");

    /// <summary>The documents of the spine, in order, as the names of their files.</summary>
    private static List<string> Spine(XDocument package)
    {
        var hrefs = package.Descendants(Opf + "item").ToDictionary(i => (string)i.Attribute("id")!, i => (string)i.Attribute("href")!);
        return [.. package.Descendants(Opf + "itemref").Select(r => hrefs[(string)r.Attribute("idref")!])];
    }

    [Fact]
    public async Task EBook_IsADownload_NamedForTheEssay_FromThePagesAndFromTheEdition()
    {
        foreach (var _ in new[] { "on demand or from the edition", "from the edition" })
        {
            using var response = await host.Client.GetAsync(new Uri("/essay.epub", UriKind.Relative));
            Assert.Equal(200, (int)response.StatusCode);
            Assert.Equal("application/epub+zip", response.Content.Headers.ContentType!.MediaType);
            var disposition = response.Content.Headers.ContentDisposition!;
            Assert.Equal("attachment", disposition.DispositionType);
            Assert.Equal(EssayBook.FileName(Snapshot), disposition.FileNameStar);
            Assert.EndsWith(".epub", disposition.FileNameStar, StringComparison.Ordinal);
            Assert.StartsWith(Snapshot.Essay.Page.Title.Split(' ')[0].ToLowerInvariant() + "-", disposition.FileNameStar, StringComparison.Ordinal);
            await EditionTests.WhenBuiltAsync(host.Factory);
        }
    }

    [Fact]
    public async Task EBook_PassesEpubcheck_WithNoErrorsOrWarnings() => await AssertValidAsync(await BookAsync());

    /// <summary>Runs epubcheck on a book: it must find no error and no warning. A machine without it fails, saying how to install it.</summary>
    internal static async Task AssertValidAsync(byte[] book)
    {
        var epubcheck = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "epubcheck"))
            .FirstOrDefault(File.Exists);
        Assert.True(epubcheck is not null, "epubcheck is not installed: on Debian or Ubuntu, sudo apt-get install -y epubcheck (scripts/test installs it when run as root)");

        var file = Path.Combine(Path.GetTempPath(), $"essaysite-{Guid.NewGuid():N}.epub");
        try
        {
            await File.WriteAllBytesAsync(file, book);
            // Debian's epubcheck is the jar itself, which runs directly only where binfmt support is set up.
            var header = new byte[2];
            await using (var stream = File.OpenRead(epubcheck))
            {
                await stream.ReadExactlyAsync(header);
            }

            var (exitCode, output) = header is [(byte)'P', (byte)'K']
                ? await Processes.RunAsync("java", Path.GetTempPath(), new Dictionary<string, string>(), "-jar", epubcheck, file)
                : await Processes.RunAsync(epubcheck, Path.GetTempPath(), new Dictionary<string, string>(), file);
            Assert.True(exitCode == 0, output);
            Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
            Assert.DoesNotContain("ERROR", output, StringComparison.Ordinal);
            Assert.DoesNotContain("FATAL", output, StringComparison.Ordinal);
            Assert.Contains("No errors or warnings detected", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task EBook_StartsWithItsMimetype_Stored()
    {
        var book = await BookAsync();
        // The first local file header: signature, then the compression method at 8, the name's length at 26, the extra field's at 28.
        Assert.Equal("PK\u0003\u0004", Encoding.ASCII.GetString(book, 0, 4));
        Assert.Equal(0, BitConverter.ToUInt16(book, 8));
        var nameLength = BitConverter.ToUInt16(book, 26);
        Assert.Equal(0, BitConverter.ToUInt16(book, 28));
        Assert.Equal("mimetype", Encoding.ASCII.GetString(book, 30, nameLength));
        Assert.Equal("application/epub+zip", Encoding.ASCII.GetString(book, 30 + nameLength, "application/epub+zip".Length));
        using var zip = new ZipArchive(new MemoryStream(book));
        Assert.Equal("mimetype", zip.Entries[0].FullName);
        Assert.Equal(zip.Entries[0].Length, zip.Entries[0].CompressedLength);
        Assert.NotNull(zip.GetEntry("META-INF/container.xml"));
    }

    [Fact]
    public async Task EBook_Metadata_NamesTheEssay_ItsAuthor_LanguageAndDates()
    {
        using var zip = new ZipArchive(new MemoryStream(await BookAsync()));
        var package = Package(zip);
        var metadata = package.Root!.Element(Opf + "metadata")!;
        var essay = Snapshot.Essay;
        Assert.Equal(essay.Page.Title, (string?)metadata.Element(Dc + "title"));
        Assert.Equal(essay.Author, (string?)metadata.Element(Dc + "creator"));
        Assert.Equal(Snapshot.Identity.Language, (string?)metadata.Element(Dc + "language"));
        Assert.Equal(essay.Published.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), (string?)metadata.Element(Dc + "date"));
        var modified = metadata.Elements(Opf + "meta").Single(m => (string?)m.Attribute("property") == "dcterms:modified");
        Assert.Equal(Snapshot.LastUpdated!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T00:00:00Z", modified.Value);

        var identifier = metadata.Element(Dc + "identifier")!;
        Assert.Equal((string?)package.Root.Attribute("unique-identifier"), (string?)identifier.Attribute("id"));
        Assert.StartsWith("urn:uuid:", identifier.Value, StringComparison.Ordinal);
        Assert.Equal(8, Guid.Parse(identifier.Value["urn:uuid:".Length..]).Version);
        // Made from the essay's public address: the same for every edition of the site, another for another site.
        Assert.Equal(EssayBook.Identifier(new Uri("http://localhost/")), identifier.Value);
        Assert.NotEqual(EssayBook.Identifier(new Uri("https://essay.example.org/")), identifier.Value);
    }

    [Fact]
    public async Task EBook_Spine_IsTheReadingOrder_AndEveryManifestItemIsInTheZip()
    {
        using var zip = new ZipArchive(new MemoryStream(await BookAsync()));
        var package = Package(zip);
        Assert.Equal(["essay.xhtml", "timeline.xhtml", "sources.xhtml", "questions.xhtml", "glossary.xhtml"], Spine(package));
        var manifest = package.Descendants(Opf + "item").Select(i => "EPUB/" + (string)i.Attribute("href")!).ToList();
        Assert.All(manifest, name => Assert.NotNull(zip.GetEntry(name)));
        Assert.Equal(
            manifest.Concat(["mimetype", "META-INF/container.xml", "EPUB/package.opf"]).Order(StringComparer.Ordinal),
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var container = Read(zip, "META-INF/container.xml");
        Assert.Equal("EPUB/package.opf", (string?)container.Descendants().Single(e => e.Name.LocalName == "rootfile").Attribute("full-path"));
    }

    [Fact]
    public async Task EBook_Contents_ListEveryDocument_ByItsTitle()
    {
        using var zip = new ZipArchive(new MemoryStream(await BookAsync()));
        var spine = Spine(Package(zip));
        var toc = Read(zip, "EPUB/nav.xhtml").Descendants(X + "nav").Single(n => (string?)n.Attribute(Epub + "type") == "toc");
        var entries = toc.Descendants(X + "a").ToList();
        Assert.Equal(spine, entries.Select(a => (string)a.Attribute("href")!));
        foreach (var a in entries)
        {
            var heading = Read(zip, "EPUB/" + (string)a.Attribute("href")!).Descendants(X + "h1").First();
            Assert.Equal(heading.Value, a.Value);
        }

        Assert.Equal(Snapshot.Page("timeline")!.Title, entries[1].Value);
    }

    [Fact]
    public async Task EBook_Essay_HoldsEveryParagraph_WordForWord_AsTheAuthorsOpinion()
    {
        using var zip = new ZipArchive(new MemoryStream(await BookAsync()));
        var essay = Read(zip, "EPUB/essay.xhtml");
        var paragraphs = essay.Descendants(X + "div").Where(d => ((string?)d.Attribute("class"))?.Split(' ').Contains("para") == true).ToList();
        Assert.Equal(FixtureGuide.Paragraphs().Count, paragraphs.Count);
        Assert.Equal(Snapshot.Essay.Paragraphs.Count, paragraphs.Count);
        foreach (var (expected, div) in Snapshot.Essay.Paragraphs.Zip(paragraphs))
        {
            Assert.Equal(expected.Id, (string?)div.Attribute("id"));
            var number = div.Elements(X + "p").First();
            Assert.Equal("pnum", (string?)number.Attribute("class"));
            Assert.Equal(expected.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), number.Value);
            var words = string.Concat(div.DescendantNodes().OfType<XText>().Where(t => !t.Ancestors().Contains(number)).Select(t => t.Value));
            Assert.Equal(Html.Fold(expected.Text), Html.Fold(words));
        }

        var note = Html.Fold(essay.Descendants(X + "p").Single(p => (string?)p.Attribute("class") == "note").Value);
        Assert.Contains("the author’s opinion, reproduced word for word", note, StringComparison.Ordinal);
        Assert.Contains("written by the editors of", note, StringComparison.Ordinal);
        Assert.Contains(Snapshot.Essay.Author, essay.Descendants(X + "p").Single(p => (string?)p.Attribute("class") == "byline").Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EBook_Links_PointInsideTheBook_OrAbsolutelyToTheSite()
    {
        using var zip = new ZipArchive(new MemoryStream(await BookAsync()));
        var documents = Spine(Package(zip)).ToDictionary(name => name, name => Read(zip, "EPUB/" + name));
        var links = documents.SelectMany(d => d.Value.Descendants(X + "a").Select(a => (Document: d.Key, Href: (string)a.Attribute("href")!))).ToList();
        foreach (var (document, href) in links)
        {
            if (href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = href.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? href : href[..hash];
            var target = file.Length == 0 ? document : file;
            Assert.True(documents.ContainsKey(target), $"{document}: {href} is neither in the book nor on the web");
            if (hash >= 0)
            {
                var id = href[(hash + 1)..];
                Assert.True(documents[target].Descendants().Any(e => (string?)e.Attribute("id") == id), $"{document}: {href} names no element of {target}");
            }
        }

        var first = Snapshot.Essay.LinkedTerms[0];
        Assert.Contains(("essay.xhtml", $"glossary.xhtml#{first.Id}"), links);
        Assert.Contains(links, l => l.Document == "timeline.xhtml" && l.Href.StartsWith("sources.xhtml#", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Document == "sources.xhtml" && l.Href.StartsWith("essay.xhtml#p", StringComparison.Ordinal));
        // Commentary is not in the book: its links go to the site.
        var commentary = Snapshot.EventCommentary.Values.SelectMany(c => c).First();
        Assert.Contains(("timeline.xhtml", "http://localhost" + commentary.Url), links);
    }

    [Fact]
    public async Task EBook_IsTheSameBytes_EveryTime()
    {
        var first = await BookAsync();
        await EditionTests.WhenBuiltAsync(host.Factory);
        Assert.Equal(first, await BookAsync());
        Assert.Equal(first, EssayBook.Make(Snapshot, new Uri("http://localhost/")));
        using var zip = new ZipArchive(new MemoryStream(first));
        var updated = Snapshot.LastUpdated!.Value.ToDateTime(TimeOnly.MinValue);
        Assert.All(zip.Entries, e => Assert.Equal(updated, e.LastWriteTime.DateTime));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/essay")]
    public async Task HomeAndEssay_LinkToTheEBook(string path)
    {
        var document = await host.Client.GetDocumentAsync(path);
        var link = document.QuerySelector("a[href='/essay.epub']");
        Assert.NotNull(link);
        Assert.True(link.HasAttribute("download"));
        Assert.Contains("EPUB", link.ParentElement!.TextContent, StringComparison.Ordinal);
    }
}

/// <summary>The e-book of a small made-up guide: only what its content gives, and still a valid book.</summary>
public sealed class EBookOfAnotherGuideTests : IDisposable
{
    private readonly TempContent _content = TempContent.Empty();

    public void Dispose() => _content.Dispose();

    [Fact]
    public async Task AGuideWithOnlyItsEssay_MakesAValidBookOfItsOwnNamesAndDates()
    {
        _content.Write("essay.md", """
            ---
            kind: essay
            title: "Notes on Rivers"
            slug: essay
            order: 1
            author: "A. Writer"
            written: 2021-03-01
            published: 2021-03-02
            original_url: "https://example.org/rivers"
            summary: "A made-up essay."
            ---

            Rivers run to the sea, as [the next paragraph](/essay#p2) says, and [the about page](/about) too.

            The second paragraph: 1 < 2 & 3 > 2 stay text.
            """);
        _content.Write("about.md", "---\nkind: about\ntitle: \"About\"\nslug: about\nsummary: \"About it.\"\n---\n\nMade up.\n");
        _content.Write("site.yml", "name: \"River Guide\"\ndescription: \"A guide to a made-up essay.\"\nlanguage: fr\n");
        var snapshot = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes).Load(_content.ContentRoot);
        var book = EssayBook.Make(snapshot, new Uri("https://rivers.example/guide/"));
        await EBookTests.AssertValidAsync(book);

        using var zip = new ZipArchive(new MemoryStream(book));
        Assert.Equal(["mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/book.css", "EPUB/essay.xhtml"], zip.Entries.Select(e => e.FullName));
        string Text(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        var package = Text("EPUB/package.opf");
        Assert.Contains("<dc:title>Notes on Rivers</dc:title>", package, StringComparison.Ordinal);
        Assert.Contains("<dc:creator id=\"author\">A. Writer</dc:creator>", package, StringComparison.Ordinal);
        Assert.Contains("<dc:language>fr</dc:language>", package, StringComparison.Ordinal);
        // Without a last-updated date, the book is dated by the essay's publication.
        Assert.Contains("<meta property=\"dcterms:modified\">2021-03-02T00:00:00Z</meta>", package, StringComparison.Ordinal);
        var essay = Text("EPUB/essay.xhtml");
        Assert.DoesNotContain("Scarminach", package + essay, StringComparison.Ordinal);
        Assert.Contains("xml:lang=\"fr\"", essay, StringComparison.Ordinal);
        // A book with no guide does not speak of one.
        Assert.Contains("the author’s opinion, reproduced word for word and unchanged, from <a href=\"https://rivers.example/guide/\">River Guide</a>.", essay, StringComparison.Ordinal);
        Assert.DoesNotContain("reading guide", essay, StringComparison.Ordinal);
        Assert.Contains("href=\"essay.xhtml#p2\"", essay, StringComparison.Ordinal);
        Assert.Contains("href=\"https://rivers.example/guide/about\"", essay, StringComparison.Ordinal);
        Assert.Contains("1 &lt; 2 &amp; 3 &gt; 2 stay text", essay, StringComparison.Ordinal);
        Assert.Equal("notes-on-rivers.epub", EssayBook.FileName(snapshot));
    }
}
