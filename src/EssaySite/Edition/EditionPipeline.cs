using EssaySite.Content;

namespace EssaySite.Edition;

/// <summary>The addresses an edition renders for a snapshot, and the one answered 404. The composition root names them, so the edition depends on no capability.</summary>
public sealed record FixedAddresses(Func<ContentSnapshot, IEnumerable<string>> Of, string NotFound);

public static class EditionPipeline
{
    /// <summary>
    /// The edition in front of the pages: the static files and every address with one fixed answer are served from
    /// bytes made once (per content version, for the pages); what it does not hold goes on to <paramref name="pages"/>.
    /// The edition renders its own bytes through a branch of the app made of the same <paramref name="pages"/>
    /// middleware and the app's endpoints, built once, on its first render (when every endpoint is mapped).
    /// </summary>
    public static WebApplication UseEdition(this WebApplication app, Action<IApplicationBuilder> pages)
    {
        var endpoints = ((IEndpointRouteBuilder)app).DataSources;
        app.Services.GetRequiredService<EditionStore>().RenderThrough(new Lazy<RequestDelegate>(() =>
        {
            // A branch of a WebApplication starts with no endpoints of its own: it is given the app's, which are all
            // mapped by the time anything renders.
            if (endpoints.Count == 0)
            {
                throw new InvalidOperationException("The edition rendered before the app's endpoints were mapped.");
            }

            var branch = ((IApplicationBuilder)app).New();
            pages(branch);
            branch.UseEndpoints(own =>
            {
                foreach (var source in endpoints)
                {
                    own.DataSources.Add(source);
                }
            });
            return branch.Build();
        }));
        app.UseMiddleware<EditionMiddleware>();
        pages(app);
        return app;
    }
}
