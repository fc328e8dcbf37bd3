using Firewall.Api.Tests.Infrastructure;
using Firewall.Testing;

namespace Firewall.Api.Tests;

/// <summary>The live tail across replicas: two API hosts share one PostgreSQL database and one Redis.</summary>
public sealed class StreamFanOutTests : IAsyncLifetime
{
    private Replicas _replicas = null!;

    public async Task InitializeAsync() => _replicas = await Replicas.StartAsync(2, TestServices.Redis);

    public async Task DisposeAsync() => await _replicas.DisposeAsync();

    [Fact]
    public async Task AnEventIngestedOnOneReplicaReachesAStreamOnTheOtherAndEachEventArrivesOnce()
    {
        var agentId = $"fan-out-{Guid.NewGuid():N}";
        await using var onB = await LiveStream.OpenAsync(_replicas[1].Analyst(), $"?agentId={agentId}");

        var fromA = await _replicas[0].Agent().PostForAgentAsync(agentId);
        Assert.Equal(fromA, EventId((await onB.NextEventAsync()).Event));

        // B's own event reaches B once: delivered here, and skipped when it comes back through Redis.
        var fromB = await _replicas[1].Agent().PostForAgentAsync(agentId);
        var againFromA = await _replicas[0].Agent().PostForAgentAsync(agentId);
        string[] next = [EventId((await onB.NextEventAsync()).Event), EventId((await onB.NextEventAsync()).Event)];
        // Each replica keeps its own commit order; between replicas, arrival order is not promised.
        Assert.Equal(new[] { fromB, againFromA }.Order(StringComparer.Ordinal), next.Order(StringComparer.Ordinal));
        var last = await _replicas[0].Agent().PostForAgentAsync(agentId);
        Assert.Equal(last, EventId((await onB.NextEventAsync()).Event));
    }

    private static string EventId(System.Text.Json.JsonElement streamed) => streamed.GetProperty("eventId").GetString()!;
}
