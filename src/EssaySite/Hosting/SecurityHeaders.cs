namespace EssaySite.Hosting;

/// <summary>
/// Headers every response carries: nothing leaves the site, nothing frames it. The policy starts from nothing
/// (<c>default-src 'none'</c>) and allows only what the pages use: their own scripts, styles, images (and the data:
/// images of the SVG icon), fonts, the search index (connect-src), the manifest and the service worker (worker-src).
/// The scripts write no HTML into the page (text nodes only), so Trusted Types are required with one policy only:
/// "sw", with which site.js registers the service worker (register() takes a TrustedScriptURL), and which passes
/// that one address and nothing else.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IWebHostEnvironment environment)
{
    public const string Policy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; " +
        "require-trusted-types-for 'script'; trusted-types sw";

    private static readonly Microsoft.Extensions.Primitives.StringValues PolicyValue = Policy;
    private static readonly Microsoft.Extensions.Primitives.StringValues NoSniff = "nosniff";
    private static readonly Microsoft.Extensions.Primitives.StringValues Referrer = "strict-origin-when-cross-origin";
    private static readonly Microsoft.Extensions.Primitives.StringValues Permissions = "camera=(), microphone=(), geolocation=(), interest-cohort=()";
    private static readonly Microsoft.Extensions.Primitives.StringValues SameOrigin = "same-origin";
    private static readonly Microsoft.Extensions.Primitives.StringValues Hsts = "max-age=31536000; includeSubDomains";
    private readonly bool _hsts = !environment.IsDevelopment();

    public Task InvokeAsync(HttpContext context)
    {
        // Written before the answer, not in an OnStarting callback (which Kestrel keeps and runs per request): nothing
        // after this point clears them, and an error page is re-run through this middleware after the exception
        // handler has cleared the failed answer, so it carries them too.
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = PolicyValue;
        headers.XContentTypeOptions = NoSniff;
        headers["Referrer-Policy"] = Referrer;
        headers["Permissions-Policy"] = Permissions;
        headers["Cross-Origin-Opener-Policy"] = SameOrigin;
        headers["Cross-Origin-Resource-Policy"] = SameOrigin;
        if (_hsts)
        {
            headers.StrictTransportSecurity = Hsts;
        }

        return next(context);
    }
}
