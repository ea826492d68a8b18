using System.Text;
using System.Text.RegularExpressions;

namespace EssaySite.Content;

/// <summary>
/// What a change to the content does, in the guide's own terms, for a pull request: items added, changed and
/// removed by kind (with name and id), essay paragraphs whose cross-references changed, links between items
/// added and removed, and the problems the new content has. <see cref="Compare"/> is a pure function of two
/// snapshots; <see cref="ChangeReportCommand"/> reads the older one from git.
/// </summary>
public static partial class ChangeReport
{
    /// <summary>One item of the guide as the report sees it: its kind, id, name, and everything a reader would notice changing.</summary>
    private sealed record Item(string Kind, string Id, string Name, string Fingerprint, IReadOnlyList<string> Links);

    public static string Compare(ContentSnapshot? before, ContentSnapshot? after, IReadOnlyList<ContentProblem> problems, string beforeLabel, string afterLabel)
    {
        var report = new StringBuilder();
        report.AppendLine($"## Content changes: {afterLabel} against {beforeLabel}");
        report.AppendLine();
        if (after is null)
        {
            report.AppendLine($"The content of {afterLabel} does not load ({ContentException.Count(problems.Count)}):");
            report.AppendLine();
            foreach (var problem in problems)
            {
                report.AppendLine($"- `{problem}`");
            }

            return report.ToString();
        }

        if (before is null)
        {
            report.AppendLine($"The content of {beforeLabel} did not load, so everything is listed as added.");
            report.AppendLine();
        }

        var old = Items(before).ToDictionary(i => (i.Kind, i.Id));
        var now = Items(after).ToDictionary(i => (i.Kind, i.Id));
        var lines = new List<string>();
        foreach (var kind in Kinds)
        {
            var added = now.Values.Where(i => i.Kind == kind && !old.ContainsKey((kind, i.Id))).ToList();
            var removed = old.Values.Where(i => i.Kind == kind && !now.ContainsKey((kind, i.Id))).ToList();
            var changed = now.Values.Where(i => i.Kind == kind && old.TryGetValue((kind, i.Id), out var o) && o.Fingerprint != i.Fingerprint).ToList();
            if (added.Count + removed.Count + changed.Count == 0)
            {
                continue;
            }

            lines.Add($"### {kind}");
            lines.AddRange(added.Select(i => $"- added: {i.Name} (`{i.Id}`)"));
            lines.AddRange(changed.Select(i => $"- changed: {i.Name} (`{i.Id}`){Renamed(old[(kind, i.Id)], i)}"));
            lines.AddRange(removed.Select(i => $"- removed: {i.Name} (`{i.Id}`)"));
            lines.Add("");
        }

        var paragraphs = ParagraphChanges(before, after).ToList();
        if (paragraphs.Count > 0)
        {
            lines.Add("### Essay paragraphs whose cross-references changed");
            lines.AddRange(paragraphs);
            lines.Add("");
        }

        var oldLinks = old.Values.SelectMany(i => i.Links.Select(l => (From: $"{i.Kind} `{i.Id}`", To: l))).ToHashSet();
        var newLinks = now.Values.SelectMany(i => i.Links.Select(l => (From: $"{i.Kind} `{i.Id}`", To: l))).ToHashSet();
        var linked = newLinks.Except(oldLinks).Select(l => $"- new: {l.From} → `{l.To}`")
            .Concat(oldLinks.Except(newLinks).Where(l => now.ContainsKey(KeyOf(l.From))).Select(l => $"- removed: {l.From} → `{l.To}`"))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (linked.Count > 0)
        {
            lines.Add("### Links between items");
            lines.AddRange(linked);
            lines.Add("");
        }

        if (lines.Count == 0)
        {
            report.AppendLine("No change a reader would see.");
        }
        else
        {
            foreach (var line in lines)
            {
                report.AppendLine(line);
            }
        }

        report.AppendLine(problems.Count == 0 ? "Problems: none (`check` passes)." : $"Problems: {ContentException.Count(problems.Count)}.");
        return report.ToString();

        (string, string) KeyOf(string from)
        {
            var tick = from.IndexOf(" `", StringComparison.Ordinal);
            return (from[..tick], from[(tick + 2)..^1]);
        }
    }

    private static readonly string[] Kinds = ["Site", "Pages", "Commentary", "Timeline events", "Sources", "Questions", "Glossary terms", "Corrections"];

    private static string Renamed(Item before, Item after) => before.Name == after.Name ? "" : $", was {before.Name}";

