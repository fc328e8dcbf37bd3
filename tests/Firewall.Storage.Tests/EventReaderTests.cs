using Firewall.Core.Events;
using Firewall.Storage.Reading;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Tests;

public abstract class EventReaderTests(StoreProvider provider) : TestStore(provider)
{
    private static readonly HashSet<Severity> AllSeverities = [.. Enum.GetValues<Severity>()];

    [Fact]
    public async Task Keyset_pages_return_every_row_once_newest_first_across_severities_and_equal_times()
    {
        // Five timestamps, four events on each, spread over severities: many rows share occurredAt.
        var inputs = Enumerable.Range(0, 20).Select(i => TestEvents.New((Severity)(i % 4 + 2), TestEvents.Noon.AddSeconds(i % 5))).ToList();
        var written = await Writer.WriteAsync(inputs, default);
        var filter = new EventFilter(AllSeverities, TestEvents.Noon, TestEvents.Noon.AddMinutes(1));

        var seen = new List<SecurityEvent>();
        Keyset? after = null;
        var pages = 0;
        do
        {
            var page = await Reader.QueryAsync(filter, 3, after, PageFields.Excerpt, default);
            Assert.InRange(page.Items.Count, 1, 3);
            seen.AddRange(page.Items.Select(i => i.Event));
            after = page.Next;
            pages++;
        }
        while (after is not null);

        var expected = written.Select(r => r.Event).OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Select(e => e.Id);
        Assert.Equal(expected, seen.Select(e => e.Id));
        Assert.Equal(7, pages);
    }

    [Fact]
    public async Task An_event_too_wide_for_the_covering_list_index_is_stored_and_listed_in_order_with_the_others()
    {
        // On PostgreSQL the wide row would fail its whole batch in the covering index; it goes to the narrow one instead.
        var wide = TestEvents.Wide(TestEvents.New(occurredAt: TestEvents.Noon.AddSeconds(1)));
        var written = await Writer.WriteAsync([TestEvents.New(), wide, TestEvents.New(occurredAt: TestEvents.Noon.AddSeconds(2))], default);

        var page = await Reader.QueryAsync(new EventFilter(AllSeverities, TestEvents.Noon, TestEvents.Noon.AddMinutes(1)), 10, null, PageFields.Excerpt, default);

        Assert.Equal(written.Select(r => r.Event.Id).Reverse(), page.Items.Select(i => i.Event.Id));
        Assert.Equal(wide.Event.Message, page.Items[1].Event.Message);
        Assert.Equal(wide.Event.Attributes!.Keys, page.Items[1].Event.Attributes!.Keys);
    }

