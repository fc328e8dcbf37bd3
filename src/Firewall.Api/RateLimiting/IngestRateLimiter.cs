using System.Security.Claims;
using System.Threading.RateLimiting;
using Firewall.Api.Http;
using Microsoft.Extensions.Options;

namespace Firewall.Api.RateLimiting;

/// <summary>
/// Per-principal token bucket counted in events, not requests: the middleware limiter takes one permit per request,
/// so ingest acquires here once the batch size is known.
/// </summary>
internal sealed class IngestRateLimiter(
    [FromKeyedServices(RateLimitingSetup.IngestPolicy)] PrincipalLimiter limiter, IOptions<RateLimitOptions> options)
{
    private readonly int _burst = options.Value.Ingest.Burst;

    public RateLimitPolicy Policy { get; } = new(
        RateLimitingSetup.IngestPolicy, options.Value.Ingest.Burst, TimeSpan.FromSeconds((double)options.Value.Ingest.Burst / options.Value.Ingest.EventsPerSecond));

    /// <summary>Spends <paramref name="events"/> permits of the caller's bucket or throws <see cref="RateLimitedException"/>.</summary>
    public async ValueTask AcquireAsync(ClaimsPrincipal principal, int events, CancellationToken cancellationToken)
    {
        if (events > _burst)
        {
            throw RequestValidationException.For("events", $"{events} events exceed this service's ingest burst of {_burst}; send smaller batches.");
        }

        using var lease = await limiter.AcquireAsync(PrincipalBuckets.KeyOf(principal), events, cancellationToken);
        if (!lease.IsAcquired)
        {
            throw new RateLimitedException(Policy, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
        }
    }
}
