using Serilog;
using Serilog.Formatting.Compact;

namespace Firewall.Api.Operations;

/// <summary>Serilog: readable text in Development, compact JSON elsewhere; request logs carry ids and timings, never bodies or tokens.</summary>
public static class LoggingSetup
{
    public static IHostApplicationBuilder AddFirewallLogging(this IHostApplicationBuilder builder)
    {
        // No static bootstrap logger: a second host in the same process (tests) would find it frozen.
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
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

    /// <summary>One line per request: method, path template, status, time, principal and trace id.</summary>
    public static IApplicationBuilder UseFirewallRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
            options.EnrichDiagnosticContext = (context, http) =>
            {
                context.Set("RequestId", http.TraceIdentifier);
                context.Set("Principal", http.User.FindFirst("sub")?.Value ?? "-");
            };
        });
}
