using Firewall.Core.Events;
using Firewall.Storage.Writing;

namespace Firewall.Storage.Tests;

/// <summary>
/// Several batch writers on PostgreSQL committing batches that share every eventId, each in another order: the gate and
/// the rollups are locked in key order, so no batch deadlocks (it would fail with 503), each eventId is created once.
/// </summary>
public sealed class ConcurrentWritersTests() : TestStore(StoreProvider.Postgres)
{
    private const int Writes = 24;

    [Fact]
    public async Task Batches_sharing_event_ids_in_different_orders_commit_without_deadlock_and_create_each_event_once()
    {
        // Spread over minutes and severities, so every batch upserts several rollup rows of both tables.
        var events = Enumerable.Range(0, 40).Select(i => TestEvents.New((Severity)(i % 5), TestEvents.Noon.AddMinutes(i % 7))).ToList();
        var random = new Random(12);
        var batches = new List<NewEvent[]>();
        for (var i = 0; i < Writes; i++)
        {
            NewEvent[] batch = [.. events];
            random.Shuffle(batch);
            batches.Add(batch);
        }

        var results = await Task.WhenAll(batches.Select(batch => Task.Run(() => Writer.WriteAsync(batch, default))));

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(events.Count, all.Count(r => r.Outcome == WriteOutcome.Created));
        Assert.Equal(events.Count * (Writes - 1), all.Count(r => r.Outcome == WriteOutcome.Duplicate));
        Assert.All(events, e => Assert.Single(all.Where(r => r.Event.EventId == e.Event.EventId).Select(r => r.Event.Id).Distinct()));
        var counts = await Reader.CountAsync(TestEvents.Noon, TestEvents.Noon.AddHours(1), TimeSpan.FromHours(1), default);
        Assert.Equal(events.Count, Assert.Single(counts).Counts.Values.Sum());
    }

    // One write per transaction, and more writers than the default, so transactions overlap.
    protected override Dictionary<string, string?> Configuration()
    {
        var configuration = base.Configuration();
        configuration["Firewall:Store:Writers"] = "4";
        configuration["Firewall:Store:MaxBatchEvents"] = "40";
        return configuration;
    }
}
