using Firewall.Core.Events;
using Firewall.Storage.Writing;

namespace Firewall.Storage.Tests;

public abstract class EventWriterTests(StoreProvider provider) : TestStore(provider)
{
    [Fact]
    public async Task A_new_event_is_created_with_an_id_and_reads_back_as_written()
    {
        var input = TestEvents.New();

        var result = Assert.Single(await Writer.WriteAsync([input], default));

        Assert.Equal(WriteOutcome.Created, result.Outcome);
        Assert.True(result.Event.Id > 0);
        var stored = await Reader.FindAsync(result.Event.Id, default);
        Assert.NotNull(stored);
        Assert.Equal(input.Event.EventId, stored.EventId);
        Assert.Equal(input.Event.OccurredAt, stored.OccurredAt);
        Assert.Equal(TimeSpan.Zero, stored.OccurredAt.Offset);
        Assert.Equal(input.Event.Source, stored.Source);
        Assert.Equal(input.Event.Findings, stored.Findings);
        Assert.Equal(812, stored.Attributes!["tokens"].GetInt32());
        Assert.Equal(input.Event with { Id = stored.Id, Attributes = stored.Attributes, Findings = stored.Findings }, stored);
    }

    [Fact]
    public async Task Replaying_an_event_is_a_duplicate_that_returns_the_stored_event()
    {
        var input = TestEvents.New();
        var first = (await Writer.WriteAsync([input], default))[0];

        var replay = (await Writer.WriteAsync([input], default))[0];

        Assert.Equal(WriteOutcome.Duplicate, replay.Outcome);
        Assert.Equal(first.Event.Id, replay.Event.Id);
        Assert.Single((await Reader.CountAsync(TestEvents.Noon, TestEvents.Noon.AddMinutes(1), TimeSpan.FromMinutes(1), default))[0].Counts.Values, 1L);
    }

    [Fact]
    public async Task Reusing_an_event_id_for_another_payload_is_a_conflict_that_stores_nothing()
    {
        var input = TestEvents.New(payload: "one");
        var first = (await Writer.WriteAsync([input], default))[0];

        var other = TestEvents.New(Severity.Low, eventId: input.Event.EventId, payload: "two");
        var result = (await Writer.WriteAsync([other], default))[0];

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        Assert.Equal(first.Event.Id, result.Event.Id);
        Assert.Equal(Severity.High, result.Event.Severity);
        var counts = await Reader.CountAsync(TestEvents.Noon, TestEvents.Noon.AddMinutes(1), TimeSpan.FromMinutes(1), default);
        Assert.Equal(new Dictionary<Severity, long> { [Severity.High] = 1 }, counts[0].Counts);
    }

    [Fact]
    public async Task Within_one_write_the_first_occurrence_of_an_event_id_wins()
    {
        var first = TestEvents.New(payload: "one");
        var same = TestEvents.New(eventId: first.Event.EventId, payload: "one");
        var different = TestEvents.New(eventId: first.Event.EventId, payload: "two");
        var unrelated = TestEvents.New();

        var results = await Writer.WriteAsync([first, same, different, unrelated], default);

        Assert.Equal([WriteOutcome.Created, WriteOutcome.Duplicate, WriteOutcome.Conflict, WriteOutcome.Created], results.Select(r => r.Outcome));
        Assert.Equal(results[0].Event.Id, results[1].Event.Id);
        Assert.Equal(results[0].Event.Id, results[2].Event.Id);
        Assert.Equal(unrelated.Event.EventId, results[3].Event.EventId);
    }

    [Fact]
    public async Task Fifty_parallel_writers_are_all_committed_with_their_own_results()
    {
        var inputs = Enumerable.Range(0, 50).Select(i => TestEvents.New((Severity)(i % 7), TestEvents.Noon.AddSeconds(i))).ToList();

        var results = await Task.WhenAll(inputs.Select(e => Task.Run(() => Writer.WriteAsync([e], default))));

        Assert.All(results, r => Assert.Equal(WriteOutcome.Created, Assert.Single(r).Outcome));
        Assert.Equal(inputs.Select(e => e.Event.EventId), results.Select(r => r[0].Event.EventId));
        Assert.Equal(50, results.Select(r => r[0].Event.Id).Distinct().Count());
        var counts = await Reader.CountAsync(TestEvents.Noon, TestEvents.Noon.AddHours(1), TimeSpan.FromHours(1), default);
        Assert.Equal(50, Assert.Single(counts).Counts.Values.Sum());
    }
}

public sealed class EventWriterTestsOnSqlite() : EventWriterTests(StoreProvider.Sqlite);

public sealed class EventWriterTestsOnPostgres() : EventWriterTests(StoreProvider.Postgres);
