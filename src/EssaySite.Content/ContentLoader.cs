using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace EssaySite.Content;

/// <summary>
/// Reads every Markdown file under the content folder into a <see cref="ContentSnapshot"/>, or reports
/// every problem found as <c>path:line: problem</c>. The folder a file sits in decides what it is:
/// top-level files are pages (their <c>kind</c> says which), <c>commentary/</c> holds commentary pages,
/// <c>timeline/</c> events, <c>sources/</c> sources, <c>questions/</c> questions, <c>glossary/</c> terms,
/// <c>corrections/</c> the corrections made to the guide and <c>reading/</c> the parts of the guided reading.
/// </summary>
public sealed partial class ContentLoader(MarkdownRenderer renderer, SiteAddresses addresses)
{
    /// <summary>Loads the folder, throwing <see cref="ContentException"/> with every problem if any.</summary>
    public ContentSnapshot Load(string contentRoot)
    {
        var (snapshot, problems) = TryLoad(contentRoot);
        return snapshot ?? throw new ContentException(problems);
    }

    public (ContentSnapshot? Snapshot, IReadOnlyList<ContentProblem> Problems) TryLoad(string contentRoot)
    {
        var problems = new ProblemList();
        var state = new LoadState(problems) { Addresses = addresses };
        var root = Path.GetFullPath(contentRoot);
        var display = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar));
        if (!Directory.Exists(root))
        {
            problems.Add(display, 1, "content folder not found");
            return (null, problems.Sorted());
        }

        // Parsing and rendering each file is independent and is most of the cost, so it runs in parallel;
        // everything that relates files to each other then runs in file order.
        List<PreparedFile> files;
        try
        {
            files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .AsParallel()
                .AsOrdered()
                .Select(file => Prepare(root, display, file))
                .ToList();
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0 && e.InnerExceptions.All(i => i is IOException))
        {
            // A file being saved as we read it: callers retry on IOException, so surface that one.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var hash = SHA256.Create();
        foreach (var file in files)
        {
            var name = Encoding.UTF8.GetBytes(file.Relative);
            hash.TransformBlock(name, 0, name.Length, null, 0);
            hash.TransformBlock(file.Bytes, 0, file.Bytes.Length, null, 0);
            ReadFile(state, file, root);
            problems.AddRange(file.Problems.Items);
        }

        // Text files the pages name (the essay as received) are part of the version too.
        foreach (var file in Directory.EnumerateFiles(root, "*.txt", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var bytes = File.ReadAllBytes(file);
            var name = Encoding.UTF8.GetBytes(Path.GetFileName(file));
            hash.TransformBlock(name, 0, name.Length, null, 0);
            hash.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }

        // The site's identity, a file of YAML alone, is part of the version too.
        var identityFile = Path.Combine(root, SiteIdentity.FileName);
        if (File.Exists(identityFile))
        {
            var bytes = File.ReadAllBytes(identityFile);
            var name = Encoding.UTF8.GetBytes(SiteIdentity.FileName);
            hash.TransformBlock(name, 0, name.Length, null, 0);
            hash.TransformBlock(bytes, 0, bytes.Length, null, 0);
            state.IdentityFile = FrontMatter.ParseYaml($"{display}/{SiteIdentity.FileName}", Encoding.UTF8.GetString(bytes), problems);
        }

        hash.TransformFinalBlock([], 0, 0);
        var version = Convert.ToHexStringLower(hash.Hash!)[..8];

        var snapshot = Assemble(state, version);
        return problems.Any ? (null, problems.Sorted()) : (snapshot, []);
    }

    /// <summary>A file read, split and rendered on its own, before it is related to the others.</summary>
    private sealed record PreparedFile(string Path, string Relative, byte[] Bytes, FrontMatter? Front, RenderedMarkdown? Body, ProblemList Problems);

    private PreparedFile Prepare(string root, string display, string file)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        var path = $"{display}/{relative}";
        var bytes = File.ReadAllBytes(file);
        var problems = new ProblemList();
        var fm = FrontMatter.Parse(path, Encoding.UTF8.GetString(bytes), problems);
        // Only the essay needs each block's HTML apart (one element per paragraph).
        var blockHtml = !relative.Contains('/', StringComparison.Ordinal) && fm?.Peek("kind") == "essay";
        var body = fm is null ? null : renderer.Render(fm.Body, fm.Path, fm.BodyLine, problems, blockHtml);
        return new PreparedFile(path, relative, bytes, fm, body, problems);
    }

    private void ReadFile(LoadState state, PreparedFile file, string root)
    {
        var problems = state.Problems;
        var (path, relative, fm, body) = (file.Path, file.Relative, file.Front, file.Body!);
        if (fm is null)
        {
            return;
        }

        var parts = relative.Split('/');
        var folder = parts.Length == 1 ? "" : parts[0];
        var id = Path.GetFileNameWithoutExtension(relative);
        if (parts.Length > 2)
        {
            problems.Add(path, 1, "content files sit at most one folder deep");
            return;
        }

        if (folder.Length > 0 && !FrontMatter.IsSlug(id))
        {
            problems.Add(path, 1, $"file name '{id}' is not a valid slug: use lowercase letters, digits and hyphens");
            return;
        }

        if (string.IsNullOrWhiteSpace(fm.Body))
        {
            problems.Add(path, fm.BodyLine, "the page is empty: write some Markdown after the front matter");
        }

        switch (folder)
        {
            case "":
                ReadPage(state, fm, id, body, root);
                break;
            case "commentary":
                ReadCommentary(state, fm, id, body);
                break;
            case "timeline":
                ReadEvent(state, fm, id, body);
                break;
            case "sources":
                ReadSource(state, fm, id, body);
                break;
            case "questions":
                ReadQuestion(state, fm, id, body);
                break;
            case "glossary":
                ReadTerm(state, fm, id, body);
                break;
            case "corrections":
                ReadCorrection(state, fm, id, body);
                break;
            case "reading":
                ReadReadingSection(state, fm, id, body);
                break;
            default:
                problems.Add(path, 1, $"unknown content folder '{folder}' (known: commentary, timeline, sources, questions, glossary, corrections, reading)");
                break;
        }
    }

    private static void ReadPage(LoadState state, FrontMatter fm, string fileName, RenderedMarkdown body, string root)
    {
        var kindText = fm.Text("kind", required: true); // read before the kind is known
        PageKind? kind = kindText switch
        {
            "essay" => PageKind.Essay,
            "guide" => PageKind.Guide,
            "about" => PageKind.About,
            null => null,
            _ => null,
        };
        if (kindText is not null && kind is null)
        {
            state.Problems.Add(fm.Path, fm.LineOf("kind"), $"unknown kind '{kindText}' (known: essay, guide, about; commentary pages go in commentary/)");
        }

        fm.Use(kind == PageKind.Essay ? ContentKinds.Essay : ContentKinds.Page);
        var slug = fm.Slug("slug") ?? (FrontMatter.IsSlug(fileName) ? fileName : null);
        if (slug is null && !fm.Has("slug"))
        {
            state.Problems.Add(fm.Path, 1, $"file name '{fileName}' is not a valid slug: use lowercase letters, digits and hyphens");
        }

        if (slug is not null && state.Addresses.ReservedSlugs.Contains(slug))
        {
            state.Problems.Add(fm.Path, fm.LineOf("slug"), $"slug '{slug}' is reserved for the site's own pages");
        }

        var title = fm.Text("title");
        var summary = fm.Text("summary");
        var order = fm.Number("order");
        var updated = fm.Day("updated");
        var sections = fm.Records("sections", "id", "title")
            .Select(r => new Section(r.Fields["id"], r.Fields["title"]))
            .ToList();
        if (kind is null || slug is null || title is null || summary is null)
        {
            return;
        }

        var page = new SitePage
        {
            Kind = kind.Value,
            Slug = slug,
            Title = title,
            Summary = summary,
            Url = "/" + slug,
            SourcePath = fm.Path,
            Html = body.Html,
            Text = body.Text,
            Order = order,
            Updated = updated,
            Sections = sections,
            HeadingIds = body.HeadingIds,
        };
        if (!state.Pages.TryAdd(slug, page))
        {
            state.Problems.Add(fm.Path, fm.LineOf("slug"), $"duplicate slug '{slug}' (also used by {state.Pages[slug].SourcePath})");
            return;
        }

        state.AddLinks(page.Url, fm.Path, body.Links);
        if (kind == PageKind.Essay)
        {
            ReadEssay(state, fm, page, body, root);
        }
    }

    private static void ReadEssay(LoadState state, FrontMatter fm, SitePage page, RenderedMarkdown body, string root)
    {
        var author = fm.Text("author");
        var written = fm.Day("written");
        var published = fm.Day("published");
        var url = WebAddress(state, fm, "original_url", keepIfInvalid: true);
        var unconfirmed = Unconfirmed(state, fm, ContentKinds.EssayUnconfirmable);

        var paragraphs = new List<EssayParagraph>();
        foreach (var block in body.Blocks)
        {
            if (block.Html.StartsWith("<p>", StringComparison.Ordinal) || block.IsQuote)
            {
                paragraphs.Add(new EssayParagraph(paragraphs.Count + 1, block.Html, block.Text, block.IsQuote));
            }
            else
            {
                state.Problems.Add(fm.Path, block.Line, "the essay holds only paragraphs and block quotes");
            }
        }

        if (state.Essay is not null)
        {
            state.Problems.Add(fm.Path, fm.LineOf("kind"), $"a second essay (the essay is {state.Essay.Page.SourcePath})");
            return;
        }

        var text = EssayText(state, fm, root, paragraphs);
        if (author is not null && written is not null && published is not null && url is not null)
        {
            state.Essay = new Essay(page, author, written.Value, published.Value, url, paragraphs) { Unconfirmed = unconfirmed, SourceText = text };
        }
    }

    private static void ReadCommentary(LoadState state, FrontMatter fm, string slug, RenderedMarkdown body)
    {
        fm.Use(ContentKinds.Commentary);
        var title = fm.Text("title");
        var author = fm.Text("author");
        var date = fm.Day("date");
        var summary = fm.Text("summary");
        var updated = fm.Day("updated");
        var paragraphs = state.Paragraphs(fm, "paragraphs");
        var events = state.EventRefs(fm, "events");
        if (title is null || author is null || date is null || summary is null)
        {
            return;
        }

        var page = new SitePage
        {
            Kind = PageKind.Commentary,
            Slug = slug,
            Title = title,
            Summary = summary,
            Url = "/commentary/" + slug,
            SourcePath = fm.Path,
            Html = body.Html,
            Text = body.Text,
            Author = author,
            Date = date,
            Updated = updated,
            Paragraphs = paragraphs,
            Events = events,
            HeadingIds = body.HeadingIds,
        };
        state.Commentary.Add(page);
        state.AddLinks(page.Url, fm.Path, body.Links);
    }

    private static void ReadEvent(LoadState state, FrontMatter fm, string id, RenderedMarkdown body)
    {
        fm.Use(ContentKinds.Event);
        var title = fm.Text("title");
        var date = fm.Date("date");
        var end = fm.Date("end");
        var era = fm.Text("era");
        var record = fm.Text("record");
        var paragraphs = state.Paragraphs(fm, "paragraphs");
        var sources = state.SourceRefs(fm, "sources");
        if (sources.Count == 0 && ContentKinds.Event["sources"].Required)
        {
            state.Problems.Add(fm.Path, fm.LineOf("sources"), "a timeline event needs at least one source");
        }

        if (date is not null && end is not null && end.Value.CompareTo(date.Value) < 0)
        {
            state.Problems.Add(fm.Path, fm.LineOf("end"), "'end' is before 'date'");
        }

        if (era is not null)
        {
            state.Eras.Add((era, fm.Path, fm.LineOf("era")));
        }

        state.AddLinks("/timeline", fm.Path, body.Links);
        if (title is not null && date is not null && era is not null)
        {
            state.Events.Add(new TimelineEvent(id, title, date.Value, end, era, paragraphs, sources, record, body.Html, string.Join(' ', title, body.Text, record), fm.Path));
        }
    }

    private static void ReadSource(LoadState state, FrontMatter fm, string id, RenderedMarkdown body)
    {
        fm.Use(ContentKinds.Source);
        var author = fm.Text("author");
        var title = fm.Text("title");
        var publication = fm.Text("publication");
        var date = fm.Date("date");
        var url = WebAddress(state, fm, "url", keepIfInvalid: false);
        var unconfirmed = Unconfirmed(state, fm, ContentKinds.SourceUnconfirmable);

        var paragraphs = state.Paragraphs(fm, "paragraphs");
        state.AddLinks("/sources", fm.Path, body.Links);
        if (title is not null)
        {
            state.Sources.Add(new Source(id, author, title, publication, date, url, paragraphs, unconfirmed, body.Html, string.Join(' ', author, title, publication, body.Text), fm.Path));
        }
    }

    private void ReadQuestion(LoadState state, FrontMatter fm, string id, RenderedMarkdown body)
    {
        fm.Use(ContentKinds.Question);
        var group = fm.Text("group");
        var order = fm.Number("order");
        var notes = fm.Text("notes");
        var paragraphs = state.Paragraphs(fm, "paragraphs");
        var events = state.EventRefs(fm, "events");
        var sources = state.SourceRefs(fm, "sources");
        var notesHtml = notes is null ? null : renderer.Render(notes, fm.Path, fm.LineOf("notes") + 1, state.Problems);
        state.AddLinks("/questions", fm.Path, body.Links);
        if (notesHtml is not null)
        {
            state.AddLinks("/questions", fm.Path, notesHtml.Links);
        }

        if (group is not null)
        {
            state.Groups.Add((group, fm.Path, fm.LineOf("group")));
        }

        if (group is not null && order is not null)
        {
            state.Questions.Add(new Question(id, group, order.Value, 0, paragraphs, events, sources, body.Html, body.Text, notesHtml?.Html, fm.Path));
        }
    }

    private static void ReadReadingSection(LoadState state, FrontMatter fm, string id, RenderedMarkdown body)
    {
        fm.Use(ContentKinds.Reading);
        var title = fm.Text("title");
        var order = fm.Number("order");
        var paragraphs = state.Paragraphs(fm, "paragraphs");
        if (paragraphs.Count == 0)
        {
            state.Problems.Add(fm.Path, fm.LineOf("paragraphs"), "a guided reading section needs 'paragraphs': the essay paragraphs it covers, for example [4, 5, 6]");
        }

        var questions = fm.List("questions");
        state.QuestionRefList.AddRange(questions.Select(q => (q.Value, fm.Path, q.Line)));
        state.AddLinks("/read", fm.Path, body.Links);
        if (title is not null && order is not null && paragraphs.Count > 0)
        {
            state.Reading.Add((new ReadingSection(id, order.Value, 0, title, paragraphs, [.. questions.Select(q => q.Value).Distinct()], body.Html, fm.Path), fm.LineOf("paragraphs")));
        }
    }

    private static void ReadTerm(LoadState state, FrontMatter fm, string id, RenderedMarkdown body)
    {
        fm.Use(ContentKinds.Term);
        var term = fm.Text("term");
        var category = fm.Text("category");
        if (category is not null && !ContentKinds.TermCategories.Contains(category))
        {
            state.Problems.Add(fm.Path, fm.LineOf("category"), $"unknown category '{category}' (known: {string.Join(", ", ContentKinds.TermCategories)})");
        }

        var variants = fm.List("variants").Select(v => v.Value).ToList();
        var sources = state.SourceRefs(fm, "sources");
        state.AddLinks("/glossary", fm.Path, body.Links);
        if (term is not null && category is not null)
        {
            state.Terms.Add(new GlossaryTerm(id, term, category, variants, sources, body.Html, body.Text, fm.Path));
        }
    }

    /// <summary>
    /// The essay's text exactly as received (<c>text: essay.txt</c>, a file beside the Markdown), which the site serves
    /// byte for byte and whose SHA-256 it shows. Its paragraphs (its non-blank lines) must be the Markdown's, word for word.
    /// </summary>
    private static byte[]? EssayText(LoadState state, FrontMatter fm, string root, List<EssayParagraph> paragraphs)
    {
        var name = fm.Text("text");
        if (name is null)
        {
            return null;
        }

        var file = Path.GetFullPath(Path.Combine(root, name));
        if (!file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            state.Problems.Add(fm.Path, fm.LineOf("text"), $"'text' must name a file in the content folder, such as essay.txt; '{name}' is not one");
            return null;
        }

        var bytes = File.ReadAllBytes(file);
        var lines = Encoding.UTF8.GetString(bytes).Split('\n').Select(l => Words(l)).Where(l => l.Length > 0).ToList();
        for (var i = 0; i < Math.Max(lines.Count, paragraphs.Count); i++)
        {
            var expected = i < lines.Count ? lines[i] : "(nothing)";
            var actual = i < paragraphs.Count ? Words(paragraphs[i].Text) : "(nothing)";
            if (expected != actual)
            {
                state.Problems.Add(fm.Path, fm.LineOf("text"), $"paragraph {i + 1} differs from {name}: the essay must be published word for word");
                return null;
            }
        }

        return bytes;

        static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>An http(s) address from the front matter, without tracking parameters; each fault is a problem on its line.</summary>
    private static string? WebAddress(LoadState state, FrontMatter fm, string key, bool keepIfInvalid)
    {
        var url = fm.Text(key);
        if (url is null)
        {
            return null;
        }

        if (!(MarkdownRenderer.IsAllowedUrl(url) && url.StartsWith("http", StringComparison.Ordinal)))
        {
            state.Problems.Add(fm.Path, fm.LineOf(key), $"{key} must be an http(s) address, not '{url}'");
            return keepIfInvalid ? url : null;
        }

        if (TrackingParameters.Find(url) is { } tracking)
        {
            state.Problems.Add(fm.Path, fm.LineOf(key), TrackingParameters.Problem(tracking));
        }

        return url;
    }

    /// <summary>The fields a file says could not be confirmed, each one checked against those the kind has.</summary>
    private static HashSet<string> Unconfirmed(LoadState state, FrontMatter fm, string[] fields)
    {
        var unconfirmed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, line) in fm.List("unconfirmed"))
        {
            if (!fields.Contains(field))
            {
                state.Problems.Add(fm.Path, line, $"'unconfirmed' lists '{field}', which is not one of {string.Join(", ", fields)}");
            }

            unconfirmed.Add(field);
        }

        return unconfirmed;
    }

    private static void ReadCorrection(LoadState state, FrontMatter fm, string id, RenderedMarkdown body)
    {
        fm.Use(ContentKinds.Correction);
        var date = fm.Day("date");
        var page = fm.Text("page");
        var was = fm.Text("was");
        if (page is not null && !(page.StartsWith('/') && !page.StartsWith("//", StringComparison.Ordinal)))
        {
            state.Problems.Add(fm.Path, fm.LineOf("page"), $"'page' must be a link to a page of this site, such as /sources#some-source, not '{page}'");
            page = null;
        }

        state.AddLinks("/corrections", fm.Path, body.Links);
        if (page is not null)
        {
            state.AddLinks("/corrections", fm.Path, [new SiteLink(page, fm.LineOf("page"))]);
        }

        if (date is not null && page is not null && was is not null)
        {
            state.Corrections.Add(new Correction(id, date.Value, page, was, body.Html, fm.Path));
        }
    }

    /// <summary>content/site.yml, or what the essay's front matter gives when there is none.</summary>
    private static SiteIdentity ReadIdentity(LoadState state, FrontMatter? fm, Essay essay)
    {
        if (fm is null)
        {
            return new SiteIdentity(essay.Page.Title, SiteIdentity.DefaultTagline, essay.Page.Summary, "en", null);
        }

        fm.Use(ContentKinds.Site);
        var language = fm.Text("language");
        if (language is not null && !LanguageTag().IsMatch(language))
        {
            state.Problems.Add(fm.Path, fm.LineOf("language"), $"'language' must be a language tag such as en or en-GB, not '{language}'");
        }

        return new SiteIdentity(
            fm.Text("name") ?? essay.Page.Title,
            fm.Text("tagline") ?? SiteIdentity.DefaultTagline,
            fm.Text("description") ?? essay.Page.Summary,
            language ?? "en",
            WebAddress(state, fm, "repository", keepIfInvalid: false));
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial System.Text.RegularExpressions.Regex LanguageTag();

    private static ContentSnapshot? Assemble(LoadState state, string version)
    {
        var problems = state.Problems;
        if (state.Essay is null)
        {
            if (!problems.Any)
            {
                problems.Add("content", 1, "no essay: add a page with 'kind: essay'");
            }

            return null;
        }

        var essay = state.Essay;
        var identity = ReadIdentity(state, state.IdentityFile, essay);
        var paragraphCount = essay.Paragraphs.Count;
        var sources = state.Sources.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        var events = state.Events.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var eventsById = events.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);

        foreach (var (n, path, line) in state.ParagraphRefs)
        {
            if (n < 1 || n > paragraphCount)
            {
                problems.Add(path, line, $"paragraph {n} does not exist (the essay has p1 to p{paragraphCount})");
            }
        }

        foreach (var (id, path, line) in state.SourceRefList)
        {
            if (!sources.ContainsKey(id))
            {
                problems.Add(path, line, $"unknown source '{id}' (no file content/sources/{id}.md){EditDistance.Hint(id, sources.Keys)}");
            }
        }

        foreach (var (id, path, line) in state.EventRefList)
        {
            if (!eventsById.ContainsKey(id))
            {
                problems.Add(path, line, $"unknown timeline event '{id}' (no file content/timeline/{id}.md){EditDistance.Hint(id, eventsById.Keys)}");
            }
        }

        var timeline = state.Pages.GetValueOrDefault("timeline");
        CheckSections(problems, state.Eras, timeline, "era", "timeline");
        var questionsPage = state.Pages.GetValueOrDefault("questions");
        CheckSections(problems, state.Groups, questionsPage, "group", "questions");

        var groupOrder = (questionsPage?.Sections ?? []).Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var questions = state.Questions
            .OrderBy(q => groupOrder.GetValueOrDefault(q.Group, int.MaxValue))
            .ThenBy(q => q.Order)
            .ThenBy(q => q.Id, StringComparer.Ordinal)
            .Select((q, i) => q with { Number = i + 1 })
            .ToList();

        var commentary = state.Commentary
            .OrderByDescending(c => c.Date)
            .ThenBy(c => c.Slug, StringComparer.Ordinal)
            .ToList();
        foreach (var slugGroup in commentary.GroupBy(c => c.Slug).Where(g => g.Count() > 1))
        {
            foreach (var dup in slugGroup.Skip(1))
            {
                problems.Add(dup.SourcePath, 1, $"duplicate slug '{dup.Slug}'");
            }
        }

        var orderedSources = state.Sources
            .OrderBy(s => s.Paragraphs.Count > 0 ? s.Paragraphs.Min() : int.MaxValue)
            .ThenBy(s => s.Date?.Start ?? DateOnly.MaxValue)
            .ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        var terms = state.Terms.OrderBy(t => t.Term, StringComparer.OrdinalIgnoreCase).ToList();
        var corrections = state.Corrections
            .OrderByDescending(c => c.Date)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        if (corrections.Count > 0 && !state.Pages.ContainsKey("corrections"))
        {
            var first = corrections[0];
            problems.Add(first.SourcePath, 1, "there is no page 'corrections' to list this correction (add content/corrections.md with 'kind: about')");
        }

        var pages = state.Pages.ToFrozenDictionary(StringComparer.Ordinal);
        var readingOrder = pages.Values
            .Where(p => p.Order is not null && p.Kind is PageKind.Essay or PageKind.Guide)
            .OrderBy(p => p.Order)
            .ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();

        var reading = CheckReading(state, questions, paragraphCount);
        CheckLinks(state, pages, eventsById, sources, questions, terms, commentary, paragraphCount);
        if (problems.Any)
        {
            return null;
        }

        var (marked, linkedTerms) = EssayMarkup.Mark(essay.Paragraphs, pages.ContainsKey("glossary") ? terms : []);
        return new ContentSnapshot
        {
            Essay = essay with { Page = pages[essay.Page.Slug], Paragraphs = marked, LinkedTerms = linkedTerms },
            Identity = identity,
            Pages = pages,
            ReadingOrder = readingOrder,
            Events = events,
            EventsById = eventsById,
            Sources = orderedSources,
            SourcesById = sources,
            Questions = questions,
            Reading = reading,
            Terms = terms,
            Commentary = commentary,
            Corrections = corrections,
            ParagraphRefs = Enumerable.Range(1, paragraphCount).ToFrozenDictionary(
                n => n,
                n => new ParagraphReferences(
                    [.. events.Where(e => e.Paragraphs.Contains(n))],
                    [.. orderedSources.Where(s => s.Paragraphs.Contains(n))],
                    [.. questions.Where(q => q.Paragraphs.Contains(n))],
                    [.. commentary.Where(c => c.Paragraphs.Contains(n))])),
            SourceRefs = orderedSources.ToFrozenDictionary(
                s => s.Id,
                s => new SourceCitations(
                    s.Paragraphs,
                    [.. events.Where(e => e.Sources.Contains(s.Id))],
                    [.. questions.Where(q => q.Sources.Contains(s.Id))],
                    [.. terms.Where(t => t.Sources.Contains(s.Id))]),
                StringComparer.Ordinal),
            EventQuestions = events.ToFrozenDictionary(
                e => e.Id,
                e => (IReadOnlyList<Question>)[.. questions.Where(q => q.Events.Contains(e.Id))],
                StringComparer.Ordinal),
            EventCommentary = events.ToFrozenDictionary(
                e => e.Id,
                e => (IReadOnlyList<SitePage>)[.. commentary.Where(c => c.Events.Contains(e.Id))],
                StringComparer.Ordinal),
            Version = version,
        };
    }

    private static void CheckSections(ProblemList problems, List<(string Id, string Path, int Line)> used, SitePage? page, string what, string slug)
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
    private static void CheckLinks(
        LoadState state,
        FrozenDictionary<string, SitePage> pages,
        FrozenDictionary<string, TimelineEvent> events,
        FrozenDictionary<string, Source> sources,
        List<Question> questions,
        List<GlossaryTerm> terms,
        List<SitePage> commentary,
        int paragraphCount)
    {
        var anchors = pages.Values.Concat(commentary).ToDictionary(p => p.Url, p => new HashSet<string>(p.HeadingIds), StringComparer.Ordinal);
        foreach (var own in state.Addresses.OwnPages)
        {
            anchors[own] = [];
        }

        anchors.GetValueOrDefault("/glossary")?.UnionWith(terms.Select(t => t.Id));
        anchors.GetValueOrDefault("/corrections")?.UnionWith(state.Corrections.Select(c => c.Id));

        anchors.GetValueOrDefault("/essay")?.UnionWith(Enumerable.Range(1, paragraphCount).Select(n => $"p{n}"));
        anchors.GetValueOrDefault("/timeline")?.UnionWith(events.Keys.Concat(pages.GetValueOrDefault("timeline")?.Sections.Select(s => s.Id) ?? []));
        anchors.GetValueOrDefault("/sources")?.UnionWith(sources.Keys);
        anchors.GetValueOrDefault("/questions")?.UnionWith(questions.Select(q => q.Id).Concat(pages.GetValueOrDefault("questions")?.Sections.Select(s => s.Id) ?? []));

        foreach (var (pageUrl, path, link) in state.Links)
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
                state.Problems.Add(path, link.Line, $"link to a page that does not exist: '{link.Url}'");
            }
            else if (!string.IsNullOrEmpty(fragment) && !ids.Contains(fragment))
            {
                var hint = target == "/essay" && fragment.StartsWith('p') && fragment[1..].All(char.IsAsciiDigit)
                    ? $" (the essay has p1 to p{paragraphCount})"
                    : EditDistance.Hint(fragment, ids);
                state.Problems.Add(path, link.Line, $"link to a fragment that does not exist: '{link.Url}'{hint}");
            }
        }
    }

    /// <summary>What one load has read so far, and the references still to be checked.</summary>
    /// <summary>
    /// The guided reading's sections in order, numbered from 1. Read one after another they must cover the essay
    /// exactly: every paragraph once, in the essay's order, each section a run of consecutive paragraphs.
    /// </summary>
    private static List<ReadingSection> CheckReading(LoadState state, IReadOnlyList<Question> questions, int paragraphCount)
    {
        var problems = state.Problems;
        var ids = questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (id, path, line) in state.QuestionRefList)
        {
            if (!ids.Contains(id))
            {
                problems.Add(path, line, $"unknown question '{id}' (no file content/questions/{id}.md){EditDistance.Hint(id, ids)}");
            }
        }

        var ordered = state.Reading.OrderBy(r => r.Section.Order).ThenBy(r => r.Section.Id, StringComparer.Ordinal).ToList();
        foreach (var same in ordered.GroupBy(r => r.Section.Order).Where(g => g.Count() > 1))
        {
            problems.Add(same.Last().Section.SourcePath, 1, $"'order: {same.Key}' is also used by {same.First().Section.SourcePath}: each section of the guided reading needs its own place");
        }

        var next = 1;
        foreach (var (section, line) in ordered)
        {
            var first = section.Paragraphs[0];
            var last = section.Paragraphs[^1];
            if (first > next)
            {
                problems.Add(section.SourcePath, line, $"paragraph{(first - 1 > next ? $"s {next}–{first - 1} are" : $" {next} is")} in no section of the guided reading: this section starts at {first}");
            }
            else if (first < next)
            {
                problems.Add(section.SourcePath, line, $"paragraph {first} is already in an earlier section of the guided reading: sections follow the essay, each starting where the last one ended ({next})");
            }

            if (last - first + 1 != section.Paragraphs.Count)
            {
                problems.Add(section.SourcePath, line, $"a section of the guided reading is a run of consecutive paragraphs: {first} to {last} leaves some out");
            }

            next = Math.Max(next, last + 1);
        }

        if (ordered.Count > 0 && next <= paragraphCount)
        {
            problems.Add(ordered[^1].Section.SourcePath, ordered[^1].ParagraphsLine, $"paragraph{(paragraphCount > next ? $"s {next}–{paragraphCount} are" : $" {next} is")} in no section of the guided reading: the last section ends at {next - 1}");
        }

        return [.. ordered.Select((r, i) => r.Section with { Number = i + 1 })];
    }

    private sealed class LoadState(ProblemList problems)
    {
        public ProblemList Problems { get; } = problems;
        public Essay? Essay { get; set; }
        public FrontMatter? IdentityFile { get; set; }
        public required SiteAddresses Addresses { get; init; }
        public Dictionary<string, SitePage> Pages { get; } = new(StringComparer.Ordinal);
        public List<SitePage> Commentary { get; } = [];
        public List<TimelineEvent> Events { get; } = [];
        public List<Source> Sources { get; } = [];
        public List<Question> Questions { get; } = [];
        public List<GlossaryTerm> Terms { get; } = [];
        public List<Correction> Corrections { get; } = [];
        public List<(int N, string Path, int Line)> ParagraphRefs { get; } = [];
        public List<(string Id, string Path, int Line)> SourceRefList { get; } = [];
        public List<(string Id, string Path, int Line)> EventRefList { get; } = [];
        public List<(string Id, string Path, int Line)> Eras { get; } = [];
        public List<(string Id, string Path, int Line)> Groups { get; } = [];
        public List<(string PageUrl, string Path, SiteLink Link)> Links { get; } = [];
        public List<(string Id, string Path, int Line)> QuestionRefList { get; } = [];
        public List<(ReadingSection Section, int ParagraphsLine)> Reading { get; } = [];

        public void AddLinks(string pageUrl, string path, IEnumerable<SiteLink> links) =>
            Links.AddRange(links.Select(l => (pageUrl, path, l)));

        public List<int> Paragraphs(FrontMatter fm, string key)
        {
            var list = fm.IntList(key);
            ParagraphRefs.AddRange(list.Select(p => (p.Value, fm.Path, p.Line)));
            return [.. list.Select(p => p.Value).Distinct().Order()];
        }

        public List<string> SourceRefs(FrontMatter fm, string key) => Ids(fm, key, SourceRefList);

        public List<string> EventRefs(FrontMatter fm, string key) => Ids(fm, key, EventRefList);

        private static List<string> Ids(FrontMatter fm, string key, List<(string, string, int)> sink)
        {
            var list = fm.List(key);
            sink.AddRange(list.Select(i => (i.Value, fm.Path, i.Line)));
            return [.. list.Select(i => i.Value).Distinct()];
        }
    }
}
