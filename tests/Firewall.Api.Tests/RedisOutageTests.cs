using System.Diagnostics;
using System.Net;
using Firewall.Api.Tests.Infrastructure;
using Firewall.Testing;

namespace Firewall.Api.Tests;

/// <summary>Invariant 5: Redis is an accelerator. Each test runs its own redis-server, to stop, pause or restart it.</summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private readonly RedisProcess _redis = RedisProcess.Reserve();
    private Replicas? _replicas;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_replicas is not null)
        {
            await _replicas.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task WithRedisStoppedIngestAndQueriesWorkUncachedAndReadinessSaysDegraded()
    {
        var api = await StartAsync();
        var url = $"/api/v1/events?agentId=down-{Guid.NewGuid():N}";
        Assert.Equal("MISS", await api.Analyst().XCacheAsync(url));

        await _redis.StopAsync();
        var eventId = await api.Agent().PostForAgentAsync(url[(url.IndexOf('=') + 1)..]);
        var (xcache, body) = await api.Analyst().QueryAsync(url);

        Assert.Equal("BYPASS", xcache);
        Assert.Contains(eventId, body, StringComparison.Ordinal);
        using var ready = await api.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithRedisStoppedAStreamStillGetsTheEventsOfItsOwnReplica()
    {
        var api = await StartAsync();
        var agentId = $"tail-down-{Guid.NewGuid():N}";
        await using var stream = await LiveStream.OpenAsync(api.Analyst(), $"?agentId={agentId}");

        await _redis.StopAsync();
        var eventId = await api.Agent().PostForAgentAsync(agentId);

        Assert.Equal(eventId, (await stream.NextEventAsync()).Event.GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task AfterARedisRestartEventsReachTheOtherReplicasStreamsAgain()
    {
        await _redis.StartAsync();
        _replicas = await Replicas.StartAsync(2, _redis.ConnectionString, ("Firewall:Redis:BreakDuration", "00:00:00.5"));
        var agentId = $"tail-restart-{Guid.NewGuid():N}";
        await using var onB = await LiveStream.OpenAsync(_replicas[1].Analyst(), $"?agentId={agentId}");

        await _redis.StopAsync();
        await _redis.StartAsync();

        // Live delivery is at most once: events posted while both replicas reconnect may be lost, but one soon gets through.
        var posted = new HashSet<string>();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            posted.Add(await _replicas[0].Agent().PostForAgentAsync(agentId));
            if (await onB.TryNextEventAsync(TimeSpan.FromSeconds(1)) is { } streamed)
            {
                Assert.Contains(streamed.Event.GetProperty("eventId").GetString()!, posted);
                return;
            }
        }

        Assert.Fail("no event posted on one replica reached the other's stream within 30 attempts after Redis restarted");
    }

    [Fact]
    public async Task APausedRedisMakesNoRequestSlowOnceTheBreakerIsOpen()
    {
        // A long timeout makes the difference plain: without the open breaker every request would wait 1.5 s for Redis.
        var api = await StartAsync(("Firewall:Redis:Timeout", "00:00:01.5"), ("Firewall:Redis:BreakDuration", "00:00:30"));
        var analyst = api.Analyst();
        var url = $"/api/v1/events?agentId=paused-{Guid.NewGuid():N}";
        await analyst.QueryAsync(url);

        await _redis.PauseAsync();
        // Concurrent, so the timeouts fall within one sampling window of the breaker and open it.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => analyst.QueryAsync(url)));

        for (var i = 0; i < 20; i++)
        {
            var clock = Stopwatch.StartNew();
            Assert.Equal("BYPASS", await analyst.XCacheAsync(url));
            Assert.True(clock.ElapsedMilliseconds < 750, $"request {i} took {clock.ElapsedMilliseconds} ms with the breaker open");
        }
    }

    [Fact]
    public async Task TheApiStartsBeforeRedisAndCachesOnceRedisIsUp()
    {
        var api = await StartAsync(started: false, ("Firewall:Redis:BreakDuration", "00:00:00.5"));
        var url = EventsUrl.For($"agentId=late-{Guid.NewGuid():N}");
        Assert.Equal("BYPASS", await api.Analyst().XCacheAsync(url));

        await _redis.StartAsync();

        Assert.Equal("MISS", (await UntilCacheUsedAsync(api.Analyst(), url)).XCache);
        Assert.Equal("HIT", await api.Analyst().XCacheAsync(url));
    }

    [Fact]
    public async Task ARedisRestartedFromItsRdbNeverServesAnEntryCachedBeforeAnEventItMissed()
    {
        var api = await StartAsync(("Firewall:Redis:BreakDuration", "00:00:00.5"));
        var agentId = $"rdb-{Guid.NewGuid():N}";
        var url = EventsUrl.For($"agentId={agentId}");
        await api.Analyst().QueryAsync(url);
        Assert.Equal("HIT", await api.Analyst().XCacheAsync(url));
        await _redis.SaveAsync();

        await _redis.StopAsync();
        var eventId = await api.Agent().PostForAgentAsync(agentId); // its generation bump is lost
        await _redis.StartAsync(); // the saved entry and the old generations are back

        var (xcache, body) = await UntilCacheUsedAsync(api.Analyst(), url);
        Assert.Equal("MISS", xcache);
        Assert.Contains(eventId, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyRedisAfterAStopNeverBringsBackAnEntryCachedBeforeTheStop()
    {
        var api = await StartAsync(("Firewall:Redis:BreakDuration", "00:00:00.5"));
        var agentId = $"empty-{Guid.NewGuid():N}";
        var url = EventsUrl.For($"agentId={agentId}");
        await api.Analyst().QueryAsync(url);
        Assert.Equal("HIT", await api.Analyst().XCacheAsync(url)); // now in the in-process L1 as well

        await _redis.StopAsync();
        var eventId = await api.Agent().PostForAgentAsync(agentId); // its generation bump is lost
        await _redis.StartAsync(); // empty: no epoch, no generations; a counter epoch would come back to its old value

        var (_, body) = await UntilCacheUsedAsync(api.Analyst(), url);
        Assert.Contains(eventId, body, StringComparison.Ordinal);
    }

    private async Task<ReplicaFactory> StartAsync(params (string, string)[] settings) => await StartAsync(started: true, settings);

    private async Task<ReplicaFactory> StartAsync(bool started, params (string, string)[] settings)
    {
        if (started)
        {
            await _redis.StartAsync();
        }

        _replicas = await Replicas.StartAsync(1, _redis.ConnectionString, settings);
        return _replicas[0];
    }

    /// <summary>Queries until the answer is not BYPASS (reconnecting takes a moment) and returns it; every answer must be a 200.</summary>
    private static async Task<(string XCache, string Body)> UntilCacheUsedAsync(HttpClient analyst, string url)
    {
        for (var i = 0; i < 100; i++)
        {
            var answer = await analyst.QueryAsync(url);
            if (answer.XCache != "BYPASS")
            {
                return answer;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the API did not use Redis again within 10 s");
    }
}
