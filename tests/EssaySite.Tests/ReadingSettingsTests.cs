namespace EssaySite.Tests;

/// <summary>The "Reading settings" control's markup; what it does is tested in the browser (ReadingToolsTests).</summary>
public sealed class ReadingSettingsTests(FixtureGuideHost host) : IClassFixture<FixtureGuideHost>
{
    [Theory]
    [InlineData("/essay")]
    [InlineData("/timeline")]
    [InlineData("/glossary")]
    public async Task TheEssayAndGuidePages_OfferReadingSettings_AsLabelledRadioGroups(string url)
    {
        var doc = await host.Client.GetDocumentAsync(url);
        var details = doc.QuerySelector("main details.reading-settings")!;
        Assert.Equal("Reading settings", details.QuerySelector("summary")!.TextContent.Trim());
        var groups = details.QuerySelectorAll("fieldset").Select(f => (
            Legend: f.QuerySelector("legend")!.TextContent.Trim(),
            Choices: string.Join(", ", f.QuerySelectorAll("label").Select(l => l.TextContent.Trim())),
            Checked: f.QuerySelectorAll("input[type=radio][checked]").Select(i => i.ParentElement!.TextContent.Trim()).Single()));
        Assert.Equal(
            [("Text size", "Small, Standard, Large, Extra large", "Standard"), ("Line spacing", "Standard, Wide", "Standard"),
             ("Width", "Narrow, Standard, Wide", "Standard"), ("Theme", "Automatic, Light, Dark, Sepia", "Automatic")],
            groups);
    }

    [Fact]
    public async Task TheSettingsScript_RunsInTheHeadBeforeThePageIsDrawn_FromAFile()
    {
        var doc = await host.Client.GetDocumentAsync("/essay");
        var script = doc.Head!.QuerySelector("script[src*='/js/settings.js']")!;
        Assert.False(script.HasAttribute("defer") || script.HasAttribute("async") || script.GetAttribute("type") == "module");
        Assert.Contains("?v=", script.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
        using var response = await host.Client.GetAsync(new Uri(script.GetAttribute("src")!, UriKind.Relative));
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < 1024, "settings.js blocks the first paint, so it stays under 1 KB");
    }

    [Fact]
    public async Task PagesThatAreNotForReading_HaveNoSettings()
    {
        var doc = await host.Client.GetDocumentAsync("/search");
        Assert.Null(doc.QuerySelector(".reading-settings"));
    }
}
