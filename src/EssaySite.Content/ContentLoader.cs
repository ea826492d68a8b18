using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;

namespace EssaySite.Content;

/// <summary>
/// Reads every Markdown file under the content folder into a <see cref="ContentSnapshot"/>, or reports
/// every problem found as <c>path:line: problem</c>. A short orchestrator: it reads the files, hands each to the
/// kind its folder names (<see cref="ContentKinds"/>, where each kind's fields and reading live), checks the
/// references between them (<see cref="ContentReferences"/>) and builds the snapshot.
/// </summary>
public sealed class ContentLoader(MarkdownRenderer renderer, SiteAddresses addresses)
{
    /// <summary>
    /// How long one file may take to read; null for no limit. A reload behind a running site sets one, so a file
    /// that blocks (a named pipe, a stalled mount) becomes a problem instead of a reload that never ends.
    /// </summary>
    public TimeSpan? ReadLimit { get; init; }

    /// <summary>Loads the folder, throwing <see cref="ContentException"/> with every problem if any.</summary>
    public ContentSnapshot Load(string contentRoot)
    {
        var (snapshot, problems) = TryLoad(contentRoot);
        return snapshot ?? throw new ContentException(problems);
    }

    public (ContentSnapshot? Snapshot, IReadOnlyList<ContentProblem> Problems) TryLoad(string contentRoot)
    {
        var problems = new ProblemList();
        var root = Path.GetFullPath(contentRoot);
        var load = new ContentLoad(problems, renderer, addresses, root);
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
            AddToVersion(file.Relative, file.Bytes);
            ReadFile(load, file);
            problems.AddRange(file.Problems.Items);
        }

        // Text files the pages name (the essay as received) are part of the version too: the bytes that were read.
        foreach (var (name, bytes) in load.TextFiles)
        {
            AddToVersion(name, bytes);
        }

        // The site's identity, a file of YAML alone, is part of the version too.
        var identityFile = Path.Combine(root, SiteIdentity.FileName);
        if (File.Exists(identityFile))
        {
            var bytes = File.ReadAllBytes(identityFile);
            AddToVersion(SiteIdentity.FileName, bytes);
            load.IdentityFile = FrontMatter.ParseYaml($"{display}/{SiteIdentity.FileName}", Encoding.UTF8.GetString(bytes), problems);
        }

        hash.TransformFinalBlock([], 0, 0);
        var version = Convert.ToHexStringLower(hash.Hash!)[..8];

        var snapshot = Assemble(load, version);
        return problems.Any ? (null, problems.Sorted()) : (snapshot, []);

        // The version is a hash of every file's name and bytes, in file order.
        void AddToVersion(string name, byte[] bytes)
        {
            var nameBytes = Encoding.UTF8.GetBytes(name);
            hash.TransformBlock(nameBytes, 0, nameBytes.Length, null, 0);
            hash.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
    }

    /// <summary>A file read, split and rendered on its own, before it is related to the others.</summary>
    private sealed record PreparedFile(string Path, string Relative, byte[] Bytes, FrontMatter? Front, RenderedMarkdown? Body, ProblemList Problems);

    private PreparedFile Prepare(string root, string display, string file)
    {
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        var path = $"{display}/{relative}";
        var problems = new ProblemList();
        var folder = relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.IndexOf('/', StringComparison.Ordinal)] : "";
        var maxBytes = ContentKinds.ByFolder.GetValueOrDefault(folder)?.MaxBytes ?? ContentKind.DefaultMaxBytes;
        if (ContentFiles.Read(file, path, maxBytes, ReadLimit, problems) is not { } bytes)
        {
            return new PreparedFile(path, relative, [], null, null, problems);
        }

