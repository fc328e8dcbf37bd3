using OpenTelemetry.Metrics;

namespace Firewall.Api.Operations;

/// <summary>OpenTelemetry metrics of ASP.NET Core, the runtime and Firewall itself, scraped at /metrics.</summary>
public static class TelemetrySetup
{
    public const string MeterName = "Firewall";

    public static IHostApplicationBuilder AddFirewallTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(MeterName)
            .AddPrometheusExporter());
        return builder;
    }
}
