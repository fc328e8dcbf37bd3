using System.Data.Common;
using Firewall.Core.Events;
using Firewall.Storage.Data;
using Firewall.Storage.Reading;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Tests;

/// <summary>On SQLite the page query must be an ordered range scan of the composite index: no table scan, no sort. PostgreSQL: <see cref="PostgresQueryPlanTests"/>.</summary>
public sealed class SqliteQueryPlanTests() : TestStore(StoreProvider.Sqlite)
{
    private static readonly EventFilter Filter = new(new HashSet<Severity> { Severity.High }, TestEvents.Noon, TestEvents.Noon.AddHours(1));

    [Fact]
    public async Task The_severity_and_time_query_searches_the_composite_index_without_sorting()
    {
        var plan = await PlanAsync(Filter, null);

        Assert.Contains("SEARCH e USING INDEX ix_events_severity_occurred_at_id (severity=? AND occurred_at>? AND occurred_at<?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task A_later_page_with_every_filter_still_searches_the_composite_index_without_sorting()
    {
        var filter = Filter with
        {
            Types = new HashSet<EventType> { EventType.Jailbreak },
            Categories = new HashSet<OwaspCategory> { OwaspCategory.Llm01 },
            Actions = new HashSet<EventAction> { EventAction.Blocked },
            AgentId = "edge-eu-1",
        };

        var plan = await PlanAsync(filter, new Keyset(TestEvents.Noon.AddMinutes(30), 42));

        Assert.Contains("SEARCH e USING INDEX ix_events_severity_occurred_at_id (severity=? AND occurred_at>? AND occurred_at<?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    [Fact]
    public async Task The_live_tail_replay_searches_the_primary_key_backwards_without_sorting()
    {
        var filter = new EventFilter(new HashSet<Severity> { Severity.High, Severity.Critical }, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, AgentId: "edge-eu-1");

        var plan = await PlanAsync(db => EventQueries.After(db, filter, 42, 1000));

        Assert.Contains("SEARCH e USING INTEGER PRIMARY KEY (rowid>?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    }

    private Task<string> PlanAsync(EventFilter filter, Keyset? after) =>
        PlanAsync(db => EventQueries.Page(db.Events.AsNoTracking(), Severity.High, filter, after, 101));

    private async Task<string> PlanAsync(Func<FirewallDbContext, IQueryable<EventRecord>> query)
    {
        await Writer.WriteAsync([.. Enumerable.Range(0, 50).Select(i => TestEvents.New((Severity)(i % 7), TestEvents.Noon.AddMinutes(i)))], default);
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();

        await using var command = query(db).CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        var details = new List<string>();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return string.Join('\n', details);
    }
}
