using System.Threading.RateLimiting;

namespace Firewall.Api.RateLimiting;

/// <summary>The verdict of a shared (Redis) bucket: nothing to release, and a Retry-After when refused.</summary>
internal sealed class BucketLease(bool acquired, TimeSpan retryAfter) : RateLimitLease
{
    public static readonly BucketLease Granted = new(true, TimeSpan.Zero);

    public override bool IsAcquired => acquired;

    public override IEnumerable<string> MetadataNames => acquired ? [] : [MetadataName.RetryAfter.Name];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = !acquired && metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
        return metadata is not null;
    }
}
