using System.Collections.Concurrent;

namespace Firewall.Api.RateLimiting;

/// <summary>
/// Tokens this replica already took from a principal's shared bucket but has not spent, for a short while. A shared
/// verdict costs a Redis round trip; taking a tenth of a second's worth of tokens at once lets most requests be
/// answered here instead. The shared limit still holds: tokens are taken from Redis before they are spent, and those
/// left unspent when they lapse are lost, so a replica can only ever accept less than its share, never more.
/// </summary>
internal sealed class PrefetchedTokens(TimeProvider time)
{
    /// <summary>How long prefetched tokens stay spendable: short, so a principal's idle replica wastes little of the budget.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Allowance> _allowances = new(StringComparer.Ordinal);

    /// <summary>How many tokens to take beyond a request's own: a tenth of a second's refill, at most a tenth of the burst.</summary>
    public static int ChunkFor(int burst, int perSecond) => Math.Max(0, Math.Min(burst, perSecond) / 10);

    /// <summary>Spends <paramref name="permits"/> prefetched tokens of <paramref name="principal"/> if there are that many.</summary>
    public bool TrySpend(string principal, int permits)
    {
        if (!_allowances.TryGetValue(principal, out var allowance))
        {
            return false;
        }

        lock (allowance)
        {
            var tokens = allowance.LiveTokens(time.GetUtcNow());
            if (tokens < permits)
            {
                return false;
            }

            allowance.Tokens = tokens - permits;
            return true;
        }
    }

    /// <summary>
    /// How many extra tokens the caller should ask Redis for with its own: <paramref name="chunk"/>, unless another request
    /// of the principal is already fetching some (then none: concurrent requests must not each drain a chunk from the
    /// shared bucket). A caller that was given tokens to fetch must call <see cref="EndPrefetch"/>.
    /// </summary>
    public int BeginPrefetch(string principal, int chunk)
    {
        if (chunk == 0)
        {
            return 0;
        }

        var allowance = _allowances.GetOrAdd(principal, static _ => new Allowance());
        lock (allowance)
        {
            if (allowance.Fetching)
            {
                return 0;
            }

            allowance.Fetching = true;
            return chunk;
        }
    }

    /// <summary>Ends a prefetch, keeping the <paramref name="tokens"/> it got (none when Redis refused or did not answer) for <see cref="Lifetime"/>.</summary>
    public void EndPrefetch(string principal, long tokens)
    {
        var allowance = _allowances[principal];
        lock (allowance)
        {
            allowance.Fetching = false;
            if (tokens > 0)
            {
                var now = time.GetUtcNow();
                allowance.Tokens = allowance.LiveTokens(now) + tokens;
                allowance.ExpiresAt = now + Lifetime;
            }
        }
    }

    private sealed class Allowance
    {
        public long Tokens { get; set; }
        public DateTimeOffset ExpiresAt { get; set; }
        public bool Fetching { get; set; }

        /// <summary>The tokens still spendable at <paramref name="now"/>: none once they have lapsed.</summary>
        public long LiveTokens(DateTimeOffset now) => ExpiresAt > now ? Tokens : 0;
    }
}
