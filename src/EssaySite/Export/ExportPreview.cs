using EssaySite.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace EssaySite.Export;

/// <summary>
/// <c>serve &lt;folder&gt; [--base-path /reading/] [--urls http://127.0.0.1:8080]</c>: an export served as a static
/// host serves it, under its base path and nowhere else, with its own 404 page. Every address in a sub-path export
/// starts with that path, so a file server pointed at the folder finds no styles and no page behind any link.
/// </summary>
public static class ExportPreview
{
    public const string Usage = "usage: serve <export-folder> [--base-path /sub/path/] [--urls http://127.0.0.1:8080]";

    private const string DefaultUrl = "http://127.0.0.1:8080";

    /// <summary>The one line that previews an export, as the export's summary gives it.</summary>
    public static string CommandFor(string folder, string basePath) =>
        $"dotnet run --project src/EssaySite -- serve {folder}{(basePath.Length > 0 ? $" --base-path {basePath}/" : "")}";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (await CreateAsync(args, errors) is not { } created)
        {
            return 2;
        }

        var (app, basePath) = created;
        await using (app)
        {
            await app.StartAsync();
            foreach (var address in app.Urls)
            {
                await output.WriteLineAsync($"Serving the export at {address.TrimEnd('/')}{basePath}/ (Ctrl+C to stop)");
            }

            await app.WaitForShutdownAsync();
        }

        return 0;
    }

    /// <summary>The preview server, not yet started, and the base path it serves under; null (with the reason written) for bad arguments.</summary>
    public static async Task<(WebApplication App, string BasePath)?> CreateAsync(string[] args, TextWriter errors)
    {
        if (args is not ["serve", var given, .. var tail] || given.StartsWith('-'))
        {
            await errors.WriteLineAsync(Usage);
            return null;
        }

        string? basePathArgument = null;
        var rest = new List<string>();
        for (var i = 0; i < tail.Length; i++)
        {
            if (tail[i] == "--base-path" && i + 1 < tail.Length)
            {
                basePathArgument = tail[++i];
            }
            else if (tail[i].StartsWith("--base-path=", StringComparison.Ordinal))
            {
                basePathArgument = tail[i]["--base-path=".Length..];
            }
            else
            {
                rest.Add(tail[i]);
            }
        }

        var folder = Path.GetFullPath(given);
        if (!File.Exists(Path.Combine(folder, "index.html")))
        {
            await errors.WriteLineAsync($"serve: {folder} holds no index.html, so it is not an export: make one with export {given} --base-path /reading/");
            return null;
        }

        var basePath = new SiteOptions { BasePath = basePathArgument }.NormalizedBasePath;
        if (basePath.Length > 0 && !SiteOptions.IsSitePath(basePath))
        {
            await errors.WriteLineAsync($"serve: --base-path must be a path such as /reading/, not '{basePathArgument}'");
            return null;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [.. rest], ContentRootPath = folder });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var app = builder.Build();
        var files = new PhysicalFileProvider(folder);
        app.Lifetime.ApplicationStopped.Register(files.Dispose);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        var staticFiles = new StaticFileOptions { FileProvider = files, ContentTypeProvider = types, ServeUnknownFileTypes = true };

        void Export(IApplicationBuilder branch)
        {
            // The export's links are /essay, its files essay/index.html: answer the one from the other, as hosts do.
            branch.Use((context, next) =>
            {
                var path = context.Request.Path.Value ?? "";
                var index = path.EndsWith('/') ? path + "index.html" : path + "/index.html";
                if ((path.Length == 0 || path.EndsWith('/') || !files.GetFileInfo(path).Exists) && files.GetFileInfo(index).Exists)
                {
                    context.Request.Path = index;
                }

                return next(context);
            });
            branch.UseStaticFiles(staticFiles);
            branch.Run(context => NotFoundAsync(context, files));
        }

        if (basePath.Length == 0)
        {
            Export(app);
        }
        else
        {
            app.Map(basePath, Export);
            app.Run(context =>
            {
                if (context.Request.Path == "/")
                {
                    context.Response.Redirect(basePath + "/");
                    return Task.CompletedTask;
                }

                return NotFoundAsync(context, files);
            });
        }

        return (app, basePath);
    }

    private static async Task NotFoundAsync(HttpContext context, PhysicalFileProvider files)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        var page = files.GetFileInfo(StaticExport.NotFoundFile);
        if (page.Exists)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(page);
        }
    }
}
