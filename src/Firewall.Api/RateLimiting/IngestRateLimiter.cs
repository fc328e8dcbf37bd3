using System.Security.Claims;
using System.Threading.RateLimiting;
using Firewall.Api.Http;
using Microsoft.Extensions.Options;

namespace Firewall.Api.RateLimiting;

/// <summary>
/// Per-principal token bucket counted in events, not requests: the middleware limiter takes one permit per request,
/// so ingest acquires here once the batch size is known.
/// </summary>
public sealed class IngestRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly int _burst;

    public IngestRateLimiter(IOptions<RateLimitOptions> options)
    {
        var ingest = options.Value.Ingest;
        _burst = ingest.Burst;
        Policy = new RateLimitPolicy("ingest", ingest.Burst, TimeSpan.FromSeconds((double)ingest.Burst / ingest.EventsPerSecond));
        _limiter = PartitionedRateLimiter.Create<string, string>(principal => RateLimitPartition.GetTokenBucketLimiter(
            principal, _ => PrincipalBuckets.Create(ingest.Burst, ingest.EventsPerSecond)));
    }

    public RateLimitPolicy Policy { get; }

    /// <summary>Spends <paramref name="events"/> permits of the caller's bucket or throws <see cref="RateLimitedException"/>.</summary>
    public void Acquire(ClaimsPrincipal principal, int events)
    {
        if (events > _burst)
        {
            throw RequestValidationException.For("events", $"{events} events exceed this service's ingest burst of {_burst}; send smaller batches.");
        }

        using var lease = _limiter.AttemptAcquire(PrincipalBuckets.KeyOf(principal), events);
        if (!lease.IsAcquired)
        {
            throw new RateLimitedException(Policy, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1));
        }
    }

    public void Dispose() => _limiter.Dispose();
}
