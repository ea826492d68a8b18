using EssaySite.Content;

namespace EssaySite.Site;

/// <summary>Liveness for load balancers and the container: 200 once content is loaded, 503 before.</summary>
public static class Health
{
    public const string Path = "/healthz";

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet(Path, (ContentStore store) => Check(store));
        return app;
    }

    public static IResult Check(ContentStore store) => store.IsLoaded
        ? Results.Text($"ok {store.Current.Version}\n", "text/plain")
        : Results.Text("content not loaded\n", "text/plain", statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>
    /// <c>dotnet EssaySite.dll healthcheck</c>: the container's HEALTHCHECK, since the runtime image has
    /// no curl. Exits 0 when the local server answers 200 on /healthz.
    /// </summary>
    public static async Task<int> ProbeAsync(string[] args)
    {
        var port = Environment.GetEnvironmentVariable("ASPNETCORE_HTTP_PORTS")?.Split(';', ',')[0] ?? "8080";
        var url = args.Length > 1 ? args[1] : $"http://127.0.0.1:{port}{Path}";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri(url));
            Console.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            Console.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }
}
