namespace Firewall.Api.RateLimiting;

/// <summary>A principal spent its budget; answered 429 with Retry-After and the RateLimit headers.</summary>
public sealed class RateLimitedException(RateLimitPolicy policy, TimeSpan retryAfter)
    : Exception($"Rate limit '{policy.Name}' exceeded.")
{
    public RateLimitPolicy Policy { get; } = policy;

    public TimeSpan RetryAfter { get; } = retryAfter;
}
