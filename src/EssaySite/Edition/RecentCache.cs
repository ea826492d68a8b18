namespace EssaySite.Edition;

/// <summary>
/// A bounded cache of answers that are made once per key, however many ask at the same moment (single-flight), and
/// that gives up the least recently used answer when it is full, so a flood of new keys (a client cycling Host
/// headers or queries) takes only the oldest slots, never the whole cache at once. An answer that turns out null (or
/// fails) is not kept, so the next asker tries again.
/// </summary>
/// <remarks>
/// One lock over a dictionary and a recency list: every operation under it is a few pointer moves, never the making of
/// an answer, which runs outside it.
/// </remarks>
public sealed class RecentCache<TKey, TValue>(int capacity)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, Task<TValue?> Answer)>> _index = new();
    private readonly LinkedList<(TKey Key, Task<TValue?> Answer)> _recency = new();

    public int Capacity { get; } = capacity;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _index.Count;
            }
        }
    }

    /// <summary>The kept answer for the key, or the one being made; else <paramref name="make"/>'s, begun once.</summary>
    public Task<TValue?> GetOrAdd(TKey key, Func<TKey, Task<TValue?>> make)
    {
        TaskCompletionSource<TValue?> made;
        lock (_gate)
        {
            if (_index.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
                _recency.AddFirst(node);
                return node.Value.Answer;
            }

            made = new TaskCompletionSource<TValue?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _index[key] = _recency.AddFirst((key, made.Task));
            if (_index.Count > Capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _index.Remove(oldest.Value.Key);
            }
        }

        _ = CompleteAsync(key, make, made);
        return made.Task;
    }

    /// <summary>Whether an answer for the key is kept or being made (does not count as a use).</summary>
    public bool Contains(TKey key)
    {
        lock (_gate)
        {
            return _index.ContainsKey(key);
        }
    }

    private async Task CompleteAsync(TKey key, Func<TKey, Task<TValue?>> make, TaskCompletionSource<TValue?> made)
    {
        try
        {
            var answer = await make(key);
            if (answer is null)
            {
                Forget(key, made.Task);
            }

            made.SetResult(answer);
        }
        catch (Exception e)
        {
            Forget(key, made.Task);
            made.SetException(e);
        }
    }

    private void Forget(TKey key, Task<TValue?> answer)
    {
        lock (_gate)
        {
            // Only the slot this answer took: a later answer for the same key may have replaced it since.
            if (_index.TryGetValue(key, out var node) && node.Value.Answer == answer)
            {
                _recency.Remove(node);
                _index.Remove(key);
            }
        }
    }
}
