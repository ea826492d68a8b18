using System.Collections.Frozen;
using EssaySite.Content.Text;

namespace EssaySite.Content;

/// <summary>
/// The checks that relate files to each other, once every file is read (and, in <see cref="Backlinks"/>, the
/// references turned round for the pages): each paragraph, source, event, question,
/// era and group a file names must exist, and each site link must name a page that exists and, if it has a
/// fragment, an element on it. Every problem is reported on the line that names the missing thing.
/// </summary>
internal static class ContentReferences
{
    public static void CheckIds(
        ContentLoad load,
        int paragraphCount,
        IReadOnlyDictionary<string, Source> sources,
        IReadOnlyDictionary<string, TimelineEvent> events,
        IReadOnlyList<Question> questions)
    {
        var problems = load.Problems;
        foreach (var (n, path, line) in load.ParagraphRefs)
        {
            if (n < 1 || n > paragraphCount)
            {
                problems.Add(path, line, $"paragraph {n} does not exist (the essay has p1 to p{paragraphCount})");
            }
        }

        Check(load.SourceRefList, sources.Keys, "source", "sources");
        Check(load.EventRefList, events.Keys, "timeline event", "timeline");
        Check(load.QuestionRefList, questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal), "question", "questions");

        void Check(List<(string Id, string Path, int Line)> refs, IEnumerable<string> ids, string what, string folder)
        {
            var known = ids as IReadOnlySet<string> ?? ids.ToHashSet(StringComparer.Ordinal);
            foreach (var (id, path, line) in refs.Where(r => !known.Contains(r.Id)))
            {
                problems.Add(path, line, $"unknown {what} '{id}' (no file content/{folder}/{id}.md){EditDistance.Hint(id, known)}");
            }
        }
    }

    /// <summary>The eras of events and the groups of questions must be sections of the page that lists them.</summary>
    public static void CheckSections(ProblemList problems, List<(string Id, string Path, int Line)> used, GuidePage? page, string what, string slug)
    {
        if (used.Count == 0)
        {
            return;
        }

        if (page is null)
        {
            var first = used[0];
            problems.Add(first.Path, first.Line, $"there is no page '{slug}' to list this {what} (add content/{slug}.md with 'sections')");
            return;
        }

        var known = page.Sections.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, path, line) in used.Where(u => !known.Contains(u.Id)))
        {
            problems.Add(path, line, $"unknown {what} '{id}' (the sections of {page.SourcePath} are: {string.Join(", ", known)})");
        }
    }

    // Every site link in the content must name a page that exists and, if it has a fragment, an element on it.
    public static void CheckLinks(
        ContentLoad load,
        FrozenDictionary<string, GuidePage> pages,
        FrozenDictionary<string, TimelineEvent> events,
        FrozenDictionary<string, Source> sources,
        List<Question> questions,
        List<GlossaryTerm> terms,
        List<GuidePage> commentary,
        int paragraphCount)
    {
        var anchors = pages.Values.Concat(commentary).ToDictionary(p => p.Url, p => new HashSet<string>(p.HeadingIds), StringComparer.Ordinal);
        foreach (var own in load.Addresses.OwnPages)
        {
            anchors[own] = [];
        }

        anchors.GetValueOrDefault(Routes.Glossary)?.UnionWith(terms.Select(t => t.Id));
        anchors.GetValueOrDefault(Routes.Page(ContentKinds.CorrectionsSlug))?.UnionWith(load.Corrections.Select(c => c.Id));

        anchors.GetValueOrDefault(Routes.Essay)?.UnionWith(Enumerable.Range(1, paragraphCount).Select(Routes.ParagraphId));
        anchors.GetValueOrDefault(Routes.Timeline())?.UnionWith(events.Keys.Concat(pages.GetValueOrDefault("timeline")?.Sections.Select(s => s.Id) ?? []));
        anchors.GetValueOrDefault(Routes.Sources)?.UnionWith(sources.Keys);
        anchors.GetValueOrDefault(Routes.Questions)?.UnionWith(questions.Select(q => q.Id).Concat(pages.GetValueOrDefault("questions")?.Sections.Select(s => s.Id) ?? []));

        foreach (var (pageUrl, path, link) in load.Links)
        {
            var hash = link.Url.IndexOf('#', StringComparison.Ordinal);
            var target = hash < 0 ? link.Url : link.Url[..hash];
            var fragment = hash < 0 ? null : link.Url[(hash + 1)..];
            var query = target.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                target = target[..query];
            }

            if (target.Length == 0)
            {
                target = pageUrl;
            }

            if (target.Length > 1)
            {
                target = target.TrimEnd('/');
            }

            if (!anchors.TryGetValue(target, out var ids))
            {
                load.Problems.Add(path, link.Line, $"link to a page that does not exist: '{link.Url}'{EditDistance.Hint(target, anchors.Keys)}");
            }
            else if (!string.IsNullOrEmpty(fragment) && !ids.Contains(fragment))
            {
                var hint = target == Routes.Essay && fragment.StartsWith('p') && fragment[1..].All(char.IsAsciiDigit)
                    ? $" (the essay has p1 to p{paragraphCount})"
                    : EditDistance.Hint(fragment, ids);
                load.Problems.Add(path, link.Line, $"link to a fragment that does not exist: '{link.Url}'{hint}");
            }
        }
    }
}

/// <summary>The references the content declares, turned round: what points at each paragraph, source and event.</summary>
internal sealed class Backlinks(
    int paragraphCount,
    IReadOnlyList<TimelineEvent> events,
    IReadOnlyList<Source> sources,
    IReadOnlyList<Question> questions,
    IReadOnlyList<GlossaryTerm> terms,
    IReadOnlyList<GuidePage> commentary)
{
    public FrozenDictionary<int, ParagraphReferences> Paragraphs { get; } = Enumerable.Range(1, paragraphCount).ToFrozenDictionary(
        n => n,
        n => new ParagraphReferences(
            [.. events.Where(e => e.Paragraphs.Contains(n))],
            [.. sources.Where(s => s.Paragraphs.Contains(n))],
            [.. questions.Where(q => q.Paragraphs.Contains(n))],
            [.. commentary.Where(c => c.Paragraphs.Contains(n))]));

    public FrozenDictionary<string, SourceCitations> Sources { get; } = sources.ToFrozenDictionary(
        s => s.Id,
        s => new SourceCitations(
            s.Paragraphs,
            [.. events.Where(e => e.Sources.Contains(s.Id))],
            [.. questions.Where(q => q.Sources.Contains(s.Id))],
            [.. terms.Where(t => t.Sources.Contains(s.Id))]),
        StringComparer.Ordinal);

    public FrozenDictionary<string, IReadOnlyList<Question>> EventQuestions { get; } = events.ToFrozenDictionary(
        e => e.Id,
        e => (IReadOnlyList<Question>)[.. questions.Where(q => q.Events.Contains(e.Id))],
        StringComparer.Ordinal);

    public FrozenDictionary<string, IReadOnlyList<GuidePage>> EventCommentary { get; } = events.ToFrozenDictionary(
        e => e.Id,
        e => (IReadOnlyList<GuidePage>)[.. commentary.Where(c => c.Events.Contains(e.Id))],
        StringComparer.Ordinal);
}
