using Xunit.Abstractions;

[assembly: TestCollectionOrderer("EssaySite.BrowserTests.LongestCollectionFirst", "EssaySite.BrowserTests")]

namespace EssaySite.BrowserTests;

/// <summary>
/// Starts the longest collection first. xunit runs two collections at a time here (one a core) and starts the next
/// when one ends; its own order is by an id's hash, and when it started the two shorter ones first, the longest began
/// after one of them and ran on alone at the end. Longest first, the other core takes the two shorter ones in turn.
/// </summary>
public sealed class LongestCollectionFirst : ITestCollectionOrderer
{
    // From the runs' .trx files (scripts/test prints each class's time): the axe scans of every real page are the
    // longest collection, then the server's other tests, then the export's.
    private static readonly string[] Order = [AccessibilityTestGroup.Name, BrowserTestGroup.Name, ExportTestGroup.Name];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => Array.IndexOf(Order, c.DisplayName) is var i and >= 0 ? i : Order.Length)
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
