using QRCoder;

namespace EssaySite.Teaching;

/// <summary>A QR code as SVG drawn with presentation attributes only (fill=), so a style-src 'self' policy never blocks it.</summary>
public static class QrSvg
{
    public static string For(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var size = data.ModuleMatrix.Count;
        var path = new System.Text.StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (data.ModuleMatrix[y][x])
                {
                    path.Append(System.Globalization.CultureInfo.InvariantCulture, $"M{x},{y}h1v1h-1z");
                }
            }
        }

        // The matrix already carries the four-module quiet zone that readers need.
        return $"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size * 8}" height="{size * 8}" shape-rendering="crispEdges" role="img"><title>QR code: {System.Net.WebUtility.HtmlEncode(text)}</title><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>""";
    }
}
