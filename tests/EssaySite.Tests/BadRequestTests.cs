using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>The app on a real Kestrel port, spoken to over a raw socket so that nothing tidies the request first.</summary>
public sealed class KestrelHost : IDisposable
{
    private readonly AppFactory _factory;

    public KestrelHost()
        : this(new AppFactory())
    {
    }

    internal KestrelHost(AppFactory factory)
    {
        _factory = factory;
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public int Port { get; }

    public Task<(int Status, string Headers, string Body)> SendAsync(string method, string target, params string[] headers)
    {
        var request = new StringBuilder().Append(method).Append(' ').Append(target).Append(" HTTP/1.1\r\n");
        if (!headers.Any(h => h.StartsWith("Host:", StringComparison.OrdinalIgnoreCase)))
        {
            request.Append("Host: 127.0.0.1\r\n");
        }

        foreach (var header in headers)
        {
            request.Append(header).Append("\r\n");
        }

        request.Append("Connection: close\r\n\r\n");
        return SendRawAsync(request.ToString());
    }

    /// <summary>A request exactly as given, for one no client library would send (HTTP/1.0 without a Host).</summary>
    public async Task<(int Status, string Headers, string Body)> SendRawAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request));
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        var response = Encoding.UTF8.GetString(memory.ToArray());
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? response : response[..split];
        var status = int.Parse(head.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, head, split < 0 ? "" : response[(split + 4)..]);
    }

    public void Dispose() => _factory.Dispose();
}

public sealed class BadRequestTests(KestrelHost host) : IClassFixture<KestrelHost>
{
    private static readonly string[] Leaks = ["kind: essay", "\"AllowedHosts\"", "[core]", "repositoryformatversion", "This program cannot be run", "\"runtimeTarget\"", "using EssaySite", "   at "];

    public static TheoryData<string, string, string, int[]> Requests() => new()
    {
        // Traversal, in every spelling we know of.
        { "GET", "/../appsettings.json", "", [400, 404] },
        { "GET", "/%2e%2e/appsettings.json", "", [400, 404] },
        { "GET", "/%2E%2E/%2E%2E/content/essay.md", "", [400, 404] },
        { "GET", "/%252e%252e/appsettings.json", "", [404] },
        { "GET", "/css/..%2f..%2fappsettings.json", "", [400, 404] },
        { "GET", "/css/%2e%2e%2f%2e%2e%2fcontent%2fessay.md", "", [400, 404] },
        { "GET", "/..\\appsettings.json", "", [400, 404] },
        { "GET", "/css\\..\\..\\appsettings.json", "", [400, 404] },
        { "GET", "/%5c..%5cappsettings.json", "", [400, 404] },
        { "GET", "/css%2f..%2f..%2f.git%2fconfig", "", [400, 404] },
        { "GET", "/commentary/..%2f..%2fappsettings.json", "", [400, 404] },
        // Source and build files that must never be served.
        { "GET", "/appsettings.json", "", [404] },
        { "GET", "/appsettings.Development.json", "", [404] },
        { "GET", "/content/essay.md", "", [404] },
        { "GET", "/content/timeline/1953-coup.md", "", [404] },
        { "GET", "/.git/config", "", [404] },
        { "GET", "/EssaySite.dll", "", [404] },
        { "GET", "/EssaySite.deps.json", "", [404] },
        { "GET", "/web.config", "", [404] },
        { "GET", "/src/EssaySite/Program.cs", "", [404] },
        { "GET", "/seeds/000_0273d8e9ceb8cf6c.txt", "", [404] },
        { "GET", "/wwwroot/css/site.css", "", [404] },
        { "GET", "/css/", "", [404] },
        // Control characters and odd Unicode in paths.
        { "GET", "/%00", "", [400, 404] },
        { "GET", "/essay%00.md", "", [400, 404] },
        { "GET", "/essay%0d%0aSet-Cookie:%20x=y", "", [400, 404] },
        { "GET", "/%ff%fe%fd", "", [400, 404] },
        { "GET", "/%C3%BC", "", [404] },
        { "GET", "/essay/%E2%80%AE", "", [404] },
        { "GET", "/%F0%9F%98%80", "", [404] },
        { "GET", "/" + new string('a', 5000), "", [404, 414] },
        { "GET", "/" + new string('a', 20000), "", [414, 431, 400] },
        { "GET", "/search?q=" + new string('x', 5000), "", [200] },
        { "GET", "/essay?x=" + new string('y', 20000), "", [414, 431, 400] },
        { "GET", "/search?q=%ff%fe", "", [200] },
        { "GET", "/commentary?page=-1", "", [404] },
        { "GET", "/commentary?page=99999999999999999999", "", [404] },
        // Methods.
        { "HEAD", "/essay", "", [200] },
        { "HEAD", "/nope", "", [404] },
        { "OPTIONS", "/essay", "", [204] },
        { "POST", "/essay", "Content-Length: 0", [405] },
        { "POST", "/search", "Content-Length: 0", [405] },
        { "PUT", "/essay", "Content-Length: 0", [405] },
        { "DELETE", "/essay", "", [405] },
        { "PATCH", "/", "Content-Length: 0", [405] },
        { "TRACE", "/", "", [405] },
        { "PROPFIND", "/", "", [405] },
        { "BREW", "/", "", [405] },
        // Odd headers.
        { "GET", "/essay", "Accept-Encoding: garbage;;q=x, ,", [200] },
        { "GET", "/essay", "Accept-Encoding: br;q=0", [200] },
        { "GET", "/essay", "If-None-Match: \"garbage", [200] },
        { "GET", "/essay", "If-None-Match: W/\"\", , ,", [200] },
        { "GET", "/essay", "If-Modified-Since: not a date", [200] },
        { "GET", "/css/site.css?v=../../etc/passwd", "", [200] },
        { "GET", "/essay", "Host: bad host name with spaces", [400] },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task BadRequests_GetTheRightStatusNeverA500OrASourceFile(string method, string target, string header, int[] expected)
    {
        var (status, headers, body) = header.Length == 0 ? await host.SendAsync(method, target) : await host.SendAsync(method, target, header);
        Assert.True(expected.Contains(status), $"{method} {target[..Math.Min(target.Length, 80)]} answered {status}, expected {string.Join(" or ", expected)}");
        Assert.True(status < 500);
        Assert.All(Leaks, leak => Assert.DoesNotContain(leak, body, StringComparison.Ordinal));
        Assert.DoesNotContain("Set-Cookie", headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Server:", headers, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AcceptEncodingWithQZero_IsNotCompressedThatWay()
    {
        var (_, headers, _) = await host.SendAsync("GET", "/css/site.css", "Accept-Encoding: br;q=0, gzip");
        Assert.Contains("Content-Encoding: gzip", headers, StringComparison.Ordinal);
    }
}
