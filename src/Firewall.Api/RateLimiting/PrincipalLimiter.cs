using System.Threading.RateLimiting;

namespace Firewall.Api.RateLimiting;

/// <summary>
/// One per-principal token bucket policy (the resource is the principal's key): shared through Redis when it is
/// configured and answers (spending tokens prefetched from it first), this replica's own buckets
/// (<see cref="PrincipalBuckets"/>) otherwise, with the same parameters.
/// </summary>
/// <remarks>
/// Prefetching keeps the hot path free of round trips: most requests are answered from tokens already taken. What it
/// must not do is lose budget, so every prefetched token goes back to Redis unless spent: a request the kept tokens
/// cannot answer alone returns them with its own Redis call (one round trip, as before; local and shared tokens are
/// spent together), and a timer returns the ones that lapse on a replica the principal stopped using. Two replicas
/// together then admit the shared quota, less at most a chunk each still held when counting stops.
/// </remarks>
internal sealed class PrincipalLimiter : PartitionedRateLimiter<string>
{
    private readonly string _policy;
    private readonly int _burst;
    private readonly int _perSecond;
    private readonly RedisTokenBucket? _shared;
    private readonly PrefetchedTokens _prefetched;
    private readonly int _chunk;
    private readonly ITimer? _returnLapsed;

    private readonly PartitionedRateLimiter<string> _local;

    public PrincipalLimiter(string policy, int burst, int perSecond, RedisTokenBucket? shared, TimeProvider time)
    {
        (_policy, _burst, _perSecond, _shared) = (policy, burst, perSecond, shared);
        _prefetched = new PrefetchedTokens(time);
        _chunk = PrefetchedTokens.ChunkFor(burst, perSecond);
        _local = PartitionedRateLimiter.Create<string, string>(
            principal => RateLimitPartition.GetTokenBucketLimiter(principal, _ => PrincipalBuckets.Create(burst, perSecond)));
        if (shared is not null && _chunk > 0)
        {
            _returnLapsed = time.CreateTimer(_ => _ = ReturnLapsedAsync(shared), null, PrefetchedTokens.Lifetime, PrefetchedTokens.Lifetime);
        }
    }

    /// <summary>Whether a verdict needs a round trip (so callers take the asynchronous path).</summary>
    public bool IsShared => _shared is not null;

    public override RateLimiterStatistics? GetStatistics(string resource) => _local.GetStatistics(resource);

    // Synchronous callers get the local verdict only when nothing is shared; otherwise a refusal that sends them to AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount) =>
        IsShared ? new BucketLease(false, TimeSpan.Zero) : _local.AttemptAcquire(resource, permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken)
    {
        if (_shared is null)
        {
            return _local.AttemptAcquire(resource, permitCount);
        }

        if (_prefetched.TrySpend(resource, permitCount))
        {
            return BucketLease.Granted;
        }

        var (extra, returned) = _prefetched.BeginPrefetch(resource, _chunk);
        (BucketLease Lease, long Extra)? verdict = null;
        try
        {
            verdict = await _shared.TryTakeAsync(_policy, resource, _burst, _perSecond, permitCount, extra, returned, cancellationToken);
        }
        finally
        {
            if (extra > 0)
            {
                _prefetched.EndPrefetch(resource, verdict?.Extra ?? 0);
            }
        }

        return verdict?.Lease ?? _local.AttemptAcquire(resource, permitCount);
    }

    private async Task ReturnLapsedAsync(RedisTokenBucket shared)
    {
        foreach (var (principal, tokens) in _prefetched.TakeLapsed())
        {
            await shared.ReturnAsync(_policy, principal, _burst, _perSecond, tokens, CancellationToken.None);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _returnLapsed?.Dispose();
            _local.Dispose();
        }

        base.Dispose(disposing);
    }
}
