using EssaySite.Commands;
using EssaySite.Content;
using Microsoft.Extensions.Configuration;

namespace EssaySite.Tests;

/// <summary>
/// <c>report &lt;git-ref&gt;</c>: each kind of change a pull request can make to the content is named in the report,
/// by kind, name and id. The items changed are the test's own, added to a copy of the fixture guide.
/// </summary>
public sealed class ChangeReportTests : IDisposable
{
    private const string Event = "---\ntitle: \"A test event\"\ndate: 2019-12-30\nera: independence\nparagraphs: [2]\nsources: [report-test-source]\n---\n\nSomething happened.\n";
    private const string Source = "---\nauthor: \"A. Reporter\"\ntitle: \"A test report\"\npublication: \"The Test\"\ndate: 2020-01-02\nurl: \"https://example.org/report\"\nparagraphs: []\n---\n\nA report.\n";

    private readonly TempContent _before = new();
    private readonly TempContent _after = new();

    public void Dispose()
    {
        _before.Dispose();
        _after.Dispose();
    }

    private string Report()
    {
        var loader = new ContentLoader(new MarkdownRenderer(), EssaySite.Content.SiteAddresses.OfRoutes);
        var before = loader.TryLoad(_before.ContentRoot).Snapshot;
        var (after, problems) = loader.TryLoad(_after.ContentRoot);
        return ChangeReport.Compare(before, after, problems, "`main`", "the working tree");
    }

    [Fact]
    public void NoChange_SaysSo()
    {
        var report = Report();
        Assert.Contains("No change a reader would see.", report, StringComparison.Ordinal);
        Assert.Contains("Problems: none", report, StringComparison.Ordinal);
    }

