using System.Diagnostics;
using Firewall.Bench.Load;
using Firewall.Bench.Postgres;
using Firewall.Bench.Scenarios;
using Npgsql;

namespace Firewall.Bench.Baselines;

/// <summary>
/// What PostgreSQL can do with the same rows, table and indexes and no API in between: the ceilings the ingest
/// scenarios are divided by. Each runs on a fresh database migrated like the API's.
/// </summary>
public static class DatabaseBaselines
{
    /// <summary>Binary COPY of batches straight into events, one writer: the absolute ceiling (no idempotency).</summary>
    public static Task<ScenarioResult> CopyAsync(BenchContext context, int batch) =>
        BatchWriterAsync(context, "baseline-copy", $"binary COPY of {batch}-row batches into events, one connection", batch, retryShare: 0,
            async (connection, table, rows, cancellationToken) => await EventCopier.CopyAsync(connection, table, "events", rows, cancellationToken));

    /// <summary>
    /// COPY into a session's staging table, then one INSERT … SELECT … ON CONFLICT DO NOTHING, in one transaction per
    /// batch: the fastest idempotent path, the group commit's ceiling. The rows include the mix's retries.
    /// </summary>
    public static Task<ScenarioResult> CopyStagingAsync(BenchContext context, int batch) =>
        BatchWriterAsync(context, "baseline-copy-staging", $"COPY {batch}-row batches to staging + INSERT … ON CONFLICT DO NOTHING, one connection", batch, retryShare: 0.03,
            async (connection, table, rows, cancellationToken) =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await EventCopier.CopyAsync(connection, table, "bench_staging", rows, cancellationToken);
                // No conflict target: it must also hold when event_id's unique index includes a partition key.
                await using var insert = new NpgsqlCommand(
                    $"INSERT INTO events ({table.ColumnList}) SELECT {table.ColumnList} FROM bench_staging ON CONFLICT DO NOTHING", connection, transaction);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            },
            prepare: (connection, table) => new NpgsqlCommand(
                $"CREATE TEMP TABLE bench_staging ON COMMIT DELETE ROWS AS SELECT {table.ColumnList} FROM events WITH NO DATA", connection));

    /// <summary>One INSERT per transaction from as many connections as the scenario has agents: what a naive API would do.</summary>
    public static async Task<ScenarioResult> InsertPerTransactionAsync(BenchContext context)
    {
        await using var database = await context.Postgres.CreateDatabaseAsync("insert");
        await ApiSession.MigrateAsync(context, database);
        await using var source = database.OpenDataSource();
        var table = await EventsTable.ReadAsync(source);
        var clients = context.Options.Concurrency;
        var sources = Enumerable.Range(0, clients).Select(client => RowSource.For(context.Templates, client, retryShare: 0)).ToArray();
        var sql = $"INSERT INTO events ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"${i + 1}"))})";
        var outcome = await LoadDriver.RunAsync("baseline-insert-per-tx", clients, context.Timing, async (client, tally, cancellationToken) =>
        {
            var row = sources[client].Next(DateTime.UtcNow);
            var started = Stopwatch.GetTimestamp();
            await using var connection = await source.OpenConnectionAsync(cancellationToken);
            await using var insert = new NpgsqlCommand(sql, connection);
            foreach (var column in table.Columns)
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = row[column.Name] ?? DBNull.Value, DataTypeName = column.DataTypeName });
            }

            await insert.ExecuteNonQueryAsync(cancellationToken);
            tally.Latency.Record(started, Stopwatch.GetTimestamp());
            tally.Requests++;
            tally.Items++;
        }, context.Progress);
        return ScenarioResult.From("baseline-insert-per-tx", $"one INSERT per transaction, {clients} connections", "rows/s", clients, outcome, null);
    }

    private delegate Task WriteBatch(NpgsqlConnection connection, EventsTable table, List<StoredRow> rows, CancellationToken cancellationToken);

    private static async Task<ScenarioResult> BatchWriterAsync(
        BenchContext context, string name, string description, int batch, double retryShare, WriteBatch write,
        Func<NpgsqlConnection, EventsTable, NpgsqlCommand>? prepare = null)
    {
        await using var database = await context.Postgres.CreateDatabaseAsync(name);
        await ApiSession.MigrateAsync(context, database);
        await using var source = database.OpenDataSource();
        var table = await EventsTable.ReadAsync(source);
        await using var connection = await source.OpenConnectionAsync();
        if (prepare is not null)
        {
            await using var command = prepare(connection, table);
            await command.ExecuteNonQueryAsync();
        }

        var rows = RowSource.For(context.Templates, seed: 3, retryShare);
        var outcome = await LoadDriver.RunAsync(name, 1, context.Timing, async (_, tally, cancellationToken) =>
        {
            var next = rows.Batch(batch, DateTime.UtcNow);
            var started = Stopwatch.GetTimestamp();
            await write(connection, table, next, cancellationToken);
            tally.Latency.Record(started, Stopwatch.GetTimestamp());
            tally.Requests++;
            tally.Items += batch;
        }, context.Progress);
        return ScenarioResult.From(name, description, "rows/s", 1, outcome, null);
    }
}
