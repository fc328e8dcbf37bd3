using Microsoft.Net.Http.Headers;

namespace Firewall.Api.WebConsole;

/// <summary>
/// The analyst console: static files from wwwroot at <c>/</c>, and browser security headers on every response.
/// Event content is hostile by nature, so the policy allows scripts and styles from this origin only (no inline code).
/// </summary>
public static class ConsoleSetup
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseFirewallConsole(this IApplicationBuilder app)
    {
        // OnStarting, not before next(): the exception handler clears headers when it writes a problem.
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers[HeaderNames.XFrameOptions] = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseDefaultFiles();
        // Revalidate on every load (ETag), so a new release of the console is picked up at once.
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "no-cache" });
        return app;
    }
}
