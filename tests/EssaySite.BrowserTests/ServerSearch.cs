namespace EssaySite.BrowserTests;

/// <summary>The server's search over the real content, loaded as the site loads it, for the export's search to agree with.</summary>
internal static class ServerSearch
{
    public static EssaySite.Content.Search.SearchIndex Index => TestContent.Load(TestContent.Real).Search;
}
