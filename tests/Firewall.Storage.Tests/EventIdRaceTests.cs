using Firewall.Storage.Data;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Tests;

/// <summary>Another replica stores the same eventId between our look-up and our insert: the batch is retried and answers a duplicate.</summary>
public abstract class EventIdRaceTests(StoreProvider provider) : TestStore(provider)
{
    [Fact]
    public async Task An_event_id_another_writer_commits_while_our_batch_waits_is_answered_as_a_duplicate_of_its_row()
    {
        var input = TestEvents.New();
        await using var replica = await Contexts.CreateDbContextAsync();
        await using var transaction = await replica.Database.BeginTransactionAsync();
        var theirs = EventMapping.ToRecord(input.Event, input.Fingerprint.Value);
        replica.Events.Add(theirs);
        await replica.SaveChangesAsync();
        if (Provider == StoreProvider.Postgres)
        {
            // Every writer passes the eventId gate of the partitioned table (docs/adr/003-partitions-and-idempotency.md).
            await replica.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO event_ids (event_id, occurred_at) VALUES ({theirs.EventId}, {theirs.OccurredAt})");
        }

        var ours = Writer.WriteAsync([input, TestEvents.New()], default);
        await WaitUntilOurBatchIsBlockedAsync();
        await transaction.CommitAsync();

        var results = await ours.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([WriteOutcome.Duplicate, WriteOutcome.Created], results.Select(r => r.Outcome));
        Assert.Equal(theirs.Id, results[0].Event.Id);
    }

    // PostgreSQL: our insert into the gate waits on its primary key for their transaction, then skips the eventId.
    // SQLite: our BEGIN IMMEDIATE waits for their write lock, so it looks up after they commit.
    private async Task WaitUntilOurBatchIsBlockedAsync()
    {
        if (Provider == StoreProvider.Sqlite)
        {
            await Task.Delay(300);
            return;
        }

        // Outside their transaction: pg_stat_activity is a snapshot taken once per transaction.
        await using var observer = await Contexts.CreateDbContextAsync();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var waiting = await observer.Database
                .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .SingleAsync();
            if (waiting > 0)
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("the batch never waited for the other writer's transaction");
    }
}

public sealed class EventIdRaceTestsOnSqlite() : EventIdRaceTests(StoreProvider.Sqlite);

public sealed class EventIdRaceTestsOnPostgres() : EventIdRaceTests(StoreProvider.Postgres);