    [Fact]
    public void AddedItems_AreListedByKindNameAndId_WithTheParagraphsAndLinksTheyBring()
    {
        _after.Write("sources/report-test-source.md", Source);
        _after.Write("timeline/report-test-event.md", Event);
        var report = Report();
        Assert.Contains("### Timeline events\n- added: “A test event” (2019-12-30) (`report-test-event`)", Normal(report), StringComparison.Ordinal);
        Assert.Contains("### Sources\n- added: “A test report” (`report-test-source`)", Normal(report), StringComparison.Ordinal);
        Assert.Contains("- ¶ 2: + event `report-test-event`", report, StringComparison.Ordinal);
        Assert.Contains("- new: Timeline events `report-test-event` → `/sources#report-test-source`", report, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedAndRemovedItems_AreListed()
    {
        _before.Write("sources/report-test-source.md", Source);
        _before.Write("timeline/report-test-event.md", Event);
        _after.Write("sources/report-test-source.md", Source.Replace("A report.", "A report, read again.", StringComparison.Ordinal));
        var report = Report();
        Assert.Contains("- changed: “A test report” (`report-test-source`)", report, StringComparison.Ordinal);
        Assert.Contains("- removed: “A test event” (2019-12-30) (`report-test-event`)", report, StringComparison.Ordinal);
        Assert.Contains("- ¶ 2: − event `report-test-event`", report, StringComparison.Ordinal);
    }

    [Fact]
    public void ARenamedItem_SaysWhatItWasCalled()
    {
        _before.Write("sources/report-test-source.md", Source);
        _after.Write("sources/report-test-source.md", Source.Replace("A test report", "A test report, retitled", StringComparison.Ordinal));
        Assert.Contains("- changed: “A test report, retitled” (`report-test-source`), was “A test report”", Report(), StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkAddedToAPage_IsListed()
    {
        var about = File.ReadAllText(Path.Combine(_after.ContentRoot, "about.md"));
        _after.Write("about.md", about + "\nSee also [paragraph 3](/essay#p3).\n");
        var report = Report();
        Assert.Contains($"- changed: “{FixtureGuide.Field("about.md", "title")}” (`about`)", report, StringComparison.Ordinal);
        Assert.Contains("- new: Pages `about` → `/essay#p3`", report, StringComparison.Ordinal);
    }

    [Fact]
    public void BrokenContent_IsReportedWithItsProblems()
    {
        _after.Write("timeline/report-test-event.md", Event);
        var report = Report();
        Assert.Contains("does not load (1 problem)", report, StringComparison.Ordinal);
        Assert.Contains("- `content/timeline/report-test-event.md:6: unknown source 'report-test-source' (no file content/sources/report-test-source.md)`", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommand_ReadsTheOlderContentFromGit()
    {
        using var content = new TempContent();
        await GitAsync(content.Root, "init", "-q");
        await GitAsync(content.Root, "add", "-A");
        await GitAsync(content.Root, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "content");
        content.Write("sources/report-test-source.md", Source);

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Site:ContentPath"] = content.ContentRoot })
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.Equal(0, await ChangeReportCommand.RunAsync(configuration, ["report", "HEAD"], output, error));
        Assert.Contains("- added: “A test report” (`report-test-source`)", output.ToString(), StringComparison.Ordinal);

        Assert.Equal(2, await ChangeReportCommand.RunAsync(configuration, ["report", "no-such-branch"], output, error));
        Assert.Contains("git cannot read 'no-such-branch'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommand_WithNoRef_ComparesWithTheMergeBaseOfMain_AsAPullRequestDoes()
    {
        using var content = await RepositoryAsync("main");
        await GitAsync(content.Root, "checkout", "-q", "-b", "feature");
        content.Write("sources/report-test-source.md", Source);
        await CommitAsync(content.Root, "a source on the branch");
        await GitAsync(content.Root, "checkout", "-q", "main");
        content.Write("sources/main-only-source.md", Source.Replace("A test report", "Only on main", StringComparison.Ordinal));
        await CommitAsync(content.Root, "a source on main after the branch");
        await GitAsync(content.Root, "checkout", "-q", "feature");

        var (exit, output, error) = await ReportAsync(content, "report");
        Assert.True(exit == 0, error);
        Assert.Contains("against the merge base with `main`", output, StringComparison.Ordinal);
        Assert.Contains("- added: “A test report” (`report-test-source`)", output, StringComparison.Ordinal);
        // What main gained since the branch left it is not the branch's change.
        Assert.DoesNotContain("Only on main", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommand_WithNoRefAndNoMainBranch_SaysWhatToName()
    {
        using var content = await RepositoryAsync("trunk");

        var (exit, _, error) = await ReportAsync(content, "report");
        Assert.Equal(2, exit);
        Assert.Contains("there is no branch origin/main or main to compare with: name a commit, for example report HEAD~1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCommand_OnACleanTreeAtTheRef_SaysHowToSeeTheLastCommit()
    {
        using var content = await RepositoryAsync("main");
        content.Write("sources/report-test-source.md", Source);
        await CommitAsync(content.Root, "a source");

        var (exit, output, _) = await ReportAsync(content, "report", "HEAD");
        Assert.Equal(0, exit);
        Assert.Contains("No change a reader would see.", output, StringComparison.Ordinal);
        Assert.Contains("is the commit checked out and the content folder has no uncommitted change, so nothing differs. To see what the last commit changed: `report HEAD~1`", output, StringComparison.Ordinal);

        (_, output, _) = await ReportAsync(content, "report", "HEAD~1");
        Assert.Contains("- added: “A test report” (`report-test-source`)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("report HEAD~1", output, StringComparison.Ordinal);

        content.Write("sources/report-test-source.md", Source.Replace("A report.", "A report, edited.", StringComparison.Ordinal));
        (_, output, _) = await ReportAsync(content, "report", "HEAD");
        Assert.Contains("- changed: “A test report” (`report-test-source`)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("report HEAD~1", output, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> ReportAsync(TempContent content, params string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Site:ContentPath"] = content.ContentRoot })
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ChangeReportCommand.RunAsync(configuration, args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A copy of the fixture guide as the first commit of a new repository on <paramref name="branch"/>.</summary>
    private static async Task<TempContent> RepositoryAsync(string branch)
    {
        var content = new TempContent();
        await GitAsync(content.Root, "init", "-q", "-b", branch);
        await CommitAsync(content.Root, "content");
        return content;
    }

    private static async Task CommitAsync(string directory, string message)
    {
        await GitAsync(directory, "add", "-A");
        await GitAsync(directory, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", message);
    }

    private static async Task GitAsync(string directory, params string[] args)
    {
        var (exit, text) = await Processes.RunAsync("git", directory, new Dictionary<string, string>(), args);
        Assert.True(exit == 0, $"git {string.Join(' ', args)}: {text}");
    }

    private static string Normal(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
