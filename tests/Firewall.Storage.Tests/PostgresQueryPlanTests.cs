using Firewall.Core.Events;
using Firewall.Storage.Data;
using Firewall.Storage.Reading;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Tests;

/// <summary>
/// On PostgreSQL at a realistic size, with events partitioned by day, the reader's page query is a backward range scan of
/// the (severity, occurred_at, id) indexes of each partition it needs, newest first, that the LIMIT stops: no sort, no table
/// scan, and no more rows read than the page needs, however deep the cursor. On vacuumed partitions the covering index is
/// read without the heap (index-only scans with no heap fetch); only the rare rows too wide for it are read from the heap.
/// </summary>
public sealed class PostgresQueryPlanTests(LargePostgresStore store) : IClassFixture<LargePostgresStore>
{
    // A partition's copies of ix_events_list and ix_events_wide_occurred_at_id, named by PostgreSQL after their columns:
    // events_p20261016_severity_occurred_at_id_event_id_received__idx and events_p20261016_occurred_at_id_idx.
    private const string PartitionIndexPart = "_occurred_at_id_";
    private const string WideIndexSuffix = "_occurred_at_id_idx";
    private const int Take = 101; // the API's default limit of 100, plus the row that tells whether a next page exists
    private const int ReplayTake = 1000; // the default Firewall:Stream:ReplayLimit

    [Fact]
    public async Task A_single_severity_query_over_a_day_reads_one_page_of_the_composite_index_backwards()
    {
        var day = LargePostgresStore.Start.AddDays(LargePostgresStore.Days / 2);
        var filter = new EventFilter(new HashSet<Severity> { Severity.High }, day, day.AddDays(1));

        var plan = await ExplainAsync(filter, null);

        AssertIndexScanStoppedByTheLimit(plan);
    }

    [Fact]
    public async Task A_deep_keyset_page_seeks_to_the_cursor_instead_of_reading_the_rows_before_it()
    {
        var filter = new EventFilter(new HashSet<Severity> { Severity.Medium }, LargePostgresStore.Start, LargePostgresStore.Start.AddDays(LargePostgresStore.Days));
        // A cursor nine tenths of the way into the range: some 30,000 newer medium rows lie before it.
        var cursor = await CursorAtAsync(Severity.Medium, LargePostgresStore.Start.AddDays(LargePostgresStore.Days / 10.0));

        var plan = await ExplainAsync(filter, cursor);

        AssertIndexScanStoppedByTheLimit(plan);
    }

    [Fact]
    public async Task A_query_over_several_severities_merges_one_limited_index_scan_per_severity_in_the_database()
    {
        var day = LargePostgresStore.Start.AddDays(LargePostgresStore.Days / 2);
        var severities = new HashSet<Severity> { Severity.High, Severity.Critical, Severity.Fatal };
        var filter = new EventFilter(severities, day, day.AddDays(3));

        var plan = await ExplainAsync(filter, null);

        Assert.Equal("Limit", plan.Nodes[0]["Node Type"].GetString());
        AssertNoTableScan(plan);
        // Each severity's branch is its own Limit over backward index scans; what is left to order is at most one page each.
        var sorted = plan.OfType("Sort").Sum(s => s["Actual Rows"].GetInt64());
        Assert.True(sorted <= severities.Count * Take, plan.Json);
        var scans = plan.OfType("Index Scan", "Index Only Scan").Where(s => s["Actual Loops"].GetInt64() > 0).ToList();
        Assert.All(scans, scan => Assert.True(scan["Scan Direction"].GetString() == "Backward", plan.Json));
        Assert.True(scans.Sum(s => s["Actual Rows"].GetInt64()) <= severities.Count * (Take + scans.Count), plan.Json);
        AssertHeapReadOnlyForRowsTooWideForTheListIndex(plan);
    }

