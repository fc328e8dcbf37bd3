using System.Threading.RateLimiting;

namespace Firewall.Api.RateLimiting;

/// <summary>
/// One per-principal token bucket policy (the resource is the principal's key): shared through Redis when it is
/// configured and answers, this replica's own buckets (<see cref="PrincipalBuckets"/>) otherwise, with the same parameters.
/// </summary>
internal sealed class PrincipalLimiter(string policy, int burst, int perSecond, RedisTokenBucket? shared) : PartitionedRateLimiter<string>
{
    private readonly PartitionedRateLimiter<string> _local = PartitionedRateLimiter.Create<string, string>(
        principal => RateLimitPartition.GetTokenBucketLimiter(principal, _ => PrincipalBuckets.Create(burst, perSecond)));

    /// <summary>Whether a verdict needs a round trip (so callers take the asynchronous path).</summary>
    public bool IsShared => shared is not null;

    public override RateLimiterStatistics? GetStatistics(string resource) => _local.GetStatistics(resource);

    // Synchronous callers get the local verdict only when nothing is shared; otherwise a refusal that sends them to AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(string resource, int permitCount) =>
        IsShared ? new BucketLease(false, TimeSpan.Zero) : _local.AttemptAcquire(resource, permitCount);

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(string resource, int permitCount, CancellationToken cancellationToken) =>
        shared is not null && await shared.TryTakeAsync(policy, resource, burst, perSecond, permitCount, cancellationToken) is { } verdict
            ? verdict
            : _local.AttemptAcquire(resource, permitCount);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _local.Dispose();
        }

        base.Dispose(disposing);
    }
}
