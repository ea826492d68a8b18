namespace EssaySite.Hosting;

/// <summary>The site only reads: GET and HEAD are answered, OPTIONS says so, anything else is 405.</summary>
public sealed class MethodFilter(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            return next(context);
        }

        context.Response.Headers.Allow = "GET, HEAD, OPTIONS";
        context.Response.StatusCode = HttpMethods.IsOptions(method) ? StatusCodes.Status204NoContent : StatusCodes.Status405MethodNotAllowed;
        return Task.CompletedTask;
    }
}
