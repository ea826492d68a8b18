using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EssaySite.Content;

/// <summary>A link to another place on this site, found in Markdown, with the file line it sits on.</summary>
public sealed record SiteLink(string Url, int Line);

/// <summary>One top-level Markdown block rendered on its own (the essay needs each paragraph apart).</summary>
public sealed record RenderedBlock(string Html, string Text, bool IsQuote, int Line);

public sealed record RenderedMarkdown(
    string Html,
    IReadOnlyList<RenderedBlock> Blocks,
    IReadOnlyList<SiteLink> Links,
    IReadOnlyList<string> HeadingIds)
{
    /// <summary>The words of every block, for search.</summary>
    public string Text => string.Join(' ', Blocks.Select(b => b.Text));

    /// <summary>The file lines of level-1 headings (<c># …</c> or underlined with <c>===</c>).</summary>
    public IReadOnlyList<int> LevelOneHeadingLines { get; init; } = [];
}

/// <summary>
/// Renders Markdown written by a stranger. Raw HTML is shown as text, only http(s), mailto and
/// site-relative links become links, attribute syntax is not enabled, and the result still goes
/// through an allow-list sanitizer before it is trusted as HTML.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePreciseSourceLocation()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    private static Task<MarkdownRenderer>? _early;

    /// <summary>
    /// Starts making a renderer on the thread pool: the sanitizer's one-time set-up (its CSS parser and compiled
    /// patterns, about 150 ms in a trace of a cold start) then runs beside the host's start-up instead of in
    /// front of the content load. <see cref="Take"/> hands that renderer over.
    /// </summary>
    public static void StartMaking()
    {
        if (Volatile.Read(ref _early) is null)
        {
            Interlocked.CompareExchange(ref _early, Task.Run(() => new MarkdownRenderer()), null);
        }
    }

    /// <summary>The renderer <see cref="StartMaking"/> began, once (waiting for it if need be), or else a new one.</summary>
    public static MarkdownRenderer Take() => Interlocked.Exchange(ref _early, null)?.Result ?? new MarkdownRenderer();

    /// <summary>
    /// Renders a file's Markdown. With <paramref name="blockHtml"/> each top-level block also gets its
    /// own sanitized HTML (the essay's paragraphs); otherwise the whole is sanitized once, which is cheaper.
    /// </summary>
    public RenderedMarkdown Render(string markdown, string path, int firstLine, ProblemList problems, bool blockHtml = false)
    {
        var document = Markdown.Parse(markdown, _pipeline);
        var links = new List<SiteLink>();
        Neutralize(document, path, firstLine, problems, links);

        var blocks = new List<RenderedBlock>();
        foreach (var block in document)
        {
            var html = blockHtml ? _sanitizer.Sanitize(ToHtml(block)) : "";
            blocks.Add(new RenderedBlock(html, PlainText(block).Trim(), block is QuoteBlock, firstLine + block.Line));
        }

        if (!blockHtml)
        {
            var whole = _sanitizer.Sanitize(ToHtml(document));
            return new RenderedMarkdown(whole, blocks, links, HeadingIds(document)) { LevelOneHeadingLines = LevelOneHeadingLines(document, firstLine) };
        }

        return new RenderedMarkdown(string.Concat(blocks.Select(b => b.Html)), blocks, links, HeadingIds(document)) { LevelOneHeadingLines = LevelOneHeadingLines(document, firstLine) };
    }

    private static List<int> LevelOneHeadingLines(MarkdownDocument document, int firstLine) =>
        [.. document.Descendants<HeadingBlock>().Where(h => h.Level == 1).Select(h => firstLine + h.Line)];

    private static List<string> HeadingIds(MarkdownDocument document) =>
        [.. document.Descendants<HeadingBlock>().Select(h => h.GetAttributes().Id).OfType<string>()];

    /// <summary>True for the only link targets a reader is ever given.</summary>
    public static bool IsAllowedUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Any(c => char.IsControl(c) || c == '\\'))
        {
            return false;
        }

        if (url.StartsWith('#') || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)))
        {
            return true;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeMailto);
    }

    private string ToHtml(MarkdownObject block)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(block);
        writer.Flush();
        return writer.ToString();
    }

    // Rewrites the syntax tree before rendering so that nothing live survives: raw HTML becomes
    // literal text, and a link with a disallowed target keeps only its words.
    private static void Neutralize(MarkdownDocument document, string path, int firstLine, ProblemList problems, List<SiteLink> links)
    {
        foreach (var html in document.Descendants<HtmlBlock>().ToList())
        {
            problems.Add(path, firstLine + html.Line, RawHtmlProblem(html.Lines.ToString()));
            var paragraph = new ParagraphBlock { Inline = new ContainerInline() };
            paragraph.Inline.AppendChild(new LiteralInline(html.Lines.ToString()));
            var parent = html.Parent!;
            parent.Insert(parent.IndexOf(html), paragraph);
            parent.Remove(html);
        }

        foreach (var html in document.Descendants<HtmlInline>().ToList())
        {
            // A closing tag is the same mistake as its opening tag, which is reported already.
            if (!html.Tag.StartsWith("</", StringComparison.Ordinal))
            {
                problems.Add(path, firstLine + html.Line, RawHtmlProblem(html.Tag));
            }

            html.ReplaceBy(new LiteralInline(html.Tag));
        }

        foreach (var auto in document.Descendants<AutolinkInline>().ToList())
        {
            var url = auto.IsEmail ? "mailto:" + auto.Url : auto.Url;
            if (!IsAllowedUrl(url))
            {
                problems.Add(path, firstLine + auto.Line, $"link target not allowed: '{auto.Url}' (only http, https, mailto and /site links)");
                auto.ReplaceBy(new LiteralInline(auto.Url));
            }
            else if (CitedAddresses.Problem(url) is { } problem)
            {
                problems.Add(path, firstLine + auto.Line, problem);
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var line = firstLine + link.Line;
            if (link.IsImage && !link.Any())
            {
                problems.Add(path, line, "image has no alt text: write ![what it shows](url)");
            }

            if (!IsAllowedUrl(link.Url))
            {
                problems.Add(path, line, $"link target not allowed: '{link.Url}' (only http, https, mailto and /site links)");
                Unwrap(link);
                continue;
            }

            if (link.Url!.StartsWith('/') || link.Url.StartsWith('#'))
            {
                links.Add(new SiteLink(link.Url, line));
            }
            else if (CitedAddresses.Problem(link.Url) is { } problem)
            {
                problems.Add(path, line, problem);
            }
        }
    }

    /// <summary>Names the tag and, for the common ones, the Markdown that does the same.</summary>
    private static string RawHtmlProblem(string html)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, @"<\s*/?\s*([A-Za-z][\w-]*)|<!--");
        var tag = !match.Success ? "" : match.Value == "<!--" ? "<!-- -->" : $"<{match.Groups[1].Value.ToLowerInvariant()}>";
        var instead = tag switch
        {
            "<b>" or "<strong>" => " such as **bold**",
            "<i>" or "<em>" => " such as *italic*",
            "<a>" => " such as [words](https://example.org/)",
            "<br>" or "<p>" => ": a blank line starts a new paragraph",
            "<ul>" or "<ol>" or "<li>" => ": a list is lines starting with - or 1.",
            "<h1>" or "<h2>" or "<h3>" or "<h4>" => " such as ## Heading",
            _ => "",
        };
        return tag.Length == 0 ? "raw HTML is not allowed; write Markdown instead" : $"raw HTML ({tag}) is not allowed; write Markdown instead{instead}";
    }

    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            link.ReplaceBy(new LiteralInline(PlainText(link)));
            return;
        }

        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }

        link.Remove();
    }

    /// <summary>The words of a block or inline, as a reader would read them aloud.</summary>
    public static string PlainText(MarkdownObject node)
    {
        var text = new StringBuilder();
        Append(node, text);
        return text.ToString();

        static void Append(MarkdownObject node, StringBuilder text)
        {
            switch (node)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.AsSpan());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline:
                    text.Append(' ');
                    break;
                case ContainerInline container:
                    foreach (var child in container)
                    {
                        Append(child, text);
                    }

                    break;
                case LeafBlock leaf when leaf.Inline is not null:
                    Append(leaf.Inline, text);
                    text.Append(' ');
                    break;
                case LeafBlock leaf:
                    text.Append(leaf.Lines.ToString()).Append(' ');
                    break;
                case ContainerBlock blocks:
                    foreach (var child in blocks)
                    {
                        Append(child, text);
                    }

                    break;
            }
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedSchemes.Add("mailto");
        return sanitizer;
    }
}
