using System.Diagnostics;
using Firewall.Bench.Load;
using Npgsql;

namespace Firewall.Bench.Postgres;

/// <summary>
/// The large stored set the query scenarios read: the event mix spread evenly over <see cref="Days"/> days up to now,
/// loaded with binary COPY (the bulk path) into a migrated database, then the per-minute rollups, then ANALYZE. The
/// daily partitions of those days are created first, as the service would have created them ahead of time, so the rows
/// land where a month of real traffic would be rather than in the default partition.
/// </summary>
public static class QueryDataset
{
    public const int Days = 30;
    private const int RowsPerCopy = 10_000;

    public static async Task LoadAsync(BenchDatabase database, StoredRow[] templates, long rows, DateTime end, ProgressLine progress)
    {
        await using var source = database.OpenDataSource();
        var table = await EventsTable.ReadAsync(source);
        var rowSource = RowSource.For(templates, seed: 11, retryShare: 0);
        var start = end - TimeSpan.FromDays(Days);
        var step = TimeSpan.FromDays(Days).Ticks / Math.Max(rows, 1);
        var watch = Stopwatch.StartNew();
        await using (var partitions = source.CreateCommand(
            "SELECT ensure_events_partition(day::date) FROM generate_series($1::date, $2::date, interval '1 day') AS day"))
        {
            partitions.Parameters.Add(new NpgsqlParameter { Value = DateOnly.FromDateTime(start) });
            partitions.Parameters.Add(new NpgsqlParameter { Value = DateOnly.FromDateTime(end) });
            await partitions.ExecuteNonQueryAsync();
        }

        await using (var connection = await source.OpenConnectionAsync())
        {
            for (long done = 0; done < rows; done += RowsPerCopy)
            {
                var count = (int)Math.Min(RowsPerCopy, rows - done);
                var first = done;
                var batch = Enumerable.Range(0, count).Select(i => rowSource.Next(start.AddTicks((first + i) * step)));
                await EventCopier.CopyAsync(connection, table, "events", batch, CancellationToken.None);
                progress.Show("load query set", watch.Elapsed, watch.Elapsed, done + count, 0);
            }
        }

        progress.Done();
        await using var finish = source.CreateCommand("""
            INSERT INTO event_counts (minute, severity, count)
            SELECT floor(extract(epoch FROM occurred_at) / 60)::bigint, severity, count(*) FROM events GROUP BY 1, 2
            ON CONFLICT (minute, severity) DO UPDATE SET count = event_counts.count + excluded.count;
            INSERT INTO event_counts_hourly (hour, severity, count)
            SELECT minute / 60, severity, sum(count) FROM event_counts GROUP BY 1, 2
            ON CONFLICT (hour, severity) DO UPDATE SET count = excluded.count;
            ANALYZE;
            """);
        finish.CommandTimeout = 0;
        await finish.ExecuteNonQueryAsync();
        progress.Note($"loaded {rows:N0} events over {Days} days in {watch.Elapsed.TotalSeconds:0} s (COPY, rollups, ANALYZE)");
    }
}
