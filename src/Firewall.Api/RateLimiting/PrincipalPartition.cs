using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Firewall.Api.RateLimiting;

/// <summary>One principal's view of a <see cref="PrincipalLimiter"/>, as the middleware's partitions need a <see cref="RateLimiter"/>.</summary>
internal sealed class PrincipalPartition(PrincipalLimiter limiter, string principal) : RateLimiter
{
    private long _lastUsed = Stopwatch.GetTimestamp();

    // Lets the middleware drop partitions nobody used lately (the state lives in the limiter), so they stay bounded.
    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Volatile.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => limiter.GetStatistics(principal);

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Volatile.Write(ref _lastUsed, Stopwatch.GetTimestamp());
        return limiter.AttemptAcquire(principal, permitCount);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Volatile.Write(ref _lastUsed, Stopwatch.GetTimestamp());
        return limiter.AcquireAsync(principal, permitCount, cancellationToken);
    }
}
