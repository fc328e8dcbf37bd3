using System.Text.RegularExpressions;
using Firewall.Core.Events;
using Firewall.Storage.Data;
using Firewall.Storage.Reading;
using Microsoft.EntityFrameworkCore;

namespace Firewall.Storage.Tests;

/// <summary>Translation only, no server: the queries keep their index-friendly shape on Npgsql. Plans on a real server come with the PostgreSQL tests.</summary>
public sealed class PostgresTranslationTests
{
    [Fact]
    public void The_page_query_is_one_severity_and_time_range_ordered_like_the_index()
    {
        using var db = Context();
        var filter = new EventFilter(new HashSet<Severity> { Severity.High }, TestEvents.Noon, TestEvents.Noon.AddHours(1), Types: new HashSet<EventType> { EventType.Jailbreak });

        var sql = EventQueries.Page(db.Events.AsNoTracking(), Severity.High, filter, new Keyset(TestEvents.Noon.AddMinutes(5), 7), 101).ToQueryString();

        Assert.Contains("WHERE e.severity = @severity AND e.occurred_at >= @from AND e.occurred_at < @to AND e.occurred_at <= @time AND (e.occurred_at < @time OR (e.occurred_at = @time AND e.id < @id))", sql, StringComparison.Ordinal);
        Assert.Contains("ORDER BY e.occurred_at DESC, e.id DESC", sql, StringComparison.Ordinal);
        Assert.Contains("LIMIT @p", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("OFFSET", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_over_several_severities_is_one_statement_of_limited_per_severity_scans_cut_by_the_database()
    {
        using var db = Context();
        var filter = new EventFilter(new HashSet<Severity> { Severity.Critical, Severity.High, Severity.Fatal }, TestEvents.Noon, TestEvents.Noon.AddHours(1));

        var sql = EventQueries.MergedPage(db.Events.AsNoTracking(), filter, null, 101, byListIndex: false).ToQueryString();

        Assert.Equal(2, CountOf("UNION ALL", sql));
        Assert.Equal(4, CountOf("ORDER BY ", sql)); // each severity's scan, and the merge
        Assert.Equal(4, CountOf("LIMIT @", sql));
    }

    [Fact]
    public void By_the_list_index_each_severity_is_a_scan_of_the_covering_index_and_one_more_scan_reads_the_wide_rows()
    {
        using var db = Context();
        var filter = new EventFilter(new HashSet<Severity> { Severity.Critical, Severity.High, Severity.Fatal }, TestEvents.Noon, TestEvents.Noon.AddHours(1));

        var sql = EventQueries.MergedPage(db.Events.AsNoTracking(), filter, null, 101, byListIndex: true).ToQueryString();

        Assert.Equal(3, CountOf("UNION ALL", sql));
        Assert.Equal(5, CountOf("LIMIT @", sql));
        // Written as the migration's index predicates are, so that PostgreSQL proves each scan may use its partial index.
        Assert.Equal(3, Regex.Count(sql, @"WHERE \w+\.in_list_index AND "));
        Assert.Equal(1, Regex.Count(sql, @"WHERE NOT \(\w+\.in_list_index\) AND "));
    }

    [Fact]
    public void A_page_reads_the_stored_excerpt_and_never_the_content_unless_asked_for_whole_events()
    {
        using var db = Context();
        var filter = new EventFilter(new HashSet<Severity> { Severity.High, Severity.Low }, TestEvents.Noon, TestEvents.Noon.AddHours(1));

        var excerpt = EventQueries.MergedPage(db.Events.AsNoTracking(), filter, null, 101, byListIndex: false).ToQueryString();
        var full = EventQueries.MergedPage(db.Events.AsNoTracking(), filter, null, 101, byListIndex: false, PageFields.Full).ToQueryString();

        Assert.Equal(2, CountOf("content_excerpt AS \"Content\"", excerpt)); // in each severity's scan
        Assert.Equal(0, CountOf(".content ", excerpt) + CountOf(".content,", excerpt));
        Assert.Equal(0, CountOf(".fingerprint", excerpt)); // not in the covering index, and no list row shows it
        Assert.Contains(".content,", full, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stats_query_groups_the_rollup_with_integer_arithmetic()
    {
        using var db = Context();
        var sql = EventQueries.Counts(db.EventCounts, 0, 1440, 60).ToQueryString();

        Assert.Contains("(e.minute / @size) * @size", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE e.minute >= @first AND e.minute < @end", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Hour_aligned_stats_group_the_hourly_rollup()
    {
        using var db = Context();
        var sql = EventQueries.HourlyCounts(db.HourlyEventCounts, 0, 1440, 60).ToQueryString();

        Assert.Contains("FROM event_counts_hourly", sql, StringComparison.Ordinal);
        Assert.Contains("WHERE e.hour >= @firstHour AND e.hour < @endHour", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Stats_for_a_window_ending_mid_hour_read_whole_hours_hourly_and_only_the_last_minutes_by_minute()
    {
        using var db = Context();
        var sql = EventQueries.RollupCounts(db.EventCounts, db.HourlyEventCounts, 0, 1440 + 25, 60).ToQueryString();

        Assert.Contains("FROM event_counts_hourly", sql, StringComparison.Ordinal);
        Assert.Equal(1, CountOf("UNION ALL", sql));
        Assert.Equal(1, CountOf("FROM event_counts AS", sql));
    }

    private static int CountOf(string part, string sql) => (sql.Length - sql.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static FirewallDbContext Context()
    {
        var options = new DbContextOptionsBuilder<FirewallDbContext>();
        options.UseFirewallStore(StoreProvider.Postgres, "Host=localhost;Database=firewall");
        return new FirewallDbContext(options.Options);
    }
}
