using System.Collections.Concurrent;

namespace EssaySite.Content;

/// <summary>
/// Reading one content file, with the limits a hostile or broken folder needs: a size limit per kind
/// (<see cref="ContentKind.MaxBytes"/>), and, for a reload behind a running site, a time limit per read. A named pipe
/// (FIFO) or a stalled network mount blocks a read for ever: such a read is left behind on a thread of its own, the
/// file gets a problem, and later reloads report the same file at once rather than leave another thread behind it.
/// </summary>
public static class ContentFiles
{
    // Reads that passed their time limit and have not finished yet, by full path.
    private static readonly ConcurrentDictionary<string, Task<byte[]>> Stuck = new(StringComparer.Ordinal);

    /// <summary>The file's bytes, or null with a problem for <paramref name="path"/> (as shown) in <paramref name="problems"/>.</summary>
    public static byte[]? Read(string file, string path, int maxBytes, TimeSpan? limit, ProblemList problems)
    {
        var length = new FileInfo(file).Length;
        if (length > maxBytes)
        {
            problems.Add(path, 1, $"the file is {Size(length)}; a file of this kind may be at most {Size(maxBytes)} (split it, or move what is not text elsewhere)");
            return null;
        }

        if (limit is not { } within)
        {
            return File.ReadAllBytes(file);
        }

        if (Stuck.TryGetValue(file, out var earlier))
        {
            if (!earlier.IsCompleted)
            {
                problems.Add(path, 1, $"the file could not be read: an earlier read has not finished (is it a named pipe, or on a stalled mount?)");
                return null;
            }

            Stuck.TryRemove(file, out _);
        }

        // A thread of its own, not the pool's: a read that never returns must not take a worker from the requests.
        var read = Task.Factory.StartNew(() => File.ReadAllBytes(file), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!read.Wait(within))
        {
            Stuck[file] = read;
            problems.Add(path, 1, $"the file could not be read within {within.TotalSeconds:0} s (is it a named pipe, or on a stalled mount?)");
            return null;
        }

        return read.GetAwaiter().GetResult();
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024):0.#} MB"
        : $"{bytes / 1024.0:0.#} KB";
}
