using System.Net;
using EssaySite.Content;
using EssaySite.Edition;
using EssaySite.Hosting;
using EssaySite.Startup;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>What a client's own headers can do to the links, redirects and editions of the fixture guide: nothing.</summary>
public sealed class HostileRequestTests
{
    private static readonly string[] Evil = ["evil.example", "//evil"];

    /// <summary>A request from a client on this machine (a local proxy that passes its client's headers on).</summary>
    private static async Task<HttpContext> SendAsync(AppFactory factory, string path, params (string Name, string Value)[] headers) =>
        await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            var query = path.IndexOf('?', StringComparison.Ordinal);
            c.Request.Path = query < 0 ? path : path[..query];
            c.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(path[query..]);
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
            foreach (var (name, value) in headers)
            {
                c.Request.Headers[name] = value;
            }
        });

    private static async Task<string> BodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Response.Body);
        return await reader.ReadToEndAsync();
    }

    private static readonly (string, string)[] Poison =
    [
        ("X-Forwarded-Prefix", "//evil.example"), ("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "http"), ("X-Forwarded-For", "203.0.113.9"),
    ];

    [Fact]
    public async Task WithABaseUrl_NoRequestHeaderChangesALinkOrARedirect()
    {
        using var factory = new AppFactory().With("Site:BaseUrl", "https://essay.example.org").With("Site:TrustedProxies:0", "127.0.0.1");
        var essay = await SendAsync(factory, "/essay", [.. Poison, ("Host", "evil.example")]);
        Assert.Equal(200, essay.Response.StatusCode);
        var html = await BodyAsync(essay);
        Assert.Contains("<link rel=\"canonical\" href=\"https://essay.example.org/essay\">", html, StringComparison.Ordinal);
        Assert.All(Evil, e => Assert.DoesNotContain(e, html, StringComparison.Ordinal));

        var assign = await SendAsync(factory, "/assign?essay=all", Poison);
        Assert.Equal(302, assign.Response.StatusCode);
        Assert.StartsWith("/assign/", assign.Response.Headers.Location.ToString(), StringComparison.Ordinal);

        var worker = await BodyAsync(await SendAsync(factory, "/sw.js", Poison));
        Assert.All(Evil, e => Assert.DoesNotContain(e, worker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithABaseUrl_EveryRequestIsAnsweredFromTheOneEdition_WhateverItsHostOrPrefix()
    {
        using var factory = new AppFactory().With("Site:BaseUrl", "https://essay.example.org").With("Site:TrustedProxies:0", "127.0.0.1");
        var store = factory.Services.GetRequiredService<ContentStore>();
        await store.FirstLoad;
        var edition = await factory.Services.GetRequiredService<EditionStore>().WhenBuilt(store.Current, new EditionKey("https", "essay.example.org", ""));
        var tag = edition!.Entries["/timeline"].ETag;
        foreach (var (host, prefix) in new[] { ("a.example", "/x"), ("b.example", "/y"), ("c.example", "/z"), ("d.example", "/w"), ("e.example", "/v") })
        {
            var page = await SendAsync(factory, "/timeline", ("Host", host), ("X-Forwarded-Host", host), ("X-Forwarded-Prefix", prefix));
            Assert.Equal(tag, page.Response.Headers.ETag.ToString());
        }
    }

    [Fact]
    public async Task WithoutTrustedProxies_ALocalProxysForwardedHeadersAreNotBelieved()
    {
        using var factory = new AppFactory();
        var html = await BodyAsync(await SendAsync(factory, "/essay", Poison));
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/essay\">", html, StringComparison.Ordinal);
        Assert.All(Evil, e => Assert.DoesNotContain(e, html, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/../evil")]
    [InlineData("/a b")]
    [InlineData("/x\u0001y")]
    [InlineData("https://evil.example")]
    public async Task AForwardedPrefixThatIsNotAPath_IsIgnored_EvenFromATrustedProxy(string prefix)
    {
        using var factory = new AppFactory().With("Site:TrustedProxies:0", "127.0.0.1");
        var essay = await SendAsync(factory, "/essay", ("X-Forwarded-Prefix", prefix));
        var html = await BodyAsync(essay);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/essay\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/essay\"", html, StringComparison.Ordinal);
        var assign = await SendAsync(factory, "/assign?essay=all", ("X-Forwarded-Prefix", prefix));
        Assert.StartsWith("/assign/", assign.Response.Headers.Location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AForwardedPrefixThatIsAPath_FromATrustedProxy_IsStillBelieved()
    {
        using var factory = new AppFactory().With("Site:TrustedProxies:0", "127.0.0.1");
        var assign = await SendAsync(factory, "/assign?essay=all", ("X-Forwarded-Prefix", "/reading"));
        Assert.StartsWith("/reading/assign/", assign.Response.Headers.Location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TrustingAnyProxy_IsRefusedOutsideDevelopment()
    {
        var production = SiteSetup.CreateBuilder(["--Site:TrustedProxies:0=*", $"--Site:ContentPath={Repo.FixtureContent}", "--Serilog:PreserveStaticLogger=true"], "Production");
        var refused = Assert.Throws<SiteConfigurationException>(() => production.AddEssaySite());
        Assert.Contains("Site:TrustedProxies=*", refused.Message, StringComparison.Ordinal);
        var development = SiteSetup.CreateBuilder(["--Site:TrustedProxies:0=*", $"--Site:ContentPath={Repo.FixtureContent}", "--Serilog:PreserveStaticLogger=true"], "Development");
        development.AddEssaySite();
    }

    [Fact]
    public async Task StrangerHosts_NeverTakeTheSitesOwnEdition()
    {
        using var factory = new AppFactory();
        var store = factory.Services.GetRequiredService<ContentStore>();
        await store.FirstLoad;
        var client = factory.Client();
        foreach (var host in Enumerable.Range(0, 12).Select(i => $"h{i}.example"))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/timeline");
            request.Headers.Host = host;
            using var response = await client.SendAsync(request);
            Assert.Contains($"href=\"http://{host}/timeline\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The in-memory server's own origin is http://localhost: its edition is built however many Hosts came first.
        var editions = factory.Services.GetRequiredService<EditionStore>();
        var edition = await editions.WhenBuilt(store.Current, new EditionKey("http", "localhost", ""));
        Assert.NotNull(edition);
        using var own = await client.GetAsync(new Uri("/timeline", UriKind.Relative));
        Assert.Equal(edition.Entries["/timeline"].ETag, own.Headers.ETag!.Tag);
        Assert.Null(editions.Find(store.Current, new EditionKey("http", "h0.example", "")));
    }

    [Fact]
    public async Task TheErrorPage_AskedForByName_IsNotFound()
    {
        using var factory = new AppFactory();
        using var response = await factory.Client().GetAsync(new Uri("/error", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>A missing or impossible Host, over a raw socket to a real port: a 400 page, its headers and one log line each.</summary>
public sealed class BadHostTests : IDisposable
{
    private readonly LogEvents _log = new();
    private readonly KestrelHost _app;

    public BadHostTests() =>
        _app = new KestrelHost(new AppFactory().WithServices(s => s.AddSingleton<Serilog.Core.ILogEventSink>(_log)));

    [Theory]
    [InlineData("GET /essay HTTP/1.0\r\n\r\n")]
    [InlineData("GET /essay HTTP/1.1\r\nHost: x:99999\r\nConnection: close\r\n\r\n")]
    [InlineData("GET /timeline?x=1 HTTP/1.1\r\nHost: x:99999\r\nConnection: close\r\n\r\n")]
    public async Task ABadHost_GetsThe400Page_WithTheSecurityHeaders_AndOneShortLogLine(string request)
    {
        var (status, headers, body) = await _app.SendRawAsync(request);
        Assert.Equal(400, status);
        Assert.Contains("Content-Security-Policy: default-src 'none'", headers, StringComparison.Ordinal);
        Assert.Contains("X-Content-Type-Options: nosniff", headers, StringComparison.Ordinal);
        Assert.Contains("<h1>Bad request</h1>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);

        // The request's event is written as the answer completes: give it a moment.
        for (var i = 0; i < 50 && !_log.Events.Any(e => e.Properties.ContainsKey("StatusCode")); i++)
        {
            await Task.Delay(100);
        }

        var requestEvents = _log.Events.Where(e => e.Properties.ContainsKey("StatusCode")).ToList();
        Assert.Equal("400", Assert.Single(requestEvents).Properties["StatusCode"].ToString());
        Assert.DoesNotContain(_log.Events, e => e.Exception is not null || e.Level >= Serilog.Events.LogEventLevel.Warning);
    }

    [Fact]
    public async Task TheBadRequestPage_AskedForByName_IsNotFound()
    {
        var (status, _, _) = await _app.SendAsync("GET", "/bad-request");
        Assert.Equal(404, status);
    }

    public void Dispose() => _app.Dispose();
}

/// <summary>Every event the app logs, for a test to read.</summary>
public sealed class LogEvents : Serilog.Core.ILogEventSink
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<Serilog.Events.LogEvent> _events = new();

    public IReadOnlyList<Serilog.Events.LogEvent> Events => [.. _events];

    public void Emit(Serilog.Events.LogEvent logEvent) => _events.Enqueue(logEvent);
}

/// <summary>The assignment form against what no teacher would send, on the fixture guide.</summary>
public sealed class HostileAssignmentTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    [Theory]
    [InlineData("Read \u202Eit twice", "U+202E")]
    [InlineData("Read\u200B it", "U+200B")]
    [InlineData("Read \u2067it\u2069", "U+2067")]
    public async Task ANoteWithAnInvisibleOrReorderingCharacter_Gets400(string note, string named)
    {
        using var response = await host.Client.GetAsync(new Uri("/assign?essay=all&note=" + Uri.EscapeDataString(note), UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(named, doc.GetElementById("note-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoteWithAPersianZeroWidthNonJoiner_InsideAWord_IsAccepted()
    {
        using var response = await host.Client.GetAsync(new Uri("/assign?essay=all&note=" + Uri.EscapeDataString("می\u200Cخواهم"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task ALongBadRequest_GetsAnErrorPage_ThatEchoesNoMoreThanTheFormAllows()
    {
        // About 8 KB of query: a long note, a long paragraphs box and several hundred made-up questions.
        var query = "essay=some&paragraphs=" + new string('x', 2000) + "&note=" + new string('n', 2000) + "&due=" + new string('d', 1000)
            + string.Concat(Enumerable.Range(0, 300).Select(i => $"&q=z{i}"));
        using var response = await host.Client.GetAsync(new Uri("/assign?" + query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        using var plain = await host.Client.GetAsync(new Uri("/assign", UriKind.Relative));
        var form = await plain.Content.ReadAsStringAsync();
        // The error page is the form, its messages and at most the note's limit of each value sent, a few times over.
        Assert.True(html.Length < form.Length + 4_000, $"the error page is {html.Length} characters; the form alone is {form.Length}");
        Assert.DoesNotContain(new string('x', 201), html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('n', 201), html, StringComparison.Ordinal);
    }
}
