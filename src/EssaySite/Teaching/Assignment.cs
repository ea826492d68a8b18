using System.Security.Cryptography;
using System.Text;

namespace EssaySite.Teaching;

/// <summary>
/// What a teacher assigns: the whole essay or some of its paragraphs, the timeline, the sources, some
/// questions (by their number on the questions page), an optional due date and a short note.
/// It lives only in its URL: <see cref="Encode"/> packs it into a short code and <see cref="TryDecode"/>
/// reads it back, refusing anything truncated, altered or out of range.
/// </summary>
public sealed record Assignment
{
    public const int MaxNoteBytes = 200;

    public bool WholeEssay { get; init; }
    public IReadOnlyList<int> Paragraphs { get; init; } = [];
    public bool Timeline { get; init; }
    public bool Sources { get; init; }
    public IReadOnlyList<int> Questions { get; init; } = [];
    public DateOnly? Due { get; init; }
    public string? Note { get; init; }

    public bool IsEmpty => !WholeEssay && Paragraphs.Count == 0 && !Timeline && !Sources && Questions.Count == 0;

    private const byte FormatVersion = 1;
    private const int CheckBytes = 3;
    /// <summary>The first due date a code can hold; the last is 65,535 days later.</summary>
    public static readonly DateOnly Epoch = new(2020, 1, 1);

    [Flags]
    private enum Parts : byte { None = 0, Essay = 1, Timeline = 2, Sources = 4, Due = 8, Note = 16 }

    /// <summary>A URL-safe code; the same assignment always gives the same code.</summary>
    public string Encode()
    {
        var bytes = new List<byte> { FormatVersion };
        var parts = (WholeEssay ? Parts.Essay : 0) | (Timeline ? Parts.Timeline : 0) | (Sources ? Parts.Sources : 0)
            | (Due is null ? 0 : Parts.Due) | (string.IsNullOrEmpty(Note) ? 0 : Parts.Note);
        bytes.Add((byte)parts);
        AddSet(bytes, WholeEssay ? [] : Paragraphs);
        AddSet(bytes, Questions);
        if (Due is { } due)
        {
            var days = due.DayNumber - Epoch.DayNumber;
            bytes.Add((byte)(days >> 8));
            bytes.Add((byte)days);
        }

        if (!string.IsNullOrEmpty(Note))
        {
            var note = Encoding.UTF8.GetBytes(Note);
            bytes.Add((byte)note.Length);
            bytes.AddRange(note);
        }

        var body = bytes.ToArray();
        return Base64Url(body.Concat(Check(body)).ToArray());
    }

    /// <summary>Reads a code made by <see cref="Encode"/>; null with a reason when it is not one.</summary>
    public static Assignment? TryDecode(string? code, int paragraphCount, int questionCount, out string? problem)
    {
        problem = null;
        if (string.IsNullOrEmpty(code) || code.Length > 400 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            problem = "The assignment code is empty or contains characters an assignment code never has.";
            return null;
        }

        byte[] data;
        try
        {
            data = System.Buffers.Text.Base64Url.DecodeFromChars(code);
        }
        catch (FormatException)
        {
            problem = "The assignment code is not complete.";
            return null;
        }

        // Only the canonical spelling is accepted, so stray low bits in the last character count as a change.
        if (data.Length < 2 + 2 + CheckBytes || Base64Url(data) != code || !data.AsSpan(data.Length - CheckBytes).SequenceEqual(Check(data.AsSpan(0, data.Length - CheckBytes).ToArray())))
        {
            problem = "The assignment code is incomplete or has been changed.";
            return null;
        }

        var reader = new Reader(data.AsSpan(0, data.Length - CheckBytes).ToArray());
        try
        {
            if (reader.Byte() != FormatVersion)
            {
                problem = "The assignment code was made by a newer version of this site.";
                return null;
            }

            var parts = (Parts)reader.Byte();
            var paragraphs = reader.Set();
            var questions = reader.Set();
            DateOnly? due = parts.HasFlag(Parts.Due) ? Epoch.AddDays((reader.Byte() << 8) | reader.Byte()) : null;
            string? note = null;
            if (parts.HasFlag(Parts.Note))
            {
                var length = reader.Byte();
                note = Encoding.UTF8.GetString(reader.Bytes(length));
            }

            var assignment = new Assignment
            {
                WholeEssay = parts.HasFlag(Parts.Essay),
                Paragraphs = paragraphs,
                Timeline = parts.HasFlag(Parts.Timeline),
                Sources = parts.HasFlag(Parts.Sources),
                Questions = questions,
                Due = due,
                Note = note,
            };
            problem = reader.AtEnd ? assignment.Problem(paragraphCount, questionCount) : "The assignment code has data after its end.";
            return problem is null ? assignment : null;
        }
        catch (FormatException)
        {
            problem = "The assignment code is incomplete.";
            return null;
        }
    }

