using Firewall.Storage.Data;
using Firewall.Storage.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Firewall.Bench.Classifier;

/// <summary>
/// The measured alternative to the writer's <see cref="PostgresEventInsert"/> (issue 12, lever 3), kept here only for
/// <see cref="WriterInsertBenchmarks"/>: binary COPY of the batch into a staging table, then the same gate and insert as
/// one statement reading it. It costs three round trips more than the unnest statement and was not faster
/// (bench/README-ingest.md). The staging table is a temporary one dropped at commit:
/// Npgsql resets a connection (DISCARD ALL) when it goes back to the pool, so a session-long table would not survive
/// between batches anyway, and a permanent unlogged one would need one per writer and replica.
/// </summary>
internal sealed class CopyStagingEventInsert : IEventInsert
{
    private EventColumns? columns;
    private string? create;
    private string? copy;
    private string? insert;

    public async Task<IReadOnlyDictionary<Guid, long>> InsertAsync(FirewallDbContext db, IReadOnlyList<EventRecord> records, CancellationToken cancellationToken)
    {
        columns ??= EventColumns.From(db.Model);
        create ??= $"CREATE TEMP TABLE events_staging ON COMMIT DROP AS SELECT {columns.NameList} FROM events WITH NO DATA";
        copy ??= $"COPY events_staging ({columns.NameList}) FROM STDIN (FORMAT BINARY)";
        insert ??= $"""
            WITH gate AS (INSERT INTO event_ids (event_id, occurred_at) SELECT event_id, occurred_at FROM events_staging
                          ON CONFLICT (event_id) DO NOTHING RETURNING event_id)
            INSERT INTO events ({columns.NameList}) SELECT s.* FROM events_staging s JOIN gate USING (event_id) RETURNING id, event_id
            """;

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using (var command = new NpgsqlCommand(create, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var import = await connection.BeginBinaryImportAsync(copy, cancellationToken))
        {
            foreach (var record in records)
            {
                await import.StartRowAsync(cancellationToken);
                foreach (var column in columns.All)
                {
                    if (column.ProviderValue(record) is { } value)
                    {
                        await import.WriteAsync(value, column.StoreType, cancellationToken);
                    }
                    else
                    {
                        await import.WriteNullAsync(cancellationToken);
                    }
                }
            }

            await import.CompleteAsync(cancellationToken);
        }

        await using var select = new NpgsqlCommand(insert, connection, transaction);
        return await InsertedRows.ReadAsync(select, cancellationToken);
    }
}
