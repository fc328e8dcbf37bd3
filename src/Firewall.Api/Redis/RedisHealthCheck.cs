using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Firewall.Api.Redis;

/// <summary>Readiness reports Redis as Degraded when it does not answer: the replica serves without it (invariant 5).</summary>
public sealed class RedisHealthCheck(RedisGate gate) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await gate.PingAsync(cancellationToken)
            ? HealthCheckResult.Healthy("Redis answers.")
            : HealthCheckResult.Degraded("Redis does not answer; the cache is bypassed and rate limits are per replica.");
}
