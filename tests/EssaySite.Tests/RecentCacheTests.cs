using EssaySite.Edition;

namespace EssaySite.Tests;

/// <summary>The bounded cache behind answers made on demand: made once per key, and the least recently used goes first.</summary>
public sealed class RecentCacheTests
{
    [Fact]
    public async Task ManyAskingAtOnce_MakeTheAnswerOnce()
    {
        var cache = new RecentCache<string, string>(8);
        var made = 0;
        var release = new TaskCompletionSource();
        var asks = Enumerable.Range(0, 20).Select(_ => cache.GetOrAdd("k", async _ =>
        {
            Interlocked.Increment(ref made);
            await release.Task;
            return "answer";
        })).ToList();
        release.SetResult();
        Assert.All(await Task.WhenAll(asks), a => Assert.Equal("answer", a));
        Assert.Equal(1, made);
    }

    [Fact]
    public async Task WhenFull_TheLeastRecentlyUsedGoes_NotEverything()
    {
        var cache = new RecentCache<string, string>(3);
        foreach (var key in new[] { "a", "b", "c" })
        {
            await cache.GetOrAdd(key, k => Task.FromResult<string?>(k));
        }

        await cache.GetOrAdd("a", _ => Task.FromResult<string?>("again"));
        await cache.GetOrAdd("d", k => Task.FromResult<string?>(k));
        Assert.True(cache.Contains("a"));
        Assert.False(cache.Contains("b"));
        Assert.True(cache.Contains("c"));
        Assert.True(cache.Contains("d"));
        Assert.Equal(3, cache.Count);
        Assert.Equal("a", await cache.GetOrAdd("a", _ => Task.FromResult<string?>("made again")));
    }

    [Fact]
    public async Task ANullOrFailedAnswer_IsNotKept()
    {
        var cache = new RecentCache<string, string>(3);
        Assert.Null(await cache.GetOrAdd("n", _ => Task.FromResult<string?>(null)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrAdd("f", _ => throw new InvalidOperationException("no")));
        Assert.Equal(0, cache.Count);
        Assert.Equal("now", await cache.GetOrAdd("n", _ => Task.FromResult<string?>("now")));
    }
}
