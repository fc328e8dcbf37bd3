using Firewall.Core.Events;
using Firewall.Storage.Reading;
using Firewall.Storage.Retention;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Firewall.Storage.Tests;

public abstract class RetentionTests(StoreProvider provider) : TestStore(provider)
{
    protected static readonly DateTimeOffset Now = TestEvents.Noon;
    protected static readonly DateTimeOffset Old = Now.AddDays(-40);

    private protected IStoreMaintenance Maintenance => Services.GetRequiredService<IStoreMaintenance>();

    [Fact]
    public async Task Events_older_than_the_window_are_removed_with_their_counts_and_newer_ones_are_kept()
    {
        // On PostgreSQL a maintenance pass 40 days ago gave the old events a partition of their own.
        await Maintenance.RunAsync(Old, default);
        var old = Enumerable.Range(0, 7).Select(i => TestEvents.New(occurredAt: Old.AddMinutes(i))).ToList();
        var recent = new[] { TestEvents.New(occurredAt: Now.AddDays(-29)), TestEvents.New(occurredAt: Now) };
        await Writer.WriteAsync([.. old, .. recent], default);

        await Maintenance.RunAsync(Now, default);

        Assert.Equal(0, await StoredAsync(old));
        Assert.Equal(2, await StoredAsync(recent));
        Assert.Empty(await Reader.CountAsync(Old.AddHours(-1), Old.AddHours(1), TimeSpan.FromHours(1), default));
        Assert.NotEmpty(await Reader.CountAsync(Now, Now.AddMinutes(1), TimeSpan.FromMinutes(1), default));
    }

    [Fact]
    public async Task A_replay_of_an_event_into_another_day_is_still_a_duplicate()
    {
        await Maintenance.RunAsync(Now, default);
        var eventId = Guid.NewGuid();
        var first = await Writer.WriteAsync([TestEvents.New(eventId: eventId, occurredAt: Now)], default);

        // Same payload (fingerprint), another occurredAt: on PostgreSQL it would land in the next day's partition.
        var replay = await Writer.WriteAsync([TestEvents.New(eventId: eventId, occurredAt: Now.AddDays(1))], default);

        Assert.Equal(WriteOutcome.Created, first[0].Outcome);
        Assert.Equal(WriteOutcome.Duplicate, replay[0].Outcome);
        Assert.Equal(first[0].Event.Id, replay[0].Event.Id);
        Assert.Equal(1, await StoredAsync([TestEvents.New(eventId: eventId)]));
    }

    /// <summary>
    /// The background maintenance pass runs at start-up too: it must see the tests' clock, or as real days pass it would
    /// find the tests' "recent" events older than the window and delete them under the test.
    /// </summary>
    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));

    /// <remarks>A tiny delete batch, so the SQLite pass needs several transactions.</remarks>
    protected override Dictionary<string, string?> Configuration()
    {
        var configuration = base.Configuration();
        configuration["Firewall:Retention:Days"] = "30";
        configuration["Firewall:Retention:DeleteBatch"] = "3";
        return configuration;
    }

    protected async Task<int> StoredAsync(IEnumerable<NewEvent> events)
    {
        var ids = events.Select(e => e.Event.EventId).ToList();
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Events.CountAsync(e => ids.Contains(e.EventId));
    }
}

public sealed class RetentionTestsOnSqlite() : RetentionTests(StoreProvider.Sqlite);

public sealed class RetentionTestsOnPostgres() : RetentionTests(StoreProvider.Postgres)
{
    [Fact]
    public async Task Daily_partitions_from_yesterday_to_a_week_ahead_exist_after_start_up()
    {
        var today = DateOnly.FromDateTime(Now.UtcDateTime);
        var expected = Enumerable.Range(-PostgresMaintenance.DaysBehind, PostgresMaintenance.DaysBehind + PostgresMaintenance.DaysAhead + 1)
            .Select(d => $"events_p{today.AddDays(d):yyyyMMdd}")
            .Append("events_default")
            .ToList();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<string> partitions;
        while (!expected.All((partitions = await PartitionsAsync()).Contains) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.All(expected, p => Assert.Contains(p, partitions));
    }

    [Fact]
    public async Task Retention_drops_the_old_partition_and_every_partition_has_both_page_indexes()
    {
        await Maintenance.RunAsync(Old, default);
        await Maintenance.RunAsync(Now, default);

        var partitions = await PartitionsAsync();
        Assert.DoesNotContain($"events_p{Old:yyyyMMdd}", partitions);
        Assert.Contains($"events_p{Now:yyyyMMdd}", partitions);
        await using var db = await Contexts.CreateDbContextAsync();
        foreach (var index in new[] { "ix_events_list", "ix_events_wide_occurred_at_id" })
        {
            var indexed = await db.Database.SqlQueryRaw<string>("""
                SELECT c.relname AS "Value" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                WHERE i.inhparent = 'events'::regclass AND EXISTS (
                    SELECT 1 FROM pg_index x JOIN pg_inherits ii ON ii.inhrelid = x.indexrelid
                    WHERE x.indrelid = c.oid AND ii.inhparent = {0}::regclass)
                """, index).ToListAsync();
            Assert.Equal(partitions.Order(), indexed.Order());
        }
    }

    [Fact]
    public async Task An_event_outside_every_daily_partition_is_stored_in_the_default_partition()
    {
        var farFuture = TestEvents.New(occurredAt: Now.AddYears(5));

        var result = await Writer.WriteAsync([farFuture], default);

        Assert.Equal(WriteOutcome.Created, result[0].Outcome);
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM events_default").SingleAsync());
    }

    private async Task<List<string>> PartitionsAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<string>(
            "SELECT c.relname AS \"Value\" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass").ToListAsync();
    }
}
