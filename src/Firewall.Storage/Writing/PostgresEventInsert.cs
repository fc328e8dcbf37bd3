using Firewall.Storage.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Firewall.Storage.Writing;

/// <summary>
/// One statement per batch: every column is sent as one array parameter and unnested, so the batch costs one round trip
/// and one plan whatever its size. <c>events</c> is partitioned and cannot hold a unique index on event_id alone, so the
/// rows first pass the <c>event_ids</c> gate: only the eventIds it takes (not stored before, nor committed meanwhile by
/// another writer) are inserted (docs/adr/003-partitions-and-idempotency.md). The gate takes its keys in eventId order,
/// so concurrent writers that share eventIds wait for each other instead of deadlocking. Binary COPY into a staging table
/// was measured against this statement and not kept (bench/README-ingest.md).
/// </summary>
internal sealed class PostgresEventInsert : IEventInsert
{
    private EventColumns? columns;
    private string? sql;

    public async Task<IReadOnlyDictionary<Guid, long>> InsertAsync(FirewallDbContext db, IReadOnlyList<EventRecord> records, CancellationToken cancellationToken)
    {
        columns ??= EventColumns.From(db.Model);
        sql ??= Sql(columns);

        await using var command = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        for (var i = 0; i < columns.All.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter($"p{i}", columns.All[i].ProviderArray(records)));
        }

        return await InsertedRows.ReadAsync(command, cancellationToken);
    }

    private static string Sql(EventColumns columns)
    {
        var arrays = string.Join(", ", columns.All.Select((c, i) => $"@p{i}::{c.StoreType}[]"));
        return $"""
            WITH input AS (SELECT * FROM unnest({arrays}) AS i({columns.NameList})),
                 gate AS (INSERT INTO event_ids (event_id, occurred_at) SELECT event_id, occurred_at FROM input ORDER BY event_id
                          ON CONFLICT (event_id) DO NOTHING RETURNING event_id)
            INSERT INTO events ({columns.NameList}) SELECT input.* FROM input JOIN gate USING (event_id) RETURNING id, event_id
            """;
    }
}