    [Fact]
    public async Task A_page_holding_the_last_rows_has_no_next_keyset()
    {
        await Writer.WriteAsync([TestEvents.New(), TestEvents.New()], default);

        var page = await Reader.QueryAsync(new EventFilter(AllSeverities, TestEvents.Noon, TestEvents.Noon.AddMinutes(1)), 2, null, PageFields.Excerpt, default);

        Assert.Equal(2, page.Items.Count);
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Only_the_requested_severities_are_returned()
    {
        await Writer.WriteAsync([TestEvents.New(Severity.Low), TestEvents.New(Severity.High), TestEvents.New(Severity.Critical)], default);

        var page = await Reader.QueryAsync(new EventFilter(new HashSet<Severity> { Severity.High, Severity.Critical }, TestEvents.Noon, TestEvents.Noon.AddMinutes(1)), 10, null, PageFields.Excerpt, default);

        Assert.Equal([Severity.Critical, Severity.High], page.Items.Select(i => i.Event.Severity).Order().Reverse());
    }

    [Fact]
    public async Task The_time_range_includes_from_and_excludes_to()
    {
        var from = TestEvents.Noon;
        var to = TestEvents.Noon.AddMinutes(5);
        await Writer.WriteAsync([TestEvents.New(occurredAt: from.AddTicks(-10)), TestEvents.New(occurredAt: from), TestEvents.New(occurredAt: to.AddTicks(-10)), TestEvents.New(occurredAt: to)], default);

        var page = await Reader.QueryAsync(new EventFilter(AllSeverities, from, to), 10, null, PageFields.Excerpt, default);

        Assert.Equal([to.AddTicks(-10), from], page.Items.Select(i => i.Event.OccurredAt));
    }

    [Fact]
    public async Task Type_category_action_and_agent_filters_all_apply()
    {
        var match = TestEvents.New(type: EventType.SecretLeak, category: OwaspCategory.Llm02, action: EventAction.Redacted, agentId: "a");
        await Writer.WriteAsync(
        [
            match,
            TestEvents.New(type: EventType.Jailbreak, category: OwaspCategory.Llm02, action: EventAction.Redacted, agentId: "a"),
            TestEvents.New(type: EventType.SecretLeak, category: OwaspCategory.Llm01, action: EventAction.Redacted, agentId: "a"),
            TestEvents.New(type: EventType.SecretLeak, category: OwaspCategory.Llm02, action: EventAction.Blocked, agentId: "a"),
            TestEvents.New(type: EventType.SecretLeak, category: OwaspCategory.Llm02, action: EventAction.Redacted, agentId: "b"),
        ], default);
        var filter = new EventFilter(
            AllSeverities,
            TestEvents.Noon,
            TestEvents.Noon.AddMinutes(1),
            Types: new HashSet<EventType> { EventType.SecretLeak, EventType.PiiLeak },
            Categories: new HashSet<OwaspCategory> { OwaspCategory.Llm02 },
            Actions: new HashSet<EventAction> { EventAction.Redacted },
            AgentId: "a");

        var page = await Reader.QueryAsync(filter, 10, null, PageFields.Excerpt, default);

        Assert.Equal(match.Event.EventId, Assert.Single(page.Items).Event.EventId);
    }

    [Fact]
    public async Task A_page_carries_the_first_256_characters_of_a_long_content_and_fields_full_or_the_id_all_of_it()
    {
        // 300 characters, astral ones included: the cut counts characters and never splits a surrogate pair.
        var content = string.Concat(Enumerable.Repeat("ab\U0001F600", 100));
        var input = TestEvents.New();
        var written = await Writer.WriteAsync([input with { Event = input.Event with { Content = content } }, TestEvents.New(Severity.Low)], default);
        var filter = new EventFilter(AllSeverities, TestEvents.Noon, TestEvents.Noon.AddMinutes(1));

        var excerpt = (await Reader.QueryAsync(filter, 10, null, PageFields.Excerpt, default)).Items.ToDictionary(i => i.Event.Id);
        var full = (await Reader.QueryAsync(filter, 10, null, PageFields.Full, default)).Items.ToDictionary(i => i.Event.Id);

        var (longId, shortId) = (written[0].Event.Id, written[1].Event.Id);
        Assert.Equal(string.Concat(Enumerable.Repeat("ab\U0001F600", 85)) + "a", excerpt[longId].Event.Content);
        Assert.True(excerpt[longId].ContentTruncated);
        Assert.Equal(written[1].Event.Content, excerpt[shortId].Event.Content);
        Assert.False(excerpt[shortId].ContentTruncated);
        Assert.Equal(content, full[longId].Event.Content);
        Assert.False(full[longId].ContentTruncated);
        Assert.Equal(content, (await Reader.FindAsync(longId, default))!.Content);
    }

    [Fact]
    public async Task Reading_after_an_id_returns_the_newest_matches_above_it_oldest_first_up_to_the_limit()
    {
        var written = new List<SecurityEvent>();
        for (var i = 0; i < 8; i++)
        {
            var input = TestEvents.New(i % 2 == 0 ? Severity.High : Severity.Low, TestEvents.Noon.AddMinutes(-i), agentId: i == 6 ? "b" : "a");
            written.Add((await Writer.WriteAsync([input], default))[0].Event);
        }

        var filter = new EventFilter(new HashSet<Severity> { Severity.High }, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, AgentId: "a");
        var matching = written.Where(filter.Matches).Select(e => e.Id).Order().ToList(); // three of the eight

        Assert.Equal(matching[1..], (await Reader.ReadAfterAsync(filter, matching[0], 10, default)).Select(e => e.Id));
        Assert.Equal(matching[1..], (await Reader.ReadAfterAsync(filter, 0, 2, default)).Select(e => e.Id));
        Assert.Empty(await Reader.ReadAfterAsync(filter, matching[^1], 10, default));
    }

    [Fact]
    public async Task The_in_memory_match_of_the_live_tail_agrees_with_the_store()
    {
        var written = (await Writer.WriteAsync(
        [
            TestEvents.New(Severity.High, type: EventType.SecretLeak, category: OwaspCategory.Llm02, action: EventAction.Redacted, agentId: "a"),
            TestEvents.New(Severity.Low, type: EventType.Jailbreak, category: OwaspCategory.Llm01, action: EventAction.Blocked, agentId: "a"),
            TestEvents.New(Severity.High, TestEvents.Noon.AddMinutes(5), type: EventType.SecretLeak, category: OwaspCategory.Llm02, action: EventAction.Redacted, agentId: "b"),
            TestEvents.New(Severity.Critical, TestEvents.Noon.AddMinutes(-5), type: EventType.PiiLeak, category: OwaspCategory.Llm02, action: EventAction.Flagged, agentId: "a"),
        ], default)).Select(r => r.Event).ToList();
        var all = new EventFilter(AllSeverities, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        EventFilter[] filters =
        [
            all,
            all with { Severities = new HashSet<Severity> { Severity.High, Severity.Critical } },
            all with { From = TestEvents.Noon, To = TestEvents.Noon.AddMinutes(5) },
            all with { Types = new HashSet<EventType> { EventType.SecretLeak, EventType.PiiLeak }, AgentId = "a" },
            all with { Categories = new HashSet<OwaspCategory> { OwaspCategory.Llm01 } },
            all with { Actions = new HashSet<EventAction> { EventAction.Redacted, EventAction.Flagged }, AgentId = "b" },
        ];

        foreach (var filter in filters)
        {
            var stored = await Reader.ReadAfterAsync(filter, 0, 10, default);
            Assert.Equal(written.Where(filter.Matches).Select(e => e.Id).Order(), stored.Select(e => e.Id));
        }
    }

    [Fact]
    public async Task Finding_an_unknown_id_returns_null()
    {
        Assert.Null(await Reader.FindAsync(12345, default));
    }

    [Fact]
    public async Task Counts_are_grouped_per_aligned_bucket_and_severity_from_the_rollup()
    {
        NewEvent At(int minutes, Severity severity) => TestEvents.New(severity, TestEvents.Noon.AddMinutes(minutes).AddSeconds(30));
        // Two writes so the second one adds to rows the first created.
        await Writer.WriteAsync([At(0, Severity.High), At(1, Severity.High), At(4, Severity.Low)], default);
        await Writer.WriteAsync([At(4, Severity.Low), At(5, Severity.Critical), At(12, Severity.High), At(15, Severity.High)], default);

        var counts = await Reader.CountAsync(TestEvents.Noon, TestEvents.Noon.AddMinutes(15), TimeSpan.FromMinutes(5), default);

        Assert.Equal([TestEvents.Noon, TestEvents.Noon.AddMinutes(5), TestEvents.Noon.AddMinutes(10)], counts.Select(c => c.Start));
        Assert.Equal(new Dictionary<Severity, long> { [Severity.High] = 2, [Severity.Low] = 2 }, counts[0].Counts);
        Assert.Equal(new Dictionary<Severity, long> { [Severity.Critical] = 1 }, counts[1].Counts);
        Assert.Equal(new Dictionary<Severity, long> { [Severity.High] = 1 }, counts[2].Counts);
    }

    [Fact]
    public async Task Whole_hour_buckets_come_from_the_hourly_rollup_and_agree_with_the_minutes()
    {
        NewEvent At(int minutes, Severity severity) => TestEvents.New(severity, TestEvents.Noon.AddMinutes(minutes).AddSeconds(30));
        await Writer.WriteAsync([At(-61, Severity.High), At(0, Severity.High), At(59, Severity.Low), At(60, Severity.High)], default);
        await Writer.WriteAsync([At(59, Severity.Low), At(130, Severity.Critical)], default);
        var (from, to) = (TestEvents.Noon, TestEvents.Noon.AddHours(3));

        var hours = await Reader.CountAsync(from, to, TimeSpan.FromHours(1), default);
        var minutes = await Reader.CountAsync(from, to, TimeSpan.FromMinutes(1), default);

        Assert.Equal([from, from.AddHours(1), from.AddHours(2)], hours.Select(c => c.Start));
        Assert.Equal(new Dictionary<Severity, long> { [Severity.High] = 1, [Severity.Low] = 2 }, hours[0].Counts);
        Assert.Equal(new Dictionary<Severity, long> { [Severity.High] = 1 }, hours[1].Counts);
        Assert.Equal(new Dictionary<Severity, long> { [Severity.Critical] = 1 }, hours[2].Counts);
        Assert.Equal(minutes.Sum(c => c.Counts.Values.Sum()), hours.Sum(c => c.Counts.Values.Sum()));
        await using var db = await Contexts.CreateDbContextAsync();
        Assert.Equal(5, await db.HourlyEventCounts.CountAsync()); // (10 h, high), (12 h, high), (12 h, low), (13 h, high), (14 h, critical)
    }

    [Fact]
    public async Task A_window_starting_and_ending_mid_hour_counts_its_edge_minutes_and_whole_hours_alike()
    {
        NewEvent At(int minutes, Severity severity) => TestEvents.New(severity, TestEvents.Noon.AddMinutes(minutes).AddSeconds(30));
        await Writer.WriteAsync(
            [At(-75, Severity.High), At(-50, Severity.Low), At(-10, Severity.High), At(0, Severity.High), At(59, Severity.Low),
             At(60, Severity.High), At(130, Severity.Critical), At(185, Severity.Low), At(200, Severity.High)], default);
        var (from, to) = (TestEvents.Noon.AddMinutes(-55), TestEvents.Noon.AddMinutes(190)); // 11:05 to 15:10

        var hours = await Reader.CountAsync(from, to, TimeSpan.FromHours(1), default);
        var days = await Reader.CountAsync(from, to, TimeSpan.FromDays(1), default);

        var noon = TestEvents.Noon;
        Assert.Equal([noon.AddHours(-1), noon, noon.AddHours(1), noon.AddHours(2), noon.AddHours(3)], hours.Select(c => c.Start));
        Assert.Equal(new Dictionary<Severity, long> { [Severity.Low] = 1, [Severity.High] = 1 }, hours[0].Counts); // edge minutes 11:05-11:59
        Assert.Equal(new Dictionary<Severity, long> { [Severity.High] = 1, [Severity.Low] = 1 }, hours[1].Counts);
        Assert.Equal(new Dictionary<Severity, long> { [Severity.High] = 1 }, hours[2].Counts);
        Assert.Equal(new Dictionary<Severity, long> { [Severity.Critical] = 1 }, hours[3].Counts);
        Assert.Equal(new Dictionary<Severity, long> { [Severity.Low] = 1 }, hours[4].Counts); // edge minutes 15:00-15:09
        var day = Assert.Single(days);
        Assert.Equal(new DateTimeOffset(noon.Date, TimeSpan.Zero), day.Start);
        Assert.Equal(new Dictionary<Severity, long> { [Severity.High] = 3, [Severity.Low] = 3, [Severity.Critical] = 1 }, day.Counts); // both rollups summed
    }
}

public sealed class EventReaderTestsOnSqlite() : EventReaderTests(StoreProvider.Sqlite);

public sealed class EventReaderTestsOnPostgres() : EventReaderTests(StoreProvider.Postgres);
