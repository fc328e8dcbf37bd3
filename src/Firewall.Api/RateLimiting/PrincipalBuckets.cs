using System.Security.Claims;
using System.Threading.RateLimiting;

namespace Firewall.Api.RateLimiting;

/// <summary>The token bucket every per-principal limit uses, and the key that names a principal.</summary>
internal static class PrincipalBuckets
{
    public static string KeyOf(ClaimsPrincipal principal) => principal.FindFirstValue("sub") ?? "anonymous";

    /// <summary>Refills every 100 ms so a bucket never waits a whole second, with no queueing: a spent bucket answers 429 at once.</summary>
    public static TokenBucketRateLimiterOptions Create(int burst, int perSecond) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = Math.Max(1, perSecond / 10),
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
