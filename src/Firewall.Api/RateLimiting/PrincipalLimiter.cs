using System.Threading.RateLimiting;

namespace Firewall.Api.RateLimiting;

/// <summary>
/// One per-principal token bucket policy (the resource is the principal's key): shared through Redis when it is
/// configured and answers (spending tokens prefetched from it first), this replica's own buckets
/// (<see cref="PrincipalBuckets"/>) otherwise, with the same parameters.
/// </summary>
internal sealed class PrincipalLimiter(string policy, int burst, int perSecond, RedisTokenBucket? shared, TimeProvider time) : PartitionedRateLimiter<string>
{
    private readonly PrefetchedTokens _prefetched = new(time);
    private readonly int _chunk = PrefetchedTokens.ChunkFor(burst, perSecond);

    private readonly PartitionedRateLimiter<string> _local = PartitionedRateLimiter.Create<string, string>(
        principal => RateLimitPartition.GetTokenBucketLimiter(principal, _ => PrincipalBuckets.Create(burst, perSecond)));

    /// <summary>Whether a verdict needs a round trip (so callers take the asynchronous path).</summary>
    public bool IsShared => shared is not null;

    public override RateLimiterStatistics? GetStatistics(string resource) => _local.GetStatistics(resource);

    // Synchronous callers get the local verdict only when nothing is shared; otherwise a refusal that sends them to AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount) =>
        IsShared ? new BucketLease(false, TimeSpan.Zero) : _local.AttemptAcquire(resource, permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken)
    {
        if (shared is null)
        {
            return _local.AttemptAcquire(resource, permitCount);
        }

        if (_prefetched.TrySpend(resource, permitCount))
        {
            return BucketLease.Granted;
        }

        var extra = _prefetched.BeginPrefetch(resource, _chunk);
        (BucketLease Lease, long Extra)? verdict = null;
        try
        {
            verdict = await shared.TryTakeAsync(policy, resource, burst, perSecond, permitCount, extra, cancellationToken);
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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
        }

        base.Dispose(disposing);
    }
}
