using EssaySite.Content;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EssaySite.Health;

/// <summary>
/// Liveness for load balancers and the container, with the framework's health checks: 200 and the content version
/// once the content is loaded, 503 before.
/// </summary>
public static class HealthEndpoints
{
    public const string Path = Routes.Health;

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "text/plain";
                return context.Response.WriteAsync(report.Status == HealthStatus.Healthy
                    ? $"ok {report.Entries["content"].Description}\n"
                    : "content not loaded\n");
            },
        });
        return app;
    }

    /// <summary>Healthy, with the version as its description, once the first content has loaded.</summary>
    public sealed class ContentCheck(ContentStore store) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(store.IsLoaded ? HealthCheckResult.Healthy(store.Current.Version) : new HealthCheckResult(HealthStatus.Unhealthy, "content not loaded"));
    }

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
