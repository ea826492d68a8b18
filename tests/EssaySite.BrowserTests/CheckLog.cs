namespace EssaySite.BrowserTests;

/// <summary>
/// What the page and accessibility checks looked at, one line a check (kind, copy of the site, address, width,
/// scheme, what), appended to the file named by ESSAYSITE_CHECKS; without it nothing is written. scripts/count-checks
/// counts the distinct lines, so a change to how the suite visits pages can show that it still checks as much.
/// </summary>
public static class CheckLog
{
    private static readonly string? Target = Environment.GetEnvironmentVariable("ESSAYSITE_CHECKS");
    private static readonly Lock Gate = new();

    public static bool Enabled => !string.IsNullOrEmpty(Target);

    public static void Record(IHostUnderTest site, string kind, string url, int width, string scheme, params IEnumerable<string> what) =>
        Record(kind, NameOf(site), url, width, scheme, what);

    /// <summary>"server" or "export", with " (fixture guide)" for the copies of the fixture guide.</summary>
    public static string NameOf(IHostUnderTest site) =>
        (site.IsStaticExport ? "export" : "server") + (site.ContentRoot == TestContent.FixtureGuide ? " (fixture guide)" : "");

    public static void Record(string kind, string copy, string url, int width, string scheme, IEnumerable<string> what)
    {
        if (!Enabled)
        {
            return;
        }

        var lines = string.Concat(what.Select(w => $"{kind}\t{copy}\t{url}\t{width}\t{scheme}\t{w}\n"));
        lock (Gate)
        {
            File.AppendAllText(Target!, lines);
        }
    }

    /// <summary>Which copy of the site an address belongs to (<see cref="NameOf"/>).</summary>
    public static string CopyOf(string baseUrl) => CopiesUnderTest.Find(baseUrl) is { } copy ? NameOf(copy) : "unknown";

    /// <summary>Every rule one axe run ran, whatever it found.</summary>
    public static IEnumerable<string> RulesRun(Deque.AxeCore.Commons.AxeResult result) =>
        new[] { result.Passes, result.Violations, result.Incomplete, result.Inapplicable }.SelectMany(list => list ?? []).Select(r => "rule " + r.Id).Append("scan");
}
