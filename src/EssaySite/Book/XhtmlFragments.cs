using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace EssaySite.Book;

/// <summary>
/// The site's rendered HTML (sanitized Markdown, the essay's marked paragraphs) as XHTML nodes: parsed with AngleSharp
/// and rebuilt with System.Xml.Linq, so whatever the HTML was, the book's documents are well-formed XML. Every link
/// passes through <see cref="Link"/>, which points the site's own addresses inside the book.
/// </summary>
public sealed class XhtmlFragments(Func<string, string> link)
{
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private static readonly HtmlParser Parser = new();

    // The essay page names each glossary link's short definition, which is on that page only; the book links the entry.
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "aria-describedby" };

    public string Link(string href) => link(href);

    public IEnumerable<XNode> Convert(string html)
    {
        var document = Parser.ParseDocument("");
        document.Body!.InnerHtml = html;
        return document.Body.ChildNodes.Select(Convert).OfType<XNode>().ToList();
    }

    private XNode? Convert(INode node) => node switch
    {
        IElement element => new XElement(
            Xhtml + element.LocalName,
            element.Attributes
                .Where(a => !Dropped.Contains(a.Name))
                .Select(a => new XAttribute(a.LocalName, a.LocalName == "href" ? link(a.Value) : a.Value)),
            element.ChildNodes.Select(Convert).OfType<XNode>()),
        IText text => new XText(text.Data),
        _ => null,
    };
}
