using System.Runtime.CompilerServices;
using EssaySite.Content;

namespace EssaySite.Teaching;

/// <summary>
/// Reading facts of the essay, measured once per content snapshot (at start-up, and again only when a reload
/// brings a new snapshot), never per request.
/// </summary>
public sealed class TeachingFacts
{
    private readonly ConditionalWeakTable<ContentSnapshot, ReadingFacts> _facts = [];

    public ReadingFacts For(ContentSnapshot snapshot) =>
        _facts.GetValue(snapshot, s => ReadingFacts.Measure(s.Essay.Paragraphs.Select(p => p.Text)));
}
