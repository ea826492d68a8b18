using System.Diagnostics;
using System.Net;
using EssaySite.Export;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// A content folder exported with <c>export --base-path /reading/</c> into a temporary folder and served by a plain
/// nginx (Debian's package) as static files under /reading/.
/// </summary>
public sealed class ExportCopy(string contentRoot, IBrowser browser) : IHostUnderTest, IAsyncDisposable
{
    public const string BasePath = "/reading";

    private static readonly string[] NginxPaths = ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx"];
    private readonly string _root = Directory.CreateTempSubdirectory("essaysite-static-").FullName;
    private Process? _nginx;

    public IBrowser Browser { get; } = browser;

    public string ContentRoot { get; } = contentRoot;

    public string BaseUrl { get; private set; } = "";

    public bool IsStaticExport => true;

    /// <summary>The exported files (the folder served at /reading/).</summary>
    public string Folder => Path.Combine(_root, "www", "reading");

    public async Task StartAsync()
    {
        var port = ServerCopy.FreePort();
        BaseUrl = $"http://127.0.0.1:{port}{BasePath}";
        using (var output = new StringWriter())
        using (var errors = new StringWriter())
        {
            var exit = await StaticExport.RunAsync(["export", Folder, "--base-path", BasePath + "/", "--base-url", BaseUrl + "/", "--Site:ContentPath=" + ContentRoot], output, errors, Program.UseEssaySite);
            if (exit != 0)
            {
                throw new InvalidOperationException($"export failed ({exit}): {errors}");
            }
        }

        _nginx = StartNginx(port);
        await WaitForAsync(BaseUrl + "/");
    }

    public Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool javaScript = true) =>
        Pages.NewAsync(Browser, BaseUrl, width, height, javaScript);

    public async ValueTask DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    private Process StartNginx(int port)
    {
        var nginx = NginxPaths.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "The static export tests serve the export with nginx, and none was found. On Debian or Ubuntu run " +
                "'sudo apt-get install -y nginx' (scripts/test does this when run as root).");
        var config = Path.Combine(_root, "nginx.conf");
        File.WriteAllText(config, NginxConfig(port));
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", config, "-p", _root, "-e", Path.Combine(_root, "error.log") })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }

    /// <summary>
    /// A plain static host: files only, configured by the include the export writes ("/reading/essay" answered by
    /// essay/index.html, the export's 404 page, and each kind of file's headers).
    /// </summary>
    private string NginxConfig(int port) => $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{_root}}/nginx.pid;
            error_log {{_root}}/error.log warn;
            events { worker_connections 256; }
            http {
                include /etc/nginx/mime.types;
                default_type application/octet-stream;
                access_log off;
                client_body_temp_path {{_root}}/tmp-body;
                proxy_temp_path {{_root}}/tmp-proxy;
                fastcgi_temp_path {{_root}}/tmp-fastcgi;
                uwsgi_temp_path {{_root}}/tmp-uwsgi;
                scgi_temp_path {{_root}}/tmp-scgi;
                server {
                    listen 127.0.0.1:{{port}};
                    root {{_root}}/www;
                    absolute_redirect off;
                    include {{Path.Combine(Folder, HostHeaders.NginxFile)}};
                }
            }
            """;

    private async Task WaitForAsync(string url)
    {
        using var client = new HttpClient();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_nginx!.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped: {await _nginx.StandardError.ReadToEndAsync()} {File.ReadAllText(Path.Combine(_root, "error.log"))}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(url));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"nginx did not answer {url}");
    }
}
