using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using EssaySite.Content;
using EssaySite.Hosting;
using EssaySite.Startup;

namespace EssaySite.Commands;

/// <summary>
/// <c>dotnet run --project src/EssaySite -- report [&lt;git-ref&gt;]</c>: the content folder as it is now against the
/// same folder at a commit (read with <c>git archive</c>, so the working tree is not touched), as Markdown for a
/// pull request. With no ref the commit is the merge base with the default branch, which is what a pull request
/// shows. Exit code 0 when the new content loads, 1 when it has problems, 2 when git cannot give the commit.
/// </summary>
public static class ChangeReportCommand
{
    // The default branch, first as the remote has it: a local main can lag behind what a pull request is compared with.
    private static readonly string[] DefaultBranches = ["origin/main", "main"];

    public static async Task<int> RunAsync(IConfiguration configuration, string[] args, TextWriter output, TextWriter error)
    {
        // What follows the ref, or the verb when no ref is given, may be configuration (--Site:ContentPath=…).
        var given = args.Length > 1 && !args[1].StartsWith('-') ? args[1] : null;
        if (args is [_, "-h" or "--help", ..] || (given is { } g && string.IsNullOrWhiteSpace(g)))
        {
            await error.WriteLineAsync("usage: report [<git-ref>]   (no ref: against the merge base with main, as a pull request shows; or for example report HEAD~1)");
            return 2;
        }

        var options = configuration.GetSection(SiteOptions.Section).Get<SiteOptions>() ?? new SiteOptions();
        var contentRoot = SitePaths.Resolve(options, AppContext.BaseDirectory, Directory.GetCurrentDirectory()).ContentRoot;
        var (top, topError) = await GitAsync(contentRoot, "rev-parse", "--show-toplevel");
        if (top is null)
        {
            await error.WriteLineAsync($"report: the content folder {contentRoot} is not in a git repository ({topError.Trim()})");
            return 2;
        }

        var repository = Encoding.UTF8.GetString(top).Trim();
        var relative = Path.GetRelativePath(repository, contentRoot).Replace('\\', '/');
        string reference, label;
        if (given is not null)
        {
            reference = given;
            label = $"`{reference}`";
        }
        else if (await MergeBaseAsync(repository) is var (branch, commit))
        {
            reference = commit;
            label = $"the merge base with `{branch}` (`{commit[..Math.Min(12, commit.Length)]}`)";
        }
        else
        {
            await error.WriteLineAsync($"report: there is no branch {string.Join(" or ", DefaultBranches)} to compare with: name a commit, for example report HEAD~1");
            return 2;
        }

        var (tar, archiveError) = await GitAsync(repository, "archive", "--format=tar", reference, "--", relative);
        var loader = new ContentLoader(MarkdownRenderer.Take(), SiteAddresses.OfRoutes);
        var (after, problems) = loader.TryLoad(contentRoot);
        ContentSnapshot? before = null;
        if (tar is null)
        {
            // A commit from before the folder existed gives an empty archive error: everything is then new.
            if (!archiveError.Contains("did not match any files", StringComparison.Ordinal))
            {
                await error.WriteLineAsync($"report: git cannot read '{reference}': {archiveError.Trim()}");
                return 2;
            }
        }
        else
        {
            var folder = Directory.CreateTempSubdirectory("essaysite-report-");
            try
            {
                await TarFile.ExtractToDirectoryAsync(new MemoryStream(tar), folder.FullName, overwriteFiles: true);
                before = loader.TryLoad(Path.Combine(folder.FullName, relative)).Snapshot;
            }
            finally
            {
                folder.Delete(recursive: true);
            }
        }

        await output.WriteAsync(ChangeReport.Compare(before, after, problems, label, "the working tree"));
        if (await IsCheckedOutCleanAsync(repository, reference, relative))
        {
            // Comparing with the commit you are on shows only uncommitted edits, and there are none.
            await output.WriteLineAsync();
            await output.WriteLineAsync($"{char.ToUpperInvariant(label[0])}{label[1..]} is the commit checked out and the content folder has no uncommitted change, so nothing differs. To see what the last commit changed: `report HEAD~1`");
        }

        return after is null ? 1 : 0;
    }

    private static async Task<(string Branch, string Commit)?> MergeBaseAsync(string repository)
    {
        foreach (var branch in DefaultBranches)
        {
            if ((await GitAsync(repository, "rev-parse", "--verify", "-q", branch + "^{commit}")).Output is null)
            {
                continue;
            }

            var (mergeBase, _) = await GitAsync(repository, "merge-base", "HEAD", branch);
            return mergeBase is null ? null : (branch, Encoding.UTF8.GetString(mergeBase).Trim());
        }

        return null;
    }

    private static async Task<bool> IsCheckedOutCleanAsync(string repository, string reference, string relative)
    {
        var (at, _) = await GitAsync(repository, "rev-parse", "--verify", "-q", reference + "^{commit}");
        var (head, _) = await GitAsync(repository, "rev-parse", "--verify", "-q", "HEAD");
        var (status, _) = await GitAsync(repository, "status", "--porcelain", "--", relative);
        return at is not null && head is not null && status is { Length: 0 } && at.AsSpan().SequenceEqual(head);
    }

    private static async Task<(byte[]? Output, string Error)> GitAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var git = Process.Start(start)!;
            using var buffer = new MemoryStream();
            var copy = git.StandardOutput.BaseStream.CopyToAsync(buffer);
            var errorText = git.StandardError.ReadToEndAsync();
            await Task.WhenAll(copy, errorText, git.WaitForExitAsync());
            return git.ExitCode == 0 ? (buffer.ToArray(), "") : (null, await errorText);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (null, $"git could not be run: {e.Message}");
        }
    }
}
