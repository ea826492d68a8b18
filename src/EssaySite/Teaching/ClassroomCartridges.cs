using EssaySite.Content;

namespace EssaySite.Teaching;

/// <summary>
/// What goes into the site's two Common Cartridges: the whole guide in reading order, and one assignment.
/// <paramref name="absolute"/> turns a site path into the public address a learning platform will open.
/// </summary>
public static class ClassroomCartridges
{
    public static byte[] Guide(ContentSnapshot snapshot, Func<string, Uri> absolute)
    {
        var essay = snapshot.Essay;
        var pages = snapshot.ReadingOrder
            .Concat(snapshot.Pages.Values.Where(p => p.Kind == PageKind.Guide && !snapshot.ReadingOrder.Contains(p)).OrderBy(p => p.Slug, StringComparer.Ordinal))
            .Select(p => new CartridgeLink(p.Kind == PageKind.Essay ? EssayTitle(essay) : p.Title, absolute(p.Url)))
            .Append(new CartridgeLink("Class packet (to print)", absolute(Routes.Packet)))
            .ToList();
        var questions = snapshot.Questions.Select(q => QuestionLink(q, absolute)).ToList();
        return CommonCartridge.Build("essaysite-guide", $"{essay.Page.Title}: essay and reading guide",
            $"The opinion essay “{essay.Page.Title}” by {essay.Author}, reproduced word for word, with its reading guide and discussion questions.",
            [new("Reading guide", pages), new("Discussion questions", questions)], Stamp(snapshot));
    }

    /// <summary>The name the guide's cartridge downloads as: the essay's title ("common-sense-guide.imscc").</summary>
    public static string GuideFileName(ContentSnapshot snapshot) => FileName(snapshot, "-guide");

    /// <summary>
    /// The name an assignment's cartridge downloads as: the essay's title and the due date ("common-sense-due-2026-12-09.imscc"),
    /// so two assignments saved in one folder are told apart.
    /// </summary>
    public static string AssignmentFileName(ContentSnapshot snapshot, Assignment assignment) =>
        FileName(snapshot, assignment.Due is { } due ? $"-due-{due:yyyy-MM-dd}" : "-assignment");

    private static string FileName(ContentSnapshot snapshot, string suffix) =>
        CitationFiles.FileName(snapshot.Essay.Page.Title, null, "imscc").Replace(".imscc", suffix + ".imscc", StringComparison.Ordinal);

    public static byte[] Assignment(ContentSnapshot snapshot, Assignment assignment, string code, Func<string, Uri> absolute)
    {
        var essay = snapshot.Essay;
        var title = assignment.Due is { } due ? $"Assignment due {due:d MMMM yyyy}" : "Assignment";
        var links = new List<CartridgeLink>
        {
            new($"{title}: the assignment page", absolute(Routes.Assignment(code))),
            new("Worksheet to print", absolute(Routes.Assignment(code, "worksheet"))),
        };
        if (assignment.WholeEssay)
        {
            links.Add(new(EssayTitle(essay), absolute(Routes.Essay)));
        }

        links.AddRange(assignment.Paragraphs.Select(n => new CartridgeLink($"Paragraph {n} of the essay", absolute(Routes.Paragraph(n)))));
        if (assignment.Timeline)
        {
            links.Add(new(snapshot.Page("timeline")?.Title ?? "Timeline", absolute(Routes.Timeline())));
        }

        if (assignment.Sources)
        {
            links.Add(new(snapshot.Page("sources")?.Title ?? "Sources", absolute(Routes.Sources)));
        }

        links.AddRange(assignment.Questions.Select(n => QuestionLink(snapshot.Questions[n - 1], absolute)));
        var description = $"On the essay “{essay.Page.Title}” by {essay.Author}."
            + (assignment.Due is { } d ? $" Due {d:d MMMM yyyy}." : "")
            + (assignment.Note is { } note ? $" Note from your teacher: {note}" : "");
        return CommonCartridge.Build($"assignment-{code}", $"{title}: “{essay.Page.Title}”", description, [new(title, links)], Stamp(snapshot));
    }

    private static string EssayTitle(Essay essay) => $"“{essay.Page.Title}” by {essay.Author} (the essay)";

    private static CartridgeLink QuestionLink(Question q, Func<string, Uri> absolute) =>
        new($"Question {q.Number}: {Shorten(q.Text, 120)}", absolute(Routes.Question(q.Id)));

    private static string Shorten(string text, int max)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var line = string.Join(' ', words);
        return line.Length <= max ? line : line[..line.LastIndexOf(' ', max)] + " …";
    }

    // The content's own date, so the zip's bytes change with the content and never with the clock.
    private static DateOnly Stamp(ContentSnapshot snapshot) => snapshot.LastUpdated ?? snapshot.Essay.Published;
}
