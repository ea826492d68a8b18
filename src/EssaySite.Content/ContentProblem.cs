namespace EssaySite.Content;

/// <summary>One thing wrong with the content, reported as <c>path:line: problem</c>.</summary>
public sealed record ContentProblem(string Path, int Line, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Message}";
}

/// <summary>Thrown when content cannot be loaded; carries every problem found, not only the first.</summary>
public sealed class ContentException(IReadOnlyList<ContentProblem> problems)
    : Exception(FormatMessage(problems))
{
    public IReadOnlyList<ContentProblem> Problems { get; } = problems;

    /// <summary>"1 problem", "3 problems".</summary>
    public static string Count(int count) => Counting.Of(count, "problem", "problems");

    private static string FormatMessage(IReadOnlyList<ContentProblem> problems) =>
        $"The content has {Count(problems.Count)}:{Environment.NewLine}" +
        string.Join(Environment.NewLine, problems);
}

/// <summary>Collects problems while a file is read, so one pass reports them all.</summary>
public sealed class ProblemList
{
    private readonly List<ContentProblem> _items = [];

    public IReadOnlyList<ContentProblem> Items => _items;

    public bool Any => _items.Count > 0;

    public void Add(string path, int line, string message) => _items.Add(new ContentProblem(path, line, message));

    public void AddRange(IEnumerable<ContentProblem> problems) => _items.AddRange(problems);

    public IReadOnlyList<ContentProblem> Sorted() =>
        [.. _items.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Message, StringComparer.Ordinal)];
}
