using System.Text;
using System.Text.RegularExpressions;

namespace EssaySite.Export;

// The rules for nginx, and the policy as a meta element, apart from the hosts that read a file of headers.
public sealed partial class HostHeaders
{
    /// <summary>
    /// An nginx include for the <c>server { }</c> block whose root serves the export at its base path. nginx applies
    /// only the innermost level's <c>add_header</c>, so each location names every header; <c>always</c> adds them to the
    /// 404 too. Clean URLs are answered by their <c>index.html</c>, the .gz beside a file by <c>gzip_static</c>.
    /// </summary>
    public string NginxInclude()
    {
        var text = new StringBuilder()
            .AppendLine("# Written by `export` from the headers the site sends with each kind of file.")
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"# Include it in the server {{ }} block whose root serves this folder at {BasePath}/.")
            .AppendLine("gzip_static on;")
            .AppendLine("gzip_vary on;")
            .AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"error_page 404 {Url("/" + StaticExport.NotFoundFile)};");
        void Location(string match, Headers own, string? body)
        {
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"location {match} {{");
            if (body is not null)
            {
                text.Append("    ").AppendLine(body);
            }

            foreach (var (name, value) in Common.Concat(own.Values))
            {
                text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"    add_header {name} {NginxString(value)} always;");
            }

            text.AppendLine("}");
        }

        Location(BasePath + "/", Pages, "try_files $uri $uri/index.html =404;");
        // The host's own files are configuration, not part of the site.
        text.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
            $"location ~ ^{Regex.Escape(BasePath)}/({Regex.Escape(NetlifyFile)}|{Regex.Escape(AzureFile)}|{Regex.Escape(NginxFile)})$ {{ return 404; }}");
        Location("= " + Url("/" + StaticExport.NotFoundFile), NotFound, "internal;");
        foreach (var (path, headers) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (headers.Key != Pages.Key && path != "/" + StaticExport.NotFoundFile)
            {
                Location("= " + Url(path), headers, StaticExport.FileFor(path).EndsWith("index.html", StringComparison.Ordinal) ? "try_files $uri/index.html =404;" : null);
            }
        }

        return text.ToString();
    }

    private static string NginxString(string value) =>
        value.Contains('$', StringComparison.Ordinal)
            ? throw new InvalidOperationException($"a header value with '$' cannot be written for nginx: {value}")
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The page's policy as a <c>&lt;meta http-equiv&gt;</c> can carry it, for a host that sets no headers (GitHub
    /// Pages): browsers ignore <c>frame-ancestors</c>, <c>sandbox</c> and the reporting directives in a meta element.
    /// </summary>
    public string? MetaPolicy()
    {
        if (Common.Concat(Pages.Values).FirstOrDefault(h => h.Key.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase)).Value is not { } policy)
        {
            return null;
        }

        return string.Join("; ", policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(d => d.Split(' ')[0] is not ("frame-ancestors" or "sandbox" or "report-uri" or "report-to")));
    }
}
