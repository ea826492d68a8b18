using System.Text.RegularExpressions;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>Served well and safely: caching, validators, compression, fingerprinted assets and security headers.</summary>
public sealed class ServingTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    public static TheoryData<string> Urls() => ["/", "/essay", "/timeline", "/sources", "/questions", "/glossary", "/corrections", "/about", "/commentary", "/search?q=custom", "/no-such-page", "/feed.xml", "/css/site.css"];

    private static readonly string[] Directives =
    [
        "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "manifest-src 'self'",
        "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'", "object-src 'none'", "require-trusted-types-for 'script'",
        "worker-src 'self'", "trusted-types sw",
    ];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string url)
    {
        using var response = await host.Client.GetAsync(new Uri(url, UriKind.Relative));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        foreach (var directive in Directives)
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
        Assert.True(response.Headers.Contains("Permissions-Policy"));
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.True(int.Parse(Regex.Match(hsts, "max-age=([0-9]+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 31536000, hsts);
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task RefusedMethods_CarryTheSecurityHeadersToo()
    {
        using var response = await host.Client.PostAsync(new Uri("/essay", UriKind.Relative), new StringContent(""));
        Assert.Equal(System.Net.HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("same-origin", response.Headers.GetValues("Cross-Origin-Resource-Policy").Single());
    }

    [Fact]
    public async Task AnErrorPage_CarriesTheSecurityHeaders()
    {
        // The exception handler clears the failed answer before it renders the error page: the headers must come back.
        using var factory = new AppFactory();
        using var failing = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new BrokenClock())));
        using var client = failing.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var made = await client.GetAsync(new Uri("/assign?paragraphs=2&due=2026-12-01", UriKind.Relative));
        using var response = await client.GetAsync(made.Headers.Location);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain("BrokenClock", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("BrokenClock: the page's model failed");
    }

    [Fact]
    public async Task Development_HasNoStrictTransportSecurity()
    {
        using var factory = new DevelopmentHost();
        using var response = await factory.CreateClient().GetAsync(new Uri("/essay", UriKind.Relative));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Pages_HaveValidatorsAndAnswer304WhenUnchanged()
    {
        await EditionTests.WhenBuiltAsync(host.Factory);
        using var first = await host.Client.GetAsync(new Uri("/essay", UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.NotNull(first.Content.Headers.LastModified);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/essay");
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await host.Client.SendAsync(request);
        Assert.Equal(304, (int)again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/essay");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(200, (int)(await host.Client.SendAsync(stale)).StatusCode);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_AreCompressed(string coding)
    {
        // The edition's bytes. The fixture's essay page is short, so it shrinks less than the real one (to about 40%
        // with gzip, 31% with Brotli, measured on 2 December 2026); well under half still shows it is compressed.
        var (compressed, plain) = await EssaySizesAsync(host.Factory, host.Client, coding);
        Assert.True(compressed * 2 < plain, $"{coding}: {compressed} bytes against {plain} plain");
    }

    /// <summary>The essay page's size from the edition in <paramref name="coding"/> (which must be the one sent) and plain.</summary>
    public static async Task<(int Compressed, int Plain)> EssaySizesAsync(WebApplicationFactory<Program> factory, HttpClient client, string coding)
    {
        await EditionTests.WhenBuiltAsync(factory);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/essay");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
        using var response = await client.SendAsync(request);
        Assert.Equal(coding, response.Content.Headers.ContentEncoding.Single());
        var compressed = (await response.Content.ReadAsByteArrayAsync()).Length;
        var plain = (await client.GetByteArrayAsync(new Uri("/essay", UriKind.Relative))).Length;
        return (compressed, plain);
    }

    [Fact]
    public async Task StaticAssets_AreFingerprintedPrecompressedAndImmutable()
    {
        var doc = await host.Client.GetDocumentAsync("/essay");
        var css = doc.QuerySelector("link[rel='stylesheet']")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.css\?v=[0-9a-f]{12}$", css);
        Assert.Matches(@"^/js/site\.js\?v=[0-9a-f]{12}$", doc.QuerySelector("script[src^='/js/site.js']")!.GetAttribute("src")!);

        using var request = new HttpRequestMessage(HttpMethod.Get, css);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        using var response = await host.Client.SendAsync(request);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);

        using var plain = await host.Client.GetAsync(new Uri("/css/site.css", UriKind.Relative));
        Assert.DoesNotContain("immutable", plain.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    private sealed class DevelopmentHost : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder) =>
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Development")
                .UseSetting("Serilog:PreserveStaticLogger", "true")
                .UseSetting("Site:ContentPath", Repo.FixtureContent);
    }
}
