using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EssaySite.Teaching;

/// <summary>A web link in a cartridge: what a learning platform shows, and the absolute address it opens.</summary>
public sealed record CartridgeLink(string Title, Uri Url);

/// <summary>A folder of links, in order; a platform shows it as a module or a unit.</summary>
public sealed record CartridgeModule(string Title, IReadOnlyList<CartridgeLink> Links);

/// <summary>
/// An IMS Common Cartridge 1.1 package (a zip with <c>imsmanifest.xml</c> at its root) of web links only, which
/// Canvas, Moodle, Blackboard and D2L Brightspace import as a course's modules of links (Schoology imports 1.2, and
/// converts 1.1 with a converter of its own). Each link is a resource of type <c>imswl_xmlv1p1</c> whose one file is a <c>webLink</c> document; the manifest's organisation
/// lists the modules and their links in order. The zip's entries are always in the same order with the same
/// timestamp, so the same content gives the same bytes.
/// </summary>
public static class CommonCartridge
{
    public const string ContentType = "application/vnd.ims.imsccv1p1";

    public static readonly XNamespace Cp = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1";
    public static readonly XNamespace LomManifest = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest";
    public static readonly XNamespace LomResource = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource";
    public static readonly XNamespace WebLink = "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private const string SchemaLocations =
        "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1 http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd " +
        "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd " +
        "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd";

    /// <param name="identifier">The manifest's identifier: letters, digits, '-' and '_', starting with a letter.</param>
    /// <param name="stamp">The date every zip entry carries (the content's own date, never the clock).</param>
    public static byte[] Build(string identifier, string title, string description, IReadOnlyList<CartridgeModule> modules, DateOnly stamp)
    {
        var files = new List<(string Path, XDocument Document)>();
        var resources = new XElement(Cp + "resources");
        var root = new XElement(Cp + "item", new XAttribute("identifier", "root"));
        var n = 0;
        foreach (var (module, m) in modules.Select((module, m) => (module, m + 1)))
        {
            var folder = new XElement(Cp + "item", new XAttribute("identifier", $"module{m}"), new XElement(Cp + "title", module.Title));
            foreach (var link in module.Links)
            {
                n++;
                var path = $"links/link{n}.xml";
                folder.Add(new XElement(Cp + "item", new XAttribute("identifier", $"item{n}"), new XAttribute("identifierref", $"link{n}"),
                    new XElement(Cp + "title", link.Title)));
                resources.Add(new XElement(Cp + "resource", new XAttribute("identifier", $"link{n}"), new XAttribute("type", "imswl_xmlv1p1"),
                    new XElement(Cp + "file", new XAttribute("href", path))));
                files.Add((path, new XDocument(new XDeclaration("1.0", "UTF-8", null),
                    new XElement(WebLink + "webLink",
                        new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                        new XAttribute(Xsi + "schemaLocation", $"{WebLink} http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imswl_v1p1.xsd"),
                        new XElement(WebLink + "title", link.Title),
                        new XElement(WebLink + "url", new XAttribute("href", link.Url.AbsoluteUri), new XAttribute("target", "_blank"))))));
            }

            root.Add(folder);
        }

        var manifest = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(Cp + "manifest",
                new XAttribute("identifier", identifier),
                new XAttribute(XNamespace.Xmlns + "lomimscc", LomManifest),
                new XAttribute(XNamespace.Xmlns + "lom", LomResource),
                new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                new XAttribute(Xsi + "schemaLocation", SchemaLocations),
                new XElement(Cp + "metadata",
                    new XElement(Cp + "schema", "IMS Common Cartridge"),
                    new XElement(Cp + "schemaversion", "1.1.0"),
                    new XElement(LomManifest + "lom",
                        new XElement(LomManifest + "general",
                            new XElement(LomManifest + "title", new XElement(LomManifest + "string", new XAttribute("language", "en"), title)),
                            new XElement(LomManifest + "description", new XElement(LomManifest + "string", new XAttribute("language", "en"), description)),
                            new XElement(LomManifest + "language", "en")))),
                new XElement(Cp + "organizations",
                    new XElement(Cp + "organization", new XAttribute("identifier", "organization"), new XAttribute("structure", "rooted-hierarchy"), root)),
                resources));

        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            var when = new DateTimeOffset(stamp.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            foreach (var (path, document) in files.Prepend(("imsmanifest.xml", manifest)))
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = when;
                using var stream = entry.Open();
                using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
                document.Save(writer);
            }
        }

        return output.ToArray();
    }
}
