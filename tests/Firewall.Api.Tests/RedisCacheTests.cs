using Firewall.Api.Tests.Infrastructure;
using Firewall.Testing;

namespace Firewall.Api.Tests;

/// <summary>Invariants 3 and 4 across replicas: two API hosts share one PostgreSQL database and one Redis.</summary>
public sealed class RedisCacheTests : IAsyncLifetime
{
    private Replicas _replicas = null!;

    public async Task InitializeAsync() => _replicas = await Replicas.StartAsync(2, TestServices.Redis);

    public async Task DisposeAsync() => await _replicas.DisposeAsync();

    [Fact]
    public async Task AnEventPostedOnOneReplicaIsInTheNextQueryOnTheOtherEvenWhenCached()
    {
        var (agentA, agentB) = (_replicas[0].Agent(), _replicas[1].Agent());
        var (analystA, analystB) = (_replicas[0].Analyst(), _replicas[1].Analyst());
        for (var round = 0; round < 50; round++)
        {
            var agentId = $"ryw-{round}-{Guid.NewGuid():N}";
            var url = EventsUrl.For($"agentId={agentId}");
            await analystB.QueryAsync(url);
            await analystA.QueryAsync(url);

            // Concurrent writers on both replicas; each checks its own event on the other replica as soon as its POST returns.
            await Task.WhenAll(
                WriteThenReadAsync(agentA, analystB, agentId, url),
                WriteThenReadAsync(agentB, analystA, agentId, url),
                WriteThenReadAsync(agentA, analystB, agentId, url));
        }
    }

    [Fact]
    public async Task ABenignEventKeepsAHighEntryCachedOnEveryReplicaAndAHighEventDoesNot()
    {
        var url = EventsUrl.For($"minSeverity=high&agentId=targeted-{Guid.NewGuid():N}");
        var (analystA, analystB) = (_replicas[0].Analyst(), _replicas[1].Analyst());
        Assert.Equal("MISS", await analystB.XCacheAsync(url));
        Assert.Equal("HIT", await analystA.XCacheAsync(url));

        await _replicas[0].Agent().PostForAgentAsync("someone-else", benign: true);
        Assert.Equal("HIT", await analystB.XCacheAsync(url));

        await _replicas[0].Agent().PostForAgentAsync("someone-else");
        Assert.Equal("MISS", await analystB.XCacheAsync(url));
    }

    private static async Task WriteThenReadAsync(HttpClient agent, HttpClient otherAnalyst, string agentId, string url)
    {
        var eventId = await agent.PostForAgentAsync(agentId);
        var (_, body) = await otherAnalyst.QueryAsync(url);
        Assert.Contains(eventId, body, StringComparison.Ordinal);
    }
}
