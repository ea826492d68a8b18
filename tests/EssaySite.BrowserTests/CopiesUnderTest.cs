using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// Every copy of the site the suite visits, started together before the first test: the real content and the fixture
/// guide, each on Kestrel and as a static export behind nginx, with one Chromium. The exports' render and compression
/// and the servers' edition warm-up are the heaviest work of the run; done here, none of it shares the cores with a
/// test, whose waits would otherwise stretch (and whose times would say nothing). The two test collections run side
/// by side, so the first fixture to start begins this and the other waits for the same task. A filtered run starts
/// all four copies too: about as long as the real export alone, since they start in parallel.
/// </summary>
public sealed class CopiesUnderTest : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Task<CopiesUnderTest>? _started;
    private static int _users;

    private CopiesUnderTest(IBrowser browser)
    {
        RealServer = new ServerCopy(TestContent.Real, browser);
        FixtureServer = new ServerCopy(TestContent.FixtureGuide, browser);
        RealExport = new ExportCopy(TestContent.Real, browser);
        FixtureExport = new ExportCopy(TestContent.FixtureGuide, browser);
    }

    public ServerCopy RealServer { get; }

    public ServerCopy FixtureServer { get; }

    public ExportCopy RealExport { get; }

    public ExportCopy FixtureExport { get; }

    private IEnumerable<IHostUnderTest> All => [RealServer, FixtureServer, RealExport, FixtureExport];

    /// <summary>The started copy whose root is <paramref name="baseUrl"/>, if any.</summary>
    public static IHostUnderTest? Find(string baseUrl) =>
        _started is { IsCompletedSuccessfully: true } started
            ? started.Result.All.FirstOrDefault(copy => string.Equals(copy.BaseUrl, baseUrl.TrimEnd('/'), StringComparison.Ordinal))
            : null;

    public static async Task<CopiesUnderTest> AcquireAsync()
    {
        Task<CopiesUnderTest> started;
        await Gate.WaitAsync();
        try
        {
            _started ??= StartAsync();
            _users++;
            started = _started;
        }
        finally
        {
            Gate.Release();
        }

        return await started;
    }

    public static async Task ReleaseAsync()
    {
        Task<CopiesUnderTest>? last = null;
        await Gate.WaitAsync();
        try
        {
            if (--_users == 0)
            {
                (last, _started) = (_started, null);
            }
        }
        finally
        {
            Gate.Release();
        }

        if (last is { IsCompletedSuccessfully: true })
        {
            await last.Result.DisposeAsync();
        }
    }

    private static async Task<CopiesUnderTest> StartAsync()
    {
        var copies = new CopiesUnderTest(await SharedChromium.AcquireAsync());
        await Task.WhenAll(copies.RealExport.StartAsync(), copies.RealServer.StartAsync(), copies.FixtureExport.StartAsync(), copies.FixtureServer.StartAsync());
        return copies;
    }

    public async ValueTask DisposeAsync()
    {
        await RealServer.DisposeAsync();
        await FixtureServer.DisposeAsync();
        await RealExport.DisposeAsync();
        await FixtureExport.DisposeAsync();
        await SharedChromium.ReleaseAsync();
    }
}

/// <summary>A test collection's view of one of the <see cref="CopiesUnderTest"/>.</summary>
public abstract class CopyFixture : IHostUnderTest, IAsyncLifetime
{
    private IHostUnderTest? _copy;

    private IHostUnderTest Copy => _copy ?? throw new InvalidOperationException("the site copies have not started");

    public IBrowser Browser => Copy.Browser;

    public string BaseUrl => Copy.BaseUrl;

    public bool IsStaticExport => Copy.IsStaticExport;

    public string ContentRoot => Copy.ContentRoot;

    public EssaySite.Content.ContentSnapshot Content => TestContent.Load(ContentRoot);

    public Task<IPage> NewPageAsync(int width = 1280, int height = 800, bool javaScript = true) => Copy.NewPageAsync(width, height, javaScript);

    protected abstract IHostUnderTest Pick(CopiesUnderTest copies);

    public async Task InitializeAsync() => _copy = Pick(await CopiesUnderTest.AcquireAsync());

    public Task DisposeAsync() => CopiesUnderTest.ReleaseAsync();
}

/// <summary>The real content on Kestrel: for the checks of the real pages (the essay as rendered, axe).</summary>
public sealed class RealContentServer : CopyFixture
{
    protected override IHostUnderTest Pick(CopiesUnderTest copies) => copies.RealServer;
}

/// <summary>The fixture guide on Kestrel: for the tests of how the site behaves.</summary>
public sealed class FixtureGuideServer : CopyFixture
{
    protected override IHostUnderTest Pick(CopiesUnderTest copies) => copies.FixtureServer;
}

/// <summary>The real content exported and served by nginx under /reading/: its links, headers, crawl and axe.</summary>
public sealed class RealContentExport : CopyFixture
{
    public const string BasePath = ExportCopy.BasePath;

    private ExportCopy? _export;

    public string Folder => (_export ?? throw new InvalidOperationException("the export has not started")).Folder;

    protected override IHostUnderTest Pick(CopiesUnderTest copies) => _export = copies.RealExport;
}

/// <summary>The fixture guide exported and served by nginx under /reading/: the export's behaviour.</summary>
public sealed class FixtureGuideExport : CopyFixture
{
    protected override IHostUnderTest Pick(CopiesUnderTest copies) => copies.FixtureExport;
}

/// <summary>
/// The tests on a running server, one at a time. xunit runs two collections side by side on two cores, so the tests are
/// in three collections of similar length (this, <see cref="AccessibilityTestGroup"/> and <see cref="ExportTestGroup"/>):
/// with two, the shorter finished long before the longer and left a core idle.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<RealContentServer>, ICollectionFixture<FixtureGuideServer>
{
    public const string Name = "browser";
}

/// <summary>The axe scans of every real page on the server: the longest class, a collection of its own.</summary>
[CollectionDefinition(Name)]
public sealed class AccessibilityTestGroup : ICollectionFixture<RealContentServer>
{
    public const string Name = "accessibility";
}

/// <summary>The tests on a static export.</summary>
[CollectionDefinition(Name)]
public sealed class ExportTestGroup : ICollectionFixture<RealContentExport>, ICollectionFixture<FixtureGuideExport>
{
    public const string Name = "static export";
}
