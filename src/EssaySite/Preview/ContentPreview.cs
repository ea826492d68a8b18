using System.Text.Encodings.Web;
using System.Text;
using EssaySite.Content;
using EssaySite.Health;

namespace EssaySite.Preview;

/// <summary>
/// Development only: while the content has problems (at start-up or after an edit), every page answers 503 with
/// the list, each problem linked to its file and line (a <c>vscode://</c> link opens it in the editor), and the
/// page asks the browser to look again every two seconds, so the site comes back by itself once the files are
/// fixed and the watcher has reloaded them. Outside Development bad content stops start-up instead.
/// </summary>
public sealed class ContentPreview(RequestDelegate next, ContentStore store)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!store.IsLoaded && store.Problems.Count == 0 && context.Request.Path != HealthEndpoints.Path)
        {
            // A request during the first load waits for it, to learn whether it found problems.
            try
            {
                await store.FirstLoad.WaitAsync(context.RequestAborted);
            }
            catch (ContentException)
            {
            }
        }

        var problems = store.Problems;
        await (problems.Count == 0 || context.Request.Path == HealthEndpoints.Path ? next(context) : WriteAsync(context, problems));
    }

    private Task WriteAsync(HttpContext context, IReadOnlyList<ContentProblem> problems)
    {
        var html = HtmlEncoder.Default;
        var folder = Path.GetDirectoryName(store.ContentRoot.TrimEnd(Path.DirectorySeparatorChar)) ?? store.ContentRoot;
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"refresh\" content=\"2\">\n")
            .Append("<title>The content has ").Append(ContentException.Count(problems.Count)).Append("</title>\n</head>\n<body>\n<main>\n")
            .Append("<h1>The content has ").Append(ContentException.Count(problems.Count)).Append("</h1>\n")
            .Append("<p>Fix ").Append(problems.Count == 1 ? "it" : "them").Append(" and save: this page looks again every two seconds, and the site comes back once the content loads.")
            .Append(store.IsLoaded ? " Until then the last version that loaded is kept, but not shown." : "").Append("</p>\n<ol>\n");
        foreach (var problem in problems)
        {
            var file = Path.GetFullPath(Path.Combine(folder, problem.Path));
            var editor = $"vscode://file{(file.StartsWith('/') ? "" : "/")}{file.Replace('\\', '/')}:{problem.Line}";
            page.Append("<li><a href=\"").Append(html.Encode(editor)).Append("\"><code>").Append(html.Encode($"{problem.Path}:{problem.Line}"))
                .Append("</code></a>: ").Append(html.Encode(problem.Message)).Append("</li>\n");
        }

        page.Append("</ol>\n</main>\n</body>\n</html>\n");
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.RetryAfter = "2";
        return context.Response.WriteAsync(page.ToString(), context.RequestAborted);
    }
}