    /// <summary>Why this assignment cannot be shown for an essay and question list of these sizes, or null.</summary>
    public string? Problem(int paragraphCount, int questionCount)
    {
        if (IsEmpty)
        {
            return "The assignment has nothing in it: choose the essay or some paragraphs, the timeline, the sources or some questions.";
        }

        if (Paragraphs.Any(n => n < 1 || n > paragraphCount))
        {
            return $"The essay has paragraphs 1 to {paragraphCount}; the assignment names one outside that range.";
        }

        if (Questions.Any(n => n < 1 || n > questionCount))
        {
            return $"There are questions 1 to {questionCount}; the assignment names one outside that range.";
        }

        if (Note is { } note && (Encoding.UTF8.GetByteCount(note) > MaxNoteBytes || note.Any(char.IsControl)))
        {
            return $"The note must be one line of at most {MaxNoteBytes} bytes.";
        }

        if (Note is { } shown && EssaySite.Content.InvisibleCharacters.Find(shown) is { } invisible)
        {
            return $"The note holds {invisible}, which is invisible or reorders the text around it.";
        }

        if (Due is { } due && (due < Epoch || due > Epoch.AddDays(ushort.MaxValue)))
        {
            return "The due date is out of range.";
        }

        return null;
    }

    /// <summary>"17–19, 22": consecutive numbers shown as a range.</summary>
    public static string Ranges(IEnumerable<int> numbers)
    {
        var sorted = numbers.Order().ToList();
        var runs = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            runs.Add(i == j ? $"{sorted[i]}" : j == i + 1 ? $"{sorted[i]}, {sorted[j]}" : $"{sorted[i]}–{sorted[j]}");
            i = j + 1;
        }

        return string.Join(", ", runs);
    }

    // A set of small numbers as a bitmap: one length byte, then bit n-1 set for each n.
    private static void AddSet(List<byte> bytes, IReadOnlyList<int> numbers)
    {
        var length = numbers.Count == 0 ? 0 : ((numbers.Max() - 1) / 8) + 1;
        var bitmap = new byte[length];
        foreach (var n in numbers)
        {
            bitmap[(n - 1) / 8] |= (byte)(1 << ((n - 1) % 8));
        }

        bytes.Add((byte)length);
        bytes.AddRange(bitmap);
    }

    // Catches truncation and hand edits (not an attacker, who could recompute it; nothing here is secret).
    private static byte[] Check(byte[] body) => SHA256.HashData(body)[..CheckBytes];

    private static string Base64Url(byte[] data) => System.Buffers.Text.Base64Url.EncodeToString(data);

    private sealed class Reader(byte[] data)
    {
        private int _at;

        public bool AtEnd => _at == data.Length;

        public byte Byte() => _at < data.Length ? data[_at++] : throw new FormatException("past the end");

        public byte[] Bytes(int count)
        {
            if (_at + count > data.Length)
            {
                throw new FormatException("past the end");
            }

            var slice = data[_at..(_at + count)];
            _at += count;
            return slice;
        }

        public List<int> Set()
        {
            var bitmap = Bytes(Byte());
            var numbers = new List<int>();
            for (var i = 0; i < bitmap.Length * 8; i++)
            {
                if ((bitmap[i / 8] & (1 << (i % 8))) != 0)
                {
                    numbers.Add(i + 1);
                }
            }

            return numbers;
        }
    }
}
