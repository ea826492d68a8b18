#:sdk Microsoft.NET.Sdk.Web
#:property PublishAot=false
#:property TargetFramework=net10.0

// A reference for benchmarks/http.sh: ASP.NET Core with nothing in its pipeline, answering every request with
// the bytes of one file, as the site answers /essay from its cache. What this process serves on this machine
// under the same load is the floor the runtime and Kestrel set, below anything the site's own code adds.
// usage: bare-kestrel <file> [content-encoding] (listens on ASPNETCORE_URLS); with an encoding, the file holds
// bytes already compressed that way (a Brotli page, as the site sends one).
var body = File.ReadAllBytes(args[0]);
var encoding = args.Length > 1 ? args[1] : null;
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
var app = builder.Build();
app.Run(context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    if (encoding is not null)
    {
        context.Response.Headers.ContentEncoding = encoding;
    }

    context.Response.ContentLength = body.Length;
    return context.Response.Body.WriteAsync(body).AsTask();
});
app.Run();
