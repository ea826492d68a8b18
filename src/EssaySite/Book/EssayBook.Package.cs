using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using EssaySite.Content;

namespace EssaySite.Book;

// The EPUB container: the package document, the style sheet and the zip they go into.
public static partial class EssayBook
{
    private static XDocument ContainerXml() => new(
        new XElement(Container + "container", new XAttribute("version", "1.0"),
            new XElement(Container + "rootfiles",
                new XElement(Container + "rootfile", new XAttribute("full-path", Folder + PackageFile), new XAttribute("media-type", "application/oebps-package+xml")))));

    private static XDocument Package(ContentSnapshot snapshot, IReadOnlyList<Chapter> chapters, Uri siteRoot, DateOnly updated)
    {
        var essay = snapshot.Essay;
        static XElement Item(string id, string href, string mediaType, string? properties = null) =>
            new(Opf + "item", new XAttribute("id", id), new XAttribute("href", href), new XAttribute("media-type", mediaType),
                properties is null ? null : new XAttribute("properties", properties));

        return new XDocument(
            new XElement(Opf + "package", new XAttribute("version", "3.0"), new XAttribute("unique-identifier", "book-id"), new XAttribute(XNamespace.Xml + "lang", snapshot.Identity.Language),
                new XElement(Opf + "metadata", new XAttribute(XNamespace.Xmlns + "dc", Dc.NamespaceName),
                    new XElement(Dc + "identifier", new XAttribute("id", "book-id"), Identifier(siteRoot)),
                    new XElement(Dc + "title", essay.Page.Title),
                    new XElement(Dc + "creator", new XAttribute("id", "author"), essay.Author),
                    new XElement(Opf + "meta", new XAttribute("refines", "#author"), new XAttribute("property", "role"), new XAttribute("scheme", "marc:relators"), "aut"),
                    new XElement(Dc + "language", snapshot.Identity.Language),
                    new XElement(Dc + "date", essay.Published.ToString("yyyy-MM-dd", Invariant)),
                    new XElement(Dc + "publisher", snapshot.Identity.FullName),
                    new XElement(Dc + "source", new Uri(siteRoot, essay.Page.Url.TrimStart('/')).AbsoluteUri),
                    new XElement(Dc + "description", essay.Page.Summary),
                    new XElement(Opf + "meta", new XAttribute("property", "dcterms:modified"), updated.ToString("yyyy-MM-dd", Invariant) + "T00:00:00Z")),
                new XElement(Opf + "manifest",
                    Item("nav", NavFile, "application/xhtml+xml", "nav"),
                    Item("style", StyleFile, "text/css"),
                    chapters.Select(c => Item(c.Slug, c.File, "application/xhtml+xml"))),
                new XElement(Opf + "spine", chapters.Select(c => new XElement(Opf + "itemref", new XAttribute("idref", c.Slug))))));
    }

    private static byte[] Style()
    {
        using var stream = typeof(EssayBook).Assembly.GetManifestResourceStream("EssaySite.Book.book.css")
            ?? throw new InvalidOperationException("The e-book's stylesheet is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] Bytes(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes, DateTimeOffset stamp, CompressionLevel level = CompressionLevel.Optimal)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = stamp;
        using var stream = entry.Open();
        stream.Write(bytes);
    }
}
