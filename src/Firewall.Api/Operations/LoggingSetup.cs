using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Firewall.Api.Operations;

/// <summary>Serilog: readable text in Development, compact JSON elsewhere; request logs carry ids and timings, never bodies or tokens.</summary>
public static class LoggingSetup
{
    public static IHostApplicationBuilder AddFirewallLogging(this IHostApplicationBuilder builder)
    {
        // No static bootstrap logger: a second host in the same process (tests) would find it frozen.
        // preserveStaticLogger: every ILogger<T> of this host writes to this host's logger, not to the static Log.Logger
        // that the last host built in the process owns (tests run several hosts at once).
        builder.Services.AddSerilog(preserveStaticLogger: true, configureLogger: (services, logger) =>
        {
            // Quiet framework defaults that hold even without appsettings.json; configuration may override them.
            logger.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
            if (builder.Environment.IsDevelopment())
            {
                logger.WriteTo.Console();
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
        return builder;
    }

    /// <summary>
    /// A 503 is expected (queue full, store down or past its deadline; the client retries): Warning. Error is kept for
    /// what needs a fix, so an alert's "grep Error" finds defects, not load.
    /// </summary>
    private static LogEventLevel LevelOf(HttpContext context, double elapsedMilliseconds, Exception? exception) =>
        exception is not null ? LogEventLevel.Error
        : context.Response.StatusCode == StatusCodes.Status503ServiceUnavailable ? LogEventLevel.Warning
        : context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : LogEventLevel.Information;

    /// <summary>One line per request: method, path template, status, time, principal and trace id.</summary>
    public static IApplicationBuilder UseFirewallRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static Log.Logger (the last host built in the process owns that).
            options.Logger = app.ApplicationServices.GetService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.GetLevel = LevelOf;
            options.EnrichDiagnosticContext = (context, http) =>
            {
                context.Set("RequestId", http.TraceIdentifier);
                context.Set("Principal", http.User.FindFirst("sub")?.Value ?? "-");
            };
        });
}
