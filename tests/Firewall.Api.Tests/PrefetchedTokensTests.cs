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

        Assert.Equal((10, 0), tokens.BeginPrefetch("agent-1", 10));
        Assert.Equal((0, 0), tokens.BeginPrefetch("agent-1", 10)); // concurrent: asks for its own tokens only
        Assert.Equal((10, 0), tokens.BeginPrefetch("agent-2", 10));
        tokens.EndPrefetch("agent-1", 0);                           // Redis refused or did not answer
        Assert.Equal((10, 0), tokens.BeginPrefetch("agent-1", 10));
        Assert.Equal((0, 0), tokens.BeginPrefetch("agent-3", 0));   // nothing to prefetch for a slow refill
    }

    [Fact]
    public void A_request_the_kept_tokens_cannot_answer_takes_them_all_to_return_with_its_own()
    {
        var tokens = new PrefetchedTokens(_time);
        Prefetched(tokens, "agent-1", 3);

        Assert.False(tokens.TrySpend("agent-1", 5));
        Assert.Equal((10, 3), tokens.BeginPrefetch("agent-1", 10));
        Assert.False(tokens.TrySpend("agent-1", 1));              // handed over: never spent here as well
        tokens.EndPrefetch("agent-1", 10);
        Assert.True(tokens.TrySpend("agent-1", 10));
        Assert.False(tokens.TrySpend("agent-1", 1));
    }

    [Fact]
    public void Lapsed_tokens_are_handed_over_once_to_be_returned_and_live_ones_stay()
    {
        var tokens = new PrefetchedTokens(_time);
        Prefetched(tokens, "agent-1", 4);
        _time.Advance(PrefetchedTokens.Lifetime / 2);
        Prefetched(tokens, "agent-2", 6);
        Assert.True(tokens.TrySpend("agent-1", 1));

        Assert.Empty(tokens.TakeLapsed());
        _time.Advance(PrefetchedTokens.Lifetime / 2);

        Assert.Equal([("agent-1", 3L)], tokens.TakeLapsed());
        Assert.Empty(tokens.TakeLapsed());
        Assert.True(tokens.TrySpend("agent-2", 6));
        _time.Advance(PrefetchedTokens.Lifetime);
        Assert.Empty(tokens.TakeLapsed());                         // spent tokens are not returned
    }

    [Fact]
    public void Lapsed_tokens_not_yet_handed_over_go_back_with_the_next_request_that_asks_Redis()
    {
        var tokens = new PrefetchedTokens(_time);
        Prefetched(tokens, "agent-1", 2);
        _time.Advance(PrefetchedTokens.Lifetime);                 // lapsed, not yet handed over

        Assert.Equal((5, 0), tokens.BeginPrefetch("agent-2", 5));   // another principal's fetch leaves them alone
        tokens.EndPrefetch("agent-2", 0);
        var (extra, returned) = tokens.BeginPrefetch("agent-1", 5);
        tokens.EndPrefetch("agent-1", extra);

        Assert.Equal(2, returned);
        Assert.True(tokens.TrySpend("agent-1", 5));
        Assert.False(tokens.TrySpend("agent-1", 1));
    }

    [Theory]
    [InlineData(20, 1, 0)]        // a slow refill prefetches nothing: every request asks Redis
    [InlineData(100, 50, 5)]
    [InlineData(1000, 10_000, 100)] // never more than a tenth of the burst
    public void The_chunk_is_a_tenth_of_a_second_of_refill_and_at_most_a_tenth_of_the_burst(int burst, int perSecond, int chunk) =>
        Assert.Equal(chunk, PrefetchedTokens.ChunkFor(burst, perSecond));

    private static void Prefetched(PrefetchedTokens tokens, string principal, long count)
    {
        Assert.True(tokens.BeginPrefetch(principal, (int)count).Extra > 0);
        tokens.EndPrefetch(principal, count);
    }
}
