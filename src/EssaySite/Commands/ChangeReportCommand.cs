using EssaySite.Content;
using System.Diagnostics;
using System.Text;
using System.Formats.Tar;
using EssaySite.Site;

namespace EssaySite.Commands;

/// <summary>
/// <c>dotnet run --project src/EssaySite -- report &lt;git-ref&gt;</c>: the content folder as it is now against the
/// same folder at a commit (read with <c>git archive</c>, so the working tree is not touched), as Markdown for a
/// pull request. Exit code 0 when the new content loads, 1 when it has problems, 2 when git cannot give the commit.
/// </summary>
public static class ChangeReportCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration, string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]) || args[1].StartsWith('-'))
        {
            await error.WriteLineAsync("usage: report <git-ref>   (for example: report main, report HEAD~1)");
            return 2;
        }

        var reference = args[1];
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
        var (tar, archiveError) = await GitAsync(repository, "archive", "--format=tar", reference, "--", relative);
        var loader = new ContentLoader(MarkdownRenderer.Take(), SiteRoutes.ForContent);
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

        await output.WriteAsync(ChangeReport.Compare(before, after, problems, $"`{reference}`", "the working tree"));
        return after is null ? 1 : 0;
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
