using System.Collections.Concurrent;

namespace Firewall.Api.RateLimiting;

/// <summary>
/// Tokens this replica already took from a principal's shared bucket but has not spent, for a short while. A shared
/// verdict costs a Redis round trip; taking a tenth of a second's worth of tokens at once lets most requests be
/// answered here instead. The shared limit still holds: tokens leave Redis before they are spent, and each leaves this
/// store once, either spent or handed back (<see cref="BeginPrefetch"/>, <see cref="TakeLapsed"/>) to go back to Redis.
/// </summary>
internal sealed class PrefetchedTokens(TimeProvider time)
{
    /// <summary>How long prefetched tokens stay spendable: short, so a principal's idle replica holds little of the budget.</summary>
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
            if (allowance.LiveTokens(time.GetUtcNow()) < permits)
            {
                return false;
            }

            allowance.Tokens -= permits;
            return true;
        }
    }

    /// <summary>
    /// For a request the kept tokens cannot answer alone: hands over every token kept for <paramref name="principal"/>
    /// (<c>Returned</c>, which the caller gives back to the shared bucket with its own request, so local and shared
    /// tokens are spent together and none is stranded here) and how many extra tokens to ask for: <paramref name="chunk"/>,
    /// unless another request of the principal is already fetching some (then none: concurrent requests must not each
    /// drain a chunk from the shared bucket). A caller given extra tokens to fetch must call <see cref="EndPrefetch"/>.
    /// </summary>
    public (int Extra, long Returned) BeginPrefetch(string principal, int chunk)
    {
        if (chunk == 0)
        {
            return (0, 0);
        }

        var allowance = _allowances.GetOrAdd(principal, static _ => new Allowance());
        lock (allowance)
        {
            var returned = allowance.Tokens;
            allowance.Tokens = 0;
            if (allowance.Fetching)
            {
                return (0, returned);
            }

            allowance.Fetching = true;
            return (chunk, returned);
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
                // Tokens kept from before (lapsed or not) stay: they are this replica's until spent or handed back.
                allowance.Tokens += tokens;
                allowance.ExpiresAt = time.GetUtcNow() + Lifetime;
            }
        }
    }

    /// <summary>Hands over the tokens that lapsed unspent, by principal, for the caller to give back to the shared buckets.</summary>
    public IReadOnlyList<(string Principal, long Tokens)> TakeLapsed()
    {
        var now = time.GetUtcNow();
        var lapsed = new List<(string, long)>();
        foreach (var (principal, allowance) in _allowances)
        {
            lock (allowance)
            {
                if (allowance.Tokens > 0 && allowance.LiveTokens(now) == 0)
                {
                    lapsed.Add((principal, allowance.Tokens));
                    allowance.Tokens = 0;
                }
            }
        }

        return lapsed;
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