        FrontMatter? fm = null;
        try
        {
            fm = FrontMatter.Parse(path, Encoding.UTF8.GetString(bytes), problems);
            // Only the essay needs each block's HTML apart (one element per paragraph).
            var blockHtml = !relative.Contains('/', StringComparison.Ordinal) && fm?.Peek("kind") == "essay";
            var body = fm is null ? null : renderer.Render(fm.Body, fm.Path, fm.BodyLine, problems, blockHtml);
            return new PreparedFile(path, relative, bytes, fm, body, problems);
        }
        catch (Exception e) when (e is not (IOException or OutOfMemoryException))
        {
            // Markdig and the sanitizer give up on some inputs ("depth limit exceeded" for 2,000 nested quotes): the
            // file gets a problem like any other, at its body's first line, instead of stopping the whole load.
            problems.Add(path, fm?.BodyLine ?? 1, $"the file could not be rendered: {e.Message.TrimEnd('.')}");
            return new PreparedFile(path, relative, bytes, null, null, problems);
        }
    }

    private static void ReadFile(ContentLoad load, PreparedFile file)
    {
        var problems = load.Problems;
        var (path, relative, fm) = (file.Path, file.Relative, file.Front);
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

        foreach (var key in InvisibleCharacters.CheckedFields)
        {
            if (fm.Peek(key) is { } value && InvisibleCharacters.Find(value) is { } found)
            {
                problems.Add(path, fm.LineOf(key), $"'{key}' holds {found}, which is invisible or reorders the text around it: delete it");
            }
        }

        if (ContentKinds.ByFolder.GetValueOrDefault(folder)?.Read is { } read)
        {
            try
            {
                read(load, new ContentFile(fm, id, file.Body!));
            }
            catch (Exception e) when (e is not (IOException or OutOfMemoryException))
            {
                problems.Add(path, fm.BodyLine, $"the file could not be rendered: {e.Message.TrimEnd('.')}");
            }
        }
        else
        {
            problems.Add(path, 1, $"unknown content folder '{folder}' (known: {string.Join(", ", ContentKinds.Folders)})");
        }
    }

    private static ContentSnapshot? Assemble(ContentLoad load, string version)
    {
        var problems = load.Problems;
        if (load.Essay is null)
        {
            if (!problems.Any)
            {
                problems.Add("content", 1, "no essay: add a page with 'kind: essay'");
            }

            return null;
        }

        var essay = load.Essay;
        var identity = ContentKinds.ReadIdentity(load, essay);
        var paragraphCount = essay.Paragraphs.Count;
        var sources = load.Sources.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        var events = ContentKinds.ArrangeEvents(load);
        var eventsById = events.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal);
        var questionsPage = load.Pages.GetValueOrDefault("questions");
        var questions = ContentKinds.ArrangeQuestions(load, questionsPage);
        ContentReferences.CheckIds(load, paragraphCount, sources, eventsById, questions);
        ContentReferences.CheckSections(problems, load.Eras, load.Pages.GetValueOrDefault("timeline"), "era", "timeline");
        ContentReferences.CheckSections(problems, load.Groups, questionsPage, "group", "questions");

        var commentary = ContentKinds.ArrangeCommentary(load);
        var orderedSources = ContentKinds.ArrangeSources(load);
        var terms = ContentKinds.ArrangeTerms(load);
        var corrections = ContentKinds.ArrangeCorrections(load);
        var pages = load.Pages.ToFrozenDictionary(StringComparer.Ordinal);
        var readingOrder = pages.Values
            .Where(p => p.Order is not null && p.Kind is PageKind.Essay or PageKind.Guide)
            .OrderBy(p => p.Order)
            .ThenBy(p => p.Slug, StringComparer.Ordinal)
            .ToList();

        var reading = ContentKinds.ArrangeReading(load, paragraphCount);
        ContentReferences.CheckLinks(load, pages, eventsById, sources, questions, terms, commentary, paragraphCount);
        if (problems.Any)
        {
            return null;
        }

        var (marked, linkedTerms) = EssayMarkup.Mark(essay.Paragraphs, pages.ContainsKey("glossary") ? terms : []);
        var backlinks = new Backlinks(paragraphCount, events, orderedSources, questions, terms, commentary);
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
            ParagraphRefs = backlinks.Paragraphs,
            SourceRefs = backlinks.Sources,
            EventQuestions = backlinks.EventQuestions,
            EventCommentary = backlinks.EventCommentary,
            Version = version,
        };
    }
}
