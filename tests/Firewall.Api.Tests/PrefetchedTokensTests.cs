using Firewall.Api.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Firewall.Api.Tests;

/// <summary>Tokens taken ahead from the shared bucket are spent at most once, and only while they last.</summary>
public sealed class PrefetchedTokensTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Kept_tokens_are_spent_one_request_at_a_time_and_never_beyond_what_was_kept()
    {
        var tokens = new PrefetchedTokens(_time);
        Prefetched(tokens, "analyst-1", 3);

        Assert.True(tokens.TrySpend("analyst-1", 2));
        Assert.False(tokens.TrySpend("analyst-1", 2));
        Assert.True(tokens.TrySpend("analyst-1", 1));
        Assert.False(tokens.TrySpend("analyst-1", 1));
        Assert.False(tokens.TrySpend("analyst-2", 1));
    }

    [Fact]
    public void Unspent_tokens_lapse_after_their_lifetime()
    {
        var tokens = new PrefetchedTokens(_time);
        Prefetched(tokens, "analyst-1", 5);

        _time.Advance(PrefetchedTokens.Lifetime);

        Assert.False(tokens.TrySpend("analyst-1", 1));
        Prefetched(tokens, "analyst-1", 1);
        Assert.True(tokens.TrySpend("analyst-1", 1));
        Assert.False(tokens.TrySpend("analyst-1", 1));
    }

    [Fact]
    public void Only_one_request_of_a_principal_fetches_extra_tokens_at_a_time()
    {
        var tokens = new PrefetchedTokens(_time);

        Assert.Equal(10, tokens.BeginPrefetch("agent-1", 10));
        Assert.Equal(0, tokens.BeginPrefetch("agent-1", 10)); // concurrent: asks for its own tokens only
        Assert.Equal(10, tokens.BeginPrefetch("agent-2", 10));
        tokens.EndPrefetch("agent-1", 0);                     // Redis refused or did not answer
        Assert.Equal(10, tokens.BeginPrefetch("agent-1", 10));
        Assert.Equal(0, tokens.BeginPrefetch("agent-3", 0));   // nothing to prefetch for a slow refill
    }

    [Theory]
    [InlineData(20, 1, 0)]        // a slow refill prefetches nothing: every request asks Redis
    [InlineData(100, 50, 5)]
    [InlineData(1000, 10_000, 100)] // never more than a tenth of the burst
    public void The_chunk_is_a_tenth_of_a_second_of_refill_and_at_most_a_tenth_of_the_burst(int burst, int perSecond, int chunk) =>
        Assert.Equal(chunk, PrefetchedTokens.ChunkFor(burst, perSecond));

    private static void Prefetched(PrefetchedTokens tokens, string principal, long count)
    {
        Assert.True(tokens.BeginPrefetch(principal, (int)count) > 0);
        tokens.EndPrefetch(principal, count);
    }
}
