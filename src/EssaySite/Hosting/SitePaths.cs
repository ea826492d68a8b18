namespace EssaySite.Hosting;

/// <summary>Where the content and static files are, resolved once at start-up.</summary>
public sealed record SitePaths(string ContentRoot, string WebRoot)
{
    /// <summary>
    /// A configured path wins; otherwise the folders beside the app (a published app), otherwise the
    /// repository root found by walking up from the working directory or the app (run from source).
    /// </summary>
    public static SitePaths Resolve(SiteOptions options, string appDirectory, string workingDirectory)
    {
        var content = options.ContentPath is { Length: > 0 } configured
            ? Existing(Path.GetFullPath(configured, workingDirectory), "Site:ContentPath")
            : Find("content", appDirectory, workingDirectory);
        var web = options.WebRootPath is { Length: > 0 } configuredWeb
            ? Existing(Path.GetFullPath(configuredWeb, workingDirectory), "Site:WebRootPath")
            : Sibling(content, "wwwroot") ?? Find("wwwroot", appDirectory, workingDirectory);
        return new SitePaths(content, web);
    }

    private static string Existing(string path, string setting) =>
        Directory.Exists(path) ? path : throw new InvalidOperationException($"{setting} points to '{path}', which is not a folder.");

    private static string? Sibling(string folder, string name)
    {
        var parent = Path.GetDirectoryName(folder.TrimEnd(Path.DirectorySeparatorChar));
        var candidate = parent is null ? null : Path.Combine(parent, name);
        return candidate is not null && Directory.Exists(candidate) ? candidate : null;
    }

    private static string Find(string name, string appDirectory, string workingDirectory)
    {
        var beside = Path.Combine(appDirectory, name);
        if (Directory.Exists(beside))
        {
            return beside;
        }

        foreach (var start in new[] { workingDirectory, appDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "EssaySite.sln")) && Directory.Exists(Path.Combine(dir.FullName, name)))
                {
                    return Path.Combine(dir.FullName, name);
                }
            }
        }

        throw new InvalidOperationException(
            $"Could not find the '{name}' folder beside the app ({appDirectory}) or at a repository root above {workingDirectory}. " +
            $"Set Site:{(name == "content" ? "ContentPath" : "WebRootPath")} to its location.");
    }
}
