using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Firewall.Api.Operations;

/// <summary>Hands each periodic health report to <see cref="FirewallMetrics"/>, so alerts see the store and Redis as the probes do.</summary>
internal sealed class HealthMetricsPublisher(FirewallMetrics metrics) : IHealthCheckPublisher
{
    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        metrics.HealthReported(report);
        return Task.CompletedTask;
    }
}
