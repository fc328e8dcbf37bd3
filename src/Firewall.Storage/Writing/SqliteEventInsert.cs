using Firewall.Storage.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Firewall.Storage.Writing;

/// <summary>
/// One single-row insert, prepared once per batch and re-run for every row of the batch's transaction; ON CONFLICT skips
/// eventIds already stored, and SQLite (3.35+) returns the inserted rows only. Measured faster than multi-row statements:
/// Microsoft.Data.Sqlite binds parameters by name, which grows with the square of a statement's parameters.
/// </summary>
internal sealed class SqliteEventInsert : IEventInsert
{
    private EventColumns? columns;
    private string? sql;

    public async Task<IReadOnlyDictionary<Guid, long>> InsertAsync(FirewallDbContext db, IReadOnlyList<EventRecord> records, CancellationToken cancellationToken)
    {
        columns ??= EventColumns.From(db.Model);
        sql ??= $"INSERT INTO events ({columns.NameList}) VALUES ({string.Join(", ", columns.All.Select((_, c) => $"@c{c}"))}) " +
                "ON CONFLICT (event_id) DO NOTHING RETURNING id, event_id";

        await using var command = (SqliteCommand)db.Database.GetDbConnection().CreateCommand();
        command.Transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = sql;
        var inserted = new Dictionary<Guid, long>(records.Count);
        foreach (var record in records)
        {
            Bind(command, record);
            foreach (var (eventId, id) in await InsertedRows.ReadAsync(command, cancellationToken))
            {
                inserted.Add(eventId, id);
            }
        }

        return inserted;
    }

    // The EF type mappings convert and make the parameters (a Guid as upper-case text, a DateTime in EF's format), as SaveChanges would.
    private void Bind(SqliteCommand command, EventRecord record)
    {
        command.Parameters.Clear();
        for (var c = 0; c < columns!.All.Count; c++)
        {
            var column = columns.All[c];
            command.Parameters.Add(column.TypeMapping.CreateParameter(command, $"@c{c}", column.Value(record), column.IsNullable));
        }
    }
}
