using Firewall.Storage.Writing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Firewall.Api.Operations;

/// <summary>
/// OpenTelemetry: metrics of ASP.NET Core, the runtime and Firewall itself, scraped at /metrics; traces of ASP.NET Core,
/// HttpClient and Npgsql. Both also go over OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public static class TelemetrySetup
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IHostApplicationBuilder AddFirewallTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FirewallMetrics>();
        builder.Services.Replace(ServiceDescriptor.Singleton<IStoreMetrics>(services => services.GetRequiredService<FirewallMetrics>()));
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthMetricsPublisher>();
        builder.Services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.FromSeconds(1);
            options.Period = TimeSpan.FromSeconds(10);
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("firewall"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(FirewallMetrics.MeterName)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsOperational(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    // Probes and scrapes every few seconds would drown the traces that matter.
    private static bool IsOperational(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal) || path.StartsWithSegments("/metrics", StringComparison.Ordinal);
}
