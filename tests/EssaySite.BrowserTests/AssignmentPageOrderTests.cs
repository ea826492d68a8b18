using EssaySite.Teaching;
using Microsoft.Playwright;

namespace EssaySite.BrowserTests;

/// <summary>
/// A teacher who has just made an assignment wants its link first: the address, "Copy link", the QR code, the share
/// links and the worksheet come before the reading, and "Copy link" is on the first screen.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AssignmentPageOrderTests(RealContentServer host)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(375, 740)]
    public async Task TheLinkCopyQrShareAndWorksheet_ComeBeforeTheReading(int width, int height)
    {
        var code = new Assignment { Paragraphs = [17, 18, 19], Questions = [1, 2], Due = new DateOnly(2027, 3, 1) }.Encode();
        var page = await host.NewPageAsync(width, height);
        await page.GotoAsync("/assign/" + code);

        var reading = await TopAsync(page.GetByRole(AriaRole.Heading, new() { Name = "Read", Exact = true }));
        var tools = new Dictionary<string, ILocator>
        {
            ["the address"] = page.GetByRole(AriaRole.Link, new() { Name = host.BaseUrl + "/assign/" + code, Exact = true }),
            ["Copy link"] = page.GetByRole(AriaRole.Button, new() { Name = "Copy link" }),
            ["the QR code"] = page.GetByRole(AriaRole.Img, new() { Name = "QR code of this assignment’s address" }).First,
            ["Google Classroom"] = page.GetByRole(AriaRole.Link, new() { Name = "Google Classroom" }),
            ["Print a worksheet"] = page.GetByRole(AriaRole.Link, new() { Name = "Print a worksheet" }),
        };
        foreach (var (name, tool) in tools)
        {
            var top = await TopAsync(tool);
            Assert.True(top < reading, $"{name} is at {top:0} px, after the reading's heading at {reading:0} px ({width} px wide)");
        }

        var copy = await TopAsync(tools["Copy link"]);
        Assert.True(copy < height, $"Copy link is at {copy:0} px, below the first screen of {height} px");
        await page.Context.CloseAsync();
    }

    private static async Task<double> TopAsync(ILocator locator)
    {
        await Assertions.Expect(locator).ToBeVisibleAsync();
        return (await locator.BoundingBoxAsync())!.Y;
    }
}
