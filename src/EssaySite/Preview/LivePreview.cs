using EssaySite.Content;

namespace EssaySite.Preview;

public static class LivePreview
{
    /// <summary>
    /// With the content watched (<see cref="Hosting.SiteOptions.WatchContent"/>): the next request after an edit sees
    /// it, and in Development broken content answers 503 with its problems until it is fixed. Requests for
    /// <paramref name="healthPath"/> answer at once, whatever a reload is doing. Without a watcher, nothing.
    /// </summary>
    public static WebApplication UseLivePreview(this WebApplication app, PathString healthPath)
    {
        if (app.Services.GetService<ContentWatcher>() is not { } watcher)
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (context.Request.Path != healthPath)
            {
                await watcher.WaitBrieflyAsync(context.RequestAborted);
            }

            await next(context);
        });
        if (app.Environment.IsDevelopment())
        {
            app.UseMiddleware<ContentPreview>();
        }

        return app;
    }

    /// <summary>
    /// The server listens while the content is still loading: a request waits for the first load, except those for
    /// <paramref name="healthPath"/>, which say it is not loaded yet.
    /// </summary>
    public static WebApplication UseFirstLoad(this WebApplication app, PathString healthPath)
    {
        var store = app.Services.GetRequiredService<ContentStore>();
        app.Use((context, next) => store.IsLoaded || context.Request.Path == healthPath ? next(context) : WaitAsync(store, context, next));
        return app;
    }

    private static async Task WaitAsync(ContentStore store, HttpContext context, RequestDelegate next)
    {
        await store.FirstLoad.WaitAsync(context.RequestAborted);
        await next(context);
    }
}
