using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Firewall.Api.RateLimiting;

/// <summary>The token bucket every per-principal limit uses, and the key that names a principal.</summary>
internal static class PrincipalBuckets
{
    public static string KeyOf(ClaimsPrincipal principal) => principal.FindFirstValue("sub") ?? "anonymous";

    /// <summary>
    /// Refills in small steps (about ten a second) at exactly <paramref name="perSecond"/>, so a bucket never waits a whole
    /// second; no queueing: a spent bucket answers 429 at once.
    /// </summary>
    public static TokenBucketRateLimiterOptions Create(int burst, int perSecond)
    {
        var tokensPerPeriod = Math.Max(1, perSecond / 10);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds((double)tokensPerPeriod / perSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
