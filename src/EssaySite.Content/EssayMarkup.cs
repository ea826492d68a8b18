using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace EssaySite.Content;

/// <summary>One sentence of the essay: its anchor (<c>p17s3</c>) and its words.</summary>
public sealed record EssaySentence(string Id, string Text);

/// <summary>
/// The essay as the essay page shows it: each sentence wrapped in <c>&lt;span id="p17s3"&gt;</c>, and the first use of
/// each glossary term linked to its entry. Only elements are added; the text is the paragraph's, character for character.
/// Done once per content snapshot, on the sanitized HTML of each paragraph.
/// </summary>
public static class EssayMarkup
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The paragraphs with <see cref="EssayParagraph.ReadingHtml"/> and their sentences, and the terms linked, in order.</summary>
    public static (IReadOnlyList<EssayParagraph> Paragraphs, IReadOnlyList<GlossaryTerm> Linked) Mark(
        IReadOnlyList<EssayParagraph> paragraphs, IReadOnlyList<GlossaryTerm> terms)
    {
        var forms = terms
            .SelectMany(t => Forms(t).Select(f => (Term: t, Form: f)))
            .OrderByDescending(f => f.Form.Length)
            .ToList();
        var linked = new List<GlossaryTerm>();
        var result = new List<EssayParagraph>();
        foreach (var paragraph in paragraphs)
        {
            var document = Parser.ParseDocument("");
            var body = document.Body!;
            body.InnerHtml = paragraph.Html;
            var sentences = new List<EssaySentence>();
            foreach (var block in body.QuerySelectorAll("p"))
            {
                WrapSentences(document, block, paragraph.Number, sentences);
            }

            LinkTerms(document, body, forms, linked);
            result.Add(paragraph with { ReadingHtml = body.InnerHtml, Sentences = sentences });
        }

        return (result, linked);
    }

    /// <summary>A term's own name and its other spellings; a lower-case one also with a capital, as at a sentence's start.</summary>
    public static IEnumerable<string> Forms(GlossaryTerm term) =>
        new[] { term.Term }.Concat(term.Variants)
            .SelectMany(f => f.Length > 0 && char.IsLower(f[0]) ? new[] { f, char.ToUpperInvariant(f[0]) + f[1..] } : [f])
            .Where(f => f.Length > 0)
            .Distinct(StringComparer.Ordinal);

    /// <summary>Where a form occurs in <paramref name="text"/> from <paramref name="from"/> as a whole word, or -1.</summary>
    public static int FindWord(string text, string form, int from = 0)
    {
        for (var i = text.IndexOf(form, from, StringComparison.Ordinal); i >= 0; i = text.IndexOf(form, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 ? ' ' : text[i - 1];
            var after = i + form.Length >= text.Length ? ' ' : text[i + form.Length];
            if (!char.IsLetterOrDigit(before) && before != '-' && !char.IsLetterOrDigit(after))
            {
                return i;
            }
        }

        return -1;
    }

    private static void WrapSentences(IDocument document, IElement block, int number, List<EssaySentence> sentences)
    {
        var text = block.TextContent;
        var parts = new List<INode>();
        var position = 0;
        foreach (var (start, end) in Sentences.Split(text))
        {
            parts.AddRange(Slice(document, block, 0, position, start, text.Length));
            var span = document.CreateElement("span");
            var id = $"p{number}s{sentences.Count + 1}";
            span.Id = id;
            foreach (var node in Slice(document, block, 0, start, end, text.Length))
            {
                span.AppendChild(node);
            }

            parts.Add(span);
            sentences.Add(new EssaySentence(id, text[start..end]));
            position = end;
        }

        parts.AddRange(Slice(document, block, 0, position, text.Length, text.Length));
        while (block.FirstChild is { } child)
        {
            block.RemoveChild(child);
        }

        foreach (var part in parts)
        {
            block.AppendChild(part);
        }
    }

    /// <summary>
    /// Copies of the children of <paramref name="parent"/> cut to the characters [from, to) of its text. An element
    /// the cut crosses is copied into both sides (an emphasis that spans two sentences becomes two), keeping its
    /// attributes except its id, which only the first copy may keep; an empty element (a line break) goes where it stood.
    /// </summary>
    private static List<INode> Slice(IDocument document, INode parent, int offset, int from, int to, int total)
    {
        var nodes = new List<INode>();
        foreach (var child in parent.ChildNodes)
        {
            var length = child is IText or IElement ? child.TextContent.Length : 0;
            int a = Math.Max(from, offset), b = Math.Min(to, offset + length);
            if (child is IText text && a < b)
            {
                nodes.Add(document.CreateTextNode(text.Data[(a - offset)..(b - offset)]));
            }
            else if (child is IElement element && (a < b || (length == 0 && ((from <= offset && offset < to) || (offset == total && to == total && from < to)))))
            {
                var copy = (IElement)element.Clone(deep: false);
                if (a > offset)
                {
                    copy.RemoveAttribute("id");
                }

                foreach (var node in Slice(document, element, offset, from, to, total))
                {
                    copy.AppendChild(node);
                }

                nodes.Add(copy);
            }

            offset += length;
        }

        return nodes;
    }

    private static void LinkTerms(IDocument document, IElement root, List<(GlossaryTerm Term, string Form)> forms, List<GlossaryTerm> linked)
    {
        var texts = root.Descendants<IText>()
            .Where(t => t.ParentElement?.Closest("a, h1, h2, h3, h4, h5, h6, code") is null)
            .ToList();
        foreach (var original in texts)
        {
            var node = original;
            while (node is not null)
            {
                var at = -1;
                GlossaryTerm? term = null;
                var form = "";
                foreach (var candidate in forms)
                {
                    if (linked.Contains(candidate.Term))
                    {
                        continue;
                    }

                    var i = FindWord(node.Data, candidate.Form);
                    // Earliest wins; at the same place the longer form, as forms come longest first.
                    if (i >= 0 && (at < 0 || i < at))
                    {
                        at = i;
                        (term, form) = candidate;
                    }
                }

                if (term is null)
                {
                    break;
                }

                linked.Add(term);
                var rest = node.Data[(at + form.Length)..];
                var link = document.CreateElement("a");
                link.SetAttribute("class", "gloss");
                link.SetAttribute("href", Routes.Term(term.Id));
                link.SetAttribute("aria-describedby", DefinitionId(term));
                link.TextContent = form;
                node.Data = node.Data[..at];
                node.After(link);
                if (rest.Length == 0)
                {
                    break;
                }

                var after = document.CreateTextNode(rest);
                link.After(after);
                node = after;
            }
        }
    }

    /// <summary>The id of the element holding a term's short definition on the essay page.</summary>
    public static string DefinitionId(GlossaryTerm term) => "define-" + term.Id;
}