    private static IEnumerable<Item> Items(ContentSnapshot? site)
    {
        if (site is null)
        {
            yield break;
        }

        var identity = site.Identity;
        yield return new Item("Site", "site.yml", identity.Name, $"{identity}", []);
        foreach (var page in site.Pages.Values)
        {
            var essayText = page.Kind == PageKind.Essay ? string.Join('\n', site.Essay.Paragraphs.Select(p => p.Text)) : "";
            yield return new Item("Pages", page.Slug, $"“{page.Title}”", $"{page.Title}|{page.Summary}|{page.Order}|{page.Updated}|{page.Html}|{essayText}", Links(page.Html));
        }

        foreach (var page in site.Commentary)
        {
            yield return new Item("Commentary", page.Slug, $"“{page.Title}”", $"{page.Title}|{page.Summary}|{page.Author}|{page.Date}|{page.Updated}|{Join(page.Paragraphs)}|{Join(page.Events)}|{page.Html}", Links(page.Html));
        }

        foreach (var e in site.Events)
        {
            yield return new Item("Timeline events", e.Id, $"“{e.Title}” ({e.Date})", $"{e.Title}|{e.Date}|{e.End}|{e.Era}|{Join(e.Paragraphs)}|{Join(e.Sources)}|{e.Record}|{e.Html}", [.. Links(e.Html), .. e.Sources.Select(Routes.Source)]);
        }

        foreach (var s in site.Sources)
        {
            yield return new Item("Sources", s.Id, $"“{s.Title ?? s.Id}”", $"{s.Author}|{s.Title}|{s.Publication}|{s.Date}|{s.Url}|{Join(s.Paragraphs)}|{Join(s.Unconfirmed.Order(StringComparer.Ordinal))}|{s.Html}", Links(s.Html));
        }

        foreach (var q in site.Questions)
        {
            yield return new Item("Questions", q.Id, $"question {q.Number}", $"{q.Group}|{q.Order}|{Join(q.Paragraphs)}|{Join(q.Events)}|{Join(q.Sources)}|{q.Html}|{q.NotesHtml}", [.. Links(q.Html + q.NotesHtml), .. q.Events.Select(e => Routes.Timeline(e)), .. q.Sources.Select(Routes.Source)]);
        }

        foreach (var t in site.Terms)
        {
            yield return new Item("Glossary terms", t.Id, $"“{t.Term}”", $"{t.Term}|{t.Category}|{Join(t.Variants)}|{Join(t.Sources)}|{t.Html}", [.. Links(t.Html), .. t.Sources.Select(Routes.Source)]);
        }

        foreach (var c in site.Corrections)
        {
            yield return new Item("Corrections", c.Id, $"correction of {c.Date:yyyy-MM-dd} to {c.Page}", $"{c.Date}|{c.Page}|{c.Was}|{c.Html}", [c.Page]);
        }
    }

    /// <summary>For each paragraph, what now refers to it and did not, and what no longer does.</summary>
    private static IEnumerable<string> ParagraphChanges(ContentSnapshot? before, ContentSnapshot after)
    {
        foreach (var paragraph in after.Essay.Paragraphs)
        {
            var now = References(after.RefsFor(paragraph.Number));
            var then = before is null || paragraph.Number > before.Essay.Paragraphs.Count ? [] : References(before.RefsFor(paragraph.Number));
            var gained = now.Except(then).ToList();
            var lost = then.Except(now).ToList();
            if (gained.Count + lost.Count == 0)
            {
                continue;
            }

            var parts = gained.Select(r => $"+ {r}").Concat(lost.Select(r => $"− {r}"));
            yield return $"- ¶ {paragraph.Number}: {string.Join("; ", parts)}";
        }
    }

    private static HashSet<string> References(ParagraphReferences refs) =>
    [
        .. refs.Events.Select(e => $"event `{e.Id}`"),
        .. refs.Sources.Select(s => $"source `{s.Id}`"),
        .. refs.Questions.Select(q => $"question `{q.Id}`"),
        .. refs.Commentary.Select(c => $"commentary `{c.Slug}`"),
    ];

    private static string Join<T>(IEnumerable<T> items) => string.Join(',', items);

    /// <summary>The site links in rendered HTML ("/timeline#…", "/essay#p17"), in order, once each.</summary>
    private static IReadOnlyList<string> Links(string? html) =>
        html is null ? [] : [.. SiteLink().Matches(html).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex("href=\"(/[^/\"][^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex SiteLink();
}
