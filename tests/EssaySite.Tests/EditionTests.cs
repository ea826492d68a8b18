using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net;
using System.Text.RegularExpressions;
using EssaySite.Content;
using EssaySite.Edition;
using EssaySite.Startup;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EssaySite.Tests;

/// <summary>The edition: every fixed address rendered once per content version and served as bytes.</summary>
public sealed partial class EditionTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    /// <summary>Waits until the test client's origin (http://localhost) has its edition.</summary>
    public static async Task<OriginEdition> WhenBuiltAsync(WebApplicationFactory<Program> factory, string host = "localhost")
    {
        var store = factory.Services.GetRequiredService<ContentStore>();
        await store.FirstLoad;
        var edition = await factory.Services.GetRequiredService<EditionStore>().WhenBuilt(store.Current, new EditionKey("http", host, ""));
        return edition ?? throw new InvalidOperationException("no edition was built");
    }

    [Fact]
    public async Task TheEdition_HoldsEveryFixedAddress()
    {
        var edition = await WhenBuiltAsync(host.Factory);
        var snapshot = host.Factory.Services.GetRequiredService<ContentStore>().Current;
        Assert.Equal(SiteRoutes.Fixed(snapshot).Order(StringComparer.Ordinal), edition.Entries.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(snapshot.Version, edition.Version);
        Assert.Contains($"/essay/cite/{FixtureGuide.Paragraphs().Count}", edition.Entries.Keys);
        Assert.Equal(404, edition.Entries[SiteRoutes.NotFound].Status);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task APage_IsServedAsItsBytes_WithAStrongTagPerEncoding(string coding)
    {
        var edition = await WhenBuiltAsync(host.Factory);
        var entry = edition.Entries["/timeline"];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/timeline");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
        using var response = await host.Client.SendAsync(request);
        Assert.Equal(coding, response.Content.Headers.ContentEncoding.Single());
        Assert.Equal("Accept-Encoding", response.Headers.Vary.Single());
        var tag = response.Headers.ETag!;
        Assert.False(tag.IsWeak);
        Assert.NotEqual(entry.ETag, tag.Tag);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        using var decompressed = new MemoryStream();
        using (Stream decoder = coding == "br" ? new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress) : new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress))
        {
            await decoder.CopyToAsync(decompressed);
        }

        Assert.Equal(entry.Identity.ToArray(), decompressed.ToArray());
        Assert.Equal(entry.Identity.ToArray(), await host.Client.GetByteArrayAsync(new Uri("/timeline", UriKind.Relative)));

        using var again = new HttpRequestMessage(HttpMethod.Get, "/timeline");
        again.Headers.IfNoneMatch.Add(tag);
        using var notModified = await host.Client.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        using var head = await host.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/timeline"));
        Assert.Equal(entry.Identity.Length, head.Content.Headers.ContentLength);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/img/share.png", "br")]
    [InlineData("/img/share.png", "gzip")]
    [InlineData("/essay.epub", "br")]
    public async Task AFileThatDoesNotCompress_IsServedWhole_WhateverTheClientAccepts(string path, string coding)
    {
        await WhenBuiltAsync(host.Factory);
        var whole = await host.Client.GetByteArrayAsync(new Uri(path, UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
        using var response = await host.Client.SendAsync(request);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.True(whole.Length > 1000);
        Assert.Equal(whole, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ASearch_IsAnsweredForItsOwnQuery_AndKeptForTheNextAsker()
    {
        var editions = host.Factory.Services.GetRequiredService<EditionStore>();
        var key = new EditionKey("http", "localhost", "");
        using var first = await host.Client.GetAsync(new Uri("/search?q=parliament", UriKind.Relative));
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains("“parliament”", html, StringComparison.Ordinal);
        // Read once the first answer has come: before it, the content may still be loading.
        var snapshot = host.Factory.Services.GetRequiredService<ContentStore>().Current;
        var kept = await editions.AnswerAsync(snapshot, key, "/search", new Microsoft.AspNetCore.Http.QueryString("?q=parliament"));
        Assert.Equal(html, System.Text.Encoding.UTF8.GetString(kept!.Identity.Span));
        Assert.Equal(html, await host.Client.GetStringAsync(new Uri("/search?q=parliament", UriKind.Relative)));

        var other = await host.Client.GetStringAsync(new Uri("/search?q=government", UriKind.Relative));
        Assert.Contains("“government”", other, StringComparison.Ordinal);
        Assert.DoesNotContain("“parliament”", other, StringComparison.Ordinal);
        using var withMore = await host.Client.GetAsync(new Uri("/search?q=government&page=2", UriKind.Relative));
        Assert.Null(withMore.Headers.ETag);
    }

    [Fact]
    public async Task EachOrigin_GetsItsOwnAbsoluteUrls_FromTheEditionOrOnDemand()
    {
        using var factory = new AppFactory();
        var client = factory.Client();
        foreach (var host in new[] { "a.example", "b.example", "c.example", "d.example", "e.example", "f.example" })
        {
            await WhenBuiltOrBoundAsync(factory, host);
            using var request = new HttpRequestMessage(HttpMethod.Get, "/essay");
            request.Headers.Host = host;
            using var response = await client.SendAsync(request);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains($"<link rel=\"canonical\" href=\"http://{host}/essay\">", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"https?://(?!" + Regex.Escape(host) + @")[a-z]\.example/", html);
        }
    }

    [Fact]
    public async Task AFixedAddress_WithoutItsEdition_IsStillRenderedOnce_AndRevalidates()
    {
        using var factory = new AppFactory();
        var client = factory.Client();
        // The first four origins take the editions there is room for; the fifth has none and is answered on demand.
        foreach (var host in new[] { "a.example", "b.example", "c.example", "d.example" })
        {
            await WhenBuiltOrBoundAsync(factory, host);
        }

        HttpRequestMessage Get(string? tag = null)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/timeline");
            request.Headers.Host = "e.example";
            request.Headers.AcceptEncoding.ParseAdd("br");
            if (tag is not null)
            {
                request.Headers.IfNoneMatch.ParseAdd(tag);
            }

            return request;
        }

        using var first = await client.SendAsync(Get());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        using var again = await client.SendAsync(Get(etag.Tag));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        var snapshot = factory.Services.GetRequiredService<ContentStore>().Current;
        Assert.Null(factory.Services.GetRequiredService<EditionStore>().Find(snapshot, new EditionKey("http", "e.example", "")));
    }

    [Fact]
    public async Task ARequest_NeverMixesTwoContentVersions()
    {
        using var content = new TempContent();
        var about = Path.Combine(content.ContentRoot, "about.md");
        var original = await File.ReadAllTextAsync(about);
        using var factory = new AppFactory().With("Site:ContentPath", content.ContentRoot);
        var client = factory.Client();
        var store = factory.Services.GetRequiredService<ContentStore>();
        await store.FirstLoad;

        var seen = new System.Collections.Concurrent.ConcurrentBag<(string Version, string Marker)>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var html = await client.GetStringAsync(new Uri("/about", UriKind.Relative));
                var version = VersionPattern().Match(html).Groups[1].Value;
                var marker = MarkerPattern().Match(html) is { Success: true } m ? m.Value : "none";
                seen.Add((version, marker));
            }
        })).ToList();

        for (var i = 0; i < 6; i++)
        {
            await File.WriteAllTextAsync(about, original + $"\nEdition marker {i}.\n");
            Assert.Empty(store.TryReload());
            await factory.Services.GetRequiredService<EditionStore>().WhenBuilt(store.Current, new EditionKey("http", "localhost", ""));
        }

        await stop.CancelAsync();
        await Task.WhenAll(readers);
        var byVersion = seen.GroupBy(s => s.Version).ToList();
        Assert.True(byVersion.Count >= 3, $"the readers saw only {byVersion.Count} versions");
        Assert.All(byVersion, g => Assert.Single(g.Select(s => s.Marker).Distinct()));
    }

    private static async Task WhenBuiltOrBoundAsync(WebApplicationFactory<Program> factory, string host)
    {
        var store = factory.Services.GetRequiredService<ContentStore>();
        await store.FirstLoad;
        await factory.Services.GetRequiredService<EditionStore>().WhenBuilt(store.Current, new EditionKey("http", host, ""));
    }

    [GeneratedRegex("Content version <code>([0-9a-f]+)</code>")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("Edition marker [0-9]")]
    private static partial Regex MarkerPattern();
}