    [Fact]
    public async Task The_live_tail_replay_merges_backward_primary_key_scans_of_the_partitions_that_the_limit_stops()
    {
        // A client resuming a minSeverity=medium tail 50,000 events back: more than the replay limit was missed.
        var filter = new EventFilter(new HashSet<Severity> { Severity.Medium, Severity.High, Severity.Critical, Severity.Fatal }, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        await using var db = await store.Store.CreateDbContextAsync();
        var newest = await db.Events.MaxAsync(e => e.Id);

        var plan = await ExplainAsync(db, EventQueries.After(db, filter, newest - 50_000, ReplayTake));

        Assert.Equal("Limit", plan.Nodes[0]["Node Type"].GetString());
        Assert.True(!plan.OfType("Sort", "Incremental Sort").Any(), plan.Json);
        Assert.True(!plan.OfType("Seq Scan", "Bitmap Heap Scan").Any(), plan.Json);
        Assert.Single(plan.OfType("Merge Append"));
        var scans = plan.OfType("Index Scan").ToList();
        Assert.True(scans.Count > LargePostgresStore.Days, plan.Json); // every partition: the days loaded, those kept ahead, the default one
        Assert.All(scans, scan =>
        {
            Assert.True(scan["Index Name"].GetString()!.EndsWith("_pkey", StringComparison.Ordinal), plan.Json);
            Assert.True(scan["Scan Direction"].GetString() == "Backward", plan.Json);
        });
        // A third of the rows are medium or above: the LIMIT stops the scans after about three pages' worth, not 50,000 rows.
        var read = scans.Sum(s => s["Actual Rows"].GetInt64() + (s.TryGetValue("Rows Removed by Filter", out var removed) ? removed.GetInt64() : 0));
        Assert.True(read < 4 * ReplayTake, $"the scans read {read} rows for {ReplayTake}: {plan.Json}");
    }

    private static void AssertIndexScanStoppedByTheLimit(PostgresPlan plan)
    {
        Assert.Equal("Limit", plan.Nodes[0]["Node Type"].GetString());
        // Only the wide rows' scan may sort, and only its few rows; the covering index is read in order.
        Assert.True(plan.OfType("Sort", "Incremental Sort").Sum(s => s["Actual Rows"].GetInt64()) <= Take, plan.Json);
        AssertNoTableScan(plan);
        // events is partitioned by day: one backward scan of the composite index per partition the range touches, each
        // partition's copy of the parent's index. The scans that ran are the ones the LIMIT needed.
        var scans = plan.OfType("Index Scan", "Index Only Scan").ToList();
        Assert.NotEmpty(scans);
        Assert.All(scans, scan =>
        {
            Assert.Contains(PartitionIndexPart, scan["Index Name"].GetString()!, StringComparison.Ordinal);
            Assert.True(scan["Scan Direction"].GetString() == "Backward", plan.Json);
        });
        // The wide rows' scan filters the severities on its few rows; the covering index's scans filter nothing.
        var ran = scans.Where(s => s["Actual Loops"].GetInt64() > 0 && s["Node Type"].GetString() == "Index Only Scan").ToList();
        var rows = ran.Sum(s => s["Actual Rows"].GetInt64());
        var removed = ran.Sum(s => s.TryGetValue("Rows Removed by Filter", out var count) ? count.GetInt64() : 0);
        // Newest partition first (an ordered Append): the page, plus at most the one row per partition that tells the Append
        // to move on; the only row skipped may be the cursor's own (the index bound is <=).
        Assert.True(rows <= Take + ran.Count && removed <= 1, $"{ran.Count} scans returned {rows} rows and skipped {removed} for a page of {Take}: {plan.Json}");
        AssertHeapReadOnlyForRowsTooWideForTheListIndex(plan);
    }

    /// <summary>No sequential scan; a bitmap scan only of the rows too wide for the covering index, which the planner may choose for so few.</summary>
    private static void AssertNoTableScan(PostgresPlan plan)
    {
        Assert.True(!plan.OfType("Seq Scan").Any(), plan.Json);
        Assert.All(plan.OfType("Bitmap Index Scan"), scan => Assert.True(scan["Index Name"].GetString()!.EndsWith(WideIndexSuffix, StringComparison.Ordinal), plan.Json));
    }

    /// <summary>
    /// The page's rows come from index-only scans of the covering index that fetch nothing from the (vacuumed) heap; the heap
    /// is read only through the index of the rows too wide for it (one row in 500 here), and no more of them than a page.
    /// </summary>
    private static void AssertHeapReadOnlyForRowsTooWideForTheListIndex(PostgresPlan plan)
    {
        var covering = plan.OfType("Index Only Scan").Where(s => s["Actual Loops"].GetInt64() > 0).ToList();
        Assert.NotEmpty(covering);
        Assert.All(covering, scan => Assert.True(scan["Heap Fetches"].GetInt64() == 0, plan.Json));
        Assert.All(plan.OfType("Index Scan", "Bitmap Index Scan"), scan => Assert.True(scan["Index Name"].GetString()!.EndsWith(WideIndexSuffix, StringComparison.Ordinal), plan.Json));
        var narrow = plan.OfType("Index Scan", "Bitmap Heap Scan").Where(s => s["Actual Loops"].GetInt64() > 0).ToList();
        var wideRead = narrow.Sum(s => s["Actual Rows"].GetInt64() + (s.TryGetValue("Rows Removed by Filter", out var removed) ? removed.GetInt64() : 0));
        Assert.True(wideRead <= Take, plan.Json);
    }

    private async Task<PostgresPlan> ExplainAsync(EventFilter filter, Keyset? after)
    {
        await using var db = await store.Store.CreateDbContextAsync();
        return await ExplainAsync(db, EventQueries.MergedPage(db.Events.AsNoTracking(), filter, after, Take, byListIndex: true));
    }

    /// <summary>EXPLAIN of the very command the reader sends (SQL and bound parameters), executed.</summary>
    private static async Task<PostgresPlan> ExplainAsync(FirewallDbContext db, IQueryable<EventRecord> query)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + command.CommandText;
        return PostgresPlan.Parse((string)(await command.ExecuteScalarAsync())!);
    }

    private async Task<Keyset> CursorAtAsync(Severity severity, DateTimeOffset time)
    {
        await using var db = await store.Store.CreateDbContextAsync();
        var utc = time.UtcDateTime;
        var row = await db.Events.AsNoTracking()
            .Where(e => e.Severity == severity && e.OccurredAt < utc)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Select(e => new { e.OccurredAt, e.Id })
            .FirstAsync();
        return new Keyset(new DateTimeOffset(row.OccurredAt, TimeSpan.Zero), row.Id);
    }
}
